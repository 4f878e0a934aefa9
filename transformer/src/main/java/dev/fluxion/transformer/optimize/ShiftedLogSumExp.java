package dev.fluxion.transformer.optimize;

import dev.fluxion.transformer.analysis.ControlFlow;
import dev.fluxion.transformer.ir.Block;
import dev.fluxion.transformer.ir.Constant;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.IrFunction;
import dev.fluxion.transformer.ir.MemberRef;
import dev.fluxion.transformer.ir.Op;
import dev.fluxion.transformer.ir.Param;
import dev.fluxion.transformer.ir.Value;
import dev.fluxion.transformer.rules.MathRules;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The log-sum-exp trick, {@code r = log(sum_j exp(x_j - m)) + m}, with the shift {@code m} (usually
 * the maximum of the x_j) detached from differentiation at its two uses: {@code Derivatives.detach(m)}
 * there, the value itself. The derivative of r with respect to m through the two uses is
 * {@code 1 - sum_j exp(x_j - m) / sum_j exp(x_j - m) = 0} for any m, so dropping both changes the
 * gradient by round-off only, and the shift, a running maximum in a loop, is no longer differentiated
 * at all: the reverse sweep neither records which operand won each comparison nor reverses that
 * loop. JAX's {@code logsumexp} stops the gradient of its maximum for the same reason.
 *
 * <p>The pattern, exactly: a phi s with operands 0.0 and {@code s + exp(u)} (either order), where
 * {@code u = x - m} and u, the exponential and the sum have no other use; and
 * {@code r = log(s) + m} (either order), where s has no use but the sum and the log, and the log
 * none but r; and m computed before the loop of the sum, so one m for all the terms (a shift
 * computed per term would leave each term's partial uncancelled). Only then do the two partials
 * cancel; other uses of m keep their derivatives.
 */
final class ShiftedLogSumExp {
    private ShiftedLogSumExp() {
    }

    static boolean rewrite(IrFunction f) {
        boolean changed = false;
        for (Block b : f.blocks()) {
            for (Instruction r : List.copyOf(b.body())) {
                if (r.op() != Op.ARITHMETIC || r.opcode() != Opcodes.DADD) {
                    continue;
                }
                for (int side = 0; side < 2; side++) {
                    Value shift = r.operand(1 - side);
                    Instruction difference = shiftedDifference(f, r.operand(side), shift);
                    if (difference != null) {
                        detach(r, 1 - side);
                        detach(difference, 1);
                        changed = true;
                        break;
                    }
                }
            }
        }
        return changed;
    }

    /**
     * The {@code x - shift} inside {@code log}, if {@code log} is {@code log(s)} for a sum s of
     * {@code exp(x - shift)} as the class comment says; else {@code null}.
     */
    private static Instruction shiftedDifference(IrFunction f, Value log, Value shift) {
        if (!(shift instanceof Instruction || shift instanceof Param) || !isCall(log, "log")
                || ((Instruction) log).users().size() != 1) {
            return null;
        }
        if (!(((Instruction) log).operand(0) instanceof Instruction sum) || !sum.isPhi() || sum.operands().size() != 2
                || sum.users().size() != 2 || !sum.users().contains(log)) {
            return null;
        }
        int zero = isZero(sum.operand(0)) ? 0 : isZero(sum.operand(1)) ? 1 : -1;
        if (zero < 0 || !(sum.operand(1 - zero) instanceof Instruction add) || add.op() != Op.ARITHMETIC
                || add.opcode() != Opcodes.DADD || add.users().size() != 1 || add.users().get(0) != sum
                || !sum.users().contains(add)) {
            return null;
        }
        Value term = add.operand(0) == sum ? add.operand(1) : add.operand(1) == sum ? add.operand(0) : null;
        if (!isCall(term, "exp") || ((Instruction) term).users().size() != 1) {
            return null;
        }
        if (!(((Instruction) term).operand(0) instanceof Instruction difference) || difference.op() != Op.ARITHMETIC
                || difference.opcode() != Opcodes.DSUB || difference.operand(1) != shift
                || difference.users().size() != 1) {
            return null;
        }
        // one shift for every term: computed before the summing loop, not per iteration
        Set<Block> loop = ControlFlow.naturalLoop(f, sum.block(), sum.block().predecessors().get(1 - zero));
        if (loop == null || shift instanceof Instruction defined && loop.contains(defined.block())) {
            return null;
        }
        return difference;
    }

    /** Replaces operand {@code i} of {@code user} by {@code Derivatives.detach} of it, computed just before. */
    private static void detach(Instruction user, int i) {
        Instruction detached = new Instruction(Op.INVOKE, Opcodes.INVOKESTATIC, Type.DOUBLE_TYPE, user.operand(i))
                .withLine(user.line()).withMember(new MemberRef(MathRules.HELPERS, "detach", "(D)D"));
        user.block().insertBefore(user, detached);
        user.setOperand(i, detached);
    }

    private static boolean isCall(Value v, String name) {
        if (!(v instanceof Instruction call) || call.op() != Op.INVOKE || call.opcode() != Opcodes.INVOKESTATIC) {
            return false;
        }
        MemberRef m = call.member();
        return (m.owner().equals("java/lang/Math") || m.owner().equals("java/lang/StrictMath"))
                && m.name().equals(name) && m.descriptor().equals("(D)D");
    }

    private static boolean isZero(Value v) {
        return v instanceof Constant c && c.value() instanceof Double d && d == 0.0;
    }
}
