package dev.fluxion.transformer.ir;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The dominator tree of a function's blocks, by Cooper, Harvey and Kennedy's iterative algorithm
 * ("A Simple, Fast Dominance Algorithm"): each block's immediate dominator, found by intersecting
 * the dominators of its predecessors in reverse postorder until nothing changes.
 */
public final class Dominators {
    private final Map<Block, Block> idom = new HashMap<>();
    private final Map<Block, Integer> order = new HashMap<>();

    private Dominators(IrFunction f) {
        List<Block> rpo = BlockOrder.reversePostOrder(f.entry());
        for (int i = 0; i < rpo.size(); i++) {
            order.put(rpo.get(i), i);
        }
        Block entry = rpo.get(0);
        idom.put(entry, entry);
        for (boolean changed = true; changed; ) {
            changed = false;
            for (Block b : rpo.subList(1, rpo.size())) {
                Block next = null;
                for (Block p : b.predecessors()) {
                    if (idom.containsKey(p)) {
                        next = next == null ? p : intersect(p, next);
                    }
                }
                if (next != null && idom.get(b) != next) {
                    idom.put(b, next);
                    changed = true;
                }
            }
        }
    }

    public static Dominators of(IrFunction f) {
        return new Dominators(f);
    }

    /** The nearest block that dominates both {@code a} and {@code b} (both reachable). */
    public Block nearestCommon(Block a, Block b) {
        return intersect(a, b);
    }

    /** Whether every path from the entry to {@code b} passes {@code a} (a block dominates itself). */
    public boolean dominates(Block a, Block b) {
        return idom.containsKey(b) && intersect(a, b) == a;
    }

    private Block intersect(Block a, Block b) {
        while (a != b) {
            while (order.get(a) > order.get(b)) {
                a = idom.get(a);
            }
            while (order.get(b) > order.get(a)) {
                b = idom.get(b);
            }
        }
        return a;
    }
}
