package dev.fluxion.fuzz;

import static dev.fluxion.fuzz.Construct.*;

import dev.fluxion.fuzz.Node.Sort;
import java.util.ArrayList;
import java.util.List;

/**
 * Random expressions that stay on the safe side of every function: each double expression carries
 * a bound on its magnitude ({@link Node#bound}), computed from its parts, and an argument that
 * could leave a function's safe domain is {@link #fit fitted} first (scaled down, or squashed by
 * tanh/sin/atan). So {@code exp} sees at most 2, {@code log} and {@code sqrt} see {@code 1 + a*a},
 * denominators are at least 1/2, and nothing overflows.
 */
final class Expressions {
    private static final double[] CONSTANTS = {0.5, 1.5, 2.0, 0.25, 3.0, 0.1, 0.7, 1.25, -0.5, -1.5, -2.0, 0.3};

    private final MethodScope s;
    private final Calls calls;

    Expressions(MethodScope s, Calls calls) {
        this.s = s;
        this.calls = calls;
    }

    // ------------------------------------------------------------------ doubles

    /** The right-hand side of a statement: usually two levels deep, sometimes three. */
    Node expression() {
        return real(s.chance(0.1) ? 3 : 2);
    }

    /** A double expression of nesting at most {@code depth}. */
    Node real(int depth) {
        if (depth <= 0 || s.chance(0.3)) {
            return leaf();
        }
        int kind = s.rng.nextInt(10);
        switch (kind) {
            case 0, 1, 2:
                return arithmetic(depth);
            case 3:
                if (s.on(DIVISION)) {
                    return division(depth);
                }
                return arithmetic(depth);
            case 4, 5, 6:
                return math(depth);
            case 7:
                if (s.on(TERNARY)) {
                    Node c = condition(depth - 1);
                    Node a = real(depth - 1);
                    Node b = real(depth - 1);
                    return Node.real(Math.max(a.bound, b.bound), "($0 ? $1 : $2)", c, a, b).mark(TERNARY)
                            .alternatives("$1", "$2");
                }
                return arithmetic(depth);
            case 8:
                if (s.on(SWITCH)) {
                    return switchExpression(depth);
                }
                return math(depth);
            case 9:
                if (s.on(LAMBDA) && s.chance(0.5)) {
                    return lambda(depth);
                }
                Node f = functionCall(depth);
                return f != null ? f : leaf();
            default:
                return leaf();
        }
    }

    private Node arithmetic(int depth) {
        Node a = real(depth - 1);
        Node b = real(depth - 1);
        return switch (s.rng.nextInt(5)) {
            case 0, 1 -> Node.real(a.bound + b.bound, "($0 + $1)", a, b).mark(ARITHMETIC);
            case 2 -> Node.real(a.bound + b.bound, "($0 - $1)", a, b).mark(ARITHMETIC);
            case 3 -> Node.real(a.bound * b.bound, "($0 * $1)", a, b).mark(ARITHMETIC);
            default -> Node.real(a.bound, "(-$0)", a).mark(ARITHMETIC);
        };
    }

    private Node division(int depth) {
        Node a = real(depth - 1);
        Node b = calls.withoutCalls(() -> real(depth - 1)); // written twice in (1 + b * b)
        int kind = s.rng.nextInt(5);
        if (kind == 1 || kind == 2) {
            kind = s.on(MATH_TRIG) ? kind : 0;
        } else if (kind == 3) {
            kind = s.on(MATH_EXP) ? kind : 4;
        }
        Node d = switch (kind) {
            case 0 -> Node.real(a.bound, "($0 / (1 + $1 * $1))", a, b);
            case 1 -> Node.real(a.bound, "($0 / (2 + Math.sin($1)))", a, fit(b, 6)).mark(MATH_TRIG);
            case 2 -> Node.real(2 * a.bound, "($0 / (1.5 + Math.cos($1)))", a, fit(b, 6)).mark(MATH_TRIG);
            case 3 -> Node.real(a.bound, "($0 / (1 + Math.exp($1)))", a, fit(b, 2)).mark(MATH_EXP);
            default -> {
                double c = s.pick(List.of(2.0, 3.0, 1.5, 4.0, -2.5));
                yield Node.real(a.bound / Math.abs(c), "($0 / " + c + ")", a);
            }
        };
        return d.mark(DIVISION).alternatives("$0");
    }

