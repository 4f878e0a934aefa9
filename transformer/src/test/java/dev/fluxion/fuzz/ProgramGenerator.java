package dev.fluxion.fuzz;

import static dev.fluxion.fuzz.Construct.*;

import dev.fluxion.fuzz.Node.Sort;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generates random {@code @Differentiable} programs inside Fluxion's documented subset: an entry
 * point {@code public static double f(double[] x)} and one to four helpers, small ones (inlined),
 * large ones and recursive ones (reversed jointly, through their own adjoints); then the helpers
 * that take functions it calls ({@link Functions.Library}) and the declarations outside the methods
 * it calls through ({@link Outside}).
 *
 * <p>Reproducible: program {@code index} of {@code seed} depends on nothing else (not on the
 * programs generated before it), so a failure is reported as a seed and an index.
 *
 * <p>The helpers are written last to first, so that a helper's callers know what it does with
 * its arguments (which arrays it writes, whether it may return one) before they call it; a helper
 * calls only the helpers after it, and itself if it is recursive.
 */
final class ProgramGenerator {
    private final Set<Construct> enabled;

    ProgramGenerator(Set<Construct> enabled) {
        this.enabled = EnumSet.copyOf(Construct.alwaysOn());
        this.enabled.addAll(enabled);
    }

    Set<Construct> enabled() {
        return enabled;
    }

    /** Program {@code index} of {@code seed}. */
    Program generate(long seed, int index) {
        SplittableRandom rng = new SplittableRandom(mix(seed, index));
        int n = 2 + rng.nextInt(4);
        List<Helper> helpers = helperSignatures(rng);
        Functions.Library library = new Functions.Library();
        // with a random source of its own: the methods are drawn as they were without it
        Outside outside = Outside.generate(new SplittableRandom(mix(seed ^ OUTSIDE_SALT, index)), enabled, library);
        List<Node> methods = new ArrayList<>();
        for (int i = helpers.size() - 1; i >= 0; i--) {
            methods.add(0, helper(rng, helpers, i, outside, library));
        }
        methods.add(0, entry(rng, helpers, n, outside, library));
        methods.addAll(library.declarations());
        methods.addAll(outside.declarations());
        return new Program(seed, index, n, methods);
    }

    private static final long OUTSIDE_SALT = 0x6F75747369646521L;

