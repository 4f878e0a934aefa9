package dev.fluxion.transformer.backend;

import dev.fluxion.transformer.frontend.Access;
import dev.fluxion.transformer.ir.MemberRef;
import java.lang.invoke.MethodHandleInfo;
import java.util.function.Function;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * The instructions of generated methods that use a member their class may use only through a
 * method handle ({@link Access.Reach#HANDLE}: {@code Picture.samples}, private, read by an inlined
 * {@code picture.sum()}), rewritten into an {@code invokedynamic} with the same operands and result,
 * linked by the runtime's {@code MemberHandles.member} to the member's handle from {@code
 * MethodHandles.privateLookupIn}: a constant call site, which the JIT inlines as it would the
 * instruction. A constructor's {@code new C; dup; ...; invokespecial C.<init>} becomes the
 * arguments and one {@code invokedynamic} that returns the object. Run before frames are computed.
 */
public final class ThroughHandles {
    static final Handle BOOTSTRAP = new Handle(Opcodes.H_INVOKESTATIC, "dev/fluxion/internal/MemberHandles", "member",
            "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;Ljava/lang/String;I"
                    + "Ljava/lang/String;)Ljava/lang/invoke/CallSite;", false);

    private ThroughHandles() {
    }

    /** Rewrites {@code m}, a method of class {@code from}; returns whether anything changed. */
    public static boolean rewrite(MethodNode m, String from, Function<String, ClassNode> classes) {
        boolean changed = false;
        for (AbstractInsnNode insn : m.instructions.toArray()) {
            InvokeDynamicInsnNode indy = null;
            if (insn instanceof FieldInsnNode f && needsHandle(new MemberRef(f.owner, f.name, f.desc), from, classes)) {
                indy = field(f);
            } else if (insn instanceof MethodInsnNode call
                    && needsHandle(new MemberRef(call.owner, call.name, call.desc, call.itf), from, classes)) {
                indy = call.name.equals("<init>") ? constructor(m.instructions, call) : method(call);
            }
            if (indy != null) {
                m.instructions.set(insn, indy);
                changed = true;
            }
        }
        return changed;
    }

    /**
     * The {@code invokedynamic} that does what a field instruction, or a call other than a
     * constructor's, does, through the member's handle: for {@code NestmateDerivatives}, whose
     * hidden class may not do all its host may (a protected member inherited from another package, a
     * call {@code super.m()}).
     */
    public static InvokeDynamicInsnNode through(AbstractInsnNode insn) {
        return insn instanceof FieldInsnNode f ? field(f) : method((MethodInsnNode) insn);
    }

    private static boolean needsHandle(MemberRef member, String from, Function<String, ClassNode> classes) {
        return Access.reach(member, from, classes) == Access.Reach.HANDLE;
    }

    private static InvokeDynamicInsnNode field(FieldInsnNode f) {
        String receiver = "L" + f.owner + ";";
        return switch (f.getOpcode()) {
            case Opcodes.GETFIELD -> indy(f.name, "(" + receiver + ")" + f.desc, f.owner, MethodHandleInfo.REF_getField, f.desc);
            case Opcodes.GETSTATIC -> indy(f.name, "()" + f.desc, f.owner, MethodHandleInfo.REF_getStatic, f.desc);
            case Opcodes.PUTFIELD -> indy(f.name, "(" + receiver + f.desc + ")V", f.owner, MethodHandleInfo.REF_putField, f.desc);
            default -> indy(f.name, "(" + f.desc + ")V", f.owner, MethodHandleInfo.REF_putStatic, f.desc);
        };
    }

    private static InvokeDynamicInsnNode method(MethodInsnNode call) {
        int kind = switch (call.getOpcode()) {
            case Opcodes.INVOKESTATIC -> MethodHandleInfo.REF_invokeStatic;
            case Opcodes.INVOKESPECIAL -> MethodHandleInfo.REF_invokeSpecial;
            case Opcodes.INVOKEINTERFACE -> MethodHandleInfo.REF_invokeInterface;
            default -> MethodHandleInfo.REF_invokeVirtual;
        };
        String desc = call.getOpcode() == Opcodes.INVOKESTATIC ? call.desc
                : "(L" + call.owner + ";" + call.desc.substring(1); // the receiver, first
        return indy(call.name, desc, call.owner, kind, call.desc);
    }

    /**
     * {@code new C; dup; <arguments>; invokespecial C.<init>}: the {@code new} and the {@code dup}
     * go, and the constructor's handle, given the arguments, returns the object. The {@code new} is
     * the nearest one before the call that no other constructor call between them consumes.
     */
    private static InvokeDynamicInsnNode constructor(InsnList code, MethodInsnNode call) {
        int depth = 0;
        for (AbstractInsnNode p = call.getPrevious(); p != null; p = p.getPrevious()) {
            if (p instanceof MethodInsnNode other && other.name.equals("<init>") && other.getOpcode() == Opcodes.INVOKESPECIAL) {
                depth++;
            } else if (p.getOpcode() == Opcodes.NEW && depth-- == 0) {
                if (!((TypeInsnNode) p).desc.equals(call.owner) || p.getNext().getOpcode() != Opcodes.DUP) {
                    break;
                }
                code.remove(p.getNext());
                code.remove(p);
                String desc = Type.getMethodDescriptor(Type.getObjectType(call.owner), Type.getArgumentTypes(call.desc));
                return indy("new", desc, call.owner, MethodHandleInfo.REF_newInvokeSpecial, call.desc);
            }
        }
        throw new IllegalStateException("no new " + call.owner + " with its dup before the call of its constructor");
    }

    private static InvokeDynamicInsnNode indy(String name, String desc, String owner, int kind, String memberDescriptor) {
        return new InvokeDynamicInsnNode(name, desc, BOOTSTRAP, owner, kind, memberDescriptor);
    }
}