    private Node math(int depth) {
        List<Construct> options = new ArrayList<>();
        for (Construct c : List.of(MATH_TRIG, MATH_TANH, MATH_EXP, MATH_LOG, MATH_SQRT, MATH_ATAN, MATH_HYPOT,
                MATH_POW, MATH_ABS, MATH_MIN_MAX, MATH_HYPERBOLIC, MATH_STEP)) {
            if (s.on(c) && (c != MATH_STEP || s.chance(0.3))) {
                options.add(c);
            }
        }
        if (options.isEmpty()) {
            return arithmetic(depth);
        }
        Construct c = s.pick(options);
        // log(1 + a * a) and sqrt(1 + a * a) write a twice: a call in it would run twice
        Node a = c == MATH_LOG || c == MATH_SQRT ? calls.withoutCalls(() -> real(depth - 1)) : real(depth - 1);
        Node m = switch (c) {
            case MATH_TRIG -> s.chance(0.5) ? Node.real(1, "Math.sin($0)", fit(a, 6)) : Node.real(1, "Math.cos($0)", fit(a, 6));
            case MATH_TANH -> Node.real(1, "Math.tanh($0)", fit(a, 20));
            case MATH_EXP -> s.chance(0.7) ? Node.real(Math.exp(2), "Math.exp($0)", fit(a, 2))
                    : Node.real(Math.exp(2) - 1, "Math.expm1($0)", fit(a, 2));
            case MATH_LOG -> switch (s.rng.nextInt(3)) {
                case 0 -> Node.real(log1pSquare(a), "Math.log(1 + $0 * $0)", a);
                case 1 -> Node.real(log1pSquare(a), "Math.log1p($0 * $0)", a);
                default -> Node.real(log1pSquare(a), "Math.log10(1 + $0 * $0)", a);
            };
            case MATH_SQRT -> s.chance(0.7) ? Node.real(Math.sqrt(1 + a.bound * a.bound), "Math.sqrt(1 + $0 * $0)", a)
                    : Node.real(Math.cbrt(1 + a.bound * a.bound), "Math.cbrt(1 + $0 * $0)", a);
            case MATH_ATAN -> switch (s.rng.nextInt(s.on(MATH_TANH) ? 4 : 2)) {
                case 0 -> Node.real(Math.PI / 2, "Math.atan($0)", fit(a, 20));
                case 1 -> Node.real(Math.PI / 2, "Math.atan2($0, 1 + $1 * $1)", fit(a, 20),
                        calls.withoutCalls(() -> real(depth - 1)));
                case 2 -> Node.real(Math.PI / 2, "Math.asin(0.9 * Math.tanh($0))", fit(a, 20)).mark(MATH_TANH);
                default -> Node.real(Math.PI, "Math.acos(0.9 * Math.tanh($0))", fit(a, 20)).mark(MATH_TANH);
            };
            case MATH_HYPOT -> {
                Node b = real(depth - 1);
                yield Node.real(a.bound + b.bound, "Math.hypot($0, $1)", a, b);
            }
            case MATH_POW -> pow(a);
            case MATH_ABS -> Node.real(a.bound, "Math.abs($0)", a);
            case MATH_MIN_MAX -> {
                Node b = real(depth - 1);
                yield Node.real(Math.max(a.bound, b.bound), s.chance(0.5) ? "Math.min($0, $1)" : "Math.max($0, $1)", a, b);
            }
            case MATH_HYPERBOLIC -> s.chance(0.5) ? Node.real(Math.sinh(2), "Math.sinh($0)", fit(a, 2))
                    : Node.real(Math.cosh(2), "Math.cosh($0)", fit(a, 2));
            case MATH_STEP -> switch (s.rng.nextInt(4)) {
                case 0 -> Node.real(a.bound + 1, "Math.floor($0)", a);
                case 1 -> Node.real(a.bound + 1, "Math.ceil($0)", a);
                case 2 -> Node.real(a.bound + 1, "Math.rint($0)", a);
                default -> Node.real(1, "Math.signum($0)", a);
            };
            default -> throw new AssertionError(c);
        };
        return m.mark(c).alternatives("$0");
    }

    private static double log1pSquare(Node a) {
        return Math.log(1 + a.bound * a.bound);
    }

