package dev.fluxion.fuzz;

import static dev.fluxion.fuzz.Construct.*;

import java.util.ArrayList;
import java.util.List;

/**
 * Loops over one range, the shapes Fluxion's primal optimisations rewrite (GMM's temporary
 * {@code centered}): a temporary that one loop fills and the next loop over the same range reads
 * (forwarded: read as what was stored), a loop left only reading that the next one subsumes, a
 * reading loop fused into the loop before it; refilled in an outer loop; and the near misses that
 * must keep the loops as written (a store between the loops, a read ahead of the writes, a
 * filling loop that breaks).
 *
 * <pre>
 * double[] t = new double[a.length];
 * for (int i = 0; i < a.length; i++) { t[i] = g(a[i], ...); }
 * [t[k] = e;]                                        // near miss: a store between
 * for (int i = 0; i < a.length; i++) { s += t[i] * h(a[i], ...); }   // or t[(i + 1) % n]: ahead
 * [for (int r = 0; r < a.length; r++) {]               // or a matrix-vector product: t read whole per row
 *     for (int i = 0; i < a.length; i++) { s += t[i] * a[r] * h(...); }
 * [}]
 * [for (int i = 0; i < a.length; i++) { s += t[i] * t[i]; }]
 * </pre>
 */
final class LoopIdioms {
    private final MethodScope s;
    private final Expressions ex;
    private final Statements statements;

    LoopIdioms(MethodScope s, Expressions ex, Statements statements) {
        this.s = s;
        this.ex = ex;
        this.statements = statements;
    }

    Node temporaryOverOneRange() {
        if (!s.on(LOOPS_OVER_ONE_RANGE) || !s.on(LOCAL_ARRAY) || !s.on(ELEMENT_WRITE) || !s.on(FOR_CONSTANT)
                || s.loopDepth() > 0) {
            return null;
        }
        List<Var> sources = new ArrayList<>();
        for (Var a : s.visible(Var.Type.ARRAY)) {
            if (a.family.varied()) {
                sources.add(a);
            }
        }
        if (sources.isEmpty()) {
            return null;
        }
        Var a = s.pick(sources);
        // a matrix-vector product: the temporary read whole once per row of a, with a store between the
        // loops so that the reads stay reads of the array; refilled, the shape of an array snapshot
        boolean product = s.on(NESTED_LOOPS) && s.chance(0.3);
        // refilled for every k, as GMM's per component
        boolean refilled = s.on(NESTED_LOOPS) && s.chance(product ? 0.7 : 0.35);
        int outerTrips = refilled ? s.between(2, 3) : 1;
        String t = s.fresh("t");
        String sum = s.fresh("s");
        String k = s.fresh("k");
        Var acc = new Var(sum, Var.Type.DOUBLE, s.loopDepth()).accumulate();
        Var temp = new Var(t, Var.Type.ARRAY, s.loopDepth());
        temp.family = Family.fresh();
        temp.minLength = a.minLength;
        a.pinned++;
        if (refilled) {
            s.enterLoop(outerTrips, FOR_CONSTANT);
        }
        s.push();
        if (refilled) {
            Var outer = s.declare(k, Var.Type.INT);
            outer.maxValue = outerTrips - 1;
            outer.readOnly = true;
        }
        List<String> loops = new ArrayList<>();
        List<Node> kids = new ArrayList<>();
        // the filling loop: t[i] = g(a[i], ...)
        loops.add(loop(a, "i", kids, i -> {
            Node e = ex.fit(ex.real(1), Var.PLAIN_CAP);
            return t + "[" + i + "] = $" + kids.size() + ";" + add(kids,
                    ex.fit(Node.real(Var.ELEMENT_CAP + e.bound, a.name + "[" + i + "] * 0.5 + $0", e), Var.PLAIN_CAP));
        }, s.on(BREAK_IN_FOR) && s.chance(0.1)));
        String between = "";
        if (product || s.chance(0.2)) { // near miss: a store between the loops
            between = t + "[" + s.between(0, a.minLength - 1) + "] = $" + kids.size() + ";\n";
            add(kids, ex.fit(ex.real(1), Var.PLAIN_CAP));
        }
        boolean ahead = s.chance(0.2); // near miss: the reading loop reads ahead of where the filling loop wrote
        java.util.function.Function<String, String> reading = row -> loop(a, "j", kids, j -> {
            String read = ahead ? t + "[(" + j + " + 1) % " + t + ".length]" : t + "[" + j + "]";
            Node e = ex.fit(ex.real(1), 2);
            return row == null
                    ? accumulate(acc, Node.real(Var.ELEMENT_CAP * (1 + e.bound), read + " * (1 + $0)", e), kids)
                    : accumulate(acc, Node.real(Var.ELEMENT_CAP * Var.ELEMENT_CAP * (1 + e.bound),
                            read + " * " + a.name + "[" + row + "] * (1 + $0)", e), kids);
        }, false);
        loops.add(product ? loop(a, "r", kids, reading::apply, false) : reading.apply(null));
        if (s.chance(0.5)) { // a third loop: a norm of the temporary (fused into the loop before it)
            loops.add(loop(a, "q", kids, q -> accumulate(acc, Node.real(Var.ELEMENT_CAP * Var.ELEMENT_CAP,
                    t + "[" + q + "] * " + t + "[" + q + "]"), kids), false));
        }
        s.pop();
        if (refilled) {
            s.exitLoop();
        }
        a.pinned--;
        s.declare(sum, Var.Type.DOUBLE).accumulate().budget = 0; // read afterwards; incremented no more
        Var visible = s.declare(t, Var.Type.ARRAY);
        visible.family = temp.family;
        visible.minLength = temp.minLength;
        String inner = between + String.join("\n", loops);
        String body = refilled
                ? "for (int " + k + " = 0; " + k + " < " + outerTrips + "; " + k + "++) {\n    "
                        + inner.replace("\n", "\n    ") + "\n}"
                : inner;
        Node node = Node.of(Node.Sort.STATEMENT, "double[] " + t + " = new double[" + a.name + ".length];\ndouble " + sum
                + " = 0;\n" + body, kids).mark(LOOPS_OVER_ONE_RANGE, LOCAL_ARRAY, ELEMENT_WRITE, FOR_CONSTANT);
        return product ? node.mark(NESTED_LOOPS) : node;
    }

    /** {@code for (int i = 0; i < a.length; i++) { body }}, the body written with {@code i} in scope. */
    private String loop(Var a, String name, List<Node> kids, java.util.function.Function<String, String> body,
            boolean breaks) {
        String i = s.fresh(name);
        s.push();
        Var index = s.declare(i, Var.Type.INT);
        index.loop = new Var.LoopIndex(0, 0, a, false);
        index.maxValue = index.loop.max();
        index.readOnly = true;
        s.enterLoop(Var.MAX_LENGTH, FOR_CONSTANT);
        String text = body.apply(i);
        if (breaks) {
            text += "\n    if ($" + kids.size() + ") break;";
            add(kids, ex.condition(1));
        }
        s.exitLoop();
        s.pop();
        return "for (int " + i + " = 0; " + i + " < " + a.name + ".length; " + i + "++) {\n    " + text + "\n}";
    }

    private String accumulate(Var acc, Node term, List<Node> kids) {
        Node st = statements.accumulate(acc, term);
        kids.add(st);
        return "$" + (kids.size() - 1);
    }

    private static String add(List<Node> kids, Node n) {
        kids.add(n);
        return "";
    }
}
