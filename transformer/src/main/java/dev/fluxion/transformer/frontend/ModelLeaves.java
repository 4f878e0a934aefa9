package dev.fluxion.transformer.frontend;

import dev.fluxion.transformer.diagnostics.JavaSyntax;
import dev.fluxion.transformer.diagnostics.Unsupported;
import dev.fluxion.transformer.ir.Block;
import dev.fluxion.transformer.ir.Constant;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.IrFunction;
import dev.fluxion.transformer.ir.MemberRef;
import dev.fluxion.transformer.ir.Op;
import dev.fluxion.transformer.ir.Param;
import dev.fluxion.transformer.ir.Types;
import dev.fluxion.transformer.ir.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;

/**
 * Gradients with respect to an object: a loss over a model object ({@code double loss()} of class
 * {@code Model}, or {@code static double loss(Model m)}) becomes a function of the model's numbers,
 * one parameter per <em>leaf</em> it reads: a {@code double[]} or {@code double[][]} field (the
 * array itself, so its elements are read in place), or a {@code double} field (a one-element
 * array), reached from the model directly or through nested objects ({@code m.hidden.w}). Like
 * JAX's flattening of a pytree into its leaves; the generated bridge gathers the leaves from the
 * model and from the gradient object, whose same fields receive the derivatives, and then every
 * derivative is the ordinary one of arrays and scalars.
 *
 * <p>The model stays a parameter for what is data: {@code int}s, {@code String}s and the like.
 * Arrays and lists of objects, and those their objects hold in turn, to any depth, give leaves with
 * a dimension more per array or list on the way ({@link Leaf#parameterType}). Every other use of
 * the model or of its nested objects (passed to a method Fluxion does not inline, written into,
 * stored, an array of arrays of objects, a field of interface type) is rejected with a message: a
 * number Fluxion cannot see would be taken as a constant, a silently wrong gradient.
 */
public final class ModelLeaves {
    private ModelLeaves() {
    }

    /** In a path, the step from an array of objects to each of its elements ({@code layers[i]}). */
    public static final MemberRef ELEMENT = new MemberRef("[]", "[]", "");

    /**
     * A leaf: the chain of fields from the model to it, with an {@link #ELEMENT} step for each array
     * or list of objects on the way (a field of each object of an array or list of objects,
     * {@code layers[].w}, or of an object such an object holds, {@code layers[].bias.b}, or of the
     * objects of the arrays and lists those hold, {@code blocks[].layers[].w}), and the field's type
     * ({@code D}, {@code [D}, {@code [[D}...); {@code viaAccessors}: the fields of the path that are
     * records' components, read through their accessors (the fields themselves are private to the
     * records).
     */
    public record Leaf(List<MemberRef> path, Type type, boolean isFinal, Set<MemberRef> viaAccessors) {
        /** Whether the field is a scalar. */
        public boolean isScalar() {
            return Types.isFloating(type);
        }

        /** Whether the leaf is a field of each element of an array of objects. */
        public boolean isPerElement() {
            return path.contains(ELEMENT);
        }

        /** How many arrays or lists of objects the path goes through: the leaf's parameter has as many more dimensions. */
        public int depth() {
            return (int) path.stream().filter(f -> f == ELEMENT).count();
        }

        /**
         * The path cut at its {@link #ELEMENT} steps: the fields to the first array of objects, from
         * each of its objects to the next array, ..., from the last array's objects to the leaf (empty
         * for the arrays of a {@code List<double[]>}).
         */
        public List<List<MemberRef>> segments() {
            List<List<MemberRef>> out = new ArrayList<>();
            int from = 0;
            for (int i = 0; i < path.size(); i++) {
                if (path.get(i) == ELEMENT) {
                    out.add(path.subList(from, i));
                    from = i + 1;
                }
            }
            out.add(path.subList(from, path.size()));
            return out;
        }

        /** Whether the step {@code field} of the path is read through its record's accessor. */
        public boolean viaAccessor(MemberRef field) {
            return viaAccessors.contains(field);
        }

        /** The field itself: the last step. */
        public MemberRef field() {
            return path.get(path.size() - 1);
        }

        /**
         * The lowered function's parameter type: the array itself, a one-element array of a scalar,
         * or, per element of an array of objects, an array of the field's values (one per object),
         * of arrays of them for the objects of arrays such objects hold ({@code blocks[].layers[].w}).
         */
        public Type parameterType() {
            int depth = depth();
            return depth == 0 && !isScalar() ? type : Type.getType("[".repeat(Math.max(1, depth)) + type.getDescriptor());
        }

