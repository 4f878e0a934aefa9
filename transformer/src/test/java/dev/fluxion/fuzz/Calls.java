package dev.fluxion.fuzz;

import static dev.fluxion.fuzz.Construct.*;

import dev.fluxion.fuzz.Node.Sort;
import java.util.ArrayList;
import java.util.List;

/**
 * Calls to the program's helpers, with arguments that keep the program inside Fluxion's subset: a
 * helper that writes into an array it is given never gets two arguments that may be the same array
 * (except two rows of a matrix whose rows are only permuted: distinct arrays), and the work a call
 * adds is bounded, so that recursion inside loops cannot make a program slow.
 */
final class Calls {
    /** A method's work may not exceed this (about the number of statements run per call). */
    static final long WORK_LIMIT = 3000;
    /** Calls to one helper from one method. */
    static final int MAX_CALL_SITES = 2;

    /** A call, and the family of the array it returns (ARRAY helpers). */
    record Call(Node node, Family result) {
    }

    /** One argument: its text, and what it may alias. */
    private record Arg(Node node, Family family, Var rowOf, int row) {
        /** The argument marked as an array argument (and {@code extra}). */
        Arg mark(Construct... extra) {
            return new Arg(node.mark(CALL_ARRAY_ARG).mark(extra), family, rowOf, row);
        }

        boolean conflicts(Arg other) {
            if (family == null || other.family == null || !family.same(other.family)) {
                return false;
            }
            // two distinct constant rows of a matrix whose rows stay distinct arrays
            return !(rowOf != null && rowOf == other.rowOf && rowOf.permutationOnly && row >= 0 && other.row >= 0
                    && row != other.row);
        }
    }

    private final MethodScope s;
    /** A matrix the next call should take, if it takes one ({@link Idioms}: rows moved around calls). */
    private Var preferred;
    /** While a call's arguments are written: no calls in them (expressions would grow without need). */
    private boolean inArguments;

    Calls(MethodScope s) {
        this.s = s;
    }

    void prefer(Var matrix) {
        preferred = matrix;
    }

    /** {@code make}'s expression without calls: for operands a template writes twice ({@code 1 + a * a}). */
    <T> T withoutCalls(java.util.function.Supplier<T> make) {
        boolean before = inArguments;
        inArguments = true;
        try {
            return make.get();
        } finally {
            inArguments = before;
        }
    }

    /** Whether calls may be written here (not in an argument, an operand written twice, a try block, a lambda). */
    boolean mayCall() {
        return !inArguments;
    }

    Node doubleCall(Expressions ex) {
        Call c = callTo(Helper.Returns.DOUBLE, ex);
        return c == null ? null : c.node();
    }

    Call arrayCall(Expressions ex) {
        return callTo(Helper.Returns.ARRAY, ex);
    }

    Call voidCall(Expressions ex) {
        return callTo(Helper.Returns.VOID, ex);
    }

    private Call callTo(Helper.Returns returns, Expressions ex) {
        if (inArguments) {
            return null;
        }
        List<Helper> options = new ArrayList<>();
        for (Helper h : s.callees) {
            if (h.returns == returns && affordable(h)) {
                options.add(h);
            }
        }
        if (options.isEmpty()) {
            return null;
        }
        return call(s.pick(options), ex);
    }

    /**
     * Whether a call to {@code h} here keeps the method's work within {@link #WORK_LIMIT}, and its
     * calls to {@code h} few (an inlined callee is copied into the caller at every call).
     */
    boolean affordable(Helper h) {
        if (h == s.self) {
            return s.selfCallsLeft > 0 && !s.inLoop();
        }
        return s.work + (long) s.tripsSince(0) * h.work <= WORK_LIMIT && s.callSites.getOrDefault(h, 0) < MAX_CALL_SITES;
    }

    /** A call to {@code h}, or {@code null} if its arguments cannot be found here. */
    Call call(Helper h, Expressions ex) {
        boolean nested = inArguments;
        inArguments = true;
        try {
            return callWithArguments(h, ex);
        } finally {
            inArguments = nested;
        }
    }

