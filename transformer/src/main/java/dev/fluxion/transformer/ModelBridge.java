package dev.fluxion.transformer;

import dev.fluxion.internal.Naming;
import dev.fluxion.transformer.frontend.ModelLeaves.Leaf;
import dev.fluxion.transformer.ir.MemberRef;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Label;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The bridges from a loss over a model object to the derivatives of its function of leaves
 * ({@link dev.fluxion.transformer.frontend.ModelLeaves}): each gathers the arguments of a
 * derivative of that function from objects of the model's shape, calls it, and stores what it
 * returned in scalars back into an object of that shape.
 *
 * <ul>
 *   <li>{@code fluxion$model$f(Object model, Object gradOut, double seed, Tape tape)}: the adjoint,
 *       with the leaves read from the model and their shadows from the gradient object;
 *   <li>{@code fluxion$modeltangent$f(Object model, Object direction, Tape tape)}: the tangent, with
 *       the leaves' tangents read from a direction of the model's shape;
 *   <li>{@code fluxion$modelhvp$f(Object model, Object v, Object out, double seed, Tape tape)}: the
 *       Hessian-vector product (the adjoint of the tangent), tangents from {@code v}, shadows of the
 *       leaves from {@code out}, which receives {@code H v}.
 * </ul>
 *
 * A leaf is read from the model as it is: a scalar into a one-element array, an array as it is (or a
 * copy where the loss writes into it, so the model is never changed), a field of each object of an
 * array or list into an array of those fields. The receiving object's array at the same path is
 * the shadow (checked and zeroed by {@code Models.shadow}); a scalar's derivative is stored into the
 * receiving object's field after the call, or, for a final one (a record's component), handed to
 * {@code Models.receiveFinal}, for an object made after.
 */
final class ModelBridge {
    private static final String MODELS = "dev/fluxion/internal/Models";
    private static final String CHECK = "(Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/String;)Ljava/lang/Object;";

    private final MethodNode m;
    private final List<Leaf> leaves;
    private final Set<Integer> written;
    private final Type modelType;
    private int nextLocal;

    private ModelBridge(String name, String descriptor, Type modelType, List<Leaf> leaves, Set<Integer> written) {
        this.m = new MethodNode(Opcodes.ASM9, Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC | Opcodes.ACC_PRIVATE, name,
                descriptor, null, null);
        this.leaves = leaves;
        this.written = written;
        this.modelType = modelType;
        this.nextLocal = Type.getArgumentsAndReturnSizes(descriptor) >> 2;
        m.visitCode();
    }

    /**
     * The adjoint's bridge, {@code Naming.MODEL_BRIDGE_PREFIX + primalName}.
     *
     * @param written indices (among the leaves) of the array leaves the loss writes into
     */
    static MethodNode adjoint(ClassNode owner, String primalName, Type modelType, List<Leaf> leaves, Set<Integer> written,
            String adjointName, String adjointDescriptor) {
        ModelBridge b = new ModelBridge(Naming.MODEL_BRIDGE_PREFIX + primalName, Naming.MODEL_BRIDGE_DESCRIPTOR, modelType,
                leaves, written);
        int model = b.root(0);
        int grad = b.root(1);
        b.sameSharing(model, grad, "gradient object");
        int[] primals = b.primals(model);
        int[] shadows = b.shadows(model, grad, primals);
        b.push(model, primals, shadows);
        b.m.visitVarInsn(Opcodes.DLOAD, 2);
        b.m.visitVarInsn(Opcodes.ALOAD, 4);
        return b.callAndReceive(owner, adjointName, adjointDescriptor, grad, shadows);
    }

