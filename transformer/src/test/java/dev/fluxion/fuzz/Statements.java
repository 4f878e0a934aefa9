package dev.fluxion.fuzz;

import static dev.fluxion.fuzz.Construct.*;

import dev.fluxion.fuzz.Node.Sort;
import java.util.ArrayList;
import java.util.List;

/**
 * Random statements of one method: scalar declarations and updates, branches, the loop forms of
 * the subset (constant and length trip counts, data-dependent ones, while with break/continue,
 * for-each), early returns and int counters; array statements and idioms come from
 * {@link ArrayStatements} and {@link Idioms}.
 *
 * <p>Doubles stay bounded (see {@link Var}): a plain variable is only ever set to a value fitted to
 * {@link Var#PLAIN_CAP}; an accumulator's increments are fitted to what is left of its budget,
 * divided by the number of times the increment may run (the trips of the loops around it).
 */
final class Statements {
    private final MethodScope s;
    private final Expressions ex;
    private final Calls calls;
    final ArrayStatements arrays;
    final Idioms idioms;
    final LoopIdioms loops;
    final Functions functions;

    Statements(MethodScope s) {
        this.s = s;
        this.calls = new Calls(s);
        this.ex = new Expressions(s, calls);
        this.arrays = new ArrayStatements(s, ex, calls);
        this.idioms = new Idioms(s, ex, calls, this);
        this.loops = new LoopIdioms(s, ex, this);
        this.functions = new Functions(s, ex, calls);
    }

    Expressions expressions() {
        return ex;
    }

    Calls calls() {
        return calls;
    }

    /** A braced block of up to {@code count} statements, in a scope of its own. */
    Node block(int count) {
        s.push();
        s.nesting++;
        List<Node> body = statements(count);
        s.nesting--;
        s.pop();
        return Node.block(body);
    }

    /** A block that starts with {@code first} (pinned: a while loop's increment). */
    Node blockStartingWith(Node first, int count) {
        s.push();
        s.nesting++;
        List<Node> body = new ArrayList<>();
        body.add(first);
        body.addAll(statements(count));
        s.nesting--;
        s.pop();
        return Node.block(body);
    }

    /** Up to {@code count} statements in the current scope. */
    List<Node> statements(int count) {
        List<Node> out = new ArrayList<>();
        for (int i = 0; i < count && s.statementsLeft > 0; i++) {
            s.statementsLeft--;
            s.work += s.tripsSince(0);
            out.add(statement());
        }
        return out;
    }

    /** One statement of a kind chosen at random among those the constructs and the scope allow. */
    Node statement() {
        for (int attempt = 0; attempt < 20; attempt++) {
            // two kinds more where functions may be passed around: the programs without them are as they were
            Node n = attempt(s.rng.nextInt(s.on(LAMBDA_LOCAL) || s.outside != null && s.outside.declaresAny() ? 26 : 24));
            if (n != null) {
                return n;
            }
        }
        return declareDouble();
    }

    private Node attempt(int kind) {
        boolean compound = s.nesting < 2 && s.statementsLeft > 0;
        // a variable declared in a nested block dies with it: there, update the method's variables instead
        boolean nested = s.nesting > 0;
        return switch (kind) {
            case 0 -> declareDouble();
            case 1, 2 -> nested ? assign() : declareDouble();
            case 3, 4 -> assign();
            case 5, 6 -> increment();
            case 7, 8 -> compound && s.on(IF_ELSE) ? (s.on(TRY_CATCH) && s.chance(0.15) ? tryCatch() : ifElse()) : null;
            case 9, 10 -> compound ? forLoop() : null;
            case 11 -> compound && s.on(FOR_DATA_DEPENDENT) ? dataDependentFor() : null;
            case 12 -> compound && s.on(WHILE_BREAK_CONTINUE) ? whileLoop() : null;
            case 13 -> compound && s.on(FOR_EACH) ? forEach() : null;
            case 14 -> s.frozenDepth == 0 ? breakOrContinue() : null;
            case 15 -> s.on(EARLY_RETURN) && s.frozenDepth == 0 && s.chance(0.5) ? earlyReturn() : null;
            case 16 -> s.on(INT_COUNTER) ? counter() : null;
            case 17, 18, 19, 20 -> arrays.statement();
            case 21 -> callStatement();
            case 22, 23 -> compound && s.chance(0.5) ? idioms.statement() : null;
            case 24, 25 -> functions.statement();
            default -> null;
        };
    }

    // ------------------------------------------------------------------ scalars

