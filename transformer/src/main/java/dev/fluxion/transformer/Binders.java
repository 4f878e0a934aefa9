package dev.fluxion.transformer;

import dev.fluxion.internal.Naming;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Generates {@code static ScalarAdjoint fluxion$bind$f()}: a method that returns the adjoint of
 * {@code f} as a lambda. The lambda is created by {@code invokedynamic} inside the user's class,
 * exactly as javac compiles a method reference, so {@code LambdaMetafactory} gets the class's own
 * full-privilege lookup, which the runtime library, in another module, cannot have.
 */
final class Binders {
    private static final Handle METAFACTORY = new Handle(Opcodes.H_INVOKESTATIC, "java/lang/invoke/LambdaMetafactory",
            "metafactory", "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;"
                    + "Ljava/lang/invoke/MethodType;Ljava/lang/invoke/MethodHandle;Ljava/lang/invoke/MethodType;)"
                    + "Ljava/lang/invoke/CallSite;", false);

    private Binders() {
    }

    static MethodNode binder(ClassNode owner, MethodNode primal, String samInterface) {
        String adjointDesc = Naming.adjointDescriptor(primal.desc);
        MethodNode m = new MethodNode(Opcodes.ASM9, Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC | Opcodes.ACC_PRIVATE,
                Naming.binderName(primal.name), "()L" + samInterface + ";", null, null);
        m.visitCode();
        Type sam = Type.getMethodType(adjointDesc);
        boolean ownerIsInterface = (owner.access & Opcodes.ACC_INTERFACE) != 0;
        m.visitInvokeDynamicInsn("adjoint", "()L" + samInterface + ";", METAFACTORY, sam,
                new Handle(Opcodes.H_INVOKESTATIC, owner.name, Naming.adjointName(primal.name), adjointDesc, ownerIsInterface),
                sam);
        m.visitInsn(Opcodes.ARETURN);
        m.visitMaxs(0, 0);
        m.visitEnd();
        return m;
    }
}
