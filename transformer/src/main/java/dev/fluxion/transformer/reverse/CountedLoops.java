package dev.fluxion.transformer.reverse;

import dev.fluxion.transformer.analysis.ControlFlow;
import dev.fluxion.transformer.analysis.ForLoops;
import dev.fluxion.transformer.analysis.ForLoops.ForLoop;
import dev.fluxion.transformer.ir.Block;
import dev.fluxion.transformer.ir.IrFunction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import dev.fluxion.transformer.analysis.ArrayFamilies;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.Value;

/**
 * Loops whose reversal needs a trip count, not an edge per iteration. A loop header H entered
 * from one block outside the loop (the preheader) and one inside (the latch) would otherwise push,
 * on every entry, which of the two it came from. Instead the forward sweep counts the entries from
 * the latch and pushes the count once, at the start of each block the loop exits to; the reverse
 * sweep pops it there and counts it down at H: to the latch while it is positive, then to the
 * preheader.
 *
 * <p>Applies when one of H's predecessors ends a back edge (H dominates it) and the other does not,
 * every exit target has the loop block as its only predecessor (so the count can be pushed at its
 * start without splitting edges), and the loop has H as its only entry. Nested loops qualify each on
 * its own: an inner loop's count is pushed once per execution of the inner loop.
 */
final class CountedLoops {
    private final Map<Block, Block> latchOf = new HashMap<>();
    private final Map<Block, List<Block>> countsPushedAt = new HashMap<>();
    private final Map<Block, Set<Block>> bodyOf = new HashMap<>();
    private final ForLoops forLoops;

    CountedLoops(IrFunction f, ControlFlow cfg) {
        this.forLoops = new ForLoops(f);
        for (Block h : f.blocks()) {
            if (h.predecessors().size() != 2 || !cfg.inLoop(h)) {
                continue;
            }
            Set<Block> fromFirst = ControlFlow.naturalLoop(f, h, h.predecessors().get(0));
            Set<Block> fromSecond = ControlFlow.naturalLoop(f, h, h.predecessors().get(1));
            if ((fromFirst == null) == (fromSecond == null)) {
                continue; // no back edge, or two: not the shape a trip count can reverse
            }
            Set<Block> body = fromFirst != null ? fromFirst : fromSecond;
            List<Block> exits = exitsIfCountable(h, body);
            if (exits != null) {
                latchOf.put(h, h.predecessors().get(fromFirst != null ? 0 : 1));
                bodyOf.put(h, body);
                for (Block x : exits) {
                    countsPushedAt.computeIfAbsent(x, k -> new ArrayList<>()).add(h);
                }
            }
        }
    }

    /** The blocks the loop exits to, or {@code null} if the loop does not qualify. */
    private static List<Block> exitsIfCountable(Block h, Set<Block> body) {
        List<Block> exits = new ArrayList<>();
        for (Block x : body) {
            if (x != h && !body.containsAll(x.predecessors())) {
                return null; // a second entry
            }
            for (Block s : x.successors()) {
                if (!body.contains(s)) {
                    if (s.predecessors().size() != 1) {
                        return null;
                    }
                    exits.add(s);
                }
            }
        }
        return exits;
    }

    boolean isCounted(Block header) {
        return latchOf.containsKey(header);
    }

    Block latch(Block header) {
        return latchOf.get(header);
    }

    /**
     * The outermost counted loop that contains {@code b} but not {@code def}, or {@code null}: a
     * value defined in {@code def} and needed in {@code b}'s reverse is the same throughout one
     * execution of that loop, so it is recorded once per execution, where the loop's count is.
     */
    Block outermostLoopWithout(Block b, Block def) {
        Block best = null;
        for (Map.Entry<Block, Set<Block>> e : bodyOf.entrySet()) {
            Set<Block> body = e.getValue();
            if (body.contains(b) && !body.contains(def) && (best == null || body.size() > bodyOf.get(best).size())) {
                best = e.getKey();
            }
        }
        return best;
    }

