package dev.fluxion.transformer.optimize;

import dev.fluxion.transformer.ir.Block;
import dev.fluxion.transformer.ir.Constant;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.IrFunction;
import dev.fluxion.transformer.ir.Op;
import java.util.List;
import org.objectweb.asm.Opcodes;

/**
 * Folds what inlining leaves constant: arithmetic of constants ({@code 0.5 * h} and {@code h / 6}
 * once the step {@code h} is inlined as {@code 0.01}) and the length of an array allocated with a
 * constant length ({@code y.length} of {@code double[] y = {a, b}}). javac folds the first only in
 * the source; left in the IR, such a value computed inside a loop is pushed on the tape in every
 * iteration that the reverse sweep needs it, and a loop bounded by such a length has its trip count
 * recorded, where a constant needs neither. Java's floating-point arithmetic is strict (JLS 15.4),
 * so {@code 0.5 * 0.01} computed here is the value the program computes; integer division and
 * remainder, which may throw, are left alone.
 */
final class ConstantFolding {
    private ConstantFolding() {
    }

    static boolean fold(IrFunction f) {
        boolean changed = false;
        for (Block b : f.blocks()) {
            for (Instruction insn : List.copyOf(b.body())) {
                Constant c = folded(insn);
                if (c != null) {
                    insn.replaceAllUsesWith(c);
                    b.remove(insn);
                    changed = true;
                }
            }
        }
        return changed;
    }

    private static Constant folded(Instruction insn) {
        if (insn.op() == Op.ARRAY_LENGTH && insn.operand(0) instanceof Instruction array && array.op() == Op.NEW_ARRAY
                && array.operands().size() == 1 && array.operand(0) instanceof Constant n && n.value() instanceof Integer) {
            return (Integer) n.value() >= 0 ? Constant.ofInt((Integer) n.value()) : null; // a negative length throws
        }
        if (insn.op() != Op.ARITHMETIC || insn.operands().isEmpty()) {
            return null;
        }
        for (int i = 0; i < insn.operands().size(); i++) {
            if (!(insn.operand(i) instanceof Constant c) || c.value() == null) {
                return null;
            }
        }
        Object a = ((Constant) insn.operand(0)).value();
        Object b = insn.operands().size() > 1 ? ((Constant) insn.operand(1)).value() : null;
        if (a instanceof Double x && (b == null || b instanceof Double)) {
            double y = b == null ? 0 : (Double) b;
            return switch (insn.opcode()) {
                case Opcodes.DADD -> Constant.ofDouble(x + y);
                case Opcodes.DSUB -> Constant.ofDouble(x - y);
                case Opcodes.DMUL -> Constant.ofDouble(x * y);
                case Opcodes.DDIV -> Constant.ofDouble(x / y);
                case Opcodes.DNEG -> b == null ? Constant.ofDouble(-x) : null;
                default -> null;
            };
        }
        if (a instanceof Integer x && b instanceof Integer y) {
            return switch (insn.opcode()) {
                case Opcodes.IADD -> Constant.ofInt(x + y);
                case Opcodes.ISUB -> Constant.ofInt(x - y);
                case Opcodes.IMUL -> Constant.ofInt(x * y);
                default -> null;
            };
        }
        return null;
    }
}