    /** {@code pow} with an integer exponent: a constant, or an int variable (an inactive double). */
    private Node pow(Node a) {
        List<Var> ints = new ArrayList<>();
        for (Var v : s.visible(Var.Type.INT)) {
            if (v.maxValue <= 3) {
                ints.add(v);
            }
        }
        if (!ints.isEmpty() && s.on(INT_TO_DOUBLE) && s.chance(0.4)) {
            Node base = fit(a, 2);
            Var k = s.pick(ints);
            return Node.real(Math.pow(Math.max(1, base.bound), k.maxValue), "Math.pow($0, $1)", base,
                    Node.of(Sort.INT, k.name)).mark(INT_TO_DOUBLE);
        }
        int k = s.between(2, 4);
        Node base = fit(a, k == 4 ? 1.5 : 2);
        return Node.real(Math.pow(base.bound, k), "Math.pow($0, " + k + ")", base);
    }

    private Node switchExpression(int depth) {
        Node selector = smallInt(Helper.MAX_INT_ARG);
        Node a = real(depth - 1);
        Node b = real(depth - 1);
        Node c = real(depth - 1);
        double bound = Math.max(a.bound, Math.max(b.bound, c.bound));
        return Node.real(bound, "(switch ($0 % 3) {\n    case 0 -> $1;\n    case 1 -> $2;\n    default -> $3;\n})",
                selector, a, b, c).mark(SWITCH).alternatives("$1", "$2", "$3");
    }

    /** A constant, a variable, an element, an int as a double, or a call. */
    Node leaf() {
        int kind = s.rng.nextInt(10);
        if (kind == 6 && s.on(INT_TO_DOUBLE)) {
            Node i = intVariable(Helper.MAX_INT_ARG);
            if (i != null) {
                double c = s.pick(List.of(0.5, 0.25, 0.1, 1.0));
                return Node.real(c * Helper.MAX_INT_ARG, "($0 * " + c + ")", i).mark(INT_TO_DOUBLE);
            }
        } else if (kind == 7 && s.chance(0.5)) {
            Node call = calls.doubleCall(this);
            if (call != null) {
                return call;
            }
        } else if (kind == 8) {
            return constant();
        } else if (kind == 9 && hasFunctions() && s.chance(0.3)) {
            Node f = functionCall(1);
            if (f != null) {
                return f;
            }
        }
        Node v = kind <= 2 || kind > 5 ? variable() : null;
        if (v == null) {
            v = elementRead();
        }
        if (v == null) {
            v = variable();
        }
        return v != null ? v : constant();
    }

    /** A double variable in scope (the most recent ones more often), or {@code null}. */
    Node variable() {
        List<Var> ds = s.visible(Var.Type.DOUBLE);
        if (ds.isEmpty()) {
            return null;
        }
        Var v = s.chance(0.5) ? ds.get(ds.size() - 1 - s.rng.nextInt(Math.min(3, ds.size()))) : s.pick(ds);
        return Node.real(v.readBound(), v.name);
    }

    Node constant() {
        double c = CONSTANTS[s.rng.nextInt(CONSTANTS.length)];
        return Node.real(Math.abs(c), c < 0 ? "(" + c + ")" : Double.toString(c));
    }

    /** A read of an element of some array or matrix in scope, or {@code null} if there is none. */
    Node elementRead() {
        List<Var> arrays = s.visible(Var.Type.ARRAY);
        List<Var> matrices = s.visible(Var.Type.MATRIX);
        if (!matrices.isEmpty() && (arrays.isEmpty() || s.chance(0.3))) {
            Var m = s.pick(matrices);
            Node r = rowIndex(m);
            Node c = columnIndex(m, r);
            return Node.real(Var.ELEMENT_CAP, m.name + "[$0][$1]", r, c);
        }
        if (!arrays.isEmpty()) {
            Var a = arrays.get(arrays.size() - 1 - s.rng.nextInt(Math.min(4, arrays.size())));
            if (s.chance(0.5)) {
                a = s.pick(arrays);
            }
            return Node.real(Var.ELEMENT_CAP, a.name + "[$0]", index(a.name + ".length", a, a.minLength));
        }
        return null;
    }