        /** The path in Java, {@code hidden.w}, {@code layers[].b}. */
        public String describe() {
            StringBuilder s = new StringBuilder();
            for (MemberRef f : path) {
                s.append(f == ELEMENT ? "[]" : (s.length() == 0 ? "" : ".") + f.name());
            }
            return s.toString();
        }
    }

    /** The function of the leaves, and the leaves in its parameter order (after the original parameters). */
    public record Lowered(IrFunction function, List<Leaf> leaves) {
    }

    /**
     * @param f the loss, its helpers inlined ({@link ReadableCallees}); its model's lists are lowered
     *     to arrays ({@link ListsMadeHere#lowerHeld}), otherwise not modified
     * @param model the index of the model parameter ({@code this} is 0)
     * @param name the lowered function's name
     * @throws Unsupported if some number of the model is read where Fluxion cannot follow it
     */
    public static Lowered lower(IrFunction f, int model, String name, Function<String, ClassNode> classes) {
        List<Unsupported> problems = new ArrayList<>();
        // the model's lists of objects become arrays of them, each read where its field is; then the
        // lists the objects of those hold (a block's layers), as many levels as there are
        Map<Instruction, String> keptLists = new LinkedHashMap<>();
        Set<Instruction> lowered = new java.util.HashSet<>();
        for (Set<Instruction> reads = listReads(f.params().get(model), classes); !reads.isEmpty();
                reads = listReads(f.params().get(model), classes)) {
            reads.removeAll(lowered);
            reads.removeAll(keptLists.keySet());
            if (reads.isEmpty()) {
                break;
            }
            lowered.addAll(reads);
            keptLists.putAll(ListsMadeHere.lowerHeld(f, reads, classes));
        }
        keptLists.forEach((read, why) -> problems.add(new Unsupported(read.line(), "the gradient with respect to the model "
                + "reads the list " + JavaSyntax.field(read.member()) + ", which it cannot follow: " + why, "Read the model's lists with get, size, "
                        + "isEmpty and for-each loops, in the differentiated method and in helpers Fluxion inlines.")));
        // a record's components the model holds, read through their accessors: reads of the fields
        Set<MemberRef> accessors = accessorsAsFields(f.params().get(model), classes);
        // first pass: which leaves, in order of first read
        Map<List<MemberRef>, Leaf> leaves = new LinkedHashMap<>();
        Map<Value, List<MemberRef>> paths = new java.util.HashMap<>();
        paths.put(f.params().get(model), List.of());
        // along def-use edges from the model, so that no read is missed whatever the blocks' layout
        java.util.ArrayDeque<Value> work = new java.util.ArrayDeque<>(List.of(f.params().get(model)));
        java.util.Set<Value> seen = new java.util.HashSet<>();
        while (!work.isEmpty()) {
            Value v = work.pop();
            if (!seen.add(v)) {
                continue;
            }
            for (Instruction user : List.copyOf(v.users())) {
                if (keptLists.containsKey(user)) {
                    continue; // reported above
                }
                classify(user, v, paths, leaves, problems, classes, accessors);
                if (paths.containsKey(user)) {
                    work.add(user); // a nested object, an array of objects, or an element: its uses next
                }
            }
        }
        if (!problems.isEmpty()) {
            throw Unsupported.all(problems);
        }
        List<Leaf> order = new ArrayList<>(leaves.values());
        StringBuilder desc = new StringBuilder("(");
        for (Param p : f.params()) {
            desc.append(p.type().getDescriptor());
        }
        for (Leaf l : order) {
            desc.append(l.parameterType().getDescriptor());
        }
        desc.append(")").append(f.returnType().getDescriptor());
        // the lowered function: a call of f's body (copied in by the inliner), then its leaf reads replaced
        IrFunction g = new IrFunction(f.owner(), name, desc.toString());
        Block entry = g.newBlock();
        Value[] args = new Value[f.params().size()];
        for (int i = 0; i < args.length; i++) {
            args[i] = g.params().get(i);
        }
        Instruction call = entry.append(new Instruction(Op.INVOKE, Opcodes.INVOKESTATIC, f.returnType(), args)
                .withMember(new MemberRef(f.owner(), f.name(), f.descriptor())));
        Instruction ret = new Instruction(Op.RETURN, f.returnType().getOpcode(Opcodes.IRETURN), Type.VOID_TYPE);
        if (!f.returnType().equals(Type.VOID_TYPE)) {
            ret.addOperand(call);
        }
        entry.terminate(ret);
        Inliner.inlineCall(g, entry, call, f);
        // the same walk over the copy, collecting the leaf reads, then replacing them
        Map<Value, List<MemberRef>> gPaths = new java.util.HashMap<>();
        gPaths.put(g.params().get(model), List.of());
        Map<Instruction, Leaf> leafReads = new LinkedHashMap<>();
        java.util.ArrayDeque<Value> gWork = new java.util.ArrayDeque<>(List.of(g.params().get(model)));
        while (!gWork.isEmpty()) {
            Value v = gWork.pop();
            for (Instruction insn : List.copyOf(v.users())) {
                if (insn.op() == Op.ARRAY_LOAD && insn.operand(0) == v && !gPaths.containsKey(insn)) {
                    gPaths.put(insn, append(gPaths.get(v), ELEMENT)); // layers[i]
                    gWork.add(insn);
                } else if (insn.op() == Op.CHECKCAST && leaves.containsKey(gPaths.get(v))) {
                    leafReads.put(insn, leaves.get(gPaths.get(v))); // an element of a List<double[]>, cast to its type
                } else if ((isElementsOf(insn, v) || insn.op() == Op.CHECKCAST) && !gPaths.containsKey(insn)) {
                    gPaths.put(insn, gPaths.get(v)); // a list's array of elements, or an element cast to its class
                    gWork.add(insn);
                } else if (insn.op() == Op.FIELD_GET && insn.opcode() == Opcodes.GETFIELD && !gPaths.containsKey(insn)
                        && !leafReads.containsKey(insn)) {
                    List<MemberRef> path = append(gPaths.get(v), insn.member());
                    Leaf leaf = leaves.get(path);
                    if (leaf != null) {
                        leafReads.put(insn, leaf);
                    } else if (isModelClass(insn.type()) || isArrayOfModelObjects(insn.type())
                            || ListsMadeHere.isListType(insn.type())) {
                        gPaths.put(insn, path); // a nested object or array of them: its reads are replaced in turn
                        gWork.add(insn);
                    } // else data
                }
            }
        }
        for (Map.Entry<Instruction, Leaf> e : leafReads.entrySet()) {
            Instruction insn = e.getKey();
            Leaf leaf = e.getValue();
            Block b = insn.block();
            Param p = g.params().get(f.params().size() + order.indexOf(leaf));
            if (leaf.isPerElement()) { // layers[i].w, blocks[i].layers[j].w, biases[i] -> leaf[i], leaf[i][j]: the elements' indices
                List<Value> indices = new ArrayList<>();
                for (Value at = insn.operand(0); at instanceof Instruction step; at = step.operand(0)) {
                    if (step.op() == Op.ARRAY_LOAD) { // back through casts, fields and lists' elements to the model
                        indices.add(0, step.operand(1));
                    }
                }
                Value array = p;
                for (int k = 0; k < indices.size(); k++) {
                    Type t = k + 1 < indices.size() ? Type.getType(array.type().getDescriptor().substring(1)) : insn.type();
                    Instruction read = new Instruction(Op.ARRAY_LOAD, t.getOpcode(Opcodes.IALOAD), t, array, indices.get(k))
                            .withLine(insn.line());
                    b.insertBefore(insn, read);
                    array = read;
                }
                insn.replaceAllUsesWith(array);
            } else if (leaf.isScalar()) {
                Instruction read = new Instruction(Op.ARRAY_LOAD, leaf.type().getOpcode(Opcodes.IALOAD), insn.type(), p,
                        Constant.ofInt(0)).withLine(insn.line());
                b.insertBefore(insn, read);
                insn.replaceAllUsesWith(read);
            } else {
                insn.replaceAllUsesWith(p);
            }
            b.remove(insn);
        }
        return new Lowered(g, order);
    }

