package dev.fluxion.transformer.reverse;

import dev.fluxion.transformer.analysis.ControlFlow;
import dev.fluxion.transformer.ir.Block;
import dev.fluxion.transformer.ir.Dominators;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.IrFunction;
import dev.fluxion.transformer.ir.Op;
import dev.fluxion.transformer.ir.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import org.objectweb.asm.Type;

/**
 * Joins inside loops whose entry edge the reverse sweep decides again instead of popping it. The
 * forward sweep of a join J in a loop pushes which predecessor it came from, once per execution:
 * in a filter with zero padding ({@code if (c < 0 || c >= n) continue;} around each tap) that is an
 * {@code int} per tap. When the way from J's immediate dominator D to J is chosen by integer tests
 * ({@code if}) of values the reverse sweep of J has at hand without recording anything (parameters,
 * values defined once, loop indices it recomputes from trip counts, integer arithmetic of those,
 * see {@link RecordingPlan}), the reverse sweep takes the same tests again, as a hand-written
 * adjoint would, and goes to the edge they lead to.
 *
 * <p>The tests give the edge the forward sweep took: D runs before each execution of J, and the path
 * from D's last execution to J stays in the blocks D dominates; those must form no cycle (a counted
 * loop with a single exit is passed over, to its exit: it leaves by that exit whatever it did), so
 * every test on the path ran once, with the values the reverse sweep recomputes.
 */
final class JoinDecisions {
    /** Blocks with tests beyond which a join is left to the tape: each is a block of the reverse sweep. */
    private static final int MAX_TESTS = 6;

    /**
     * How the reverse sweep decides one join: from {@link #start}, each block's test as the primal
     * takes it, to the edge (J's predecessor index) at the end of the path.
     */
    static final class Decision {
        /** The first block whose test runs. */
        final Block start;
        /** For each block with a test on the way: where each of its targets leads, a block with a test or an edge. */
        final Map<Block, List<Object>> ways = new LinkedHashMap<>();
        /** The tests' operands, which the reverse sweep of the join needs. */
        final Set<Value> operands = new LinkedHashSet<>();

        private Decision(Block start) {
            this.start = start;
        }
    }

    private final Map<Block, Decision> decisions = new HashMap<>();

    /**
     * @param atHand whether the reverse sweep of a block has a value without recording anything
     */
    JoinDecisions(IrFunction f, ControlFlow cfg, CountedLoops countedLoops, BiPredicate<Block, Value> atHand) {
        Dominators dominators = null;
        for (Block join : f.blocks()) {
            if (join.predecessors().size() < 2 || countedLoops.isCounted(join) || !cfg.inLoop(join)
                    || new HashSet<>(join.predecessors()).size() != join.predecessors().size()) {
                continue;
            }
            if (dominators == null) {
                dominators = Dominators.of(f);
            }
            Block d = immediateDominator(join, dominators);
            if (d == null) {
                continue;
            }
            Decision decision = new Decision(d);
            Walk walk = new Walk(join, decision, dominators, countedLoops, atHand);
            if (walk.test(d, new HashSet<>()) && entersEveryEdge(decision, join)) {
                decisions.put(join, decision);
            }
        }
    }

    /** Whether the tests lead to each of the join's edges (each edge block of the reverse sweep has a way in). */
    private static boolean entersEveryEdge(Decision decision, Block join) {
        Set<Object> entered = new HashSet<>();
        decision.ways.values().forEach(entered::addAll);
        for (int i = 0; i < join.predecessors().size(); i++) {
            if (!entered.contains(i)) {
                return false;
            }
        }
        return true;
    }

    private static Block immediateDominator(Block join, Dominators dominators) {
        Block d = join.predecessors().get(0);
        for (Block p : join.predecessors()) {
            if (!dominators.dominates(join, p)) { // not a back edge
                d = dominators.nearestCommon(d, p);
            } else {
                return null; // a loop header: its latch is decided by the loop's own test
            }
        }
        return d == join ? null : d;
    }

    /** The decision for a join, or {@code null} if the forward sweep records its edge. */
    Decision of(Block join) {
        return decisions.get(join);
    }

    /** The values the reverse sweep of {@code join} reads to take the tests. */
    Set<Value> operandsFor(Block join) {
        Decision d = decisions.get(join);
        return d == null ? Set.of() : d.operands;
    }

    /** A search of the paths from D to the join, filling a {@link Decision}; fails on anything it cannot retake. */
    private static final class Walk {
        private final Block join;
        private final Decision decision;
        private final Dominators dominators;
        private final CountedLoops countedLoops;
        private final BiPredicate<Block, Value> atHand;

        Walk(Block join, Decision decision, Dominators dominators, CountedLoops countedLoops,
                BiPredicate<Block, Value> atHand) {
            this.join = join;
            this.decision = decision;
            this.dominators = dominators;
            this.countedLoops = countedLoops;
            this.atHand = atHand;
        }

        /** Whether block {@code r}'s test, and those after it, can be taken again; records its ways. */
        boolean test(Block r, Set<Block> onPath) {
            if (decision.ways.containsKey(r)) {
                return true;
            }
            Instruction t = r.terminator();
            if (t.op() != Op.IF || t.targets().size() != 2 || t.targets().get(0) == t.targets().get(1)
                    || decision.ways.size() >= MAX_TESTS || !onPath.add(r)) {
                return false;
            }
            for (Value v : t.operands()) {
                if (v.type().getSort() != Type.INT || !atHand.test(join, v)) {
                    return false;
                }
            }
            List<Object> ways = new ArrayList<>();
            for (Block target : t.targets()) {
                Object way = follow(r, target, onPath);
                if (way == null) {
                    return false;
                }
                ways.add(way);
            }
            onPath.remove(r);
            decision.ways.put(r, ways);
            decision.operands.addAll(t.operands());
            return true;
        }

        /**
         * Where the edge {@code from -> to} leads: the join's predecessor index (an {@code Integer}) if
         * it enters the join, else the next block with a test; {@code null} if it cannot be followed.
         */
        private Object follow(Block from, Block to, Set<Block> onPath) {
            for (int steps = 0; steps < 16; steps++) {
                if (to == join) {
                    return join.predecessors().indexOf(from);
                }
                if (!dominators.dominates(decision.start, to) || to == decision.start || onPath.contains(to)) {
                    return null; // out of D's blocks, or around a loop
                }
                if (countedLoops.isCounted(to) && !countedLoops.contains(to, join)
                        && !countedLoops.contains(to, decision.start)) {
                    List<Block> exits = countedLoops.exits(to);
                    if (exits.size() != 1) {
                        return null;
                    }
                    from = exits.get(0).predecessors().get(0); // the loop runs to its end, and leaves there
                    to = exits.get(0);
                    continue;
                }
                Instruction t = to.terminator();
                if (t.op() == Op.GOTO) {
                    from = to;
                    to = t.targets().get(0);
                    continue;
                }
                return test(to, onPath) ? to : null;
            }
            return null;
        }
    }
}