    /**
     * {@code e} if its bound is at most {@code cap}, else {@code e} scaled down by a constant, or
     * squashed by a bounded function (whichever the enabled constructs allow).
     */
    /**
     * A lambda called where it is made: {@code ((DoubleUnaryOperator) v -> ...).applyAsDouble(e)},
     * in the entry point also capturing {@code x[0]}, or a binary one over two expressions; or the
     * same function as an anonymous class ({@code new DoubleUnaryOperator() { ... }}).
     */
    private Node lambda(int depth) {
        Node a = fit(real(depth - 1), 6);
        int forms = s.isEntry() ? 3 : 2;
        int k = s.rng.nextInt(2 * forms);
        boolean anonymous = k >= forms;
        return switch (k % forms) {
            case 0 -> Node.real(0.5 + 0.25 * a.bound, function(anonymous, "DoubleUnaryOperator", "double v",
                    "0.5 * Math.sin(v) + 0.25 * v") + ".applyAsDouble($0)", a).mark(LAMBDA).alternatives("$0");
            case 1 -> {
                Node b = fit(real(depth - 1), 6);
                yield Node.real(a.bound + 0.5, function(anonymous, "DoubleBinaryOperator", "double u, double v",
                        "u * (0.5 + 0.5 * Math.cos(v))") + ".applyAsDouble($0, $1)", a, b).mark(LAMBDA).alternatives("$0", "$1");
            }
            default -> Node.real(a.bound * Var.ELEMENT_CAP, function(anonymous, "DoubleUnaryOperator", "double v", "v * x[0]")
                    + ".applyAsDouble($0)", a).mark(LAMBDA).alternatives("$0");
        };
    }

    /** The functions a call here may go through: locals holding lambdas made here, and the {@link Outside}'s. */
    private List<Object> functions() {
        List<Object> out = new ArrayList<>();
        if (s.on(LAMBDA_LOCAL)) {
            out.addAll(s.visible(Var.Type.UNARY));
            out.addAll(s.visible(Var.Type.BINARY));
        }
        if (s.outside != null) {
            out.addAll(s.outside.targets(s));
        }
        return out;
    }

    private boolean hasFunctions() {
        return !functions().isEmpty();
    }

    /**
     * A call through a function the method was given or made: a local holding a lambda
     * ({@code g.applyAsDouble(e)}, {@link Construct#LAMBDA_LOCAL}), an object or lambda from outside
     * ({@code FNS[i % FNS.length].apply(e)}, {@code ACT0.applyAsDouble(e)}); {@code null} if there is none.
     */
    Node functionCall(int depth) {
        List<Object> options = functions();
        if (options.isEmpty()) {
            return null;
        }
        Object f = s.pick(options);
        return f instanceof Var g ? localCall(g, depth) : outsideCall((Outside.Target) f, depth);
    }

    /** {@code g.applyAsDouble(e)} (or of two arguments), {@code g} a local holding a function made here. */
    Node localCall(Var g, int depth) {
        Node a = fit(real(depth - 1), Var.PLAIN_CAP);
        if (g.type == Var.Type.UNARY) {
            return Node.real(g.bound, g.name + ".applyAsDouble($0)", a).mark(LAMBDA_LOCAL).alternatives("$0");
        }
        Node b = fit(real(depth - 1), Var.PLAIN_CAP);
        return Node.real(g.bound, g.name + ".applyAsDouble($0, $1)", a, b).mark(LAMBDA_LOCAL).alternatives("$0", "$1");
    }

    /**
     * {@code F0.apply(e)}, {@code FNS[i].apply(e)}, {@code MIX0.applyAsDouble(e1, e2)},
     * {@code FV0.of(a)}: a call through {@code t}; {@code null} if it takes an array and there is none.
     */
    private Node outsideCall(Outside.Target t, int depth) {
        List<Var> arrays = s.outside.arguments(t, s);
        if (t.takesArray() && arrays.isEmpty()) {
            return null;
        }
        List<Node> kids = new ArrayList<>();
        StringBuilder text = new StringBuilder(t.field());
        if (t.isArray()) {
            text.append("[$0]");
            kids.add(index(t.field() + ".length", null, t.count()));
        }
        text.append('.').append(t.method()).append('(');
        if (t.takesArray()) {
            Var a = s.pick(arrays);
            s.outside.use(t);
            s.noteWrite(a.family);
            return Node.real(t.bound(), text.append(a.name).append(')').toString(), kids.toArray(new Node[0]))
                    .mark(t.construct());
        }
        List<String> arguments = new ArrayList<>();
        for (int i = 0; i < t.arity(); i++) {
            text.append(i == 0 ? "" : ", ").append('$').append(kids.size());
            arguments.add("$" + kids.size());
            kids.add(fit(real(depth - 1), Var.PLAIN_CAP));
        }
        text.append(')');
        s.outside.use(t);
        return Node.real(t.bound(), text.toString(), kids.toArray(new Node[0])).mark(t.construct())
                .alternatives(arguments.toArray(new String[0]));
    }