    /** The tangent's bridge, {@code Naming.MODEL_TANGENT_BRIDGE_PREFIX + primalName}. */
    static MethodNode tangent(ClassNode owner, String primalName, Type modelType, List<Leaf> leaves, Set<Integer> written,
            String tangentName, String tangentDescriptor) {
        ModelBridge b = new ModelBridge(Naming.MODEL_TANGENT_BRIDGE_PREFIX + primalName, Naming.MODEL_TANGENT_DESCRIPTOR,
                modelType, leaves, written);
        int model = b.root(0);
        int direction = b.root(1);
        b.sameSharing(model, direction, "direction");
        int[] primals = b.primals(model);
        int[] tangents = b.tangents(model, direction);
        b.push(model, primals, tangents);
        b.m.visitVarInsn(Opcodes.ALOAD, 2);
        return b.callAndReceive(owner, tangentName, tangentDescriptor, -1, null);
    }

    /** The Hessian-vector product's bridge, {@code Naming.MODEL_HVP_BRIDGE_PREFIX + primalName}. */
    static MethodNode hvp(ClassNode owner, String primalName, Type modelType, List<Leaf> leaves, Set<Integer> written,
            String hvpName, String hvpDescriptor) {
        ModelBridge b = new ModelBridge(Naming.MODEL_HVP_BRIDGE_PREFIX + primalName, Naming.MODEL_HVP_DESCRIPTOR, modelType,
                leaves, written);
        int model = b.root(0);
        int v = b.root(1);
        int out = b.root(2);
        b.sameSharing(model, v, "direction");
        b.sameSharing(model, out, "object receiving H v");
        int[] primals = b.primals(model);
        int[] tangents = b.tangents(model, v);
        int[] shadows = b.shadows(model, out, primals);
        int[] tangentShadows = b.zerosLike(primals); // the tangents are directions: what they receive is dropped
        b.push(model, primals, tangents, shadows, tangentShadows);
        b.m.visitVarInsn(Opcodes.DLOAD, 3);
        b.m.visitVarInsn(Opcodes.ALOAD, 5);
        return b.callAndReceive(owner, hvpName, hvpDescriptor, out, shadows);
    }

    /**
     * Checks that {@code other} (a gradient object, a direction) holds one array or object wherever
     * the model holds one in several places (tied weights: {@code decoder.w = encoder.w}), and
     * apart wherever the model's are apart, and that no array the loss writes into is held in two
     * places ({@code Models.sameSharing}): the shadows of a shared array are then one, receiving
     * the sum of the derivatives of its uses, the total derivative. Checked are the array leaves
     * (their rows too) and the objects holding scalar leaves, whose derivatives are summed into
     * them ({@link #callAndReceive}).
     */
    private void sameSharing(int model, int other, String what) {
        List<Leaf> held = new java.util.ArrayList<>();
        StringBuilder paths = new StringBuilder();
        StringBuilder writes = new StringBuilder();
        for (int k = 0; k < leaves.size(); k++) {
            Leaf leaf = leaves.get(k);
            Leaf at = !leaf.isScalar() ? leaf : leaf.path().size() > 1 ? new Leaf(leaf.path().subList(0,
                    leaf.path().size() - 1), OBJECT, false, leaf.viaAccessors()) : null;
            if (at != null && !held.contains(at)) {
                held.add(at);
                paths.append(held.size() > 1 ? "\n" : "").append(at.describe());
                writes.append(written.contains(k) && !leaf.isScalar() ? '1' : '0');
            }
        }
        if (held.isEmpty()) {
            return;
        }
        for (int root : new int[] {model, other}) {
            m.visitLdcInsn(held.size());
            m.visitTypeInsn(Opcodes.ANEWARRAY, "java/lang/Object");
            for (int j = 0; j < held.size(); j++) {
                m.visitInsn(Opcodes.DUP);
                m.visitLdcInsn(j);
                if (held.get(j).isPerElement()) {
                    gather(root, held.get(j));
                } else {
                    readLeaf(root, held.get(j));
                }
                m.visitInsn(Opcodes.AASTORE);
            }
        }
        m.visitLdcInsn(paths.toString());
        m.visitLdcInsn(writes.toString());
        m.visitLdcInsn(what);
        m.visitMethodInsn(Opcodes.INVOKESTATIC, MODELS, "sameSharing", "([Ljava/lang/Object;[Ljava/lang/Object;"
                + "Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;)V", false);
    }

