package dev.fluxion.transformer;

import dev.fluxion.transformer.diagnostics.Unsupported;
import dev.fluxion.transformer.forward.UserRuleTangents;
import dev.fluxion.transformer.frontend.Inliner;
import dev.fluxion.transformer.ir.Block;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.IrFunction;
import dev.fluxion.transformer.ir.MemberRef;
import dev.fluxion.transformer.ir.Op;
import java.util.List;
import org.objectweb.asm.tree.MethodNode;

/**
 * Second derivatives through the user's {@code @AdjointOf} rules. A tangent takes a rule's call
 * with seed 1 as the call's gradient and dots it with the arguments' tangents; a Hessian-vector
 * product differentiates that tangent once more, so it needs the derivative of the gradient the
 * rule computes. The rule is plain Java: its body, and the dot products', are inlined into the
 * tangent, and reverse mode differentiates them with the rest, the rule's own call of the method
 * it is for again by the rule. So one rule gives the first and the second derivatives, as a JAX
 * {@code custom_vjp} written in JAX is differentiated once more.
 */
final class SecondOrderRules {
    private static final int MAX_INLINED = 64;

    private SecondOrderRules() {
    }

    /** Inlines into {@code pureTangent} the rules it calls and the dot products it takes of their gradients. */
    static void inline(IrFunction pureTangent, DifferentiableMethods callees) {
        int inlined = 0;
        for (Instruction call = nextCall(pureTangent, callees); call != null; call = nextCall(pureTangent, callees)) {
            MemberRef m = call.member();
            if (++inlined > MAX_INLINED) { // rules calling rules in a cycle
                throw new Unsupported(call.line(), "more than " + MAX_INLINED + " calls of @AdjointOf rules to inline "
                        + "for the second derivative", "Use first derivatives through these rules.");
            }
            MethodNode code = callees.code(m);
            if (code == null) {
                throw new IllegalStateException("the code of " + m + " cannot be read");
            }
            Inliner.inlineCall(pureTangent, call.block(), call, MethodChecks.parse(m.owner(), code, callees));
        }
    }

    private static Instruction nextCall(IrFunction f, DifferentiableMethods callees) {
        for (Block b : f.blocks()) {
            for (Instruction insn : List.copyOf(b.body())) {
                if (insn.op() == Op.INVOKE && (callees.isAdjointRule(insn.member())
                        || insn.member().equals(UserRuleTangents.DOT_OF_VECTORS))) {
                    return insn;
                }
            }
        }
        return null;
    }
}