    /**
     * For a loop {@code for (i = start; i < limit; i++)} that only its header leaves, so that it runs
     * exactly {@code max(0, limit - start)} times: {@code {start, limit}}; else {@code null}. Its trip
     * count need not be recorded where start and limit are still at hand in the reverse sweep.
     */
    Value[] countBounds(Block header) {
        ForLoop loop = bodyOf.containsKey(header) ? forLoops.ofHeader(header) : null;
        return loop == null || !loop.leftOnlyByHeader() ? null : new Value[] {loop.start(), loop.limit()};
    }

    /** Whether {@code b} is in the counted loop with header {@code header}. */
    boolean contains(Block header, Block b) {
        Set<Block> body = bodyOf.get(header);
        return body != null && body.contains(b);
    }

    /**
     * The outermost counted loop that contains {@code b} and in which {@code load}, an element read
     * inside it, reads the same element of the same, unchanged array every time (its operands are
     * defined outside the loop, and nothing in the loop writes the array's family); or {@code null}.
     */
    Block outermostLoopWhereInvariant(Block b, Instruction load, ArrayFamilies families) {
        Block best = null;
        for (Map.Entry<Block, Set<Block>> e : bodyOf.entrySet()) {
            Set<Block> body = e.getValue();
            if (!body.contains(b) || !body.contains(load.block()) || (best != null && body.size() <= bodyOf.get(best).size())) {
                continue;
            }
            boolean invariant = true;
            for (Value operand : load.operands()) {
                invariant &= !(operand instanceof Instruction i) || !body.contains(i.block());
            }
            for (Instruction w : families.writers(load.operand(0))) {
                invariant &= !body.contains(w.block());
            }
            if (invariant) {
                best = e.getKey();
            }
        }
        return best;
    }

    /**
     * The outermost counted loop that contains {@code b} and {@code load} (an element read) and in
     * which the array it reads stays the same array with the same numbers: the array is defined
     * outside the loop and nothing in the loop writes its family. The index may change; or
     * {@code null}.
     */
    Block outermostLoopKeepingArray(Block b, Instruction load, ArrayFamilies families) {
        Block best = null;
        for (Map.Entry<Block, Set<Block>> e : bodyOf.entrySet()) {
            Set<Block> body = e.getValue();
            if (!body.contains(b) || !body.contains(load.block()) || (best != null && body.size() <= bodyOf.get(best).size())) {
                continue;
            }
            boolean kept = !(load.operand(0) instanceof Instruction a) || !body.contains(a.block());
            for (Instruction w : families.writers(load.operand(0))) {
                kept &= !body.contains(w.block());
            }
            if (kept) {
                best = e.getKey();
            }
        }
        return best;
    }

    /** Whether the counted loop with header {@code inner} lies inside the one with header {@code outer}, not being it. */
    boolean isNestedIn(Block inner, Block outer) {
        return inner != outer && contains(outer, inner) && contains(inner, inner);
    }

    /** The headers of all counted loops. */
    List<Block> headers() {
        return new ArrayList<>(bodyOf.keySet());
    }

    /** The headers of the counted loops that contain {@code b}. */
    List<Block> loopsAround(Block b) {
        List<Block> out = new ArrayList<>();
        bodyOf.forEach((h, body) -> {
            if (body.contains(b)) {
                out.add(h);
            }
        });
        return out;
    }

    /** The blocks the counted loop with this header exits to. */
    List<Block> exits(Block header) {
        List<Block> exits = new ArrayList<>();
        countsPushedAt.forEach((x, headers) -> {
            if (headers.contains(header)) {
                exits.add(x);
            }
        });
        return exits;
    }

    /** Headers of the loops whose counts block {@code x} pushes at its start, in push order. */
    List<Block> countsPushedAt(Block x) {
        return countsPushedAt.getOrDefault(x, List.of());
    }
}
