package dev.fluxion.transformer.optimize;

import dev.fluxion.transformer.analysis.ForLoops;
import dev.fluxion.transformer.analysis.ForLoops.ForLoop;
import dev.fluxion.transformer.ir.Block;
import dev.fluxion.transformer.ir.Constant;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.IrFunction;
import dev.fluxion.transformer.ir.Op;
import dev.fluxion.transformer.ir.Value;
import java.util.List;
import org.objectweb.asm.Opcodes;

/**
 * Removes the element writes into a temporary array that nothing reads: an array the function
 * allocates whose only uses are stores into it, typically once {@link LoopForwarding} has replaced
 * its reads. The filling loop then computes nothing, in the forward sweep and in the reverse one.
 * Only stores that cannot throw go: at the index of a for loop that runs from a non-negative
 * constant up to the array's length, so the derivative code fails where the primal fails.
 */
final class DeadTemporaries {
    private DeadTemporaries() {
    }

    static boolean remove(IrFunction f) {
        ForLoops loops = new ForLoops(f);
        boolean changed = false;
        for (Block b : f.blocks()) {
            for (Instruction array : List.copyOf(b.body())) { // its stores may be in this block
                if (array.op() != Op.NEW_ARRAY || array.opcode() != Opcodes.NEWARRAY || array.users().isEmpty()
                        || !array.users().stream().allMatch(u -> u.op() == Op.ARRAY_STORE && u.operand(0) == array)) {
                    continue;
                }
                for (Instruction store : List.copyOf(array.users())) {
                    if (isInBounds(store, array, loops)) {
                        Value stored = store.operand(2);
                        store.block().remove(store);
                        removeIfDead(stored);
                        changed = true;
                    }
                }
            }
        }
        return changed;
    }

    private static boolean isInBounds(Instruction store, Instruction array, ForLoops loops) {
        ForLoop loop = loops.ofInductionVariable(store.operand(1));
        return loop != null && loop.body().contains(store.block()) && store.block() != loop.header()
                && loop.start() instanceof Constant c && c.value() instanceof Integer start && start >= 0
                && (loop.limit() == array.operand(0) || loop.limit() instanceof Instruction length
                        && length.op() == Op.ARRAY_LENGTH && length.operand(0) == array);
    }

    /** Removes {@code v} and then its operands if nothing uses them and computing them cannot throw. */
    static void removeIfDead(Value v) {
        if (v instanceof Instruction insn && insn.users().isEmpty() && !insn.isPhi() && cannotThrow(insn)) {
            List<Value> operands = List.copyOf(insn.operands());
            insn.block().remove(insn);
            for (Value operand : operands) {
                removeIfDead(operand);
            }
        }
    }

    private static boolean cannotThrow(Instruction insn) {
        return insn.op() == Op.CONVERT || insn.op() == Op.ARITHMETIC && switch (insn.opcode()) {
            case Opcodes.IDIV, Opcodes.IREM, Opcodes.LDIV, Opcodes.LREM -> false;
            default -> true;
        };
    }
}