    /**
     * {@code e}, or {@code e} plus a multiple of {@code read} (a variable or an element, within
     * {@code bound}) if it does not read it: a function's body uses its argument.
     */
    Node reading(Node e, String read, double bound) {
        if (java.util.regex.Pattern.compile("\\b" + java.util.regex.Pattern.quote(read) + "(?!\\w)").matcher(e.toString()).find()) {
            return e;
        }
        double c = s.pick(List.of(0.5, -1.5, 2.0, 0.25));
        return Node.real(e.bound + Math.abs(c) * bound, "($0 + " + c + " * " + read + ")", e).alternatives("$0");
    }

    /** A function of {@code java.util.function}'s {@code type} computing {@code body}: a cast lambda, or an anonymous class. */
    private static String function(boolean anonymous, String type, String parameters, String body) {
        String t = "java.util.function." + type;
        if (anonymous) {
            return "new " + t + "() { @Override public double applyAsDouble(" + parameters + ") { return " + body + "; } }";
        }
        String names = parameters.replace("double ", "");
        return "((" + t + ") " + (names.contains(",") ? "(" + names + ")" : names) + " -> " + body + ")";
    }

    Node fit(Node e, double cap) {
        if (e.bound <= cap) {
            return e;
        }
        int how = s.rng.nextInt(4);
        if (how == 1 && s.on(MATH_TANH) && cap >= 1) {
            return Node.real(1, "Math.tanh($0)", scale(e, 20)).mark(MATH_TANH).alternatives("$0");
        }
        if (how == 2 && s.on(MATH_TRIG) && cap >= 1) {
            return Node.real(1, "Math.sin($0)", scale(e, 6)).mark(MATH_TRIG).alternatives("$0");
        }
        if (how == 3 && s.on(MATH_ATAN) && cap >= Math.PI / 2) {
            return Node.real(Math.PI / 2, "Math.atan($0)", scale(e, 20)).mark(MATH_ATAN).alternatives("$0");
        }
        return scale(e, cap);
    }

    /** {@code e}, times a constant if need be to bring its bound down to {@code cap}. */
    private static Node scale(Node e, double cap) {
        if (e.bound <= cap) {
            return e;
        }
        double factor = niceBelow(cap / e.bound);
        return Node.real(e.bound * factor, "(" + factor + " * $0)", e).mark(ARITHMETIC).alternatives("$0");
    }

    /** The largest of 1, 2, 5 times a power of ten that is at most {@code x} (positive). */
    private static double niceBelow(double x) {
        if (!(x > 1e-9)) {
            return 1e-9;
        }
        double p = Math.pow(10, Math.floor(Math.log10(x)));
        for (double m : new double[] {5, 2, 1}) {
            if (m * p <= x) {
                return Double.parseDouble(String.format(java.util.Locale.ROOT, "%.1g", m * p));
            }
        }
        return p;
    }

    // ------------------------------------------------------------------ conditions

    Node condition(int depth) {
        if (depth > 0 && s.on(BOOLEAN_OPS) && s.chance(0.25)) {
            Node a = condition(depth - 1);
            Node c = switch (s.rng.nextInt(3)) {
                case 0 -> Node.of(Sort.BOOLEAN, "($0 && $1)", a, condition(depth - 1));
                case 1 -> Node.of(Sort.BOOLEAN, "($0 || $1)", a, condition(depth - 1));
                default -> Node.of(Sort.BOOLEAN, "(!$0)", a);
            };
            return c.mark(BOOLEAN_OPS).alternatives("$0");
        }
        if (s.chance(0.2)) {
            Node i = smallInt(Helper.MAX_INT_ARG);
            return s.chance(0.5) ? Node.of(Sort.BOOLEAN, "($0 % 2 == 0)", i)
                    : Node.of(Sort.BOOLEAN, "($0 < " + s.between(1, 3) + ")", i);
        }
        Node a = real(Math.max(0, depth - 1));
        Node b = s.chance(0.4) ? constant() : real(Math.max(0, depth - 1));
        String op = s.pick(List.of("<", ">", "<=", ">="));
        return Node.of(Sort.BOOLEAN, "($0 " + op + " $1)", a, b);
    }

