package dev.fluxion.transformer.analysis;

import dev.fluxion.transformer.ir.Block;
import dev.fluxion.transformer.ir.Constant;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.IrFunction;
import dev.fluxion.transformer.ir.Op;
import dev.fluxion.transformer.ir.Value;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.objectweb.asm.Opcodes;

/**
 * The loops {@code for (iv = start; iv < limit; iv++)} of a function, by header, and the questions
 * about paths the primal optimisations ask: dominance, the blocks between two others. In such a
 * loop every block but the header runs with {@code start <= iv < limit}; without a break it runs
 * exactly {@code max(0, limit - start)} times, which the reverse sweep uses as its trip count.
 */
public final class ForLoops {
    /** A loop whose header's test is {@code if_icmpge iv, limit -> exit}, entered once, closed by one back edge. */
    public record ForLoop(Block header, Instruction iv, Value start, Value limit, Block exit, Block latch, Set<Block> body) {
        /** Whether the loop is its header, which only tests, and one block that goes straight back to it. */
        public boolean isOneBlock() {
            return body.size() == 2 && latch.successors().size() == 1 && header.body().isEmpty();
        }

        /** Whether only the header's test leaves the loop (no break). */
        public boolean leftOnlyByHeader() {
            for (Block x : body) {
                if (x != header && !body.containsAll(x.successors())) {
                    return false;
                }
            }
            return true;
        }
    }

    private final IrFunction f;
    private final Map<Block, ForLoop> byHeader = new LinkedHashMap<>();

    public ForLoops(IrFunction f) {
        this.f = f;
        for (Block h : f.blocks()) {
            ForLoop loop = forLoop(h);
            if (loop != null) {
                byHeader.put(h, loop);
            }
        }
    }

    /** The loop whose induction variable {@code v} is, or {@code null}. */
    public ForLoop ofInductionVariable(Value v) {
        ForLoop loop = v instanceof Instruction i && i.isPhi() ? byHeader.get(i.block()) : null;
        return loop != null && loop.iv() == v ? loop : null;
    }

    /** The loop headed by {@code h}, or {@code null}. */
    public ForLoop ofHeader(Block h) {
        return byHeader.get(h);
    }

    /** Whether every path from the entry to {@code b} passes through {@code a}. */
    public boolean dominates(Block a, Block b) {
        return a == b || !closure(f.entry(), a, Block::successors).contains(b);
    }

    /** The blocks on some path from {@code from} to {@code to} that does not pass through {@code avoid}. */
    public static Set<Block> between(Block from, Block to, Block avoid) {
        Set<Block> after = closure(from, avoid, Block::successors);
        after.retainAll(closure(to, avoid, Block::predecessors));
        return after;
    }

    private static Set<Block> closure(Block start, Block avoid, Function<Block, List<Block>> next) {
        Set<Block> seen = new HashSet<>();
        ArrayDeque<Block> work = new ArrayDeque<>(List.of(start));
        while (!work.isEmpty()) {
            Block b = work.pop();
            if (b != avoid && seen.add(b)) {
                work.addAll(next.apply(b));
            }
        }
        return seen;
    }

    /** The loop headed by {@code h} if it has the shape of {@link ForLoop}; else {@code null}. */
    private ForLoop forLoop(Block h) {
        Instruction test = h.terminator();
        if (h.predecessors().size() != 2 || test == null || test.op() != Op.IF || test.opcode() != Opcodes.IF_ICMPGE
                || !(test.operand(0) instanceof Instruction iv) || !iv.isPhi() || iv.block() != h) {
            return null;
        }
        for (int fromLatch = 0; fromLatch < 2; fromLatch++) {
            Block latch = h.predecessors().get(fromLatch);
            Set<Block> body = ControlFlow.naturalLoop(f, h, latch);
            Block exit = test.targets().get(0);
            if (body == null || body.contains(exit) || !body.contains(test.targets().get(1))
                    || exit.predecessors().size() != 1 || ControlFlow.naturalLoop(f, h, h.predecessors().get(1 - fromLatch)) != null
                    || test.operand(1) instanceof Instruction l && body.contains(l.block())) {
                continue;
            }
            if (iv.operand(fromLatch) instanceof Instruction next && next.op() == Op.ARITHMETIC
                    && next.opcode() == Opcodes.IADD && next.operand(0) == iv && next.operand(1) instanceof Constant c
                    && Integer.valueOf(1).equals(c.value())) {
                return new ForLoop(h, iv, iv.operand(1 - fromLatch), test.operand(1), exit, latch, body);
            }
        }
        return null;
    }
}
