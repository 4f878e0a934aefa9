package dev.fluxion.transformer.optimize;

import dev.fluxion.transformer.analysis.ArrayFamilies;
import dev.fluxion.transformer.analysis.Callees;
import dev.fluxion.transformer.analysis.ControlFlow;
import dev.fluxion.transformer.analysis.ForLoops;
import dev.fluxion.transformer.analysis.ForLoops.ForLoop;
import dev.fluxion.transformer.ir.Block;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.IrFunction;
import dev.fluxion.transformer.ir.Op;
import dev.fluxion.transformer.ir.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;

/**
 * Store-to-load forwarding between two loops over the same range: when a loop fills a temporary
 * array, {@code for (a = s; a < n; a++) t[a] = e(a)}, and a later loop over the same range reads
 * {@code t[b]}, the read is replaced by {@code e(b)}, recomputed from what {@code e} read. GMM's
 * {@code centered[a] = x[i][a] - mu[j][a]} is overwritten for every component; as a read of
 * {@code centered} its value must be recorded for the reverse sweep, as {@code x - mu} it is re-read
 * from arrays that do not change. The array is then often never read, so not active either. Only
 * arrays filled again after the read qualify: the elements of a table filled once are re-read by the
 * reverse sweep, which costs less than recomputing them.
 *
 * <p>The rewrite needs: the filling loop L1 is counted ({@code a = phi [s, a + 1]}, left only by its
 * header's test {@code a >= n}), the store {@code t[a] = e} runs in every iteration (its block
 * dominates the latch) and is the loop's only write to {@code t}'s family; {@code e} is a few
 * additions, subtractions and multiplications, integer arithmetic, conversions, array lengths and
 * element reads over {@code a} and values defined before the loop; the read
 * {@code t[b]} is in the body of a loop whose induction variable {@code b} runs over the same
 * {@code s} and {@code n}; L1's exit dominates the read; and nothing may write {@code t} or the
 * arrays {@code e} reads on any path from L1's exit to the read that does not run L1 again. Then
 * {@code t[b]} was written in L1's iteration {@code a = b}, from the same operands.
 */
final class LoopForwarding {
    /** Instructions of {@code e} beyond which recomputing it is no longer obviously cheaper than a store and a load. */
    private static final int MAX_EXPRESSION = 12;

    private final IrFunction f;
    private final Callees callees;
    private final ForLoops loops;
    private final ControlFlow cfg;
    private ArrayFamilies families;

    private LoopForwarding(IrFunction f, Callees callees) {
        this.f = f;
        this.callees = callees;
        this.families = new ArrayFamilies(f, callees);
        this.loops = new ForLoops(f); // the rewrite adds instructions, never blocks or phis
        this.cfg = new ControlFlow(f);
    }

    static boolean forward(IrFunction f, Callees callees) {
        return new LoopForwarding(f, callees).forwardAll();
    }

    private boolean forwardAll() {
        boolean changed = false;
        for (Block b : List.copyOf(f.blocks())) {
            for (Instruction load : List.copyOf(b.body())) {
                if (load.op() == Op.ARRAY_LOAD && ArrayFamilies.isMember(load.operand(0)) && forward(load)) {
                    changed = true;
                    families = new ArrayFamilies(f, callees); // the copies read arrays too (rows, say)
                }
            }
        }
        return changed;
    }

    private boolean forward(Instruction load) {
        ForLoop reading = loops.ofInductionVariable(load.operand(1));
        if (reading == null || !reading.body().contains(load.block()) || load.block() == reading.header()) {
            return false;
        }
        for (Instruction store : families.writers(load.operand(0))) {
            ForLoop filling = store.op() == Op.ARRAY_STORE && store.operand(0) == load.operand(0)
                    ? fillingLoop(store, load) : null;
            if (filling == null || !cfg.reaches(load.block(), store.block())
                    || !RedundantLoads.sameValue(filling.start(), reading.start())
                    || !RedundantLoads.sameValue(filling.limit(), reading.limit())) {
                continue;
            }
            List<Instruction> expression = expression(filling, store.operand(2));
            if (expression == null || !unchangedUntil(filling, load, expression, store)) {
                continue;
            }
            Block first = reading.header().terminator().targets().get(1);
            // once per iteration where the filling loop's exit dominates the reading loop's body, else at the read
            Block at = loops.dominates(filling.exit(), first) ? first : load.block();
            Instruction anchor = at == first ? (first.body().isEmpty() ? null : first.body().get(0)) : load;
            Map<Value, Value> copies = new HashMap<>();
            copies.put(filling.iv(), reading.iv());
            for (Instruction insn : expression) { // operands first
                Instruction copy = insn.copyWithoutOperands();
                for (Value operand : insn.operands()) {
                    copy.addOperand(copies.getOrDefault(operand, operand));
                }
                if (anchor == null) {
                    at.append(copy);
                } else {
                    at.insertBefore(anchor, copy);
                }
                copies.put(insn, copy);
            }
            load.replaceAllUsesWith(copies.getOrDefault(store.operand(2), store.operand(2)));
            load.block().remove(load);
            return true;
        }
        return false;
    }