    /** {@code double v = e;}: a plain variable, or an accumulator that increments will add to. */
    Node declareDouble() {
        Node e = ex.fit(ex.expression(), Var.PLAIN_CAP); // before the declaration: e cannot read v
        Var v = s.declare(s.fresh("v"), Var.Type.DOUBLE);
        if (s.chance(0.35)) {
            v.accumulate();
        }
        return Node.statement("double " + v.name + " = $0;", e);
    }

    /** {@code v = e}, often a recurrence {@code v = g(v, ...)}. */
    Node assign() {
        List<Var> vs = writableDoubles();
        if (vs.isEmpty()) {
            return null;
        }
        Var v = s.pick(vs);
        Node rhs = ex.expression();
        if (s.chance(0.5)) {
            Node self = Node.real(v.readBound(), v.name);
            Node c = ex.constant();
            rhs = Node.real(self.bound * c.bound + rhs.bound, "($0 * $1 + $2)", self, c, rhs).mark(ARITHMETIC)
                    .alternatives("$2");
        }
        return Node.statement(v.name + " = $0;", ex.fit(rhs, Var.PLAIN_CAP));
    }

    /** {@code s += e} within the accumulator's budget, or {@code v *= e} with {@code |e| <= 1}. */
    Node increment() {
        List<Var> accs = new ArrayList<>();
        for (Var v : writableDoubles()) {
            if (v.accumulator && v.budget / s.tripsSince(v.loopDepth) >= 0.05) {
                accs.add(v);
            }
        }
        if (!accs.isEmpty() && s.chance(0.8)) {
            Var v = s.pick(accs);
            return accumulate(v, ex.expression());
        }
        List<Var> vs = writableDoubles();
        if (vs.isEmpty()) {
            return null;
        }
        Var v = s.pick(vs);
        Node e = ex.real(2);
        if (e.bound > 1) {
            e = ex.fit(e, 1);
            if (e.bound > 1) {
                return null;
            }
        }
        return Node.statement(v.name + " *= $0;", e).mark(ARITHMETIC);
    }

    /** {@code acc += e} (or {@code -=}), {@code e} fitted to the budget left per trip. */
    Node accumulate(Var acc, Node e) {
        int trips = s.tripsSince(acc.loopDepth);
        if (acc.budget / trips < 1e-3) { // the budget is spent: a reset that keeps some of the sum instead
            Node self = Node.real(acc.readBound(), acc.name);
            return Node.statement(acc.name + " = $0;", ex.fit(Node.real(0.05 * self.bound + e.bound, "0.05 * $0 + $1", self, e),
                    Var.PLAIN_CAP));
        }
        Node term = ex.fit(e, acc.budget / trips);
        acc.budget -= trips * term.bound;
        return Node.statement(acc.name + (s.chance(0.8) ? " += $0;" : " -= $0;"), term).mark(ARITHMETIC);
    }

