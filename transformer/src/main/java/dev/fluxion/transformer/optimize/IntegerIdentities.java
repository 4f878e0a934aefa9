package dev.fluxion.transformer.optimize;

import dev.fluxion.transformer.ir.Block;
import dev.fluxion.transformer.ir.Constant;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.IrFunction;
import dev.fluxion.transformer.ir.Op;
import dev.fluxion.transformer.ir.Value;
import java.util.List;
import org.objectweb.asm.Opcodes;

/**
 * Removes integer operations that return an operand: {@code x + 0}, {@code 0 + x}, {@code x - 0},
 * {@code x * 1}, {@code 1 * x}. Inlining {@code squaredNorm(v, 0, d)} turns its loop bound
 * {@code from + length} into {@code 0 + d}, computed in the loop's header; as {@code d} the bound
 * is defined outside the loop, and the reverse sweep computes the trip count from it instead of
 * recording it. Only {@code int}s: for floating point {@code x + 0} is not {@code x} when
 * {@code x = -0.0}.
 */
final class IntegerIdentities {
    private IntegerIdentities() {
    }

    static boolean fold(IrFunction f) {
        boolean changed = false;
        for (Block b : f.blocks()) {
            for (Instruction insn : List.copyOf(b.body())) {
                Value same = insn.op() == Op.ARITHMETIC ? operandReturned(insn) : null;
                if (same != null) {
                    insn.replaceAllUsesWith(same);
                    b.remove(insn);
                    changed = true;
                }
            }
        }
        return changed;
    }

    private static Value operandReturned(Instruction insn) {
        return switch (insn.opcode()) {
            case Opcodes.IADD -> is(insn.operand(1), 0) ? insn.operand(0) : is(insn.operand(0), 0) ? insn.operand(1) : null;
            case Opcodes.ISUB -> is(insn.operand(1), 0) ? insn.operand(0) : null;
            case Opcodes.IMUL -> is(insn.operand(1), 1) ? insn.operand(0) : is(insn.operand(0), 1) ? insn.operand(1) : null;
            default -> null;
        };
    }

    private static boolean is(Value v, int n) {
        return v instanceof Constant c && Integer.valueOf(n).equals(c.value());
    }
}
