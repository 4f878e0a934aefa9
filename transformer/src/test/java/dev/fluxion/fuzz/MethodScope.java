package dev.fluxion.fuzz;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The generator's state while it writes one method: the random source, the constructs it may use,
 * the variables in scope, the loops around the current statement, and the helpers it may call.
 */
final class MethodScope {
    /**
     * A loop around the current statement; {@code maxTrips} bounds how often its body runs per
     * entry; {@code kind} is the construct it stands for (a {@code break} in it is marked so).
     */
    record Loop(int maxTrips, Construct kind) {
    }

    final SplittableRandom rng;
    final Set<Construct> enabled;
    /** The helper being written, or {@code null} for the entry point {@code f}. */
    final Helper self;
    /** Helpers this method may call (those after it, so there is no mutual recursion; itself if recursive). */
    final List<Helper> callees;
    private final Deque<List<Var>> scopes = new ArrayDeque<>();
    private final Deque<Loop> loops = new ArrayDeque<>();
    private int names;
    /** Statements still to be written in this method; compound statements stop nesting when it runs out. */
    int statementsLeft;
    /** How deep the current statement is nested in blocks. */
    int nesting;
    /** The method's parameters (the entry's {@code x}, a helper's p0, p1, ...), in order. */
    final List<Var> params = new ArrayList<>();
    /** Calls a recursive helper may still make to itself (never in a loop: the work would multiply). */
    int selfCallsLeft = 2;
    /** Rough count of the work one call of the method does: statements, times loop trips, plus callees' work. */
    long work;
    /**
     * Variables declared at a loop depth below this are read-only: set while the body of a sum over
     * points is written, so that no point hands a value to the next (Fluxion then reverses the
     * loop one point at a time).
     */
    int frozenDepth;
    /**
     * While a lambda's body is written ({@link #inLambda}): the scopes before this index are outside
     * it, and only their effectively final variables ({@link Var#fixed}) may be read there.
     */
    private int lambdaBoundary;
    /** What the program declares outside its methods, which this method may call through; {@code null}: nothing. */
    Outside outside;
    /** The program's helpers that take functions ({@link Functions.Library}), shared by all its methods. */
    Functions.Library library;
    /** The helpers this method calls (not itself). */
    final java.util.Set<Helper> called = new java.util.HashSet<>();
    /** Call sites of each helper in this method. */
    final java.util.Map<Helper, Integer> callSites = new java.util.HashMap<>();

    MethodScope(SplittableRandom rng, Set<Construct> enabled, Helper self, List<Helper> callees, int statements) {
        this.rng = rng;
        this.enabled = enabled;
        this.self = self;
        this.callees = callees;
        this.statementsLeft = statements;
        scopes.push(new ArrayList<>());
    }

    boolean on(Construct c) {
        return enabled.contains(c) && !suspended.contains(c);
    }

    /** Constructs switched off while a part of the method is written ({@link #without}). */
    private final Set<Construct> suspended = java.util.EnumSet.noneOf(Construct.class);

    /** {@code make}'s result, written with {@code off} switched off. */
    <T> T without(Set<Construct> off, java.util.function.Supplier<T> make) {
        Set<Construct> added = java.util.EnumSet.noneOf(Construct.class);
        for (Construct c : off) {
            if (suspended.add(c)) {
                added.add(c);
            }
        }
        try {
            return make.get();
        } finally {
            suspended.removeAll(added);
        }
    }

    boolean chance(double p) {
        return rng.nextDouble() < p;
    }

    /** A uniform int in {@code [lo, hi]}. */
    int between(int lo, int hi) {
        return lo + rng.nextInt(hi - lo + 1);
    }

    <T> T pick(List<T> options) {
        return options.get(rng.nextInt(options.size()));
    }

    String fresh(String prefix) {
        return prefix + names++;
    }

    void push() {
        scopes.push(new ArrayList<>());
    }

    void pop() {
        scopes.pop();
    }

    Var declare(String name, Var.Type type) {
        Var v = new Var(name, type, loops.size());
        scopes.peek().add(v);
        return v;
    }

    /** Variables of {@code type} in scope, innermost last (in a lambda's body: those it may read). */
    List<Var> visible(Var.Type type) {
        List<Var> out = new ArrayList<>();
        int depth = 0;
        for (var it = scopes.descendingIterator(); it.hasNext(); depth++) {
            for (Var v : it.next()) {
                if (v.type == type && (depth >= lambdaBoundary || v.fixed)) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    /**
     * {@code body}'s result, written as a lambda's body in a scope of its own: {@code declare}
     * declares the lambda's parameters there, and the variables outside it are visible only if
     * they are effectively final. No calls to helpers (how often the lambda runs is not known),
     * and no lambdas inside.
     */
    <T> T inLambda(Calls calls, Runnable declare, java.util.function.Supplier<T> body) {
        int before = lambdaBoundary;
        push();
        lambdaBoundary = scopes.size() - 1;
        nesting++;
        try {
            declare.run();
            return without(java.util.EnumSet.of(Construct.LAMBDA, Construct.LAMBDA_LOCAL), () -> calls.withoutCalls(body));
        } finally {
            nesting--;
            lambdaBoundary = before;
            pop();
        }
    }

    int loopDepth() {
        return loops.size();
    }

    boolean inLoop() {
        return !loops.isEmpty();
    }

    /** How often a statement here may run per execution of the code at loop depth {@code depth}. */
    int tripsSince(int depth) {
        int n = 1;
        int d = loops.size();
        for (Loop l : loops) { // innermost first
            if (d-- <= depth) {
                break;
            }
            n *= l.maxTrips();
        }
        return n;
    }

    void enterLoop(int maxTrips, Construct kind) {
        loops.push(new Loop(maxTrips, kind));
    }

    /** The innermost loop around the current statement, or {@code null}. */
    Loop innermostLoop() {
        return loops.peek();
    }

    void exitLoop() {
        loops.pop();
    }

    boolean isEntry() {
        return self == null;
    }

    /**
     * Whether a statement here may make a variable of family {@code a} refer to an array of family
     * {@code b} (a swap of two arrays, a local array stored as a row): not in a loop. The code
     * before the statement, in the loop, was written assuming the arrays distinct, and runs again
     * after it; and families that look the same may be distinct arrays that a call's result merged
     * (an array a helper returns may be any of its arguments), so "already one family" proves nothing.
     */
    boolean mayMerge(Family a, Family b) {
        return !inLoop();
    }

    /** Whether a copy of {@code a} ({@code clone()}, {@code Arrays.copyOf}) may be made. */
    boolean mayCopy(Var a) {
        return a.family.varied() || on(Construct.COPY_OF_UNVARIED_ARRAY);
    }

    /** {@code copy}, a copy of {@code a}, marked if {@code a} may not depend on x. */
    Node copied(Node copy, Var a) {
        return a.family.varied() ? copy : copy.mark(Construct.COPY_OF_UNVARIED_ARRAY);
    }

    /** Whether statements may assign {@code v} (or write into its array) here. */
    boolean writable(Var v) {
        if (self != null && v.family != null && v.family.fromParam() && !on(Construct.CALL_WRITES_ARGUMENT)) {
            return false; // a helper that writes into arrays it is given
        }
        return !v.readOnly && v.loopDepth >= frozenDepth;
    }

    /** The generator is about to write through an array of {@code family}: the helper writes the parameters in it. */
    void noteWrite(Family family) {
        if (self == null) {
            return;
        }
        for (int i = 0; i < params.size(); i++) {
            Var p = params.get(i);
            if (p.family != null && p.family.same(family)) {
                self.writesParam[i] = true;
            }
        }
    }
}