    /** Records what {@code user} does with {@code v}, a model object: a leaf read, a nested object, data, or a problem. */
    private static void classify(Instruction user, Value v, Map<Value, List<MemberRef>> paths,
            Map<List<MemberRef>, Leaf> leaves, List<Unsupported> problems, Function<String, ClassNode> classes,
            Set<MemberRef> accessors) {
        String owner = JavaSyntax.type(v.type());
        List<MemberRef> at = paths.get(v);
        if (isElementsOf(user, v)) {
            paths.put(user, at); // the model's list as the array of its elements
            return;
        }
        if (user.op() == Op.CHECKCAST && at.contains(ELEMENT) && v.type().equals(OBJECT)) { // an element of a list
            Type t = user.typeOperand();
            if (isEnum(t, classes)) {
                return; // List<Act>: an enum's constants, data
            } else if (isModelClass(t)) {
                paths.put(user, at);
            } else if (Types.isFloatingArray(t) && at.get(at.size() - 1) == ELEMENT) { // List<double[]> biases: biases[]
                leaves.putIfAbsent(at, new Leaf(at, t, false, Set.of()));
            } else {
                problems.add(new Unsupported(user.line(), "the gradient with respect to the model reads an element of the "
                        + "list " + JavaSyntax.field(at.get(at.indexOf(ELEMENT) - 1)) + " as a " + JavaSyntax.type(t)
                        + ": only lists of objects of the user's classes and of floating arrays are differentiated",
                        "Hold the numbers in objects of a class of yours (a Layer with double[] fields), in double[] "
                                + "or double[][] fields, or in a List<double[]>."));
            }
            return;
        }
        if (v.type().getSort() == Type.ARRAY) { // an array of the model's objects: its elements are read, its length
            if (user.op() == Op.ARRAY_LOAD && user.operand(0) == v) {
                paths.put(user, append(at, ELEMENT));
                return;
            }
            if (user.op() == Op.ARRAY_LENGTH) {
                return;
            }
        } else if (user.op() == Op.FIELD_GET && user.opcode() == Opcodes.GETFIELD) {
            List<MemberRef> path = append(at, user.member());
            Type t = Type.getType(user.member().descriptor());
            if (isMarkedData(user.member(), classes) || isEnum(t.getSort() == Type.ARRAY ? t.getElementType() : t, classes)) {
                return; // @NoDerivative, or an enum's constants (Act act, Act[] acts): data, read as they are
            }
            if (isArrayOfModelObjects(t) || ListsMadeHere.isListType(t)) {
                paths.put(user, path); // layers, or a block's layers: its elements' fields are leaves
                return;
            }
            if (Types.isFloating(t) || Types.isFloatingArray(t)) {
                // a final scalar (a record's component, a final field of a layer in a list) is received by a
                // gradient object made, or given its final fields, after
                Set<MemberRef> viaAccessors = new java.util.HashSet<>(path);
                viaAccessors.retainAll(accessors);
                leaves.putIfAbsent(path, new Leaf(path, t, Types.isFloating(t) && isFinal(user.member(), classes),
                        Set.copyOf(viaAccessors)));
            } else if (isModelClass(t)) {
                paths.put(user, path);
            } else if (holdsNumbers(t)) {
                problems.add(new Unsupported(user.line(), "the gradient with respect to " + owner
                        + " reads the field " + JavaSyntax.field(user.member()) + " (" + JavaSyntax.type(t) + "), which "
                        + "may hold numbers (or functions) Fluxion does not differentiate through yet", "Keep the model's "
                                + "numbers in double, double[] or double[][] fields, of the model, of objects it holds in "
                                + "fields, in arrays or in lists, and of the objects those hold the same ways (arrays of "
                                + "arrays of objects, and other collections, are not supported yet: hold a row in an "
                                + "object of its own, a Row with a Cell[]); mark a field that is data @NoDerivative."));
            }
            return;
        }
        if (readsDataComponent(user, v, classes)) {
            return; // term.power(), term.kind(): a record's int, boolean, String or enum component, data
        }
        if (user.op() == Op.INVOKE && user.member().owner().equals("java/util/Objects")
                && user.member().name().equals("requireNonNull") && user.users().isEmpty()) {
            return; // the null check before an inlined method of a nested object
        }
        String what = switch (user.op()) {
            case INVOKE -> "passed to " + JavaSyntax.method(user.member()) + ", which Fluxion does not inline ("
                    + whyNotInlined(user, classes) + ")";
            case FIELD_PUT -> user.operand(0) == v && user.opcode() == Opcodes.PUTFIELD
                    ? "written: its field " + JavaSyntax.field(user.member()) + " is assigned" : "stored in a field";
            case RETURN -> "returned";
            case ARRAY_STORE -> "stored in an array";
            default -> "used by " + user.op().name().toLowerCase();
        };
        problems.add(new Unsupported(user.line(), "the object " + owner + ", whose numbers the gradient is taken with "
                + "respect to, is " + what, "Read the model's fields in the differentiated method and in helpers Fluxion "
                        + "inlines (private, final or static, not recursive); do not write them there."));
    }

