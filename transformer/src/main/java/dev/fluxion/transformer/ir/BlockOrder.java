package dev.fluxion.transformer.ir;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Orders of blocks that passes walk in. */
public final class BlockOrder {
    private BlockOrder() {
    }

    /**
     * The blocks reachable from {@code start}, each before its successors except along back
     * edges: the order in which SSA construction sees definitions before their uses.
     */
    public static List<Block> reversePostOrder(Block start) {
        List<Block> post = new ArrayList<>();
        Set<Block> seen = new HashSet<>();
        ArrayDeque<Block> stack = new ArrayDeque<>();
        ArrayDeque<Integer> nextChild = new ArrayDeque<>();
        seen.add(start);
        stack.push(start);
        nextChild.push(0);
        while (!stack.isEmpty()) {
            Block b = stack.peek();
            int next = nextChild.pop();
            List<Block> succ = b.successors();
            if (next < succ.size()) {
                nextChild.push(next + 1);
                if (seen.add(succ.get(next))) {
                    stack.push(succ.get(next));
                    nextChild.push(0);
                }
            } else {
                post.add(stack.pop());
            }
        }
        Collections.reverse(post);
        return post;
    }
}