    private Call callWithArguments(Helper h, Expressions ex) {
        List<Arg> args = new ArrayList<>();
        Construct aliasing = h.reachesRecursion() ? RECURSION_ALIASED_ARGUMENTS : CALL_ALIASED_ARGUMENTS;
        // arguments that may be one array only where the callee writes none of them, and the construct is on
        boolean writes = h.writesAnArray() || !s.on(aliasing);
        for (int i = 0; i < h.params.size(); i++) {
            Var.Type t = h.params.get(i);
            boolean depth = h.kind == Helper.Kind.RECURSIVE && i == h.params.size() - 1;
            Arg a = switch (t) {
                case DOUBLE -> new Arg(ex.fit(ex.real(1), Var.PLAIN_CAP).mark(CALL_DOUBLE_ARG), null, null, -1);
                case INT -> new Arg(depth ? depth(h, ex) : ex.smallInt(Helper.MAX_INT_ARG).mark(CALL_INT_ARG), null, null, -1);
                case ARRAY -> arrayArg(ex, args, writes, h == s.self ? s.params.get(i) : null);
                case MATRIX -> matrixArg(ex, args, writes, h == s.self ? s.params.get(i) : null);
                case UNARY, BINARY -> throw new AssertionError("helpers take no functions: " + h.signature());
            };
            if (a == null) {
                return null;
            }
            args.add(a);
        }
        StringBuilder t = new StringBuilder(h.name).append('(');
        List<Node> kids = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            t.append(i == 0 ? "" : ", ").append('$').append(i);
            kids.add(args.get(i).node());
        }
        t.append(')');
        boolean aliased = false; // before the result's family merges the arguments'
        for (int i = 0; i < args.size() && h != s.self; i++) { // a recursive call passes on what it got
            for (int j = i + 1; j < args.size(); j++) {
                aliased |= args.get(i).conflicts(args.get(j));
            }
        }
        Family result = null;
        if (h.returns == Helper.Returns.ARRAY) {
            result = Family.fresh();
            if (h.mayReturnArgument) {
                for (Arg a : args) {
                    if (a.family() != null) {
                        result = Family.union(result, a.family());
                    }
                }
            }
        }
        for (int i = 0; i < args.size(); i++) {
            if (h.writesParam[i] && args.get(i).family() != null) {
                s.noteWrite(args.get(i).family());
            }
        }
        if (h == s.self) {
            s.selfCallsLeft--;
        } else {
            s.work += (long) s.tripsSince(0) * h.work;
            s.called.add(h);
            s.callSites.merge(h, 1, Integer::sum);
        }
        Node node = h.returns == Helper.Returns.DOUBLE
                ? Node.real(Helper.RETURN_CAP, t.toString(), kids.toArray(Node[]::new))
                : Node.of(h.returns == Helper.Returns.ARRAY ? Sort.ARRAY : Sort.OTHER, t.toString(), kids);
        node = node.mark(kindMark(h));
        if (h.returns == Helper.Returns.ARRAY) {
            node = node.mark(CALL_RETURNS_ARRAY);
        }
        if (h.writesAnArray()) {
            node = node.mark(CALL_WRITES_ARGUMENT);
        }
        if (aliased) {
            node = node.mark(aliasing);
        }
        if (s.self != null && h != s.self) {
            node = node.mark(HELPER_CALLS_HELPER);
        }
        return new Call(node, result);
    }

    private static Construct kindMark(Helper h) {
        return switch (h.kind) {
            case SMALL -> HELPER_SMALL;
            case LARGE -> HELPER_LARGE;
            case RECURSIVE -> HELPER_RECURSIVE;
        };
    }

    /** A recursive helper's depth: {@code d - 1} in itself, else a small constant or int. */
    private Node depth(Helper h, Expressions ex) {
        if (h == s.self) {
            return Node.of(Sort.INT, "d - 1").pin(); // the shrinker must not make the recursion endless
        }
        return s.chance(0.6) ? Node.of(Sort.INT, Integer.toString(s.between(1, Helper.MAX_DEPTH)))
                : ex.smallInt(Helper.MAX_DEPTH);
    }

    private Arg arrayArg(Expressions ex, List<Arg> chosen, boolean writes, Var same) {
        if (same != null) { // a recursive call passes its arrays on: they stay as distinct as its caller made them
            return new Arg(Node.of(Sort.ARRAY, same.name), same.family, null, -1).mark();
        }
        for (Arg c : chosen) { // another row of a matrix whose row is an argument already: two rows, one call
            Var m = c.rowOf();
            if (m != null && m.permutationOnly && s.on(CALL_TWO_ROWS) && s.chance(0.6) && (!writes || s.writable(m))) {
                for (int r = 0; r < m.minLength; r++) {
                    Arg row = new Arg(Node.of(Sort.ARRAY, m.name + "[" + r + "]"), m.family, m, r);
                    if (!writes || chosen.stream().noneMatch(row::conflicts)) {
                        return row.mark(CALL_TWO_ROWS);
                    }
                }
            }
        }
        List<Arg> options = new ArrayList<>();
        for (Var a : s.visible(Var.Type.ARRAY)) {
            if (!writes || s.writable(a)) {
                options.add(new Arg(Node.of(Sort.ARRAY, a.name), a.family, null, -1));
            }
        }
        for (Var m : s.visible(Var.Type.MATRIX)) {
            if (!writes || s.writable(m)) {
                int r = s.between(0, m.minLength - 1);
                options.add(new Arg(Node.of(Sort.ARRAY, m.name + "[" + r + "]"), m.family, m, r));
            }
        }
        List<Arg> usable = new ArrayList<>();
        for (Arg o : options) {
            boolean secondRow = o.rowOf() != null && chosen.stream().anyMatch(c -> c.rowOf() == o.rowOf());
            if ((!writes || chosen.stream().noneMatch(o::conflicts)) && (!secondRow || s.on(CALL_TWO_ROWS))) {
                usable.add(o);
            }
        }
        List<Arg> distinctRows = usable.stream().filter(o -> o.rowOf() != null && o.rowOf().permutationOnly).toList();
        if (!distinctRows.isEmpty() && s.chance(0.4)) {
            usable = distinctRows; // rows of a matrix whose rows stay distinct: a second one may follow
        }
        if (usable.isEmpty() || s.chance(0.15)) {
            return fresh(ex);
        }
        Arg a = s.pick(usable);
        if (a.rowOf() != null && chosen.stream().anyMatch(c -> c.rowOf() == a.rowOf())) {
            return a.mark(CALL_TWO_ROWS);
        }
        return a.mark();
    }

    /** A new array as an argument: a copy, or an initialiser. */
    private Arg fresh(Expressions ex) {
        List<Var> arrays = s.visible(Var.Type.ARRAY);
        if (!arrays.isEmpty() && s.on(CLONE) && s.chance(0.5)) {
            Var a = s.pick(arrays);
            if (s.mayCopy(a)) {
                return new Arg(s.copied(Node.of(Sort.ARRAY, a.name + ".clone()").mark(CLONE), a), Family.copyOf(a.family),
                        null, -1).mark();
            }
        }
        if (!s.on(LOCAL_ARRAY)) {
            return null;
        }
        Node e0 = ex.fit(ex.real(1), Var.PLAIN_CAP);
        Node e1 = ex.fit(ex.real(1), Var.PLAIN_CAP);
        return new Arg(Node.of(Sort.ARRAY, "new double[] {$0, $1}", e0, e1).mark(LOCAL_ARRAY), Family.fresh(), null, -1)
                .mark();
    }

    private Arg matrixArg(Expressions ex, List<Arg> chosen, boolean writes, Var same) {
        if (same != null) {
            return new Arg(Node.of(Sort.MATRIX, same.name).mark(CALL_MATRIX_ARG), same.family, null, -1);
        }
        List<Arg> usable = new ArrayList<>();
        for (Var m : s.visible(Var.Type.MATRIX)) {
            Arg a = new Arg(Node.of(Sort.MATRIX, m.name).mark(CALL_MATRIX_ARG), m.family, null, -1);
            if (!writes || s.writable(m) && chosen.stream().noneMatch(a::conflicts)) {
                if (m == preferred) {
                    return a;
                }
                usable.add(a);
            }
        }
        if ((usable.isEmpty() || s.chance(0.1)) && s.on(MATRIX)) {
            Node a = ex.fit(ex.real(1), Var.PLAIN_CAP);
            Node b = ex.fit(ex.real(1), Var.PLAIN_CAP);
            Node c = ex.fit(ex.real(1), Var.PLAIN_CAP);
            Node d = ex.fit(ex.real(1), Var.PLAIN_CAP);
            return new Arg(Node.of(Sort.MATRIX, "new double[][] {{$0, $1}, {$2, $3}}", a, b, c, d)
                    .mark(CALL_MATRIX_ARG, MATRIX), Family.fresh(), null, -1);
        }
        return usable.isEmpty() ? null : s.pick(usable);
    }
}