    private static final Type OBJECT = Type.getType(Object.class);

    /** Casts parameter {@code param} to the model's class, into a new local. */
    private int root(int param) {
        int local = nextLocal++;
        m.visitVarInsn(Opcodes.ALOAD, param);
        m.visitTypeInsn(Opcodes.CHECKCAST, modelType.getInternalName());
        m.visitVarInsn(Opcodes.ASTORE, local);
        return local;
    }

    /** The leaves read from the model: arrays it holds, copies of those the loss writes into, one-element arrays of scalars. */
    private int[] primals(int model) {
        int[] out = new int[leaves.size()];
        for (int k = 0; k < out.length; k++) {
            Leaf leaf = leaves.get(k);
            if (leaf.isPerElement()) {
                gather(model, leaf);
            } else if (leaf.isScalar()) {
                scalarArray(model, leaf);
            } else {
                readLeaf(model, leaf);
            }
            if (written.contains(k) && !leaf.isScalar()) {
                copy(leaf);
            }
            out[k] = store();
        }
        return out;
    }

    /**
     * The leaves' tangents read from {@code direction}, an object of the model's shape (checked to
     * have it by {@code Models.tangent}): as the leaves are read from the model, copied where the
     * loss writes into them, as its tangent writes into theirs.
     */
    private int[] tangents(int model, int direction) {
        int[] out = new int[leaves.size()];
        for (int k = 0; k < out.length; k++) {
            Leaf leaf = leaves.get(k);
            if (leaf.isScalar() && !leaf.isPerElement()) {
                scalarArray(direction, leaf);
            } else {
                checked(model, direction, leaf, "tangent");
                if (written.contains(k) && !leaf.isScalar()) {
                    copy(leaf);
                }
            }
            out[k] = store();
        }
        return out;
    }

    /**
     * The leaves' shadows: for an array leaf, the array at the same path of {@code receiver} (checked
     * and zeroed by {@code Models.shadow}); for scalars, zero arrays like the leaf's, whose values
     * {@link #callAndReceive} stores into the receiver's fields after the call.
     */
    private int[] shadows(int model, int receiver, int[] primals) {
        int[] out = new int[leaves.size()];
        for (int k = 0; k < out.length; k++) {
            Leaf leaf = leaves.get(k);
            if (leaf.isScalar()) {
                zeroLike(primals[k], leaf);
            } else {
                checked(model, receiver, leaf, "shadow");
            }
            out[k] = store();
        }
        return out;
    }

    /** New zero arrays of the shapes of {@code arrays}' leaves. */
    private int[] zerosLike(int[] arrays) {
        int[] out = new int[arrays.length];
        for (int k = 0; k < out.length; k++) {
            zeroLike(arrays[k], leaves.get(k));
            out[k] = store();
        }
        return out;
    }

    private void zeroLike(int array, Leaf leaf) {
        m.visitVarInsn(Opcodes.ALOAD, array);
        m.visitMethodInsn(Opcodes.INVOKESTATIC, MODELS, "zeroLike", "(Ljava/lang/Object;)Ljava/lang/Object;", false);
        m.visitTypeInsn(Opcodes.CHECKCAST, leaf.parameterType().getInternalName());
    }

    /** Pushes {@code Models.check(model's leaf, other's leaf, path)}: the other's array, checked to have the model's shape. */
    private void checked(int model, int other, Leaf leaf, String check) {
        if (leaf.isPerElement()) {
            gather(model, leaf);
            gather(other, leaf);
        } else {
            readLeaf(model, leaf);
            readLeaf(other, leaf);
        }
        m.visitLdcInsn(leaf.describe());
        m.visitMethodInsn(Opcodes.INVOKESTATIC, MODELS, check, CHECK, false);
        m.visitTypeInsn(Opcodes.CHECKCAST, leaf.parameterType().getInternalName());
    }