    private static final Type OBJECT = Type.getType(Object.class);

    /**
     * Why the call {@code call} stayed a call, as far as the class files tell: the first reason that
     * applies, so that the user knows which to change (most often a method of a class that is not
     * final, left package-private: overridable).
     */
    private static String whyNotInlined(Instruction call, Function<String, ClassNode> classes) {
        MemberRef m = call.member();
        ClassNode owner = classes.apply(m.owner());
        org.objectweb.asm.tree.MethodNode method = owner == null ? null : owner.methods.stream()
                .filter(n -> n.name.equals(m.name()) && n.desc.equals(m.descriptor())).findFirst().orElse(null);
        if (method == null || (method.access & Opcodes.ACC_ABSTRACT) != 0) {
            return method == null ? "its code is not in " + JavaSyntax.type(Type.getObjectType(m.owner()))
                    + " (inherited, or not readable)" : "it is abstract: its code is known only when the call runs";
        }
        boolean fixed = (method.access & (Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_FINAL)) != 0
                || (owner.access & Opcodes.ACC_FINAL) != 0 || m.name().equals("<init>");
        if (call.opcode() != Opcodes.INVOKESPECIAL && !fixed) {
            return "overridable: " + JavaSyntax.type(Type.getObjectType(m.owner())) + " is not final and " + m.name()
                    + " is neither private, static nor final";
        }
        long size = java.util.stream.StreamSupport.stream(method.instructions.spliterator(), false)
                .filter(i -> i.getOpcode() >= 0).count();
        if (size > ReadableCallees.MAX_CALLEE_SIZE) {
            return "larger than " + ReadableCallees.MAX_CALLEE_SIZE + " instructions";
        }
        return "recursive, or more code than Fluxion inlines into one method";
    }