    /** A seed for program {@code index} of {@code seed}: SplitMix64's finaliser over both. */
    static long mix(long seed, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + index;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    // ------------------------------------------------------------------ signatures

    private List<Helper> helperSignatures(SplittableRandom rng) {
        List<Helper.Kind> kinds = new ArrayList<>();
        for (var k : List.of(Helper.Kind.SMALL, Helper.Kind.LARGE, Helper.Kind.RECURSIVE)) {
            if (enabled.contains(k == Helper.Kind.SMALL ? HELPER_SMALL : k == Helper.Kind.LARGE ? HELPER_LARGE : HELPER_RECURSIVE)) {
                kinds.add(k);
            }
        }
        List<Var.Type> paramTypes = new ArrayList<>();
        for (var t : List.of(Var.Type.DOUBLE, Var.Type.INT, Var.Type.ARRAY, Var.Type.MATRIX)) {
            if (enabled.contains(switch (t) {
                case DOUBLE -> CALL_DOUBLE_ARG;
                case INT -> CALL_INT_ARG;
                case ARRAY -> CALL_ARRAY_ARG;
                case MATRIX -> CALL_MATRIX_ARG;
                case UNARY, BINARY -> throw new AssertionError(t);
            })) {
                paramTypes.add(t);
            }
        }
        List<Helper> helpers = new ArrayList<>();
        if (kinds.isEmpty() || paramTypes.isEmpty()) {
            return helpers;
        }
        int count = 1 + rng.nextInt(3);
        for (int i = 0; i < count; i++) {
            Helper.Kind kind = kinds.get(rng.nextInt(kinds.size()));
            List<Var.Type> params = new ArrayList<>();
            int arity = 1 + rng.nextInt(3);
            for (int p = 0; p < arity; p++) {
                params.add(paramTypes.get(rng.nextInt(paramTypes.size())));
            }
            // a matrix handed to a helper that is not inlined, the case where row moves matter most
            if (kind != Helper.Kind.SMALL && paramTypes.contains(Var.Type.MATRIX) && rng.nextDouble() < 0.4
                    && !params.contains(Var.Type.MATRIX)) {
                params.set(0, Var.Type.MATRIX);
            }
            if (params.stream().noneMatch(t -> t != Var.Type.INT)) {
                params.add(paramTypes.contains(Var.Type.DOUBLE) ? Var.Type.DOUBLE : paramTypes.get(0));
            }
            boolean hasArray = params.contains(Var.Type.ARRAY) || params.contains(Var.Type.MATRIX);
            double r = rng.nextDouble();
            Helper.Returns returns = Helper.Returns.DOUBLE;
            if (r < 0.25 && enabled.contains(CALL_RETURNS_ARRAY) && (hasArray || enabled.contains(LOCAL_ARRAY))) {
                returns = Helper.Returns.ARRAY;
            } else if (r < 0.45 && hasArray && enabled.contains(CALL_WRITES_ARGUMENT)) {
                returns = Helper.Returns.VOID;
            }
            if (kind == Helper.Kind.RECURSIVE) {
                params.add(Var.Type.INT);
            }
            helpers.add(new Helper("h" + i, kind, returns, params));
        }
        return helpers;
    }

    // ------------------------------------------------------------------ helpers

    private Node helper(SplittableRandom rng, List<Helper> helpers, int i, Outside outside, Functions.Library library) {
        Helper h = helpers.get(i);
        List<Helper> callees = new ArrayList<>(enabled.contains(HELPER_CALLS_HELPER)
                ? helpers.subList(i + 1, helpers.size()) : List.of());
        if (h.kind == Helper.Kind.RECURSIVE) {
            callees.add(h);
        }
        int statements = switch (h.kind) {
            case SMALL -> 1 + rng.nextInt(3);
            case LARGE -> 6 + rng.nextInt(4);
            case RECURSIVE -> 2 + rng.nextInt(3);
        };
        MethodScope s = new MethodScope(rng, enabled, h, callees, statements);
        s.outside = outside;
        s.library = library;
        for (int p = 0; p < h.params.size(); p++) {
            Var v = s.declare(h.paramName(p), h.params.get(p));
            s.params.add(v);
            v.fixed = v.type != Var.Type.DOUBLE; // arrays and ints are never assigned: lambdas may read them
            switch (v.type) {
                case DOUBLE -> v.bound = Var.PLAIN_CAP;
                case INT -> {
                    v.maxValue = h.kind == Helper.Kind.RECURSIVE && p == h.params.size() - 1
                            ? Helper.MAX_DEPTH : Helper.MAX_INT_ARG;
                    v.readOnly = true;
                }
                case ARRAY -> {
                    v.family = Family.parameter();
                    v.minLength = 2;
                }
                case MATRIX -> {
                    v.family = Family.parameter();
                    v.minLength = 2;
                    v.minColumns = 2;
                    v.outerFromParam = true;
                }
            }
        }
        Statements st = new Statements(s);
        List<Node> body = new ArrayList<>();
        if (h.kind == Helper.Kind.RECURSIVE) {
            s.selfCallsLeft = 0; // the base case must not recurse
            Node base = st.returnValue(2);
            s.selfCallsLeft = 2;
            body.add((base == null ? Node.statement("if (d <= 0) {\n    return;\n}")
                    : Node.statement("if (d <= 0) {\n    return $0;\n}", base)).pin());
        }
        body.addAll(st.statements(statements));
        if ((h.returns == Helper.Returns.VOID || s.chance(0.4)) && s.on(FOR_CONSTANT) && s.on(ELEMENT_WRITE)
                && s.on(ELEMENT_OVERWRITE) && s.on(CALL_WRITES_ARGUMENT)) {
            Node writeBack = writeIntoArgument(s, st);
            if (writeBack != null) {
                body.add(writeBack);
            }
        }
        boolean selfCallMissing = h.kind == Helper.Kind.RECURSIVE && s.selfCallsLeft == 2;
        switch (h.returns) {
            case DOUBLE -> {
                Node value = st.returnValue(3);
                if (selfCallMissing) {
                    Node call = st.calls().call(h, st.expressions()).node();
                    value = st.expressions().fit(Node.real(call.bound * 0.5 + value.bound, "0.5 * $0 + $1", call, value),
                            Helper.RETURN_CAP);
                }
                body.add(Node.statement("return $0;", value).pin());
            }
            case ARRAY -> {
                if (selfCallMissing) {
                    Node call = st.calls().call(h, st.expressions()).node();
                    body.add(Node.statement("return $0;", call).pin());
                } else {
                    body.add(Node.statement("return $0;", st.returnValue(1)).pin());
                }
            }
            case VOID -> {
                if (selfCallMissing) {
                    body.add(Node.statement("$0;", st.calls().call(h, st.expressions()).node()).pin());
                }
            }
        }
        h.calls.addAll(s.called);
        long invocations = h.kind != Helper.Kind.RECURSIVE ? 1
                : s.selfCallsLeft == 0 ? (2L << Helper.MAX_DEPTH) - 1 : Helper.MAX_DEPTH + 1;
        h.work = (s.work + body.size()) * invocations;
        String comment = switch (h.kind) {
            case SMALL -> "/** Small: Fluxion inlines it. */";
            case LARGE -> "/** Large: too big to inline, reversed jointly through its own adjoint. */";
            case RECURSIVE -> "/** Recursive (depth d): reversed jointly through its own adjoint. */";
        };
        Construct kindMark = switch (h.kind) {
            case SMALL -> HELPER_SMALL;
            case LARGE -> HELPER_LARGE;
            case RECURSIVE -> HELPER_RECURSIVE;
        };
        if (h.kind == Helper.Kind.SMALL && s.on(PLAIN_HELPER) && s.chance(0.4)) {
            return Node.of(Sort.METHOD, "/** Small, not annotated: Fluxion differentiates through it. */\nstatic "
                    + h.signature() + " $0", Node.block(body)).mark(kindMark).mark(PLAIN_HELPER);
        }
        return Node.of(Sort.METHOD, comment + "\n@Differentiable\nstatic " + h.signature() + " $0", Node.block(body))
                .mark(kindMark);
    }

    /** {@code for (int i = 0; i < p.length; i++) p[i] = g(p[i], ...);}: a helper writing its results into an argument. */
    private static Node writeIntoArgument(MethodScope s, Statements st) {
        List<Var> targets = new ArrayList<>();
        for (Var p : s.params) {
            if (p.type == Var.Type.ARRAY || p.type == Var.Type.MATRIX) {
                targets.add(p);
            }
        }
        if (targets.isEmpty()) {
            return null;
        }
        Var p = s.pick(targets);
        String i = s.fresh("i");
        String element = p.type == Var.Type.ARRAY ? p.name + "[" + i + "]" : p.name + "[" + i + "][1]";
        s.push();
        Var index = s.declare(i, Var.Type.INT);
        index.loop = new Var.LoopIndex(0, 0, p, false);
        index.maxValue = index.loop.max();
        index.readOnly = true;
        s.enterLoop(Var.MAX_LENGTH, FOR_CONSTANT);
        Node rhs = st.expressions().real(2);
        Node value = st.expressions().fit(Node.real(Var.ELEMENT_CAP * 0.5 + rhs.bound, "0.5 * " + element + " + $0", rhs),
                Var.PLAIN_CAP);
        s.exitLoop();
        s.pop();
        s.noteWrite(p.family);
        return Node.statement("for (int " + i + " = 0; " + i + " < " + p.name + ".length; " + i + "++) {\n    " + element
                + " = $0;\n}", value).mark(FOR_CONSTANT, ELEMENT_WRITE, ELEMENT_OVERWRITE);
    }

    // ------------------------------------------------------------------ the entry point

    private Node entry(SplittableRandom rng, List<Helper> helpers, int n, Outside outside, Functions.Library library) {
        boolean sum = enabled.contains(SUM_OVER_POINTS) && enabled.contains(FOR_CONSTANT) && rng.nextDouble() < 0.25;
        int statements = sum ? 1 + rng.nextInt(3) : 2 + rng.nextInt(6);
        MethodScope s = new MethodScope(rng, enabled, null, helpers, statements + (sum ? 4 : 0));
        s.outside = outside;
        s.library = library;
        Var x = s.declare("x", Var.Type.ARRAY);
        x.fixed = true;
        x.family = Family.input();
        x.minLength = n;
        s.params.add(x);
        Statements st = new Statements(s);
        List<Node> body = new ArrayList<>(preamble(s, st));
        body.addAll(st.statements(statements));
        List<Node> uses = new ArrayList<>();
        body.addAll(callTheUncalled(s, st, helpers, uses));
        Node tail;
        if (sum) {
            body.addAll(sumOverPoints(s, st, x, uses));
        } else if (s.on(TAIL_CALL) && s.chance(0.12) && (tail = tailCall(s, st)) != null) {
            body.add(Node.statement("return $0;", tail).pin().mark(TAIL_CALL));
        } else {
            body.addAll(checksums(s));
            Node value = st.result();
            for (Node u : uses) {
                value = Node.real(value.bound + u.bound, "$0 + $1", value, u).alternatives("$0");
            }
            body.add(Node.statement("return $0;", value).pin());
        }
        return Node.of(Sort.METHOD, "@Differentiable\npublic static double f(double[] x) $0", Node.block(body)).pin();
    }

    /**
     * <pre>
     * double sum = 0;
     * for (int i = 0; i < x.length; i++) {   // or i + 1 < x.length
     *     ...                                // reads outer values, writes only its own
     *     sum += term;
     * }
     * return sum / x.length;                 // or sum, prior - sum, c * sum
     * </pre>
     * A sum over data points that Fluxion reverses one point at a time when no point hands a
     * value to the next; a third of the bodies may write outer variables (reversed as a whole).
     */
    /**
     * Local arrays and a matrix for the array statements to work on (the entry point has only
     * {@code x} otherwise), and often a matrix handed to a helper in a loop with its rows moved
     * between the calls.
     */
    private static List<Node> preamble(MethodScope s, Statements st) {
        List<Node> out = new ArrayList<>();
        for (double p : new double[] {0.6, 0.3}) {
            if (s.chance(p)) {
                Node a = st.arrays.declaration(false);
                if (a != null) {
                    out.add(a);
                }
            }
        }
        if (s.chance(0.3)) {
            Node loops = st.loops.temporaryOverOneRange();
            if (loops != null) {
                out.add(loops);
            }
        }
        boolean rows = s.on(ROWS_MOVED_AROUND_CALLS)
                && s.callees.stream().anyMatch(h -> h.params.contains(Var.Type.MATRIX)) && s.chance(0.6);
        if (rows || s.chance(0.35)) {
            Node m = rows && s.on(MATRIX) ? st.arrays.activeMatrix() : st.arrays.declaration(true);
            if (m != null) {
                out.add(m);
                Node loop = rows ? st.idioms.rowsMovedAroundCalls() : null;
                if (loop != null) {
                    out.add(loop);
                }
            }
        }
        return out;
    }

    /** A call to a helper returning double, to be returned as it is; {@code null} if there is none. */
    private static Node tailCall(MethodScope s, Statements st) {
        for (Helper h : s.callees) {
            if (h.returns == Helper.Returns.DOUBLE && s.callSites.getOrDefault(h, 0) < Calls.MAX_CALL_SITES) {
                Calls.Call c = st.calls().call(h, st.expressions());
                if (c != null) {
                    return c.node();
                }
            }
        }
        return null;
    }

    /**
     * {@code double c = 0; for (double e : a) c += 0.5 * e;} over the latest arrays, so that every
     * element written reaches the result.
     */
    private static List<Node> checksums(MethodScope s) {
        List<Node> out = new ArrayList<>();
        List<Var> arrays = s.visible(Var.Type.ARRAY);
        for (Var a : arrays.subList(Math.max(0, arrays.size() - 2), arrays.size())) {
            if (!s.on(FOR_EACH) || !s.chance(0.7)) {
                continue;
            }
            String c = s.fresh("c");
            String e = s.fresh("e");
            double coefficient = s.pick(List.of(0.5, 0.25, -0.5, 1.0));
            out.add(Node.statement("double " + c + " = 0;\nfor (double " + e + " : " + a.name + ") {\n    " + c + " += "
                    + coefficient + " * " + e + ";\n}").mark(FOR_EACH));
            Var v = s.declare(c, Var.Type.DOUBLE);
            v.bound = Var.MAX_LENGTH * Var.ELEMENT_CAP * Math.abs(coefficient);
            v.readOnly = true;
        }
        return out;
    }

    /**
     * Calls, from the entry point, each helper that nothing reachable from it calls yet, so that
     * every helper is run and differentiated; {@code uses} receives a term for the return value
     * that depends on each call.
     */
    private static List<Node> callTheUncalled(MethodScope s, Statements st, List<Helper> helpers, List<Node> uses) {
        List<Node> out = new ArrayList<>();
        for (Helper h : helpers) {
            if (reachable(s.called).contains(h)) {
                continue;
            }
            Calls.Call c = st.calls().call(h, st.expressions());
            if (c == null) {
                continue;
            }
            Node value = c.node();
            if (h.returns == Helper.Returns.VOID) {
                out.add(Node.statement("$0;", c.node()));
                continue;
            }
            if (h.returns == Helper.Returns.ARRAY) {
                String r = s.fresh("r");
                out.add(Node.statement("double[] " + r + " = $0;", c.node()));
                Var a = s.declare(r, Var.Type.ARRAY);
                a.minLength = 2;
                a.family = c.result();
                value = Node.real(Var.ELEMENT_CAP * 2, r + "[0] + " + r + "[1]");
            }
            String u = s.fresh("u");
            out.add(Node.statement("double " + u + " = $0;", st.expressions().fit(value, Var.PLAIN_CAP)));
            Var v = s.declare(u, Var.Type.DOUBLE);
            uses.add(Node.real(v.readBound(), u));
        }
        return out;
    }

    private static java.util.Set<Helper> reachable(java.util.Set<Helper> called) {
        java.util.Set<Helper> seen = new java.util.HashSet<>();
        java.util.Deque<Helper> todo = new java.util.ArrayDeque<>(called);
        while (!todo.isEmpty()) {
            Helper h = todo.pop();
            if (seen.add(h)) {
                todo.addAll(h.calls);
            }
        }
        return seen;
    }

    private static List<Node> sumOverPoints(MethodScope s, Statements st, Var x, List<Node> uses) {
        Expressions ex = st.expressions();
        List<Var> outer = s.visible(Var.Type.DOUBLE);
        // not in scope until after the loop: a term that read the sum would make it a recurrence (0 forever)
        Var sum = new Var("sum", Var.Type.DOUBLE, s.loopDepth()).accumulate();
        boolean minusOne = s.on(FOR_OFFSET) && s.chance(0.3);
        s.push();
        Var i = s.declare("i", Var.Type.INT);
        i.loop = new Var.LoopIndex(0, 0, x, minusOne);
        i.maxValue = i.loop.max();
        i.readOnly = true;
        x.pinned++;
        s.enterLoop(Var.MAX_LENGTH, FOR_CONSTANT);
        boolean independent = s.chance(0.7);
        if (independent) {
            s.frozenDepth = 1;
        }
        s.push();
        s.nesting++;
        List<Node> body = new ArrayList<>(st.statements(s.between(1, 4)));
        Node point = Node.real(Var.ELEMENT_CAP, "x[i]");
        Node term = ex.real(2);
        term = Node.real(point.bound * term.bound, "$0 * $1", point, term).alternatives("$1");
        body.add(st.accumulate(sum, term));
        s.nesting--;
        s.pop();
        s.frozenDepth = 0;
        s.exitLoop();
        x.pinned--;
        s.pop();
        String header = minusOne ? "for (int i = 0; i + 1 < x.length; i++) $0" : "for (int i = 0; i < x.length; i++) $0";
        List<Node> out = new ArrayList<>();
        out.add(Node.statement("double sum = 0;"));
        out.add(Node.statement(header, Node.block(body)).mark(SUM_OVER_POINTS, FOR_CONSTANT));
        String ret = switch (s.rng.nextInt(4)) {
            case 0 -> "sum / x.length";
            case 1 -> "sum";
            case 2 -> outer.isEmpty() ? "2.5 - sum" : s.pick(outer).name + " - sum";
            default -> "0.5 * sum";
        };
        Node value = Node.real(Var.ELEMENT_CAP, ret);
        if (s.chance(0.3) && s.on(ELEMENT_WRITE) && (s.on(WRITE_INPUT) || s.visible(Var.Type.ARRAY).size() > 1)) {
            // near miss: an array the loop read is written after it, and the value read again
            List<Var> arrays = s.visible(Var.Type.ARRAY).stream()
                    .filter(a -> s.on(WRITE_INPUT) || !a.name.equals("x")).toList();
            Var a = s.pick(arrays);
            int k = s.between(0, a.minLength - 1);
            Node e = st.expressions().fit(st.expressions().real(1), Var.PLAIN_CAP);
            out.add(Node.statement(a.name + "[" + k + "] = $0;", e).mark(ELEMENT_WRITE));
            value = Node.real(value.bound + Var.ELEMENT_CAP, "$0 + " + a.name + "[" + k + "]", value).alternatives("$0");
        }
        for (Node u : uses) {
            value = Node.real(value.bound + u.bound, "$0 + $1", value, u).alternatives("$0");
        }
        out.add(Node.statement("return $0;", value).pin());
        return out;
    }
}
