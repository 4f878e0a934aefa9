package dev.fluxion.fuzz;

import static dev.fluxion.fuzz.Construct.*;

import dev.fluxion.fuzz.Node.Sort;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Statements that pass functions around as values, as numerical code written once for any
 * function does:
 *
 * <ul>
 *   <li>{@link Construct#LAMBDA_LOCAL}: a lambda or method reference made in the method, often
 *       capturing a differentiated value ({@code double k = ..; DoubleUnaryOperator g = z -> Math.tanh(k * z);},
 *       {@code Math::sin}, {@code lin::value} on an object made here), kept in a local that later
 *       expressions call through ({@link Expressions#functionCall}), or passed to one of the
 *       program's helpers that take a function ({@link Library}: a fold, a sum, a quadrature rule,
 *       an Euler step of an {@code Rhs});
 *   <li>loops over the {@link Outside}'s arrays of functions: {@code for (Fn g : FNS) acc += g.apply(e);}
 *       and {@code FNS[j % FNS.length].apply(a[j] * e)}.
 * </ul>
 */
final class Functions {
    private final MethodScope s;
    private final Expressions ex;
    private final Calls calls;

    Functions(MethodScope s, Expressions ex, Calls calls) {
        this.s = s;
        this.ex = ex;
        this.calls = calls;
    }

    /**
     * The program's helpers that take a function, written once each for any function: a helper is
     * added to the program when something first calls it, {@code @Differentiable} or not (a
     * helper given a lambda made in the caller is inlined either way).
     */
    static final class Library {
        enum Kind {
            FOLD("""
                    /** A left fold, written once for any operator. */
                    static double fold(double[] a, DoubleBinaryOperator op, double init) {
                        double acc = init;
                        for (double e : a) {
                            acc = op.applyAsDouble(acc, e);
                        }
                        return acc;
                    }"""),
            SUM_OF("""
                    /** The sum of g over the elements of a. */
                    static double sumOf(double[] a, DoubleUnaryOperator g) {
                        double s = 0;
                        for (int i = 0; i < a.length; i++) {
                            s += g.applyAsDouble(a[i]);
                        }
                        return s;
                    }"""),
            INTEGRATE("""
                    /** The midpoint rule for g over [lo, hi] in n steps. */
                    static double integrate(DoubleUnaryOperator g, double lo, double hi, int n) {
                        double h = (hi - lo) / n;
                        double s = 0;
                        for (int i = 0; i < n; i++) {
                            s += g.applyAsDouble(lo + (i + 0.5) * h);
                        }
                        return s * h;
                    }"""),
            EULER_STEP("""
                    /** One explicit Euler step of y' = rhs(y). */
                    static void eulerStep(Rhs rhs, double[] y, double h) {
                        double[] dy = new double[y.length];
                        rhs.eval(y, dy);
                        for (int i = 0; i < y.length; i++) {
                            y[i] += h * dy[i];
                        }
                    }""");

            final String source;

            Kind(String source) {
                this.source = source;
            }
        }

        /** The helpers called, and whether each is {@code @Differentiable}. */
        private final Map<Kind, Boolean> annotated = new EnumMap<>(Kind.class);

        void use(Kind k, MethodScope s) {
            annotated.computeIfAbsent(k, unused -> s.chance(0.5));
        }

        /** The helpers called, and the interface the Euler step takes. */
        List<Node> declarations() {
            List<Node> out = new ArrayList<>();
            annotated.forEach((k, differentiable) -> {
                String source = differentiable ? k.source.replace("\nstatic ", "\n@Differentiable\nstatic ") : k.source;
                out.add(Node.of(Sort.METHOD, source).pin());
            });
            if (annotated.containsKey(Kind.EULER_STEP)) {
                out.add(Node.of(Sort.METHOD, "/** A right-hand side: dy = f(y). */\n"
                        + "interface Rhs {\n    void eval(double[] y, double[] dy);\n}").pin());
            }
            return out;
        }
    }

    /** A statement of one of the forms above, or {@code null} if none fits here. */
    Node statement() {
        if (s.on(LAMBDA_LOCAL) && (s.chance(0.6) || s.outside == null)) {
            return switch (s.rng.nextInt(6)) {
                case 0, 1 -> functionLocal();
                case 2 -> fold();
                case 3 -> sumOf();
                case 4 -> integrate();
                default -> eulerSteps();
            };
        }
        return s.outside == null ? null : outsideLoop();
    }

    // ------------------------------------------------------------------ LAMBDA_LOCAL

    /** {@code double k = e;}: a value made for a lambda to capture (effectively final). */
    private Node capture() {
        Node e = ex.fit(ex.expression(), Var.PLAIN_CAP); // before the declaration: e cannot read k
        Var k = s.declare(s.fresh("k"), Var.Type.DOUBLE);
        k.bound = e.bound;
        k.readOnly = true;
        k.fixed = true;
        return Node.statement("double " + k.name + " = $0;", e);
    }

    /**
     * The body of a lambda of {@code params} (bounded by {@code bounds}), within {@code cap}: an
     * expression that reads the last parameter, and whatever effectively final values of the
     * method it likes.
     */
    private Node lambdaBody(String[] params, double[] bounds, double cap) {
        offerArrays();
        return s.inLambda(calls, () -> {
            for (int i = 0; i < params.length; i++) {
                Var p = s.declare(params[i], Var.Type.DOUBLE);
                p.bound = bounds[i];
                p.readOnly = true;
            }
        }, () -> ex.fit(ex.reading(ex.expression(), params[params.length - 1], bounds[params.length - 1]), cap));
    }

    /**
     * Makes about half of the local arrays and matrices in scope that were never assigned
     * effectively final (no swap will assign them), so that the lambda about to be written may
     * read them: their elements may still be written, before and after the lambda is made.
     */
    private void offerArrays() {
        List<Var> arrays = new ArrayList<>(s.visible(Var.Type.ARRAY));
        arrays.addAll(s.visible(Var.Type.MATRIX));
        for (Var a : arrays) {
            if (!a.fixed && !a.assigned && s.chance(0.5)) {
                a.fixed = true;
            }
        }
    }

    /** A function of one argument for a helper or a local: a lambda, a {@code Math} reference, a local made before. */
    private record Function(String text, List<Node> kids, double bound) {
    }

    private Function unaryFunction(double argumentBound, boolean locals) {
        List<Var> made = locals ? s.visible(Var.Type.UNARY) : List.of();
        if (!made.isEmpty() && s.chance(0.3)) {
            Var g = s.pick(made);
            return new Function(g.name, List.of(), g.bound);
        }
        if (s.chance(0.25)) {
            return new Function(s.pick(List.of("Math::sin", "Math::tanh", "Math::atan", "Math::cos")), List.of(), Math.PI / 2);
        }
        String z = s.fresh("z");
        Node body = lambdaBody(new String[] {z}, new double[] {argumentBound}, Var.PLAIN_CAP);
        return new Function(z + " -> $F", List.of(body), body.bound);
    }

    /**
     * <pre>
     * double k = e;                                  // sometimes: a value to capture
     * DoubleUnaryOperator g = z -> Math.tanh(k * z); // or Math::sin, or lin::value on a Lin made here,
     *                                                // or (y, z) -> .. as a DoubleBinaryOperator
     * double v = g.applyAsDouble(e2);                // and later expressions may call g again
     * </pre>
     */
    private Node functionLocal() {
        List<Node> kids = new ArrayList<>();
        StringBuilder t = new StringBuilder();
        if (s.chance(0.7)) {
            kids.add(capture());
            t.append("$0\n");
        }
        boolean binary = s.chance(0.3);
        String g = s.fresh("g");
        double bound;
        if (binary) {
            t.append("DoubleBinaryOperator ").append(g).append(" = ");
            if (s.chance(0.25)) {
                t.append(s.pick(List.of("Math::hypot", "Math::max", "Math::min")));
                bound = 2 * Var.ELEMENT_CAP;
            } else {
                String y = s.fresh("y");
                String z = s.fresh("z");
                Node body = lambdaBody(new String[] {y, z}, new double[] {Var.ELEMENT_CAP, Var.ELEMENT_CAP}, Var.PLAIN_CAP);
                t.append("(").append(y).append(", ").append(z).append(") -> $").append(kids.size());
                kids.add(body);
                bound = body.bound;
            }
        } else if (s.chance(0.25)) { // a method reference bound to an object made here
            String o = s.fresh("o");
            boolean lin = s.chance(0.5);
            Node k = ex.fit(ex.real(1), 2);
            t.append(lin ? "Lin " : "Wave ").append(o).append(" = new ").append(lin ? "Lin" : "Wave").append("($")
                    .append(kids.size()).append(");\n");
            kids.add(k);
            t.append("DoubleUnaryOperator ").append(g).append(" = ").append(o).append("::value");
            bound = lin ? 1 : 2;
        } else {
            Function f = unaryFunction(Var.ELEMENT_CAP, false);
            t.append("DoubleUnaryOperator ").append(g).append(" = ").append(f.text().replace("$F", "$" + kids.size()));
            kids.addAll(f.kids());
            bound = f.bound();
        }
        t.append(";\n");
        Var gv = s.declare(g, binary ? Var.Type.BINARY : Var.Type.UNARY);
        gv.bound = bound;
        gv.readOnly = true;
        gv.fixed = true;
        Node call = ex.fit(ex.localCall(gv, 1), Var.PLAIN_CAP);
        String v = s.fresh("v");
        t.append("double ").append(v).append(" = $").append(kids.size()).append(';');
        kids.add(call);
        s.declare(v, Var.Type.DOUBLE);
        return Node.of(Sort.STATEMENT, t.toString(), kids).mark(LAMBDA_LOCAL);
    }

    /** {@code double v = fold(a, (acc, e) -> c * acc + g(e, k), init);}. */
    private Node fold() {
        List<Var> arrays = s.visible(Var.Type.ARRAY);
        if (arrays.isEmpty()) {
            return null;
        }
        Var a = s.pick(arrays);
        Node captured = s.chance(0.5) ? capture() : null;
        String acc = s.fresh("acc");
        String e = s.fresh("e");
        Node term = lambdaBody(new String[] {acc, e}, new double[] {Var.PLAIN_CAP, Var.ELEMENT_CAP}, Var.PLAIN_CAP / 2);
        double c = s.pick(List.of(0.5, -0.5, 0.25));
        Node body = Node.real(Var.PLAIN_CAP, c + " * " + acc + " + $0", term).alternatives("$0");
        Node init = ex.fit(ex.real(1), Var.PLAIN_CAP);
        s.library.use(Library.Kind.FOLD, s);
        return output(captured, "fold(" + a.name + ", (" + acc + ", " + e + ") -> $B, $I)", Var.PLAIN_CAP, body, init);
    }

    /** {@code double v = sumOf(a, g);}, g a lambda, a {@code Math} reference or a local. */
    private Node sumOf() {
        List<Var> arrays = s.visible(Var.Type.ARRAY);
        if (arrays.isEmpty()) {
            return null;
        }
        Var a = s.pick(arrays);
        Node captured = s.chance(0.5) ? capture() : null;
        Function g = unaryFunction(Var.ELEMENT_CAP, true);
        s.library.use(Library.Kind.SUM_OF, s);
        return output(captured, "sumOf(" + a.name + ", " + g.text().replace("$F", "$B") + ")", Var.MAX_LENGTH * g.bound(),
                g.kids().isEmpty() ? null : g.kids().get(0), null);
    }

    /** {@code double v = integrate(g, lo, hi, n);}: the midpoint rule, its ends differentiated too. */
    private Node integrate() {
        Node captured = s.chance(0.5) ? capture() : null;
        Function g = unaryFunction(Var.PLAIN_CAP, true);
        Node lo = ex.fit(ex.real(1), Var.PLAIN_CAP);
        Node hi = ex.fit(ex.real(1), Var.PLAIN_CAP);
        Node ends = Node.of(Sort.OTHER, "$0, $1", lo, hi);
        s.library.use(Library.Kind.INTEGRATE, s);
        return output(captured, "integrate(" + g.text().replace("$F", "$B") + ", $I, " + s.between(1, 4) + ")",
                2 * Var.PLAIN_CAP * g.bound(), g.kids().isEmpty() ? null : g.kids().get(0), ends);
    }

    /**
     * {@code double v = call;} (after the capture, if any), the call's template with {@code $B} for
     * {@code body} and {@code $I} for {@code other}, either of them possibly absent.
     */
    private Node output(Node captured, String call, double bound, Node body, Node other) {
        List<Node> kids = new ArrayList<>();
        String t = call;
        if (body != null) {
            t = t.replace("$B", "$" + kids.size());
            kids.add(body);
        }
        if (other != null) {
            t = t.replace("$I", "$" + kids.size());
            kids.add(other);
        }
        Node value = ex.fit(Node.real(bound, t, kids.toArray(new Node[0])), Var.PLAIN_CAP);
        String v = s.fresh("v");
        s.declare(v, Var.Type.DOUBLE);
        Node declaration = captured == null ? Node.statement("double " + v + " = $0;", value)
                : Node.statement("$0\ndouble " + v + " = $1;", captured, value);
        return declaration.mark(LAMBDA_LOCAL);
    }

    /**
     * <pre>
     * double[] ys = {e0, e1};
     * for (int t = 0; t < K; t++) {
     *     eulerStep((q, dq) -> {
     *         dq[0] = ..q[1]..k..;
     *         dq[1] = ..q[0]..;
     *     }, ys, h);
     * }
     * double v = ys[0] + c * ys[1];
     * </pre>
     * An integrator written once for any right-hand side, given a lambda that captures values.
     */
    private Node eulerSteps() {
        List<Node> kids = new ArrayList<>();
        StringBuilder t = new StringBuilder();
        if (s.chance(0.6)) {
            kids.add(capture());
            t.append("$0\n");
        }
        String ys = s.fresh("ys");
        String step = s.fresh("t");
        String q = s.fresh("q");
        String dq = s.fresh("dq");
        int first = kids.size();
        kids.add(ex.fit(ex.real(1), Var.PLAIN_CAP));
        kids.add(ex.fit(ex.real(1), Var.PLAIN_CAP));
        offerArrays();
        for (int i = 0; i < 2; i++) {
            String other = q + "[" + (1 - i) + "]";
            kids.add(s.inLambda(calls, () -> {
                Var state = s.declare(q, Var.Type.ARRAY);
                state.family = Family.fresh();
                state.minLength = 2;
                state.readOnly = true;
                state.fixed = true;
            }, () -> ex.fit(ex.reading(ex.expression(), other, Var.ELEMENT_CAP), 1)));
        }
        int steps = s.between(2, 4);
        double h = s.pick(List.of(0.1, 0.25, 0.05));
        double c = s.pick(List.of(0.5, -1.0, 1.5));
        Node value = ex.fit(Node.real((1 + Math.abs(c)) * (Var.PLAIN_CAP + steps * h), ys + "[0] + " + c + " * " + ys + "[1]"),
                Var.PLAIN_CAP);
        kids.add(value);
        String v = s.fresh("v");
        t.append("double[] ").append(ys).append(" = {$").append(first).append(", $").append(first + 1).append("};\n")
                .append("for (int ").append(step).append(" = 0; ").append(step).append(" < ").append(steps).append("; ")
                .append(step).append("++) {\n")
                .append("    eulerStep((").append(q).append(", ").append(dq).append(") -> {\n")
                .append("        ").append(dq).append("[0] = $").append(first + 2).append(";\n")
                .append("        ").append(dq).append("[1] = $").append(first + 3).append(";\n")
                .append("    }, ").append(ys).append(", ").append(h).append(");\n")
                .append("}\n")
                .append("double ").append(v).append(" = $").append(first + 4).append(';');
        s.declare(v, Var.Type.DOUBLE);
        s.library.use(Library.Kind.EULER_STEP, s);
        return Node.of(Sort.STATEMENT, t.toString(), kids).mark(LAMBDA_LOCAL);
    }

    // ------------------------------------------------------------------ loops over the outside's arrays

    /**
     * {@code double acc = 0; for (Fn g : FNS) acc += c * g.apply(e);}, or, over an array {@code a}
     * of the method, {@code acc += c * FNS[j % FNS.length].apply(a[j] * e)}.
     */
    private Node outsideLoop() {
        List<Outside.Target> arrays = new ArrayList<>();
        for (Outside.Target target : s.outside.targets(s)) {
            if (target.isArray()) {
                arrays.add(target);
            }
        }
        if (arrays.isEmpty()) {
            return null;
        }
        Outside.Target target = s.pick(arrays);
        String acc = s.fresh("acc");
        double c = s.pick(List.of(0.5, 1.0, -0.5, 0.25));
        List<Var> locals = target.takesArray() ? s.outside.arguments(target, s) : s.visible(Var.Type.ARRAY);
        if (target.takesArray() && locals.isEmpty()) {
            return null;
        }
        String code;
        Node e;
        int trips;
        if (target.takesArray()) { // each function of the array, or of another array in turn
            String g = s.fresh("g");
            e = ex.fit(ex.expression(), 1);
            Var a = s.pick(locals);
            s.noteWrite(a.family);
            code = "double " + acc + " = 0;\nfor (" + target.type() + " " + g + " : " + target.field() + ") {\n    " + acc
                    + " += $0 * " + g + "." + target.method() + "(" + a.name + ");\n}";
            trips = target.count();
        } else if (!locals.isEmpty() && s.chance(0.5)) {
            e = ex.fit(ex.expression(), target.arity() == 1 ? Var.PLAIN_CAP / Var.ELEMENT_CAP : Var.PLAIN_CAP);
            Var a = s.pick(locals);
            String j = s.fresh("j");
            String element = a.name + "[" + j + "]";
            String args = target.arity() == 1 ? element + " * $0" : "0.5 * " + element + ", $0";
            code = "double " + acc + " = 0;\nfor (int " + j + " = 0; " + j + " < " + a.name + ".length; " + j + "++) {\n    "
                    + acc + " += " + c + " * " + target.field() + "[" + j + " % " + target.field() + ".length]."
                    + target.method() + "(" + args + ");\n}";
            trips = Var.MAX_LENGTH;
        } else {
            e = ex.fit(ex.expression(), Var.PLAIN_CAP);
            String g = s.fresh("g");
            String args = target.arity() == 1 ? "$0" : "$0, " + s.pick(List.of("0.5", "-1.0", "2.0"));
            code = "double " + acc + " = 0;\nfor (" + target.type() + " " + g + " : " + target.field() + ") {\n    " + acc
                    + " += " + c + " * " + g + "." + target.method() + "(" + args + ");\n}";
            trips = target.count();
        }
        s.outside.use(target);
        Var out = s.declare(acc, Var.Type.DOUBLE);
        out.bound = trips * Math.max(1, Math.abs(c)) * target.bound(); // the coefficient is c, or e within 1
        out.readOnly = true;
        return Node.statement(code, e).mark(target.construct());
    }
}
