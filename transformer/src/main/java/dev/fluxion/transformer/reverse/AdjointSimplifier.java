package dev.fluxion.transformer.reverse;

import static org.objectweb.asm.Opcodes.DADD;
import static org.objectweb.asm.Opcodes.FADD;

import dev.fluxion.transformer.ir.Block;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.IrBuilder;
import dev.fluxion.transformer.ir.IrFunction;
import dev.fluxion.transformer.ir.Op;
import java.util.List;

/**
 * Removes {@code 0 + x} from an adjoint. The generator folds it where it can see the zero, but an
 * adjoint read in a block that was not yet sealed is a phi that becomes zero only later. The JIT
 * will not fold it for us: in IEEE arithmetic {@code 0.0 + -0.0} is {@code 0.0}, not {@code x}.
 * For an adjoint the sign of a zero carries no meaning, so here the rewrite is exact.
 */
final class AdjointSimplifier {
    private AdjointSimplifier() {
    }

    static void simplify(IrFunction adjoint) {
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
}
