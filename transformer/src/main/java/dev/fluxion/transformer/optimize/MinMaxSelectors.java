package dev.fluxion.transformer.optimize;

import dev.fluxion.transformer.analysis.ControlFlow;
import dev.fluxion.transformer.ir.Block;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.IrFunction;
import dev.fluxion.transformer.ir.MemberRef;
import dev.fluxion.transformer.ir.Op;
import dev.fluxion.transformer.rules.MathRules;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * {@code Math.max(a, b)} and {@code Math.min(a, b)} inside loops become {@code c = dcmpl(a, b);
 * Derivatives.maxBy(a, b, c)} (dcmpg for min). The derivative of max is 1 for the operand that won
 * and 0 for the other, so its reverse needs only which one won: the int c, where it would otherwise
 * record both operands (a running maximum, as in log-sum-exp, is overwritten every iteration). The
 * result is {@code Math.max(a, b)} itself, bit for bit.
 */
final class MinMaxSelectors {
    private MinMaxSelectors() {
    }

    static boolean rewrite(IrFunction f) {
        ControlFlow cfg = new ControlFlow(f);
        boolean changed = false;
        for (Block b : f.blocks()) {
            if (!cfg.inLoop(b)) {
                continue; // outside loops the operands stay in their locals: nothing to save
            }
            for (Instruction call : List.copyOf(b.body())) {
                String by = selector(call);
                if (by == null) {
                    continue;
                }
                Type t = call.type();
                int compare = t.getSort() == Type.DOUBLE ? (by.equals("maxBy") ? Opcodes.DCMPL : Opcodes.DCMPG)
                        : (by.equals("maxBy") ? Opcodes.FCMPL : Opcodes.FCMPG);
                Instruction c = new Instruction(Op.COMPARE, compare, Type.INT_TYPE, call.operand(0), call.operand(1))
                        .withLine(call.line());
                b.insertBefore(call, c);
                Instruction selected = new Instruction(Op.INVOKE, Opcodes.INVOKESTATIC, t, call.operand(0), call.operand(1), c)
                        .withLine(call.line()).withMember(new MemberRef(MathRules.HELPERS, by,
                                Type.getMethodDescriptor(t, t, t, Type.INT_TYPE)));
                b.insertBefore(call, selected);
                call.replaceAllUsesWith(selected);
                b.remove(call);
                changed = true;
            }
        }
        return changed;
    }

    /** {@code maxBy} or {@code minBy} for a call of Math's (or StrictMath's) max or min of doubles or floats, else {@code null}. */
    private static String selector(Instruction call) {
        if (call.op() != Op.INVOKE || call.opcode() != Opcodes.INVOKESTATIC) {
            return null;
        }
        MemberRef m = call.member();
        boolean math = m.owner().equals("java/lang/Math") || m.owner().equals("java/lang/StrictMath");
        boolean floating = m.descriptor().equals("(DD)D") || m.descriptor().equals("(FF)F");
        if (!math || !floating) {
            return null;
        }
        return m.name().equals("max") ? "maxBy" : m.name().equals("min") ? "minBy" : null;
    }
}
