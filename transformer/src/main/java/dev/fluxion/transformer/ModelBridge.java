package dev.fluxion.transformer;

import dev.fluxion.internal.Naming;
import dev.fluxion.transformer.frontend.ModelLeaves.Leaf;
import dev.fluxion.transformer.ir.MemberRef;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * {@code static double fluxion$model$f(Object model, Object gradOut, double seed, Tape tape)}: the
 * bridge from a loss over a model object to the adjoint of its function of leaves
 * ({@link dev.fluxion.transformer.frontend.ModelLeaves}). It reads each leaf from the model (a
 * scalar into a one-element array; an array as it is, or a copy where the loss writes into it, so
 * the model is never changed), takes the gradient object's array at the same path as its shadow
 * (checked and zeroed by {@code Models.shadow}), or a one-element array for a scalar, calls the
 * adjoint, and stores the scalars' derivatives into the gradient object's fields, or, for a final
 * one (a record's component), hands it to {@code Models.receiveFinal}, for a gradient object made
 * after.
 */
final class ModelBridge {
    private static final String MODELS = "dev/fluxion/internal/Models";

    private ModelBridge() {
    }

    /**
     * @param modelType the model's class
     * @param written indices (among the leaves) of the array leaves the loss writes into
     */
    static MethodNode bridge(ClassNode owner, String primalName, Type modelType, List<Leaf> leaves, Set<Integer> written,
            String adjointName, String adjointDescriptor) {
        MethodNode m = new MethodNode(Opcodes.ASM9, Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC | Opcodes.ACC_PRIVATE,
                Naming.MODEL_BRIDGE_PREFIX + primalName, Naming.MODEL_BRIDGE_DESCRIPTOR, null, null);
        m.visitCode();
        int model = 6; // locals: 0 model, 1 gradOut, 2-3 seed, 4 tape, 5 unused
        int grad = 7;
        int firstLeaf = 8;
        m.visitVarInsn(Opcodes.ALOAD, 0);
        m.visitTypeInsn(Opcodes.CHECKCAST, modelType.getInternalName());
        m.visitVarInsn(Opcodes.ASTORE, model);
        m.visitVarInsn(Opcodes.ALOAD, 1);
        m.visitTypeInsn(Opcodes.CHECKCAST, modelType.getInternalName());
        m.visitVarInsn(Opcodes.ASTORE, grad);
        int n = leaves.size();
        int scratch = firstLeaf + 2 * n + 2; // after the result (a double)
        for (int k = 0; k < n; k++) {
            Leaf leaf = leaves.get(k);
            int primal = firstLeaf + k;
            int shadow = firstLeaf + n + k;
            if (leaf.isPerElement()) {
                gather(m, model, leaf, scratch);
                if (written.contains(k)) {
                    m.visitMethodInsn(Opcodes.INVOKESTATIC, MODELS, "copy", "(Ljava/lang/Object;)Ljava/lang/Object;", false);
                    m.visitTypeInsn(Opcodes.CHECKCAST, leaf.parameterType().getInternalName());
                }
                m.visitVarInsn(Opcodes.ASTORE, primal);
                if (leaf.isScalar()) { // one derivative per object, stored into the gradient's objects after
                    m.visitVarInsn(Opcodes.ALOAD, primal);
                    m.visitInsn(Opcodes.ARRAYLENGTH);
                    m.visitIntInsn(Opcodes.NEWARRAY, leaf.type().getSort() == Type.DOUBLE ? Opcodes.T_DOUBLE : Opcodes.T_FLOAT);
                } else { // the gradient objects' own arrays, checked and zeroed
                    gather(m, model, leaf, scratch);
                    gather(m, grad, leaf, scratch);
                    m.visitLdcInsn(leaf.describe());
                    m.visitMethodInsn(Opcodes.INVOKESTATIC, MODELS, "shadow",
                            "(Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/String;)Ljava/lang/Object;", false);
                    m.visitTypeInsn(Opcodes.CHECKCAST, leaf.parameterType().getInternalName());
                }
                m.visitVarInsn(Opcodes.ASTORE, shadow);
            } else if (leaf.isScalar()) {
                m.visitInsn(Opcodes.ICONST_1);
                m.visitIntInsn(Opcodes.NEWARRAY, leaf.type().getSort() == Type.DOUBLE ? Opcodes.T_DOUBLE : Opcodes.T_FLOAT);
                m.visitInsn(Opcodes.DUP);
                m.visitInsn(Opcodes.ICONST_0);
                readPath(m, model, leaf.path(), leaf.path().size());
                m.visitInsn(leaf.type().getOpcode(Opcodes.IASTORE));
                m.visitVarInsn(Opcodes.ASTORE, primal);
                m.visitInsn(Opcodes.ICONST_1);
                m.visitIntInsn(Opcodes.NEWARRAY, leaf.type().getSort() == Type.DOUBLE ? Opcodes.T_DOUBLE : Opcodes.T_FLOAT);
                m.visitVarInsn(Opcodes.ASTORE, shadow);
            } else {
                readPath(m, model, leaf.path(), leaf.path().size());
                if (written.contains(k)) {
                    m.visitMethodInsn(Opcodes.INVOKESTATIC, MODELS, "copy", "(Ljava/lang/Object;)Ljava/lang/Object;", false);
                    m.visitTypeInsn(Opcodes.CHECKCAST, leaf.type().getInternalName());
                }
                m.visitVarInsn(Opcodes.ASTORE, primal);
                readPath(m, model, leaf.path(), leaf.path().size()); // the model's own array, for the checks
                readPath(m, grad, leaf.path(), leaf.path().size());
                m.visitLdcInsn(leaf.describe());
                m.visitMethodInsn(Opcodes.INVOKESTATIC, MODELS, "shadow",
                        "(Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/String;)Ljava/lang/Object;", false);
                m.visitTypeInsn(Opcodes.CHECKCAST, leaf.type().getInternalName());
                m.visitVarInsn(Opcodes.ASTORE, shadow);
            }
        }
        // fluxion$adjoint$fluxion$leaves$f(model, leaves..., shadows..., seed, tape)
        m.visitVarInsn(Opcodes.ALOAD, model);
        for (int k = 0; k < n; k++) {
            m.visitVarInsn(Opcodes.ALOAD, firstLeaf + k);
        }
        for (int k = 0; k < n; k++) {
            m.visitVarInsn(Opcodes.ALOAD, firstLeaf + n + k);
        }
        m.visitVarInsn(Opcodes.DLOAD, 2);
        m.visitVarInsn(Opcodes.ALOAD, 4);
        boolean itf = (owner.access & Opcodes.ACC_INTERFACE) != 0;
        m.visitMethodInsn(Opcodes.INVOKESTATIC, owner.name, adjointName, adjointDescriptor, itf);
        int result = firstLeaf + 2 * n;
        m.visitVarInsn(Opcodes.DSTORE, result);
        for (int k = 0; k < n; k++) {
            Leaf leaf = leaves.get(k);
            if (leaf.isPerElement() && leaf.isScalar()) { // gradOut.layers[i].b = shadow[i]
                scatter(m, grad, leaf, firstLeaf + n + k, scratch);
            } else if (leaf.isScalar()) { // gradOut.path = shadow[0]
                readPath(m, grad, leaf.path(), leaf.path().size() - 1);
                MemberRef f = leaf.path().get(leaf.path().size() - 1);
                if (leaf.isFinal()) {
                    m.visitLdcInsn(f.name());
                }
                m.visitVarInsn(Opcodes.ALOAD, firstLeaf + n + k);
                m.visitInsn(Opcodes.ICONST_0);
                m.visitInsn(leaf.type().getOpcode(Opcodes.IALOAD));
                if (leaf.isFinal()) { // a record's component: the runtime makes a gradient object holding it
                    if (leaf.type().getSort() == Type.FLOAT) {
                        m.visitInsn(Opcodes.F2D);
                    }
                    m.visitMethodInsn(Opcodes.INVOKESTATIC, MODELS, "receiveFinal", "(Ljava/lang/Object;Ljava/lang/String;D)V", false);
                } else {
                    m.visitFieldInsn(Opcodes.PUTFIELD, f.owner(), f.name(), f.descriptor());
                }
            }
        }
        m.visitVarInsn(Opcodes.DLOAD, result);
        m.visitInsn(Opcodes.DRETURN);
        m.visitMaxs(0, 0);
        m.visitEnd();
        return m;
    }

    /**
     * Pushes a new array of the leaf's field read from every object of the array of objects at the
     * leaf's path from {@code root}: {@code out[i] = root.layers[i].w}. Uses locals from {@code scratch}.
     */
    private static void gather(MethodNode m, int root, Leaf leaf, int scratch) {
        int objects = scratch;
        int out = scratch + 1;
        int i = scratch + 2;
        MemberRef f = leaf.field();
        readPath(m, root, leaf.toArray(), leaf.toArray().size());
        m.visitVarInsn(Opcodes.ASTORE, objects);
        m.visitVarInsn(Opcodes.ALOAD, objects);
        m.visitInsn(Opcodes.ARRAYLENGTH);
        Type element = leaf.type();
        if (leaf.isScalar()) {
            m.visitIntInsn(Opcodes.NEWARRAY, element.getSort() == Type.DOUBLE ? Opcodes.T_DOUBLE : Opcodes.T_FLOAT);
        } else {
            m.visitTypeInsn(Opcodes.ANEWARRAY, element.getInternalName());
        }
        m.visitVarInsn(Opcodes.ASTORE, out);
        loop(m, objects, i, () -> {
            m.visitVarInsn(Opcodes.ALOAD, out);
            m.visitVarInsn(Opcodes.ILOAD, i);
            m.visitVarInsn(Opcodes.ALOAD, objects);
            m.visitVarInsn(Opcodes.ILOAD, i);
            m.visitInsn(Opcodes.AALOAD);
            m.visitTypeInsn(Opcodes.CHECKCAST, f.owner());
            m.visitFieldInsn(Opcodes.GETFIELD, f.owner(), f.name(), f.descriptor());
            m.visitInsn(element.getOpcode(Opcodes.IASTORE));
        });
        m.visitVarInsn(Opcodes.ALOAD, out);
    }

    /** {@code root.layers[i].b = values[i]} for every object, after checking the two arrays' lengths agree. */
    private static void scatter(MethodNode m, int root, Leaf leaf, int values, int scratch) {
        int objects = scratch;
        int i = scratch + 2;
        MemberRef f = leaf.field();
        readPath(m, root, leaf.toArray(), leaf.toArray().size());
        m.visitVarInsn(Opcodes.ALOAD, values);
        m.visitLdcInsn(leaf.describe());
        m.visitMethodInsn(Opcodes.INVOKESTATIC, MODELS, "sameLength", "([Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/String;)"
                + "[Ljava/lang/Object;", false);
        m.visitVarInsn(Opcodes.ASTORE, objects);
        loop(m, objects, i, () -> {
            m.visitVarInsn(Opcodes.ALOAD, objects);
            m.visitVarInsn(Opcodes.ILOAD, i);
            m.visitInsn(Opcodes.AALOAD);
            m.visitTypeInsn(Opcodes.CHECKCAST, f.owner());
            m.visitVarInsn(Opcodes.ALOAD, values);
            m.visitVarInsn(Opcodes.ILOAD, i);
            m.visitInsn(leaf.type().getOpcode(Opcodes.IALOAD));
            m.visitFieldInsn(Opcodes.PUTFIELD, f.owner(), f.name(), f.descriptor());
        });
    }

    /** {@code for (i = 0; i < objects.length; i++) body}. */
    private static void loop(MethodNode m, int objects, int i, Runnable body) {
        org.objectweb.asm.Label test = new org.objectweb.asm.Label();
        org.objectweb.asm.Label done = new org.objectweb.asm.Label();
        m.visitInsn(Opcodes.ICONST_0);
        m.visitVarInsn(Opcodes.ISTORE, i);
        m.visitLabel(test);
        m.visitVarInsn(Opcodes.ILOAD, i);
        m.visitVarInsn(Opcodes.ALOAD, objects);
        m.visitInsn(Opcodes.ARRAYLENGTH);
        m.visitJumpInsn(Opcodes.IF_ICMPGE, done);
        body.run();
        m.visitIincInsn(i, 1);
        m.visitJumpInsn(Opcodes.GOTO, test);
        m.visitLabel(done);
    }

    /** Pushes the value at the first {@code length} fields of {@code path}, starting from the object in {@code local}. */
    private static void readPath(MethodNode m, int local, List<MemberRef> path, int length) {
        m.visitVarInsn(Opcodes.ALOAD, local);
        for (int i = 0; i < length; i++) {
            MemberRef f = path.get(i);
            m.visitFieldInsn(Opcodes.GETFIELD, f.owner(), f.name(), f.descriptor());
        }
    }
}
