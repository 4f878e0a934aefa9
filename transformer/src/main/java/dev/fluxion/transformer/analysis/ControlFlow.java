package dev.fluxion.transformer.analysis;

import dev.fluxion.transformer.ir.Block;
import dev.fluxion.transformer.ir.IrFunction;
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
        int n = blocks.size();
        for (int i = 0; i < n; i++) {
            index.put(blocks.get(i), i);
        }
        int[][] successors = new int[n][];
        for (int i = 0; i < n; i++) {
            List<Block> s = blocks.get(i).successors();
            successors[i] = new int[s.size()];
            for (int k = 0; k < s.size(); k++) {
                successors[i][k] = index.get(s.get(k));
            }
        }
        reach = new BitSet[n];
        int[] stack = new int[n]; // each block is pushed once at most
        for (int i = 0; i < n; i++) {
            reach[i] = successorsClosure(i, successors, stack);
        }
    }

    /** Every block reachable from a successor of block {@code from}: paths of one or more edges. */
    private static BitSet successorsClosure(int from, int[][] successors, int[] stack) {
        BitSet seen = new BitSet(successors.length);
        int top = 0;
        for (int s : successors[from]) {
            if (!seen.get(s)) {
                seen.set(s);
                stack[top++] = s;
            }
        }
        while (top > 0) {
            for (int s : successors[stack[--top]]) {
                if (!seen.get(s)) {
                    seen.set(s);
                    stack[top++] = s;
                }
            }
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