    // ------------------------------------------------------------------ ints and indices

    /** A non-negative int of at most {@code max}: a constant, a loop index, a length, a counter modulo. */
    Node smallInt(int max) {
        Node v = s.chance(0.75) ? intVariable(max) : null;
        return v != null ? v : Node.of(Sort.INT, Integer.toString(s.between(0, Math.min(3, max))));
    }

    /** An int variable of at most {@code max} (a counter modulo), a length, or {@code null} if there is none. */
    Node intVariable(int max) {
        List<Node> options = new ArrayList<>();
        for (Var v : s.visible(Var.Type.INT)) {
            if (v.maxValue <= max) {
                options.add(Node.of(Sort.INT, v.name));
            } else if (max >= 2) {
                options.add(Node.of(Sort.INT, "(" + v.name + " % " + Math.min(max + 1, 5) + ")"));
            }
        }
        if (max >= Var.MAX_LENGTH && (options.isEmpty() || s.chance(0.2))) {
            for (Var a : s.visible(Var.Type.ARRAY)) {
                options.add(Node.of(Sort.INT, a.name + ".length"));
            }
        }
        return options.isEmpty() ? null : s.pick(options);
    }

    /**
     * An index that is in bounds for an array of at least {@code minLength} elements whose length
     * is {@code lengthExpr} ({@code owner}'s, for loops bounded by it): a constant, a loop index
     * the loop keeps in range (also {@code i - 1}, {@code i + 1}), {@code length - 1 - i},
     * or any non-negative int modulo the length ({@code lengthExpr} may be {@code null}: then
     * constants and loop indices of constant range only).
     */
    Node index(String lengthExpr, Var owner, int minLength) {
        List<Node> options = new ArrayList<>();
        for (Var v : s.visible(Var.Type.INT)) {
            Var.LoopIndex l = v.loop;
            if (l == null) {
                continue;
            }
            if (l.fits(0, owner, minLength)) {
                options.add(Node.of(Sort.INT, v.name));
                options.add(Node.of(Sort.INT, v.name));
                if (lengthExpr != null && s.chance(0.3)) {
                    options.add(Node.of(Sort.INT, lengthExpr + " - 1 - " + v.name));
                }
            }
            if (l.fits(-1, owner, minLength) && s.on(FOR_OFFSET)) {
                options.add(Node.of(Sort.INT, v.name + " - 1").mark(FOR_OFFSET));
            }
            if (l.fits(1, owner, minLength) && s.on(FOR_OFFSET)) {
                options.add(Node.of(Sort.INT, v.name + " + 1").mark(FOR_OFFSET));
            }
        }
        if (options.isEmpty() || s.chance(0.3)) {
            options.add(Node.of(Sort.INT, Integer.toString(s.between(0, Math.min(minLength, 4) - 1))));
        }
        if (lengthExpr != null && s.chance(0.15)) {
            options.add(Node.of(Sort.INT, lengthExpr + " - 1"));
        }
        if (lengthExpr != null && s.chance(0.2)) {
            Node i = smallInt(Helper.MAX_INT_ARG);
            return Node.of(Sort.INT, "($0 + " + s.between(0, 2) + ") % " + lengthExpr, i);
        }
        return s.pick(options);
    }

    /** A row index of matrix {@code m}. */
    Node rowIndex(Var m) {
        return index(m.name + ".length", m, m.minLength);
    }

    /** A column index valid for row {@code row} of {@code m}. */
    Node columnIndex(Var m, Node row) {
        if (s.chance(0.25)) {
            Node i = smallInt(Helper.MAX_INT_ARG);
            return Node.of(Sort.INT, "($0 + 1) % " + m.name + "[$1].length", i, row);
        }
        return index(null, null, m.minColumns);
    }
}