    /** Pushes a one-element array holding the scalar leaf's value in {@code root}. */
    private void scalarArray(int root, Leaf leaf) {
        m.visitInsn(Opcodes.ICONST_1);
        newArray(leaf);
        m.visitInsn(Opcodes.DUP);
        m.visitInsn(Opcodes.ICONST_0);
        readLeaf(root, leaf);
        m.visitInsn(leaf.type().getOpcode(Opcodes.IASTORE));
    }

    private void copy(Leaf leaf) {
        m.visitMethodInsn(Opcodes.INVOKESTATIC, MODELS, "copy", "(Ljava/lang/Object;)Ljava/lang/Object;", false);
        m.visitTypeInsn(Opcodes.CHECKCAST, leaf.parameterType().getInternalName());
    }

    private int store() {
        int local = nextLocal++;
        m.visitVarInsn(Opcodes.ASTORE, local);
        return local;
    }

    /** Pushes the model, then each group of leaf arguments in order. */
    private void push(int model, int[]... groups) {
        m.visitVarInsn(Opcodes.ALOAD, model);
        for (int[] group : groups) {
            for (int local : group) {
                m.visitVarInsn(Opcodes.ALOAD, local);
            }
        }
    }

    /**
     * Calls the derivative (its arguments pushed), stores the scalars' derivatives from
     * {@code shadows} into {@code receiver} (none if {@code shadows} is null), and returns what the
     * derivative returned.
     */
    private MethodNode callAndReceive(ClassNode owner, String name, String descriptor, int receiver, int[] shadows) {
        boolean itf = (owner.access & Opcodes.ACC_INTERFACE) != 0;
        m.visitMethodInsn(Opcodes.INVOKESTATIC, owner.name, name, descriptor, itf);
        int result = nextLocal;
        nextLocal += 2;
        m.visitVarInsn(Opcodes.DSTORE, result);
        // the scalars' derivatives summed into the receiver's fields, zeroed first: an object the model
        // (and so the receiver) holds in several places receives from each
        for (boolean zero : new boolean[] {true, false}) {
            for (int k = 0; shadows != null && k < leaves.size(); k++) {
                Leaf leaf = leaves.get(k);
                if (!leaf.isScalar() || zero && leaf.isFinal()) {
                    continue; // a final field's derivatives are summed by Models.receiveFinal
                }
                if (leaf.isPerElement()) { // receiver.layers[i].b += shadow[i]
                    scatter(receiver, leaf, shadows[k], zero);
                } else { // receiver.path += shadow[0]
                    m.visitVarInsn(Opcodes.ALOAD, receiver);
                    readSteps(leaf, leaf.path().subList(0, leaf.path().size() - 1));
                    int shadow = shadows[k];
                    receive(leaf, zero, () -> {
                        m.visitVarInsn(Opcodes.ALOAD, shadow);
                        m.visitInsn(Opcodes.ICONST_0);
                        m.visitInsn(leaf.type().getOpcode(Opcodes.IALOAD));
                    });
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
     * Adds the scalar derivative {@code value} pushes to the leaf's field of the object on the stack
     * (or sets the field to zero, if {@code zero}): by {@code getfield} and {@code putfield}, or,
     * for a final field (a record's component, a final gain of a layer), through
     * {@code Models.receiveFinal}, which sums them for the runtime to put into a gradient object
     * after the sweep (made anew for a record).
     */
    private void receive(Leaf leaf, boolean zero, Runnable value) {
        MemberRef f = leaf.field();
        boolean isFloat = leaf.type().getSort() == Type.FLOAT;
        if (leaf.isFinal()) {
            m.visitLdcInsn(f.name());
            value.run();
            if (isFloat) {
                m.visitInsn(Opcodes.F2D);
            }
            m.visitMethodInsn(Opcodes.INVOKESTATIC, MODELS, "receiveFinal", "(Ljava/lang/Object;Ljava/lang/String;D)V", false);
        } else if (zero) {
            m.visitInsn(isFloat ? Opcodes.FCONST_0 : Opcodes.DCONST_0);
            m.visitFieldInsn(Opcodes.PUTFIELD, f.owner(), f.name(), f.descriptor());
        } else {
            m.visitInsn(Opcodes.DUP);
            m.visitFieldInsn(Opcodes.GETFIELD, f.owner(), f.name(), f.descriptor());
            value.run();
            m.visitInsn(isFloat ? Opcodes.FADD : Opcodes.DADD);
            m.visitFieldInsn(Opcodes.PUTFIELD, f.owner(), f.name(), f.descriptor());
        }
    }

    private void newArray(Leaf leaf) {
        m.visitIntInsn(Opcodes.NEWARRAY, leaf.type().getSort() == Type.DOUBLE ? Opcodes.T_DOUBLE : Opcodes.T_FLOAT);
    }

    /**
     * Pushes a new array of the leaf's field read from every object of the array or list of objects,
     * or from an object each holds: {@code out[i] = root.layers[i].w}, {@code root.layers[i].bias.b};
     * for the objects of arrays those objects hold, an array of such arrays,
     * {@code out[i][j] = root.blocks[i].layers[j].w}.
     */
    private void gather(int root, Leaf leaf) {
        m.visitVarInsn(Opcodes.ALOAD, root);
        gatherFrom(leaf, 0);
    }

    /**
     * With the object at the start of segment {@code level} of the leaf's path on the stack,
     * replaces it by what the leaf is there: its value at the last segment, else the array of what
     * it is in each object of the array or list the segment leads to.
     */
    private void gatherFrom(Leaf leaf, int level) {
        List<List<MemberRef>> segments = leaf.segments();
        if (level == segments.size() - 1) {
            readSteps(leaf, segments.get(level));
            return;
        }
        int objects = nextLocal++;
        int out = nextLocal++;
        int i = nextLocal++;
        readObjects(leaf, segments.get(level));
        m.visitVarInsn(Opcodes.ASTORE, objects);
        m.visitVarInsn(Opcodes.ALOAD, objects);
        m.visitInsn(Opcodes.ARRAYLENGTH);
        Type component = component(leaf, level);
        if (component.getSort() == Type.ARRAY || component.getSort() == Type.OBJECT) {
            m.visitTypeInsn(Opcodes.ANEWARRAY, component.getInternalName());
        } else {
            newArray(leaf);
        }
        m.visitVarInsn(Opcodes.ASTORE, out);
        loop(objects, i, () -> {
            m.visitVarInsn(Opcodes.ALOAD, out);
            m.visitVarInsn(Opcodes.ILOAD, i);
            element(objects, i, leaf, level + 1);
            gatherFrom(leaf, level + 1);
            m.visitInsn(component.getOpcode(Opcodes.IASTORE));
        });
        m.visitVarInsn(Opcodes.ALOAD, out);
    }

    /** The type of the elements of the array {@link #gatherFrom} makes at {@code level}. */
    private static Type component(Leaf leaf, int level) {
        return Type.getType("[".repeat(leaf.depth() - level - 1) + leaf.type().getDescriptor());
    }

    /**
     * Pushes {@code objects[i]}, cast to the class whose field segment {@code level}'s first step
     * is, or to the leaf's array type if the element is the leaf ({@code List<double[]> biases}).
     */
    private void element(int objects, int i, Leaf leaf, int level) {
        m.visitVarInsn(Opcodes.ALOAD, objects);
        m.visitVarInsn(Opcodes.ILOAD, i);
        m.visitInsn(Opcodes.AALOAD);
        List<MemberRef> steps = leaf.segments().get(level);
        m.visitTypeInsn(Opcodes.CHECKCAST, steps.isEmpty() ? leaf.type().getInternalName() : steps.get(0).owner());
    }

    /**
     * {@code root.layers[i].gain += values[i]} (or {@code root.layers[i].scale.factor}, or
     * {@code root.blocks[i].layers[j].gain += values[i][j]}; {@code = 0} if {@code zero}) for every object, after checking that
     * each array of objects and its array of values have the same length.
     */
    private void scatter(int root, Leaf leaf, int values, boolean zero) {
        m.visitVarInsn(Opcodes.ALOAD, root);
        scatterFrom(leaf, 0, values, zero);
    }

    /** The path to the array of objects of segment {@code level}, in Java, ending in {@code []}: {@code blocks[].layers[]}. */
    private static String arrayAt(Leaf leaf, int level) {
        List<List<MemberRef>> segments = leaf.segments();
        StringBuilder s = new StringBuilder();
        for (int k = 0; k <= level; k++) {
            for (MemberRef f : segments.get(k)) {
                s.append(s.length() == 0 ? "" : ".").append(f.name());
            }
            s.append("[]");
        }
        return s.toString();
    }

    /** With the object at the start of segment {@code level} on the stack, receives {@code values} (an array of that level) into its objects. */
    private void scatterFrom(Leaf leaf, int level, int values, boolean zero) {
        List<List<MemberRef>> segments = leaf.segments();
        int objects = nextLocal++;
        int i = nextLocal++;
        readObjects(leaf, segments.get(level));
        m.visitVarInsn(Opcodes.ALOAD, values);
        m.visitLdcInsn(arrayAt(leaf, level));
        m.visitMethodInsn(Opcodes.INVOKESTATIC, MODELS, "sameLength", "([Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/String;)"
                + "[Ljava/lang/Object;", false);
        m.visitVarInsn(Opcodes.ASTORE, objects);
        boolean last = level + 1 == segments.size() - 1;
        loop(objects, i, () -> {
            element(objects, i, leaf, level + 1);
            if (last) {
                List<MemberRef> steps = segments.get(level + 1);
                readSteps(leaf, steps.subList(0, steps.size() - 1));
                receive(leaf, zero, () -> {
                    m.visitVarInsn(Opcodes.ALOAD, values);
                    m.visitVarInsn(Opcodes.ILOAD, i);
                    m.visitInsn(leaf.type().getOpcode(Opcodes.IALOAD));
                });
            } else {
                int inner = nextLocal++;
                m.visitVarInsn(Opcodes.ALOAD, values);
                m.visitVarInsn(Opcodes.ILOAD, i);
                m.visitInsn(Opcodes.AALOAD);
                m.visitTypeInsn(Opcodes.CHECKCAST, component(leaf, level).getInternalName());
                m.visitVarInsn(Opcodes.ASTORE, inner);
                scatterFrom(leaf, level + 1, inner, zero);
            }
        });
    }

    /**
     * Replaces the object on the stack by the array of objects {@code steps} lead to
     * ({@code root.layers}), or the array of the elements of the list there
     * ({@code Models.elements(root.layers)}), as the loss reads it.
     */
    private void readObjects(Leaf leaf, List<MemberRef> steps) {
        readSteps(leaf, steps);
        if (Type.getType(steps.get(steps.size() - 1).descriptor()).getSort() == Type.OBJECT) { // a list
            m.visitMethodInsn(Opcodes.INVOKESTATIC, MODELS, "elements", "(Ljava/lang/Object;)[Ljava/lang/Object;", false);
        }
    }

    /** {@code for (i = 0; i < objects.length; i++) body}. */
    private void loop(int objects, int i, Runnable body) {
        Label test = new Label();
        Label done = new Label();
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

    /** Pushes the leaf's value in {@code root}. */
    private void readLeaf(int root, Leaf leaf) {
        m.visitVarInsn(Opcodes.ALOAD, root);
        readSteps(leaf, leaf.path());
    }

    /**
     * Replaces the object on the stack by the value at the end of {@code steps}, fields of the leaf's
     * path read one after the other: each by {@code getfield}, or, for a record's component, by its
     * accessor (the field is private to the record).
     */
    private void readSteps(Leaf leaf, List<MemberRef> steps) {
        for (MemberRef f : steps) {
            if (leaf.viaAccessor(f)) {
                m.visitMethodInsn(Opcodes.INVOKEVIRTUAL, f.owner(), f.name(), "()" + f.descriptor(), false);
            } else {
                m.visitFieldInsn(Opcodes.GETFIELD, f.owner(), f.name(), f.descriptor());
            }
        }
    }
}
