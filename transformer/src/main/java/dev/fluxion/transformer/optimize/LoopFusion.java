package dev.fluxion.transformer.optimize;

import dev.fluxion.transformer.analysis.ArrayFamilies;
import dev.fluxion.transformer.analysis.Callees;
import dev.fluxion.transformer.analysis.ForLoops;
import dev.fluxion.transformer.analysis.ForLoops.ForLoop;
import dev.fluxion.transformer.ir.Block;
import dev.fluxion.transformer.ir.Constant;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.IrFunction;
import dev.fluxion.transformer.ir.Op;
import dev.fluxion.transformer.ir.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Opcodes;

/**
 * Loop fusion: a loop that only reads, {@code for (a = s; a < n; a++) acc += g(v[a])}, right after
 * a loop over the same range, {@code for (b = s; b < n; b++) B(b)}, runs as the end of B's body,
 * iteration {@code a} right after B's iteration {@code b = a}. GMM's {@code squaredNorm(Q x)} after
 * {@code qTimesX}: at d = 2 each of these loops runs two iterations, and its forward and reverse copy
 * cost the gradient as much as their arithmetic; fused, a component's sweeps have one loop fewer each.
 *
 * <p>The fused loop reads what the reading loop A read if no iteration {@code b > a} of B writes an
 * element that A's iteration {@code a} reads (those now run after it, where they ran before). A
 * reads {@code v[a + cA]}; B writes {@code v} only by stores of {@code v} itself, either at
 * {@code v[b + cB]} with {@code cB >= cA}, or at {@code v[r + c]} in an inner for loop whose index
 * {@code r} starts at {@code b + k}, with {@code k + c >= cA}: then B's iteration b writes elements
 * above {@code a + cA}. Other arrays of v's family B must not write at all, nor may anything between
 * the loops, which now runs after A. A writes nothing and calls nothing but {@code Math}; its
 * operands are its own values, the index, and values defined before B. Both loops are counted and
 * left only by their headers' tests.
 *
 * <p>An element read of A that throws (a null array, an index out of range) now throws before B's
 * later iterations have run: the same exception, with fewer of B's stores done.
 */
final class LoopFusion {
    private final IrFunction f;
    private final Callees callees;
    private final ForLoops loops;
    private ArrayFamilies families; // only once a pair of loops is found: most functions have none

    private LoopFusion(IrFunction f, Callees callees) {
        this.f = f;
        this.callees = callees;
        this.loops = new ForLoops(f);
    }

    static boolean fuse(IrFunction f, Callees callees) {
        boolean changed = false;
        while (new LoopFusion(f, callees).fuseOne()) { // each fusion removes two blocks: start afresh
            changed = true;
        }
        return changed;
    }

    private boolean fuseOne() {
        for (Block h : List.copyOf(f.blocks())) {
            ForLoop reading = loops.ofHeader(h);
            if (reading == null || !isReadingLoop(reading)) {
                continue;
            }
            List<Block> between = new ArrayList<>();
            ForLoop before = loopBefore(reading, between);
            if (before != null && before.leftOnlyByHeader()
                    && RedundantLoads.sameValue(before.start(), reading.start())
                    && RedundantLoads.sameValue(before.limit(), reading.limit())
                    && definedBefore(reading, before, between) && independent(reading, before, between)) {
                fuse(before, reading, between.get(between.size() - 1));
                return true;
            }
        }
        return false;
    }

    /** A loop of a header and one block, left only by its test, that reads and computes but writes nothing. */
    private static boolean isReadingLoop(ForLoop loop) {
        if (!loop.isOneBlock() || !loop.exit().phis().isEmpty()) {
            return false;
        }
        for (Instruction insn : loop.latch().body()) {
            if (!computesOrReads(insn) || insn.op() == Op.ARRAY_LOAD && !ArrayFamilies.isMember(insn.operand(0))) {
                return false;
            }
        }
        return true;
    }

    /** Arithmetic, conversions, array lengths, element reads and {@code Math}'s functions: nothing that writes. */
    static boolean computesOrReads(Instruction insn) {
        return switch (insn.op()) {
            case ARITHMETIC, CONVERT, ARRAY_LENGTH, ARRAY_LOAD -> true;
            case INVOKE -> RedundantLoads.isPureMath(insn);
            default -> false;
        };
    }

    /**
     * The loop whose exit leads to {@code reading}'s header through blocks that do nothing but pass
     * control on (collected into {@code between}, the exit first), or {@code null}.
     */
    private ForLoop loopBefore(ForLoop reading, List<Block> between) {
        Block pre = reading.header().predecessors().get(reading.header().predecessors().indexOf(reading.latch()) == 0 ? 1 : 0);
        List<Block> chain = new ArrayList<>();
        for (Block b = pre; ; b = b.predecessors().get(0)) {
            if (b.successors().size() != 1 || b.predecessors().size() != 1 || !b.phis().isEmpty()) {
                return null;
            }
            chain.add(0, b);
            Block p = b.predecessors().get(0);
            ForLoop loop = loops.ofHeader(p);
            if (loop != null && loop.exit() == b) {
                between.addAll(chain);
                return loop;
            }
            if (chain.size() > 16) {
                return null;
            }
        }
    }

