package dev.fluxion.transformer.reverse;

import dev.fluxion.transformer.ir.Block;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.IrFunction;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.objectweb.asm.Type;

/**
 * Running indices that the reverse sweep steps back instead of recording: an index an outer loop
 * carries from one iteration to the next and an inner loop advances, as a packed triangle's
 * {@code l} in
 * <pre>
 *   int l = 0;
 *   for (int col = 0; col < n; col++) {
 *       for (int row = col + 1; row < n; row++) { ... lower[l] ...; l++; }
 *   }
 * </pre>
 * In SSA the outer loop's {@code l = phi [start, w]} takes, from the latch, the inner loop's
 * induction variable {@code w = phi [l, w + c]}, which leaves the inner loop as {@code l + c * trips}.
 * The reverse sweep knows the inner loop's trip count of every iteration (it counts the inner
 * loop down), so from {@code l} at the start of iteration {@code col + 1} it gets {@code l} at the
 * start of iteration {@code col} as {@code l - c * trips}: an invertible integer recurrence, which
 * Tapenade likewise recomputes backwards rather than storing. Only {@code l}'s value where the
 * outer loop exits is recorded, once per execution of the outer loop, where one {@code int} per
 * iteration was (GMM's {@code qTimesX}: one per column, per component and point).
 *
 * <p>The step is taken in the reverse of the outer loop's latch, which is the block the inner loop
 * exits to, where that block's reverse has the inner loop's count. So it applies only where nothing
 * that block's reverse computes before then needs {@code l}, the inner loop's bounds included: the
 * plan is made again, recording {@code l}, where it would ({@link RecordingPlan}). Every other block
 * of the iteration is reversed after its latch, and a block the outer loop is left from early (a
 * {@code break}) sees the value recorded at that exit, the index of the current iteration.
 */
final class InvertedIndices {
    /** The stepped-back index, by its outer loop's header phi: the inner induction variable it takes from the latch. */
    private final Map<Instruction, Instruction> inner = new HashMap<>();
    private final CountedLoops loops;

    InvertedIndices(IrFunction f, CountedLoops loops, Function<Instruction, Integer> step) {
        this.loops = loops;
        for (Block h : f.blocks()) {
            if (!loops.isCounted(h)) {
                continue;
            }
            Block latch = loops.latch(h);
            int fromLatch = h.predecessors().indexOf(latch);
            for (Instruction index : h.phis()) {
                if (index.type().getSort() != Type.INT || !(index.operand(fromLatch) instanceof Instruction w) || !w.isPhi()) {
                    continue;
                }
                Block hi = w.block();
                if (hi == h || !loops.isCounted(hi) || !loops.contains(h, hi) || step.apply(w) == null
                        || w.operand(1 - hi.predecessors().indexOf(loops.latch(hi))) != index
                        || !loops.exits(hi).equals(List.of(latch)) || latch.predecessors().size() != 1) {
                    continue;
                }
                inner.put(index, w);
            }
        }
    }

    /**
     * If {@code index} is stepped back and {@code b}, whose reverse needs it, is in its outer loop:
     * that loop's header, where {@code index}'s exit value is recorded; else {@code null}.
     */
    Block loopStepping(Instruction index, Block b) {
        return inner.containsKey(index) && loops.contains(index.block(), b) ? index.block() : null;
    }

    Instruction inner(Instruction index) {
        return inner.get(index);
    }

    Block innerHeader(Instruction index) {
        return inner.get(index).block();
    }

    /** The outer loop's latch, whose reverse steps {@code index} back. */
    Block latch(Instruction index) {
        return loops.latch(index.block());
    }

    /** Records these after all: a latch's reverse needs them before it has the count to step them by. */
    void exclude(Set<Instruction> indices) {
        inner.keySet().removeAll(indices);
    }
}
