package dev.fluxion.transformer.reverse;

import static org.objectweb.asm.Opcodes.DADD;
import static org.objectweb.asm.Opcodes.FADD;

import dev.fluxion.transformer.ir.Block;
import dev.fluxion.transformer.ir.Constant;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.IrBuilder;
import dev.fluxion.transformer.ir.IrFunction;
import dev.fluxion.transformer.ir.Op;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Removes {@code 0 + x} from an adjoint. The generator folds it where it can see the zero, but an
 * adjoint read in a block that was not yet sealed is a phi that becomes zero only later. The JIT
 * will not fold it for us: in IEEE arithmetic {@code 0.0 + -0.0} is {@code 0.0}, not {@code x}.
 * For an adjoint the sign of a zero carries no meaning, so here the rewrite is exact.
 *
 * <p>The zero may also hide in a cycle of phis: the adjoint of a value used inside a loop is reset
 * to zero after each use, so at the reverse loop's header it is {@code phi [zero from outside,
 * zero from the latch]}, and around nested loops such phis feed each other. Each phi alone has two
 * different operands; only together are they zero. They are found optimistically (assume every
 * floating-point phi is zero, drop those with an operand that is not, until nothing changes) and
 * replaced by zero, so the JIT neither carries them around the loops nor adds them.
 */
final class AdjointSimplifier {
    private AdjointSimplifier() {
    }

    static void simplify(IrFunction adjoint) {
        removeZeroPhis(adjoint);
        for (Block b : adjoint.blocks()) {
            for (Instruction insn : List.copyOf(b.body())) {
                if (insn.op() == Op.ARITHMETIC && (insn.opcode() == DADD || insn.opcode() == FADD)) {
                    if (IrBuilder.isZero(insn.operand(0))) {
                        insn.replaceAllUsesWith(insn.operand(1));
                        b.remove(insn);
                    } else if (IrBuilder.isZero(insn.operand(1))) {
                        insn.replaceAllUsesWith(insn.operand(0));
                        b.remove(insn);
                    }
                }
            }
        }
    }

    private static void removeZeroPhis(IrFunction f) {
        Set<Instruction> zero = new LinkedHashSet<>();
        for (Block b : f.blocks()) {
            for (Instruction phi : b.phis()) {
                if (phi.isFloating()) {
                    zero.add(phi);
                }
            }
        }
        for (boolean changed = true; changed; ) {
            changed = zero.removeIf(phi -> !phi.operands().stream().allMatch(v -> zero.contains(v) || isPositiveZero(v)));
        }
        for (Instruction phi : zero) {
            phi.replaceAllUsesWith(Constant.zero(phi.type()));
        }
        for (Instruction phi : zero) {
            phi.block().removePhi(phi);
        }
    }

    /** {@code +0.0}: a phi of such constants alone is exactly {@code +0.0}, primal or adjoint. */
    private static boolean isPositiveZero(Object v) {
        return v instanceof Constant c && (c.value() instanceof Double d && Double.doubleToRawLongBits(d) == 0
                || c.value() instanceof Float x && Float.floatToRawIntBits(x) == 0);
    }
}
