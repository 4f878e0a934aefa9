package dev.fluxion.transformer.optimize;

import dev.fluxion.transformer.analysis.ControlFlow;
import dev.fluxion.transformer.ir.Block;
import dev.fluxion.transformer.ir.IrFunction;
import dev.fluxion.transformer.ir.Op;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Gives every loop exits of its own (LLVM's loop-simplify form): an edge that leaves a loop for a
 * block that other edges enter too gets an empty block of its own. A {@code continue} out of an
 * inner loop's test ({@code if (c < 0 || c >= n) continue;}, an image filter's zero padding) makes
 * the inner loop's exit and the {@code continue} meet at the outer loop's latch; the reverse sweep
 * counts a loop's iterations only if it can record the count where the loop is left
 * ({@code reverse.CountedLoops}), so that inner loop recorded, in every iteration, which way its
 * header was entered and its index. With its own exit block it records its trip count once, or
 * none when the count follows from the loop's bounds, and its index is recomputed from the count.
 */
final class LoopExits {
    private LoopExits() {
    }

    static boolean split(IrFunction f) {
        ControlFlow cfg = new ControlFlow(f);
        Set<List<Block>> edges = new LinkedHashSet<>();
        for (Block h : f.blocks()) {
            Set<Block> loop = new HashSet<>();
            for (Block p : h.predecessors()) {
                Set<Block> body = cfg.reaches(h, p) ? ControlFlow.naturalLoop(f, h, p) : null;
                if (body != null) {
                    loop.addAll(body);
                }
            }
            for (Block b : loop) {
                for (Block s : b.successors()) {
                    if (!loop.contains(s) && s.predecessors().size() > 1
                            && b.terminator().op() != Op.TRY) {
                        edges.add(List.of(b, s));
                    }
                }
            }
        }
        for (List<Block> edge : new ArrayList<>(edges)) {
            f.splitEdge(edge.get(0), edge.get(1));
        }
        return !edges.isEmpty();
    }
}