    /**
     * The reads of the model's fields that hold lists ({@code List<Layer> layers}), of the model, of
     * objects it holds in fields, and of the elements of its arrays and of its lists lowered already
     * (a block's {@code List<Layer> layers}): the lists {@link ListsMadeHere#lowerHeld} lowers. Fields marked
     * {@code @NoDerivative} are data, left as they are.
     */
    private static Set<Instruction> listReads(Value model, Function<String, ClassNode> classes) {
        Set<Instruction> lists = new java.util.LinkedHashSet<>();
        java.util.ArrayDeque<Value> work = new java.util.ArrayDeque<>(List.of(model));
        Set<Value> seen = new java.util.HashSet<>();
        while (!work.isEmpty()) {
            Value v = work.pop();
            if (!seen.add(v)) {
                continue;
            }
            for (Instruction user : v.users()) {
                if (user.op() == Op.FIELD_GET && user.opcode() == Opcodes.GETFIELD && ListsMadeHere.isListType(user.type())
                        && !isMarkedData(user.member(), classes)) {
                    lists.add(user);
                }
                if (holdsModelObjects(user, v, classes)) {
                    work.add(user); // nested objects, the elements of arrays and of lists lowered already
                }
            }
        }
        return lists;
    }

    /**
     * Replaces the calls of records' accessors on objects the model holds ({@code params.a()},
     * {@code params.w()}, {@code bump.center().x()} on the records of a list) by reads of their
     * fields, where the accessor is the one the compiler writes (it returns the field) and the
     * component is a number, a floating array or an object of the user's that is not data: from then
     * on they are leaves and nested objects as fields are. Returns the fields so read, whose bridge
     * reads them through their accessors (a record's fields are private to it).
     */
    private static Set<MemberRef> accessorsAsFields(Value model, Function<String, ClassNode> classes) {
        Set<MemberRef> fields = new java.util.HashSet<>();
        java.util.ArrayDeque<Value> work = new java.util.ArrayDeque<>(List.of(model));
        Set<Value> seen = new java.util.HashSet<>();
        while (!work.isEmpty()) {
            Value v = work.pop();
            if (!seen.add(v)) {
                continue;
            }
            for (Instruction user : List.copyOf(v.users())) {
                if (holdsModelObjects(user, v, classes)) {
                    work.add(user); // a nested object, an array or a list of them, an element
                    continue;
                }
                MemberRef field = user.op() == Op.INVOKE && user.opcode() == Opcodes.INVOKEVIRTUAL
                        && user.operand(0) == v && user.operands().size() == 1 ? componentRead(user.member(), classes) : null;
                if (field != null && !isMarkedData(field, classes)) {
                    Instruction read = new Instruction(Op.FIELD_GET, Opcodes.GETFIELD, user.type(), v).withMember(field)
                            .withLine(user.line());
                    user.block().insertBefore(user, read);
                    user.replaceAllUsesWith(read);
                    user.block().remove(user);
                    fields.add(field);
                    if (isModelClass(read.type())) {
                        work.add(read); // a record holding a record: its accessors next
                    }
                }
            }
        }
        return fields;
    }

