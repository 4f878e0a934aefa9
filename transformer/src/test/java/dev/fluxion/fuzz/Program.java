package dev.fluxion.fuzz;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One generated program: a class with the entry point {@code public static double f(double[] x)}
 * (x of length {@link #dimension}) and its {@code @Differentiable} helpers, as syntax trees. Program
 * {@code index} of {@code seed} is always the same program ({@link ProgramGenerator}).
 */
final class Program {
    static final String PACKAGE = "dev.fluxion.fuzz.gen";

    /**
     * The classes of objects that programs make ({@link Construct#OBJECT_ARRAY}), in every program:
     * a mutable {@code Cell} whose methods keep {@code |b| <= 1}, a record, and two classes behind an
     * interface ({@code Part}: {@code |Lin.value| <= 1}, {@code |Wave.value| <= |k|}).
     */
    static final String OBJECT_CLASSES = """
                static final class Cell {
                    double a;
                    double b;
                    int n;

                    Cell() {
                    }

                    Cell(double a, double b) {
                        this.a = a;
                        this.b = b;
                    }

                    void relax(double v) {
                        b = 0.5 * b + 0.25 * Math.tanh(a * v);
                        n++;
                    }

                    double mix() {
                        return a * b;
                    }
                }

                record Pt(double x, double y) {
                }

                interface Part {
                    double value(double v);
                }

                static final class Lin implements Part {
                    final double k;

                    Lin(double k) {
                        this.k = k;
                    }

                    public double value(double v) {
                        return Math.tanh(k * v);
                    }
                }

                record Wave(double k) implements Part {
                    public double value(double v) {
                        return k * Math.sin(v);
                    }
                }
            """;

    final long seed;
    final int index;
    final int dimension;
    /**
     * The entry method first, then the helpers, then the declarations they use: helpers that take
     * functions, and an interface, its classes and the fields of objects and lambdas they call
     * through ({@link Outside}).
     */
    final List<Node> methods;

    Program(long seed, int index, int dimension, List<Node> methods) {
        this.seed = seed;
        this.index = index;
        this.dimension = dimension;
        this.methods = List.copyOf(methods);
    }

    Program withMethods(List<Node> newMethods) {
        return new Program(seed, index, dimension, newMethods);
    }

    /** A class name unique to the program, so that its diagnostics name it. */
    String className() {
        return "Fuzz_" + Long.toUnsignedString(seed) + "_" + index;
    }

    String qualifiedName(String simpleName) {
        return PACKAGE + "." + simpleName;
    }

    /** The Java source of the program as class {@code simpleName} in {@link #PACKAGE}. */
    String source(String simpleName) {
        StringBuilder s = new StringBuilder();
        s.append("package ").append(PACKAGE).append(";\n\n");
        s.append("import dev.fluxion.Differentiable;\n");
        s.append("import dev.fluxion.ScalarFunction;\n");
        s.append("import java.util.Arrays;\n");
        s.append("import java.util.function.DoubleBinaryOperator;\n");
        s.append("import java.util.function.DoubleUnaryOperator;\n\n");
        s.append("/** Program ").append(index).append(" of seed ").append(Long.toUnsignedString(seed))
                .append(": x has length ").append(dimension).append(". */\n");
        s.append("@SuppressWarnings(\"all\")\n");
        s.append("public final class ").append(simpleName).append(" {\n");
        s.append("    public static ScalarFunction entry() {\n");
        s.append("        return ").append(simpleName).append("::f;\n");
        s.append("    }\n");
        for (Node m : methods) {
            s.append('\n').append("    ").append(m.render(1)).append('\n');
        }
        s.append('\n').append(OBJECT_CLASSES);
        s.append("}\n");
        return s.toString();
    }

    String source() {
        return source(className());
    }

    /** How often each construct occurs in the program. */
    Map<Construct, Integer> constructs() {
        Map<Construct, Integer> counts = new EnumMap<>(Construct.class);
        for (Node m : methods) {
            m.walk(n -> n.marks.forEach(c -> counts.merge(c, 1, Integer::sum)));
        }
        return counts;
    }

    int size() {
        int n = 0;
        for (Node m : methods) {
            n += m.size();
        }
        return n;
    }
}
