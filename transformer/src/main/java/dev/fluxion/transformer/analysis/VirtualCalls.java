package dev.fluxion.transformer.analysis;

import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.IrBuilder;
import dev.fluxion.transformer.ir.MemberRef;
import dev.fluxion.transformer.ir.Op;
import dev.fluxion.transformer.ir.Types;
import dev.fluxion.transformer.ir.Value;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;

/**
 * Derivatives of calls through interfaces, abstract classes and overridable methods whose object's
 * class the frontend could not tell (a parameter, a field: {@code TypeSwitch} and
 * {@code ReadableCallees} take the objects whose class is known). Which code such a call runs is
 * known only when it runs, so its derivative is called through an {@code invokedynamic} that the
 * runtime's {@code VirtualDerivatives} links by the receiver's class, to the derivative of the method
 * that class runs (an inline cache), or to an error naming the class if that method has none.
 */
public final class VirtualCalls {
    /** {@code VirtualDerivatives.link}: the bootstrap of the derivative's call. */
    static final Handle BOOTSTRAP = new Handle(Opcodes.H_INVOKESTATIC, "dev/fluxion/internal/VirtualDerivatives", "link",
            "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;Ljava/lang/String;I)"
                    + "Ljava/lang/invoke/CallSite;", false);

    private VirtualCalls() {
    }

    /** Whether {@code call}'s derivative is that of the method its receiver's class runs, found when it runs. */
    public static boolean isDispatched(Instruction call, Callees callees) {
        return call.op() == Op.INVOKE && (call.opcode() == Opcodes.INVOKEVIRTUAL || call.opcode() == Opcodes.INVOKEINTERFACE)
                && callees.isOverridable(call.member());
    }

    /**
     * Emits the call of {@code derivative}, the derivative member of {@code call}'s callee where the
     * derivative registry placed it ({@code DerivativeRequests}; its descriptor has the receiver
     * first for an instance method): a static call of it, or, for a
     * {@linkplain #isDispatched dispatched} call, the {@code invokedynamic} that finds the member of
     * that name in the receiver's class.
     */
    public static Instruction callDerivative(IrBuilder ir, Instruction call, boolean dispatched, MemberRef derivative,
            Value... args) {
        if (!dispatched) {
            return ir.invokeStatic(derivative, args);
        }
        InvokeDynamicInsnNode site = new InvokeDynamicInsnNode(derivative.name(), derivative.descriptor(), BOOTSTRAP,
                call.member().descriptor(), Math.max(call.line(), 0));
        return ir.append(new Instruction(Op.INVOKE_DYNAMIC, Opcodes.INVOKEDYNAMIC,
                Types.computational(Type.getReturnType(derivative.descriptor())), args).withBootstrap(site));
    }
}