    /**
     * Whether {@code user} of {@code v}, a model object, an array of them or the array of a list's
     * elements, is again one whose numbers are the model's: a field holding an object of the user's,
     * an array or a list of them (not data), a list's elements, an element, or an element cast to
     * its class.
     */
    private static boolean holdsModelObjects(Instruction user, Value v, Function<String, ClassNode> classes) {
        return switch (user.op()) {
            case FIELD_GET -> user.opcode() == Opcodes.GETFIELD && !isMarkedData(user.member(), classes)
                    && !isEnum(user.type().getSort() == Type.ARRAY ? user.type().getElementType() : user.type(), classes)
                    && (isModelClass(user.type()) || isArrayOfModelObjects(user.type()) || ListsMadeHere.isListType(user.type()));
            case ARRAY_LOAD -> user.operand(0) == v && user.type().getSort() == Type.OBJECT;
            case CHECKCAST -> isModelClass(user.typeOperand()) && !isEnum(user.typeOperand(), classes);
            case INVOKE -> isElementsOf(user, v);
            default -> false;
        };
    }

    /**
     * The field a call of {@code method} reads, if it is a record's accessor as the compiler writes it
     * ({@code aload 0; getfield; return}) of a number, a floating array or an object of the user's
     * classes; else {@code null}.
     */
    private static MemberRef componentRead(MemberRef method, Function<String, ClassNode> classes) {
        Type result = Type.getReturnType(method.descriptor());
        if (!(Types.isFloating(result) || Types.isFloatingArray(result) || isModelClass(result) && !isEnum(result, classes))) {
            return null;
        }
        return accessedComponent(method, classes);
    }

    /**
     * Whether {@code user} reads, from {@code v}, a record the model holds, a component that is data
     * through its accessor as the compiler writes it: an {@code int}, {@code long}, {@code boolean},
     * {@code char}, an array of those, a {@code String} or an enum's constant. The call stays; what it returns is a
     * constant of the derivative, as the model's {@code int} fields are.
     */
    private static boolean readsDataComponent(Instruction user, Value v, Function<String, ClassNode> classes) {
        if (user.op() != Op.INVOKE || user.opcode() != Opcodes.INVOKEVIRTUAL || user.operands().size() != 1
                || user.operand(0) != v) {
            return false;
        }
        Type result = Type.getReturnType(user.member().descriptor());
        boolean data = switch (result.getSort()) {
            case Type.BOOLEAN, Type.CHAR, Type.BYTE, Type.SHORT, Type.INT, Type.LONG -> true;
            case Type.OBJECT -> result.getInternalName().equals("java/lang/String") || isEnum(result, classes);
            case Type.ARRAY -> !holdsNumbers(result) && !Types.isFloatingArray(result); // int[] sizes
            default -> false;
        };
        return data && accessedComponent(user.member(), classes) != null;
    }

    /** Whether {@code t} is an enum's class: its constants are data, shared, never differentiated through. */
    private static boolean isEnum(Type t, Function<String, ClassNode> classes) {
        if (t.getSort() != Type.OBJECT || !isModelClass(t)) {
            return false;
        }
        ClassNode c = classes.apply(t.getInternalName());
        return c != null && (c.access & Opcodes.ACC_ENUM) != 0;
    }

