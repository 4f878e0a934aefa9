package dev.fluxion.transformer.analysis;

import dev.fluxion.transformer.ir.Block;
import dev.fluxion.transformer.ir.IrFunction;
import com.google.common.graph.Traverser;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reachability between blocks: whether control can get from one block to another along at least
 * one edge. It is the question the adjoint generator asks when deciding what to record: a value
 * that the reverse sweep of block C needs must be saved by C if its definition may execute again
 * after C (C reaches the defining block); otherwise the local still holds it when the reverse
 * sweep comes back. A block that reaches itself is in a loop.
 */
public final class ControlFlow {
    private final Map<Block, Integer> index = new HashMap<>();
    private final BitSet[] reach;

    public ControlFlow(IrFunction f) {
        List<Block> blocks = f.blocks();
        for (int i = 0; i < blocks.size(); i++) {
            index.put(blocks.get(i), i);
        }
        reach = new BitSet[blocks.size()];
        for (int i = 0; i < blocks.size(); i++) {
            reach[i] = successorsClosure(blocks.get(i));
        }
    }

    private BitSet successorsClosure(Block from) {
        BitSet seen = new BitSet();
        // every block reachable from a successor of `from`: paths of one or more edges
        for (Block b : Traverser.forGraph(Block::successors).breadthFirst(from.successors())) {
            seen.set(index.get(b));
        }
        return seen;
    }

    /** Whether a path of one or more edges leads from {@code from} to {@code to}. */
    public boolean reaches(Block from, Block to) {
        return reach[index.get(from)].get(index.get(to));
    }

    /** Whether the block can execute more than once in one invocation. */
    public boolean inLoop(Block b) {
        return reaches(b, b);
    }

    /**
     * The natural loop of the edge {@code p -> h}: {@code h} and every block that reaches {@code p}
     * without passing through {@code h}; or {@code null} if that search gets to the function's
     * entry, i.e. {@code h} does not dominate {@code p} and the edge is no back edge. (In a nest of
     * loops the inner header's preheader is reachable from the header, around the outer loop, so
     * reachability alone cannot tell the latch from the preheader.)
     */
    public static Set<Block> naturalLoop(IrFunction f, Block h, Block p) {
        Set<Block> body = new HashSet<>();
        body.add(h);
        ArrayDeque<Block> work = new ArrayDeque<>();
        work.add(p);
        while (!work.isEmpty()) {
            Block b = work.pop();
            if (b == f.entry()) {
                return null;
            }
            if (body.add(b)) {
                work.addAll(b.predecessors());
            }
        }
        return body;
    }
}