    /** The double variables in scope that statements may assign (not loop variables). */
    List<Var> writableDoubles() {
        List<Var> out = new ArrayList<>();
        for (Var v : s.visible(Var.Type.DOUBLE)) {
            if (s.writable(v)) {
                out.add(v);
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ control

    private Node ifElse() {
        Node c = ex.condition(2);
        Node then = block(s.between(1, 3));
        if (s.chance(0.5)) {
            Node otherwise = block(s.between(1, 3));
            return Node.statement("if ($0) $1 else $2", c, then, otherwise).mark(IF_ELSE).alternatives("$1", "$2");
        }
        return Node.statement("if ($0) $1", c, then).mark(IF_ELSE).alternatives("$1");
    }

    /**
     * Calls Fluxion replaces by code of its own (lambdas, streams, lists' methods, objects'), which
     * a handler would not cover: rejected in a try block, and in a catch block a finally covers.
     */
    private static final java.util.Set<Construct> REPLACED = java.util.EnumSet.of(LAMBDA, SORT_AND_STREAMS,
            OBJECT_ARRAY, OBJECT_LIST, LAMBDA_LOCAL);

    /**
     * What a try block may not hold: calls Fluxion rejects there (differentiated callees, calls
     * dispatched at run time, and {@link #REPLACED}).
     */
    private static final java.util.Set<Construct> NOT_IN_TRY = union(REPLACED, java.util.EnumSet.of(DISPATCH_OUTSIDE,
            LAMBDA_OUTSIDE, SUM_OVER_POINTS, TAIL_CALL));

    /**
     * What a finally block may not hold besides: a return, break or continue (which people do not
     * write there: javac warns that the finally cannot complete normally). It would swallow what
     * the handler throws, making a call there one whose throw Fluxion cannot follow, rightly rejected.
     */
    private static final java.util.Set<Construct> NOT_IN_FINALLY = union(NOT_IN_TRY,
            java.util.EnumSet.of(EARLY_RETURN, BREAK_IN_FOR, WHILE_BREAK_CONTINUE));

    private static java.util.Set<Construct> union(java.util.Set<Construct> a, java.util.Set<Construct> b) {
        java.util.Set<Construct> u = java.util.EnumSet.copyOf(a);
        u.addAll(b);
        return u;
    }

    /**
     * {@code try { ..; if (c) throw ..; .. } catch (IllegalStateException e) { .. }}, sometimes with a
     * {@code finally}: the throw leaves the try block half run.
     */
    private Node tryCatch() {
        Node body = s.without(NOT_IN_TRY, () -> calls.withoutCalls(() -> {
            s.push();
            s.nesting++;
            List<Node> code = new ArrayList<>(statements(s.between(1, 2)));
            code.add(Node.statement("if ($0) throw new IllegalStateException(\"fuzz\");", ex.condition(1)));
            code.addAll(statements(s.between(0, 2)));
            s.nesting--;
            s.pop();
            return Node.block(code);
        }));
        boolean withFinally = s.chance(0.3);
        // a finally covers the handler too: there, no code Fluxion replaces by its own (finding F11)
        Node handler = withFinally ? s.without(REPLACED, () -> block(s.between(1, 2))) : block(s.between(1, 2));
        String tryCatch = "try $0 catch (IllegalStateException " + s.fresh("e") + ") $1";
        if (withFinally) {
            Node last = s.without(NOT_IN_FINALLY, () -> calls.withoutCalls(() -> block(s.between(1, 2))));
            return Node.statement(tryCatch + " finally $2", body, handler, last).mark(TRY_CATCH).alternatives("$1");
        }
        return Node.statement(tryCatch, body, handler).mark(TRY_CATCH).alternatives("$1");
    }

    /**
     * {@code for (int i = start; i < bound; i++)}: the bound a constant, an array's length, a
     * length minus one ({@code i + 1 < a.length}, as javac sees {@code a[i + 1]} loops), or a
     * matrix's number of rows.
     */
    private Node forLoop() {
        if (!s.on(FOR_CONSTANT) || s.inLoop() && !s.on(NESTED_LOOPS) || s.loopDepth() >= 2) {
            return null;
        }
        String i = s.fresh("i");
        int start = s.on(FOR_OFFSET) && s.chance(0.25) ? 1 : 0;
        List<Var> arrays = s.visible(Var.Type.ARRAY);
        List<Var> matrices = s.visible(Var.Type.MATRIX);
        Var lengthOf = null;
        boolean minusOne = false;
        String header;
        Construct triangular = null;
        Node computedStart = null;
        int form = s.on(TRIANGULAR_LOOPS) && outerArrayIndex() != null && s.chance(0.5) ? 4 : s.rng.nextInt(8);
        if (form <= 1 && !arrays.isEmpty()) {
            lengthOf = s.pick(arrays);
            header = "for (int " + i + " = " + start + "; " + i + " < " + lengthOf.name + ".length; " + i + "++) $0";
        } else if (form == 2 && !arrays.isEmpty() && s.on(FOR_OFFSET)) {
            lengthOf = s.pick(arrays);
            minusOne = true;
            header = s.chance(0.5)
                    ? "for (int " + i + " = " + start + "; " + i + " + 1 < " + lengthOf.name + ".length; " + i + "++) $0"
                    : "for (int " + i + " = " + start + "; " + i + " < " + lengthOf.name + ".length - 1; " + i + "++) $0";
        } else if (form == 3 && !matrices.isEmpty()) {
            lengthOf = s.pick(matrices);
            header = "for (int " + i + " = " + start + "; " + i + " < " + lengthOf.name + ".length; " + i + "++) $0";
        } else if (form == 4 && s.on(TRIANGULAR_LOOPS) && outerArrayIndex() != null) {
            Var outer = outerArrayIndex();
            lengthOf = outer.loop.lengthOf();
            Construct mark = TRIANGULAR_LOOPS;
            switch (s.rng.nextInt(3)) {
                case 0 -> { // the upper triangle, without the diagonal: j >= 1
                    start = 1;
                    header = "for (int " + i + " = " + outer.name + " + 1; " + i + " < " + lengthOf.name + ".length; " + i
                            + "++) $0";
                }
                case 1 -> { // the lower triangle: j < i <= length - 1
                    start = 0;
                    minusOne = true;
                    header = "for (int " + i + " = 0; " + i + " < " + outer.name + "; " + i + "++) $0";
                }
                default -> {
                    start = 0;
                    header = "for (int " + i + " = " + outer.name + "; " + i + " < " + lengthOf.name + ".length; " + i
                            + "++) $0";
                }
            }
            triangular = mark;
        } else if (form == 5 && s.on(COMPUTED_LOOP_START) && !arrays.isEmpty() && ex.intVariable(3) != null) {
            lengthOf = s.pick(arrays);
            start = 0;
            Node first = ex.intVariable(Helper.MAX_INT_ARG);
            computedStart = first;
            header = "for (int " + i + " = $1 % 2; " + i + " < " + lengthOf.name + ".length; " + i + "++) $0";
        } else {
            lengthOf = null;
            header = null;
        }
        int n = s.between(start + 1, 5);
        Var.LoopIndex loop = new Var.LoopIndex(start, n, lengthOf, minusOne);
        Node bound = Node.of(Sort.INT, Integer.toString(n));
        Node loopNode;
        // the index declared before the loop, and read after it (a search loop's result): start <= i <= n
        boolean indexOutlives = header == null && s.on(INDEX_AFTER_LOOP) && s.chance(0.3);
        Var outliving = indexOutlives ? s.declare(i, Var.Type.INT) : null;
        s.push();
        Var index = indexOutlives ? outliving : s.declare(i, Var.Type.INT);
        index.loop = loop;
        index.maxValue = loop.max();
        index.readOnly = true;
        if (lengthOf != null) {
            lengthOf.pinned++;
        }
        s.enterLoop(loop.max() + 1 - start, FOR_CONSTANT);
        Node body = block(s.between(1, 4));
        s.exitLoop();
        if (lengthOf != null) {
            lengthOf.pinned--;
        }
        s.pop();
        String declared = "{\nint " + i + " = " + start + ";\n$0\n}";
        if (indexOutlives) {
            outliving.loop = new Var.LoopIndex(start, n + 1, null, false);
            outliving.maxValue = n;
            loopNode = Node.statement("int " + i + ";\nfor (" + i + " = " + start + "; " + i + " < $0; " + i + "++) $1",
                    bound, body).alternatives("int " + i + " = " + start + ";\n$1").mark(INDEX_AFTER_LOOP);
        } else if (computedStart != null) {
            loopNode = Node.statement(header, body, computedStart).alternatives("$0", declared).mark(COMPUTED_LOOP_START);
        } else if (header != null) {
            loopNode = Node.statement(header, body).alternatives("$0", declared);
        } else {
            loopNode = Node.statement("for (int " + i + " = " + start + "; " + i + " < $0; " + i + "++) $1", bound, body)
                    .alternatives("$1", "{\nint " + i + " = " + start + ";\n$1\n}");
        }
        loopNode = loopNode.mark(FOR_CONSTANT);
        if (s.inLoop()) {
            loopNode = loopNode.mark(NESTED_LOOPS);
        }
        if ((start == 1 || minusOne) && triangular == null) {
            loopNode = loopNode.mark(FOR_OFFSET);
        }
        return triangular != null ? loopNode.mark(triangular) : loopNode;
    }

    /** The index of an enclosing loop over an array's length ({@code i < a.length}), or {@code null}. */
    private Var outerArrayIndex() {
        for (Var v : s.visible(Var.Type.INT)) {
            if (v.loop != null && v.loop.lengthOf() != null && v.loop.lengthOf().type == Var.Type.ARRAY
                    && !v.loop.minusOne()) {
                return v;
            }
        }
        return null;
    }

    /** {@code for (int k = 0; k < 8 && v < c; k++) { ...; v += step; }}: the data decide the trip count. */
    private Node dataDependentFor() {
        if (s.inLoop() && !s.on(NESTED_LOOPS) || s.loopDepth() >= 2) {
            return null;
        }
        List<Var> vs = writableDoubles();
        if (vs.isEmpty()) {
            return null;
        }
        Var v = s.pick(vs);
        String k = s.fresh("k");
        Node limit = ex.constant();
        s.push();
        Var index = s.declare(k, Var.Type.INT);
        index.maxValue = 7;
        index.loop = new Var.LoopIndex(0, 8, null, false);
        index.readOnly = true;
        s.enterLoop(8, FOR_DATA_DEPENDENT);
        s.push();
        s.nesting++;
        List<Node> body = statements(s.between(1, 3));
        Node step;
        if (v.accumulator && v.budget / s.tripsSince(v.loopDepth) >= 0.05) {
            step = accumulate(v, s.on(MATH_TRIG) ? Node.real(0.5 + 1, "(0.5 + Math.sin($0))", ex.fit(ex.real(1), 6)).mark(MATH_TRIG)
                    : Node.real(0.5 + 0.4, "(0.5 + 0.1 * $0)", ex.fit(ex.real(1), Var.PLAIN_CAP)));
        } else {
            Node e = ex.fit(ex.real(2), 1);
            step = Node.statement(v.name + " = $0;", ex.fit(Node.real(v.readBound() + 0.5 + e.bound,
                    "(" + v.name + " + 0.5 + $0)", e), Var.PLAIN_CAP));
        }
        body.add(step);
        s.nesting--;
        s.pop();
        s.exitLoop();
        s.pop();
        Node loop = Node.statement("for (int " + k + " = 0; " + k + " < 8 && (" + v.name + " $0 $1); " + k + "++) $2",
                Node.of(Sort.OTHER, s.chance(0.5) ? "<" : ">"), limit, Node.block(body)).mark(FOR_DATA_DEPENDENT);
        return s.inLoop() ? loop.mark(NESTED_LOOPS) : loop;
    }

    /** {@code int k = 0; while (k < n) { k++; ... if (c) continue; ... if (c) break; }}. */
    private Node whileLoop() {
        if (s.inLoop() && !s.on(NESTED_LOOPS) || s.loopDepth() >= 2) {
            return null;
        }
        String k = s.fresh("k");
        int n = s.between(2, 6);
        Var counter = s.declare(k, Var.Type.INT);
        counter.maxValue = n;
        counter.readOnly = true;
        String cond = k + " < " + n;
        Node extra = null;
        if (s.chance(0.3)) {
            extra = ex.condition(1);
        }
        s.enterLoop(n, WHILE_BREAK_CONTINUE);
        Node body = blockStartingWith(Node.statement(k + "++;").pin(), s.between(2, 4));
        s.exitLoop();
        Node loop = extra == null
                ? Node.statement("int " + k + " = 0;\nwhile (" + cond + ") $0", body)
                : Node.statement("int " + k + " = 0;\nwhile (" + cond + " && $1) $0", body, extra);
        loop = loop.mark(WHILE_BREAK_CONTINUE);
        return s.inLoop() ? loop.mark(NESTED_LOOPS) : loop;
    }

    /** {@code for (double e : a) { ... }}. */
    private Node forEach() {
        if (s.inLoop() && !s.on(NESTED_LOOPS) || s.loopDepth() >= 2) {
            return null;
        }
        List<Var> arrays = s.visible(Var.Type.ARRAY);
        if (arrays.isEmpty()) {
            return null;
        }
        Var a = s.pick(arrays);
        String e = s.fresh("e");
        s.push();
        Var element = s.declare(e, Var.Type.DOUBLE);
        element.readOnly = true;
        element.bound = Var.ELEMENT_CAP;
        s.enterLoop(Var.MAX_LENGTH, FOR_EACH);
        Node body = block(s.between(1, 3));
        s.exitLoop();
        s.pop();
        Node loop = Node.statement("for (double " + e + " : " + a.name + ") $0", body).mark(FOR_EACH);
        return s.inLoop() ? loop.mark(NESTED_LOOPS) : loop;
    }

    /** {@code if (c) break;} or {@code if (c) continue;} in the innermost loop. */
    private Node breakOrContinue() {
        MethodScope.Loop loop = s.innermostLoop();
        if (loop == null) {
            return null;
        }
        Construct mark = loop.kind() == WHILE_BREAK_CONTINUE ? WHILE_BREAK_CONTINUE : BREAK_IN_FOR;
        if (!s.on(mark)) {
            return null;
        }
        Node c = ex.condition(1);
        return Node.statement(s.chance(0.5) ? "if ($0) break;" : "if ($0) continue;", c).mark(mark);
    }

    /** {@code if (c) return e;} (or the array, or nothing, that the method returns). */
    private Node earlyReturn() {
        if (!s.isEntry() && s.loopDepth() >= 2 && !s.on(EXIT_FROM_NESTED_LOOPS)) {
            return null;
        }
        Node c = ex.condition(1);
        Node value = returnValue(1);
        Node r = value == null ? Node.statement("if ($0) return;", c).mark(EARLY_RETURN)
                : Node.statement("if ($0) return $1;", c, value).mark(EARLY_RETURN);
        return !s.isEntry() && s.loopDepth() >= 2 ? r.mark(EXIT_FROM_NESTED_LOOPS) : r;
    }

    /** What a return statement returns: a double (fitted, in helpers), an array, or {@code null} for void. */
    Node returnValue(int terms) {
        if (s.isEntry()) {
            return summary(terms);
        }
        return switch (s.self.returns) {
            case DOUBLE -> ex.fit(summary(terms), Helper.RETURN_CAP);
            case ARRAY -> arrays.returnedArray();
            case VOID -> null;
        };
    }

    /** A sum of {@code terms} expressions that read the method's variables and arrays. */
    Node summary(int terms) {
        Node sum = term();
        for (int i = 1; i < terms; i++) {
            Node t = term();
            sum = Node.real(sum.bound + t.bound, "$0 + $1", sum, t).alternatives("$0", "$1");
        }
        return sum;
    }

    /**
     * The entry point's result: its latest variables, an element of its latest arrays and matrix,
     * and a random term, so that as much of what the method computed as possible reaches the value
     * (a component of the gradient that is zero because nothing reaches it checks little).
     */
    Node result() {
        List<Node> terms = new ArrayList<>();
        List<Var> ds = s.visible(Var.Type.DOUBLE);
        for (Var v : ds.subList(Math.max(0, ds.size() - 4), ds.size())) {
            terms.add(s.chance(0.5) ? Node.real(v.readBound(), v.name)
                    : Node.real(v.readBound(), "$0 * " + v.name, ex.constant()).alternatives(v.name));
        }
        List<Var> arrays = s.visible(Var.Type.ARRAY);
        for (Var a : arrays.subList(Math.max(0, arrays.size() - 2), arrays.size())) {
            terms.add(Node.real(Var.ELEMENT_CAP, a.name + "[$0]", ex.index(a.name + ".length", a, a.minLength)));
        }
        List<Var> matrices = s.visible(Var.Type.MATRIX);
        if (!matrices.isEmpty()) {
            Var m = matrices.get(matrices.size() - 1);
            Node r = ex.rowIndex(m);
            terms.add(Node.real(Var.ELEMENT_CAP, m.name + "[$0][$1]", r, ex.columnIndex(m, r)));
        }
        terms.add(term());
        Node sum = terms.get(0);
        for (Node t : terms.subList(1, terms.size())) {
            sum = Node.real(sum.bound + t.bound, s.chance(0.8) ? "$0 + $1" : "$0 - $1", sum, t).alternatives("$0", "$1");
        }
        return sum;
    }

    private Node term() {
        Node t = s.chance(0.3) ? ex.real(2) : null;
        if (t == null && s.chance(0.6)) {
            t = ex.variable();
        }
        if (t == null) {
            t = ex.elementRead();
        }
        if (t == null) {
            t = ex.leaf();
        }
        if (s.chance(0.4)) {
            Node c = ex.constant();
            return Node.real(t.bound * c.bound, "$0 * $1", c, t).alternatives("$1");
        }
        return t;
    }

    /** {@code int c = 0;}, or {@code c++} / {@code c += 2} on a counter. */
    private Node counter() {
        List<Var> counters = new ArrayList<>();
        for (Var v : s.visible(Var.Type.INT)) {
            if (s.writable(v)) {
                counters.add(v);
            }
        }
        if (!counters.isEmpty() && s.chance(0.7)) {
            Var c = s.pick(counters);
            return Node.statement(s.chance(0.5) ? c.name + "++;" : c.name + " += 2;").mark(INT_COUNTER);
        }
        Var c = s.declare(s.fresh("c"), Var.Type.INT);
        c.maxValue = Integer.MAX_VALUE;
        return Node.statement("int " + c.name + " = 0;").mark(INT_COUNTER);
    }

    /** A call as a statement: a void helper, or a helper's double result added to an accumulator. */
    private Node callStatement() {
        if (s.chance(0.5)) {
            Calls.Call c = calls.voidCall(ex);
            if (c != null) {
                return Node.statement("$0;", c.node());
            }
        }
        Node call = calls.doubleCall(ex);
        if (call == null) {
            return null;
        }
        Var v = s.declare(s.fresh("v"), Var.Type.DOUBLE);
        return Node.statement("double " + v.name + " = $0;", ex.fit(call, Var.PLAIN_CAP));
    }
}