    /** Whether every value the reading loop uses from outside is defined before the loop it joins. */
    private static boolean definedBefore(ForLoop reading, ForLoop before, List<Block> between) {
        for (Block b : reading.body()) {
            for (Instruction insn : b.instructions()) {
                for (Value v : insn.operands()) {
                    if (v instanceof Instruction def && !reading.body().contains(def.block())
                            && (before.body().contains(def.block()) || between.contains(def.block()))) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** Whether no later iteration of {@code before}, nor the blocks between, write what {@code reading} reads. */
    private boolean independent(ForLoop reading, ForLoop before, List<Block> between) {
        for (Block b : between) {
            if (!b.body().stream().allMatch(LoopFusion::computesOrReads)) {
                return false;
            }
        }
        if (families == null) {
            families = new ArrayFamilies(f, callees);
        }
        for (Instruction load : reading.latch().body()) {
            if (load.op() != Op.ARRAY_LOAD) {
                continue;
            }
            Integer cA = offset(load.operand(1), reading.iv());
            if (cA == null) {
                return false; // kept narrow: an index of another shape, on arrays the loop before never writes, would do
            }
            for (Instruction w : families.writers(load.operand(0))) {
                if (before.body().contains(w.block()) && !writesAbove(w, load.operand(0), before, cA)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether the store {@code w} of {@code before}'s iteration b writes only elements of {@code v} above {@code b - 1 + cA}. */
    private boolean writesAbove(Instruction w, Value v, ForLoop before, int cA) {
        if (w.op() != Op.ARRAY_STORE || w.operand(0) != v) {
            return false;
        }
        Integer cB = offset(w.operand(1), before.iv());
        if (cB != null) {
            return cB >= cA;
        }
        Instruction r = indexVariable(w.operand(1));
        ForLoop inner = r == null ? null : loops.ofInductionVariable(r);
        if (inner == null || inner == before || !before.body().contains(inner.header())) {
            return false;
        }
        Integer c = offset(w.operand(1), r);
        Integer k = offset(inner.start(), before.iv());
        return c != null && k != null && k + c >= cA;
    }

    /** The induction variable an index {@code r} or {@code r + c} is made of, or {@code null}. */
    private static Instruction indexVariable(Value index) {
        if (index instanceof Instruction i && i.isPhi()) {
            return i;
        }
        if (index instanceof Instruction add && add.op() == Op.ARITHMETIC && add.opcode() == Opcodes.IADD
                && add.operand(0) instanceof Instruction i && i.isPhi() && add.operand(1) instanceof Constant) {
            return i;
        }
        return null;
    }

    /** {@code c} if {@code index} is {@code iv + c} for a constant c ({@code iv} itself: 0), else {@code null}. */
    private static Integer offset(Value index, Value iv) {
        if (index == iv) {
            return 0;
        }
        if (index instanceof Instruction add && add.op() == Op.ARITHMETIC && add.opcode() == Opcodes.IADD) {
            if (add.operand(0) == iv && add.operand(1) instanceof Constant c && c.value() instanceof Integer k) {
                return k;
            }
            if (add.operand(1) == iv && add.operand(0) instanceof Constant c && c.value() instanceof Integer k) {
                return k;
            }
        }
        return null;
    }

    /**
     * Moves {@code reading}'s body to the end of {@code before}'s latch, its phis (but the index) to
     * {@code before}'s header, and sends {@code last}, the block that entered it, to its exit.
     */
    private void fuse(ForLoop before, ForLoop reading, Block last) {
        Block header = before.header();
        int fromLatch = header.predecessors().indexOf(before.latch());
        int readingFromLatch = reading.header().predecessors().indexOf(reading.latch());
        Map<Value, Value> copies = new HashMap<>();
        copies.put(reading.iv(), before.iv());
        List<Instruction[]> phis = new ArrayList<>(); // the reading loop's phi and its copy
        for (Instruction phi : reading.header().phis()) {
            if (phi != reading.iv()) {
                Instruction copy = header.addPhi(new Instruction(Op.PHI, -1, phi.type()));
                copies.put(phi, copy);
                phis.add(new Instruction[] {phi, copy});
            }
        }
        for (Instruction insn : reading.latch().body()) { // to the end of the latch: after all of B's iteration
            if (insn == reading.iv().operand(readingFromLatch) && insn.users().stream().allMatch(u -> u == reading.iv())) {
                continue; // the reading loop's increment: the loop it joins has its own
            }
            Instruction copy = insn.copyWithoutOperands();
            for (Value v : insn.operands()) {
                copy.addOperand(copies.getOrDefault(v, v));
            }
            before.latch().append(copy);
            copies.put(insn, copy);
        }
        for (Instruction[] pair : phis) { // operands in the header's predecessor order
            Value initial = pair[0].operand(1 - readingFromLatch);
            Value next = pair[0].operand(readingFromLatch);
            pair[1].addOperand(fromLatch == 0 ? copies.getOrDefault(next, next) : initial);
            pair[1].addOperand(fromLatch == 0 ? initial : copies.getOrDefault(next, next));
        }
        for (Instruction[] pair : phis) {
            pair[0].replaceAllUsesWith(pair[1]); // the value after the loop: the fused header's on exit
        }
        // the index read after the loop (a counter, int k = 0; while (k < n) k++;): both loops leave at
        // the same limit, so the fused loop's index on exit is the value (fuzzer finding F7: it was left
        // referring to the removed header)
        reading.iv().replaceAllUsesWith(before.iv());
        // control: the block that entered the reading loop now goes to its exit
        Block exit = reading.exit();
        List<Block> targets = last.terminator().targets();
        targets.set(targets.indexOf(reading.header()), exit);
        exit.predecessors().set(exit.predecessors().indexOf(reading.header()), last);
        f.removeBlock(reading.header());
        f.removeBlock(reading.latch());
    }
}
