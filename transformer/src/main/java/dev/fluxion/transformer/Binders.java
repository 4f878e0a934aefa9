package dev.fluxion.transformer;

import dev.fluxion.internal.Naming;
import dev.fluxion.transformer.derivatives.DerivativeRequest;
import dev.fluxion.transformer.derivatives.DerivativeRequests;
import dev.fluxion.transformer.ir.MemberRef;
import java.util.List;
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

    /**
     * @param adjointDesc the descriptor of the method bound (an adjoint, or its copying bridge)
     * @param bound whether the primal is an instance method: the interface's method then takes the
     *     receiver first, as {@code Object}
     */
    static MethodNode binder(ClassNode owner, String primalName, String samInterface, String targetName,
            String adjointDesc, boolean bound) {
        return binderNamed(owner, Naming.binderName(primalName), samInterface, "adjoint", targetName, adjointDesc, bound);
    }

    /** The same for a binder of another name and interface method, e.g. {@code Naming.tangentBinderName}. */
    static MethodNode binderNamed(ClassNode owner, String binderName, String samInterface, String samMethod, String targetName,
            String adjointDesc, boolean bound) {
        MethodNode m = new MethodNode(Opcodes.ASM9, Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC | Opcodes.ACC_PRIVATE,
                binderName, "()L" + samInterface + ";", null, null);
        m.visitCode();
        Type instantiated = Type.getMethodType(adjointDesc);
        Type sam = bound ? Type.getMethodType("(Ljava/lang/Object;" + adjointDesc.substring(adjointDesc.indexOf(';') + 1))
                : instantiated;
        boolean ownerIsInterface = (owner.access & Opcodes.ACC_INTERFACE) != 0;
        m.visitInvokeDynamicInsn(samMethod, "()L" + samInterface + ";", METAFACTORY, sam,
                new Handle(Opcodes.H_INVOKESTATIC, owner.name, targetName, adjointDesc, ownerIsInterface),
                instantiated);
        m.visitInsn(Opcodes.ARETURN);
        m.visitMaxs(0, 0);
        m.visitEnd();
        return m;
    }

    /**
     * The binders through which the API reaches {@code m}'s derivatives, for the shapes it binds:
     * adjoint, tangents (one lane, and each of {@code Naming.VECTOR_WIDTHS} in {@code sweepWidths}:
     * those that are true vector tangents, see {@code ForwardMembers.sweepWidths}) and, if {@code hvp},
     * the Hessian-vector product. Where {@code m} writes into array parameters, the adjoint and tangents are bound
     * through copy-first bridges, so that the API never modifies the caller's arrays. With
     * {@code forward} false, the adjoint's alone (reverse mode only, see {@code Transformer.reverseOnly}).
     * The derivatives bound are where {@code derivatives}, the registry, puts them.
     */
    static List<MethodNode> entryPoints(ClassNode node, MethodNode m, DerivativeRequests derivatives,
            List<Integer> writtenParams, java.util.Set<Integer> sweepWidths, boolean hvp, boolean forward) {
        List<MethodNode> out = new java.util.ArrayList<>();
        boolean isStatic = (m.access & Opcodes.ACC_STATIC) != 0;
        String desc = DifferentiableMethods.staticDescriptor(node, m);
        MemberRef primal = DifferentiableMethods.asCalled(node, m);
        boolean copy = !writtenParams.isEmpty() && !m.desc.equals(Naming.VECTOR_DESCRIPTOR); // vectors: the runtime copies
        String sam = isStatic ? Naming.binderInterface(m.desc) : Naming.boundBinderInterface(m.desc);
        if (sam != null) {
            MemberRef adjoint = derivatives.member(DerivativeRequest.adjoint(primal, desc));
            String adjointDesc = adjoint.descriptor();
            String target = adjoint.name();
            if (copy) {
                out.add(copyingBridge(node, Naming.entryName(m.name), target, adjointDesc, writtenParams));
                target = Naming.entryName(m.name);
            }
            out.add(binder(node, m.name, sam, target, adjointDesc, !isStatic));
        }
        if (!forward) {
            return out; // reverse mode only: the adjoint's binder
        }
        String tangentSam = isStatic ? Naming.tangentBinderInterface(m.desc) : Naming.boundTangentBinderInterface(m.desc);
        if (tangentSam != null) {
            out.addAll(tangentEntry(node, derivatives.member(DerivativeRequest.tangent(primal, desc, 1)), desc, 1,
                    Naming.tangentBinderName(m.name), tangentSam,
                    copy ? writtenParams : List.of(), !isStatic));
        }
        for (int lanes : Naming.VECTOR_WIDTHS) {
            if (isStatic && sweepWidths.contains(lanes) && Naming.vectorTangentBinderInterface(m.desc, lanes) != null) {
                out.addAll(tangentEntry(node, derivatives.member(DerivativeRequest.tangent(primal, desc, lanes)), desc, lanes,
                        Naming.vectorTangentBinderName(m.name, lanes), Naming.vectorTangentBinderInterface(m.desc, lanes),
                        copy ? writtenParams : List.of(), false));
            }
        }
        String hvpInterface = isStatic ? Naming.hvpBinderInterface(m.desc) : Naming.boundHvpBinderInterface(m.desc);
        if (hvp && hvpInterface != null) { // w.r.t. the last parameter, after the receiver if any (ForwardMembers); a
            // lambda's body has its product bound by the closure's runtime (Closures), not by a binder
            MemberRef product = derivatives.member(DerivativeRequest.hessianVectorProduct(primal, desc,
                    java.util.Set.of(Type.getArgumentTypes(desc).length - 1)));
            out.add(binderNamed(node, Naming.hvpBinderName(m.name), hvpInterface, "hvp", product.name(),
                    product.descriptor(), !isStatic));
        }
        return out;
    }

    /** A tangent's binder, through a bridge that first copies the written parameters and their tangents, if any. */
    private static List<MethodNode> tangentEntry(ClassNode node, MemberRef tangent, String desc, int lanes,
            String binderName, String sam, List<Integer> writtenParams, boolean bound) {
        List<MethodNode> out = new java.util.ArrayList<>();
        String tangentDesc = tangent.descriptor();
        String target = tangent.name();
        if (!writtenParams.isEmpty()) {
            Type[] params = Type.getArgumentTypes(desc);
            List<Integer> tangentOf = new java.util.ArrayList<>(); // parameter index -> index of its tangent in lane 0
            int perLane = 0;
            for (Type p : params) {
                tangentOf.add(Naming.hasTangent(p.getDescriptor()) ? params.length + perLane++ : -1);
            }
            List<Integer> copied = new java.util.ArrayList<>(writtenParams);
            for (int i : writtenParams) {
                for (int lane = 0; lane < lanes; lane++) {
                    copied.add(tangentOf.get(i) + lane * perLane);
                }
            }
            String bridge = Naming.entryName(target);
            out.add(copyingBridge(node, bridge, target, tangentDesc, copied));
            target = bridge;
        }
        out.add(binderNamed(node, binderName, sam, "tangent", target, tangentDesc, bound));
        return out;
    }

    /**
     * Generates a bridge {@code bridgeName} to {@code target}, of the same descriptor, that first
     * replaces the array parameters of the given indices by copies: {@code fluxion$entry$f} for an
     * adjoint whose {@code f} writes into arrays. Entry points bind to it, so a gradient never
     * modifies the caller's array; adjoints calling adjoints use {@code fluxion$adjoint$f} itself,
     * where writes must be seen by the caller as in the primal.
     */
    static MethodNode copyingBridge(ClassNode owner, String bridgeName, String target, String adjointDesc,
            List<Integer> writtenParams) {
        MethodNode m = new MethodNode(Opcodes.ASM9, Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC | Opcodes.ACC_PRIVATE,
                bridgeName, adjointDesc, null, null);
        m.visitCode();
        Type[] params = Type.getArgumentTypes(adjointDesc);
        int[] slots = new int[params.length];
        for (int i = 0, slot = 0; i < params.length; slot += params[i].getSize(), i++) {
            slots[i] = slot;
        }
        for (int i : writtenParams) {
            m.visitVarInsn(Opcodes.ALOAD, slots[i]);
            m.visitMethodInsn(Opcodes.INVOKESTATIC, "dev/fluxion/internal/ArrayAdjoints", "deepCopy",
                    "(Ljava/lang/Object;)Ljava/lang/Object;", false);
            m.visitTypeInsn(Opcodes.CHECKCAST, params[i].getInternalName());
            m.visitVarInsn(Opcodes.ASTORE, slots[i]);
        }
        for (int i = 0; i < params.length; i++) {
            m.visitVarInsn(params[i].getOpcode(Opcodes.ILOAD), slots[i]);
        }
        boolean ownerIsInterface = (owner.access & Opcodes.ACC_INTERFACE) != 0;
        m.visitMethodInsn(Opcodes.INVOKESTATIC, owner.name, target, adjointDesc, ownerIsInterface);
        m.visitInsn(Type.getReturnType(adjointDesc).getOpcode(Opcodes.IRETURN));
        m.visitMaxs(0, 0);
        m.visitEnd();
        return m;
    }

    /** A method that throws a {@code FluxionException} with {@code message}: a derivative that could not be generated. */
    static MethodNode throwing(String name, String descriptor, int access, String message) {
        MethodNode m = new MethodNode(Opcodes.ASM9, access, name, descriptor, null, null);
        m.visitCode();
        m.visitTypeInsn(Opcodes.NEW, "dev/fluxion/FluxionException");
        m.visitInsn(Opcodes.DUP);
        m.visitLdcInsn(message);
        m.visitMethodInsn(Opcodes.INVOKESPECIAL, "dev/fluxion/FluxionException", "<init>", "(Ljava/lang/String;)V", false);
        m.visitInsn(Opcodes.ATHROW);
        m.visitMaxs(0, 0);
        m.visitEnd();
        return m;
    }

    /**
     * A {@code lanes}-lane tangent, {@code vectorTangent}, that calls the {@code chunk}-lane tangent
     * {@code narrower} (the one-lane tangent, or a narrower vector tangent) once per {@code chunk}
     * lanes: the same result for a method that does not write its parameters (the primal runs once
     * per call), for methods whose vector tangent would be too large. {@code chunk} divides {@code lanes}.
     */
    static MethodNode laneByLane(ClassNode owner, MemberRef vectorTangent, MemberRef narrower, String primalDescriptor,
            int lanes, int chunk, int access) {
        String desc = vectorTangent.descriptor();
        MethodNode m = new MethodNode(Opcodes.ASM9, access, vectorTangent.name(), desc, null, null);
        m.visitCode();
        Type[] params = Type.getArgumentTypes(primalDescriptor);
        Type[] all = Type.getArgumentTypes(desc);
        int[] slots = new int[all.length];
        for (int i = 0, slot = 0; i < all.length; slot += all[i].getSize(), i++) {
            slots[i] = slot;
        }
        int perLane = (all.length - params.length - 1) / lanes;
        boolean ownerIsInterface = (owner.access & Opcodes.ACC_INTERFACE) != 0;
        Type ret = Type.getReturnType(primalDescriptor);
        // each call leaves its lanes' result tangents on the tape, in lane order
        for (int lane = 0; lane < lanes; lane += chunk) {
            for (int i = 0; i < params.length; i++) {
                m.visitVarInsn(params[i].getOpcode(Opcodes.ILOAD), slots[i]);
            }
            for (int k = 0; k < chunk * perLane; k++) {
                int i = params.length + lane * perLane + k;
                m.visitVarInsn(all[i].getOpcode(Opcodes.ILOAD), slots[i]);
            }
            m.visitVarInsn(Opcodes.ALOAD, slots[all.length - 1]);
            m.visitMethodInsn(Opcodes.INVOKESTATIC, owner.name, narrower.name(), narrower.descriptor(), ownerIsInterface);
            if (lane + chunk < lanes && ret.getSize() > 0) {
                m.visitInsn(ret.getSize() == 2 ? Opcodes.POP2 : Opcodes.POP);
            }
        }
        m.visitInsn(ret.getOpcode(Opcodes.IRETURN));
        m.visitMaxs(0, 0);
        m.visitEnd();
        return m;
    }
}