    /**
     * The field a call of {@code method} reads, if it is a record's accessor as the compiler writes it
     * ({@code aload 0; getfield; return}); else {@code null}.
     */
    private static MemberRef accessedComponent(MemberRef method, Function<String, ClassNode> classes) {
        Type result = Type.getReturnType(method.descriptor());
        ClassNode c = classes.apply(method.owner());
        if (c == null || (c.access & Opcodes.ACC_RECORD) == 0 || !method.descriptor().startsWith("()")) {
            return null;
        }
        MemberRef field = new MemberRef(c.name, method.name(), result.getDescriptor());
        boolean component = c.fields.stream().anyMatch(n -> n.name.equals(field.name()) && n.desc.equals(field.descriptor())
                && (n.access & Opcodes.ACC_STATIC) == 0);
        org.objectweb.asm.tree.MethodNode accessor = c.methods.stream()
                .filter(n -> n.name.equals(method.name()) && n.desc.equals(method.descriptor())).findFirst().orElse(null);
        if (!component || accessor == null) {
            return null;
        }
        List<org.objectweb.asm.tree.AbstractInsnNode> code = new ArrayList<>();
        for (org.objectweb.asm.tree.AbstractInsnNode insn : accessor.instructions) {
            if (insn.getOpcode() >= 0) {
                code.add(insn);
            }
        }
        boolean canonical = code.size() == 3 && code.get(0) instanceof org.objectweb.asm.tree.VarInsnNode load
                && load.getOpcode() == Opcodes.ALOAD && load.var == 0
                && code.get(1) instanceof org.objectweb.asm.tree.FieldInsnNode get && get.getOpcode() == Opcodes.GETFIELD
                && get.owner.equals(c.name) && get.name.equals(field.name()) && code.get(2).getOpcode() == result.getOpcode(
                        Opcodes.IRETURN);
        return canonical ? field : null;
    }

    /** Whether {@code insn} is {@code Models.elements(v)}: a model's list, lowered to the array of its elements. */
    private static boolean isElementsOf(Instruction insn, Value v) {
        return insn.op() == Op.INVOKE && insn.operands().size() == 1 && insn.operand(0) == v
                && insn.member().owner().equals(ListsMadeHere.MODEL_SUPPORT) && insn.member().name().equals("elements");
    }

    /** Whether the field carries {@code @dev.fluxion.NoDerivative}: data the gradient leaves alone. */
    private static boolean isMarkedData(MemberRef field, Function<String, ClassNode> classes) {
        ClassNode c = classes.apply(field.owner());
        return c != null && c.fields != null && c.fields.stream().filter(n -> n.name.equals(field.name()))
                .anyMatch(n -> n.visibleAnnotations != null && n.visibleAnnotations.stream()
                        .anyMatch(a -> a.desc.equals("Ldev/fluxion/NoDerivative;")));
    }

    private static boolean isFinal(MemberRef field, Function<String, ClassNode> classes) {
        ClassNode c = classes.apply(field.owner());
        if (c == null) {
            return true; // cannot tell: cannot write it either
        }
        return c.fields.stream().filter(n -> n.name.equals(field.name())).anyMatch(n -> (n.access & Opcodes.ACC_FINAL) != 0)
                || (c.access & Opcodes.ACC_RECORD) != 0;
    }

    private static List<MemberRef> append(List<MemberRef> path, MemberRef field) {
        List<MemberRef> out = new ArrayList<>(path);
        out.add(field);
        return List.copyOf(out);
    }

    /** An array of the user's objects, {@code Layer[]}. */
    static boolean isArrayOfModelObjects(Type t) {
        return t.getSort() == Type.ARRAY && t.getDimensions() == 1 && isModelClass(t.getElementType());
    }

    /** A class of the user's that may hold numbers: not the JDK's, not an array. */
    public static boolean isModelClass(Type t) {
        if (t.getSort() != Type.OBJECT) {
            return false;
        }
        String n = t.getInternalName();
        return !n.startsWith("java/") && !n.startsWith("javax/") && !n.startsWith("jdk/") && !n.startsWith("kotlin/");
    }

    /** Whether a field of this type may hold numbers the loss depends on: anything but primitives, strings, int arrays and the like. */
    private static boolean holdsNumbers(Type t) {
        return switch (t.getSort()) {
            case Type.BOOLEAN, Type.CHAR, Type.BYTE, Type.SHORT, Type.INT, Type.LONG -> false;
            case Type.ARRAY -> t.getElementType().getSort() == Type.OBJECT;
            case Type.OBJECT -> !t.getInternalName().equals("java/lang/String");
            default -> true;
        };
    }
}