    /**
     * The counted loop in which {@code store}, {@code t[a] = e}, writes every element from the loop's
     * start to its limit, and is the only write to {@code t}'s family, if its exit dominates {@code load}.
     */
    private ForLoop fillingLoop(Instruction store, Instruction load) {
        ForLoop loop = loops.ofInductionVariable(store.operand(1));
        if (loop == null || store.block() == loop.header() || loop.body().contains(load.block())
                || store.operand(0) instanceof Instruction t && loop.body().contains(t.block())
                || !loops.dominates(store.block(), loop.latch()) || !loops.dominates(loop.exit(), load.block())
                || !loop.leftOnlyByHeader()) { // after a break the store may not have reached the last elements
            return null;
        }
        for (Instruction w : families.writers(store.operand(0))) {
            if (w != store && loop.body().contains(w.block())) {
                return null;
            }
        }
        return loop;
    }

    /**
     * The instructions inside {@code loop} that {@code value} is computed by, operands first, if
     * they are all arithmetic, conversions or element reads of floating-point arrays over the
     * induction variable and values from before the loop; else {@code null}.
     */
    private List<Instruction> expression(ForLoop loop, Value value) {
        List<Instruction> order = new ArrayList<>();
        return collect(loop, value, order, new HashSet<>()) && order.size() <= MAX_EXPRESSION ? order : null;
    }

    private boolean collect(ForLoop loop, Value v, List<Instruction> order, Set<Instruction> seen) {
        if (!(v instanceof Instruction insn) || !loop.body().contains(insn.block()) || insn == loop.iv() || seen.contains(insn)) {
            return true;
        }
        boolean allowed = switch (insn.op()) {
            case ARITHMETIC -> !insn.isFloating() || isCheapFloating(insn.opcode());
            case CONVERT, ARRAY_LENGTH -> true;
            case ARRAY_LOAD -> ArrayFamilies.isMember(insn.operand(0));
            default -> false; // calls (exp, say) cost more than the read they would replace, maybe in a hotter loop
        };
        if (!allowed || order.size() >= MAX_EXPRESSION) {
            return false;
        }
        seen.add(insn);
        for (Value operand : insn.operands()) {
            if (!collect(loop, operand, order, seen)) {
                return false;
            }
        }
        order.add(insn);
        return true;
    }

    private static boolean isCheapFloating(int opcode) {
        return switch (opcode) {
            case Opcodes.DADD, Opcodes.DSUB, Opcodes.DMUL, Opcodes.DNEG, Opcodes.FADD, Opcodes.FSUB, Opcodes.FMUL,
                    Opcodes.FNEG -> true;
            default -> false;
        };
    }

    /**
     * Whether the filled array and every array the expression reads hold the same elements at
     * {@code load} as when the loop wrote them: nothing writes them between the loop's exit and the
     * load (on a path that does not go through the loop again); in the loop, only the store writes
     * the filled array, and nothing writes what the expression reads (t[a] = t[a] / 2 + x[a] reads
     * the old t[a], which the read of the new one cannot recompute).
     */
    private boolean unchangedUntil(ForLoop filling, Instruction load, List<Instruction> expression, Instruction store) {
        Set<Block> between = ForLoops.between(filling.exit(), load.block(), filling.header());
        for (Instruction w : families.writers(store.operand(0))) {
            if (between.contains(w.block()) || w != store && filling.body().contains(w.block())) {
                return false;
            }
        }
        for (Instruction insn : expression) {
            if (insn.op() == Op.ARRAY_LOAD) {
                for (Instruction w : families.writers(insn.operand(0))) {
                    if (between.contains(w.block()) || filling.body().contains(w.block())) {
                        return false;
                    }
                }
            }
        }
        return true;
    }
}
