package dev.fluxion.transformer.optimize;

import dev.fluxion.transformer.ir.Block;
import dev.fluxion.transformer.ir.Constant;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.IrFunction;
import dev.fluxion.transformer.ir.Op;
import dev.fluxion.transformer.ir.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.objectweb.asm.Opcodes;

/**
 * Redundant load elimination within a block: a second read of the same element of the same array,
 * with nothing in between that may write an element of that kind, is the first read's value. For
 * {@code v[a] * v[a]} (an inlined {@code squaredNorm}) the bytecode reads the element twice; as two
 * values the reverse sweep would record it twice, and update its adjoint twice.
 */
final class RedundantLoads {
    private RedundantLoads() {
    }

    static boolean eliminate(IrFunction f) {
        boolean changed = false;
        for (Block b : f.blocks()) {
            List<Instruction> available = new ArrayList<>();
            for (Instruction insn : List.copyOf(b.body())) {
                if (insn.op() == Op.ARRAY_LOAD) {
                    Instruction earlier = sameRead(available, insn);
                    if (earlier == null) {
                        available.add(insn);
                    } else {
                        insn.replaceAllUsesWith(earlier);
                        b.remove(insn);
                        changed = true;
                    }
                } else if (insn.op() == Op.ARRAY_STORE) {
                    int loadOpcode = insn.opcode() - (Opcodes.IASTORE - Opcodes.IALOAD);
                    available.removeIf(load -> load.opcode() == loadOpcode);
                } else if (mayWriteAnything(insn)) {
                    available.clear();
                }
            }
        }
        return changed;
    }

    private static Instruction sameRead(List<Instruction> available, Instruction load) {
        for (Instruction a : available) {
            if (a.opcode() == load.opcode() && a.operand(0) == load.operand(0) && sameValue(a.operand(1), load.operand(1))) {
                return a;
            }
        }
        return null;
    }

    static boolean sameValue(Value a, Value b) {
        return a == b || a instanceof Constant ca && b instanceof Constant cb && ca.type().equals(cb.type())
                && Objects.equals(ca.value(), cb.value());
    }

    /** Calls, except to {@code Math}'s and {@code StrictMath}'s functions of numbers, and field writes. */
    private static boolean mayWriteAnything(Instruction insn) {
        return switch (insn.op()) {
            case INVOKE -> !isPureMath(insn);
            case INVOKE_DYNAMIC, NEW_OBJECT, FIELD_PUT -> true;
            default -> false;
        };
    }

    static boolean isPureMath(Instruction call) {
        String owner = call.member().owner();
        return call.opcode() == Opcodes.INVOKESTATIC && (owner.equals("java/lang/Math") || owner.equals("java/lang/StrictMath"))
                && !call.member().descriptor().contains("[") && !call.member().name().equals("random");
    }
}
