package dev.fluxion.transformer.frontend;

import dev.fluxion.transformer.diagnostics.JavaSyntax;
import dev.fluxion.transformer.ir.Block;
import dev.fluxion.transformer.ir.Constant;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.IrFunction;
import dev.fluxion.transformer.ir.MemberRef;
import dev.fluxion.transformer.ir.Op;
import dev.fluxion.transformer.ir.Types;
import dev.fluxion.transformer.ir.Value;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.FieldNode;

/**
 * Arrays of objects created in the method ({@code Particle[] ps = new Particle[n]; ps[i] = new
 * Particle(..); ps[i].v += f / ps[i].m * dt;}) become an array per field ({@code double[] ps$x,
 * ps$v, ps$m}): the array of structures becomes a structure of arrays. A store of a new object
 * into the array copies its fields into their arrays; a field of an element, read or written,
 * is that field's array at the element's index. What is differentiated is then array code, which
 * Fluxion reverses with its shadow arrays and tapes, and which the JIT vectorises better than the
 * objects.
 *
 * <p>Sound because the array holds only objects made here, each stored once and not used after it
 * is stored (so an object is its element), and because nothing else sees the array or its elements:
 * an element is only read from or written to, the array only indexed and measured. Anything else
 * (passing the array or an element to a call that was not inlined, storing either elsewhere,
 * comparing elements by reference, a variable that holds elements of two arrays) keeps the objects,
 * and the checks report them as before. One difference remains: an element never assigned reads
 * as zeros, where reading the object's field would throw a {@code NullPointerException}.
 */
final class ObjectArrays {
    private static final MemberRef NONE_ASSIGNED = new MemberRef("dev/fluxion/internal/Dispatch", "noneAssigned", "()V");
    private static final MemberRef CAST = new MemberRef("dev/fluxion/internal/Dispatch", "cast", "(II)V");

    private ObjectArrays() {
    }

    /**
     * Replaces each array of objects made here, of classes {@code isObject} accepts, by one array
     * per number of each class (and, for objects of several classes, an array of their class
     * numbers); {@code fields} lists a class's instance fields.
     *
     * @throws ValueObjects.Abandon if such an array, or an object in it, is used in another way
     */
    static void replace(IrFunction f, Predicate<Type> isObject, Predicate<Type> isValue,
            Function<String, List<FieldNode>> fields) {
        List<Instruction> arrays = new ArrayList<>();
        for (Block b : f.blocks()) {
            for (Instruction insn : b.body()) {
                if (insn.op() == Op.NEW_ARRAY && insn.operands().size() == 1 && insn.type().getDimensions() == 1
                        && insn.type().getElementType().getSort() == Type.OBJECT) {
                    arrays.add(insn);
                }
            }
        }
        for (Instruction array : arrays) {
            List<String> classes = classesMadeHere(array);
            boolean ofObjects = isObject.test(array.type().getElementType());
            boolean allObjects = !classes.isEmpty()
                    && classes.stream().allMatch(c -> isObject.test(Type.getObjectType(c)));
            if (classes.isEmpty() || !ofObjects && !allObjects) {
                continue; // data from outside, or objects that hold no numbers (dispatched by TypeSwitch as they are)
            }
            check(f, array, classes, isObject, isValue, fields);
            new Split(array, classes, isValue, fields).run();
        }
    }

    /** The classes of the objects made here that are stored into {@code array}, in order of first store. */
    private static List<String> classesMadeHere(Instruction array) {
        java.util.LinkedHashSet<String> classes = new java.util.LinkedHashSet<>();
        for (Instruction user : array.users()) {
            if (user.op() == Op.ARRAY_STORE && user.operand(0) == array && user.operand(2) instanceof Instruction stored
                    && stored.op() == Op.NEW_OBJECT) {
                classes.add(stored.type().getInternalName());
            }
        }
        return new ArrayList<>(classes);
    }

    /**
     * The classes of the objects in {@code array}, in order of first store, if it is an array made
     * here that holds only objects made here and is only indexed, measured and stored into; else
     * {@code null}. Then a method called on an element is one of these classes' ({@link TypeSwitch}).
     */
    static List<String> classesHeld(Value array) {
        if (!(array instanceof Instruction a) || a.op() != Op.NEW_ARRAY || a.operands().size() != 1) {
            return null;
        }
        java.util.LinkedHashSet<String> classes = new java.util.LinkedHashSet<>();
        for (Instruction user : a.users()) {
            switch (user.op()) {
                case ARRAY_LOAD, ARRAY_LENGTH -> {
                }
                case INVOKE -> { // the cursor of a list (ListsMadeHere), which only reads, not inlined yet
                    if (!user.member().owner().equals(JdkModels.MODELS)) {
                        return null;
                    }
                }
                case ARRAY_STORE -> {
                    if (user.operand(0) != a || !(user.operand(2) instanceof Instruction o) || o.op() != Op.NEW_OBJECT) {
                        return null;
                    }
                    classes.add(o.type().getInternalName());
                }
                default -> {
                    return null;
                }
            }
        }
        return new ArrayList<>(classes);
    }

    /** The one class of the objects in {@code array} ({@link #classesHeld}), or {@code null}. */
    static String elementClass(Value array) {
        List<String> classes = classesHeld(array);
        return classes != null && classes.size() == 1 ? classes.get(0) : null;
    }

    private static void check(IrFunction f, Instruction array, List<String> classes, Predicate<Type> isObject,
            Predicate<Type> isValue, Function<String, List<FieldNode>> fieldsOf) {
        String what = "an array of " + JavaSyntax.type(array.type().getElementType());
        for (String c : classes) {
            if (!isObject.test(Type.getObjectType(c))) {
                throw new ValueObjects.Abandon(what + " holds objects of " + JavaSyntax.type(Type.getObjectType(c))
                        + ", whose fields are not all numbers");
            }
            checkFields(what, fieldsOf.apply(c), isValue, fieldsOf, 0);
        }
        for (Instruction user : array.users()) {
            switch (user.op()) {
                case ARRAY_LENGTH -> {
                }
                case ARRAY_LOAD -> {
                    checkElement(user, classes, what);
                    checkNotOverwritten(array, user, what);
                }
                case ARRAY_STORE -> {
                    if (user.operand(0) != array || user.operand(2) == array) {
                        throw new ValueObjects.Abandon(what + " is stored in an array");
                    }
                    checkStored(f, user, what);
                }
                default -> throw new ValueObjects.Abandon(what + ": " + ValueObjects.describeUse(user));
            }
        }
    }

    /** Every field, through value objects, is a number or an array of numbers. */
    private static void checkFields(String what, List<FieldNode> fields, Predicate<Type> isValue,
            Function<String, List<FieldNode>> fieldsOf, int depth) {
        for (FieldNode field : fields) {
            Type t = Type.getType(field.desc);
            if (t.getSort() == Type.OBJECT && isValue.test(t) && depth < 4) {
                checkFields(what, fieldsOf.apply(t.getInternalName()), isValue, fieldsOf, depth + 1);
            } else if (t.getSort() == Type.OBJECT || t.getSort() == Type.ARRAY && t.getElementType().getSort() == Type.OBJECT) {
                throw new ValueObjects.Abandon(what + " whose field " + field.name + " holds objects");
            }
        }
    }

    /**
     * An element read from the array is only read and written through, checked for null (see
     * {@link #isNullCheck}), tested for its class ({@code Dispatch.isClass}, from {@link TypeSwitch})
     * and cast to one of the classes, the cast only read and written through.
     */
    private static void checkElement(Instruction element, List<String> classes, String what) {
        for (Instruction user : element.users()) {
            boolean fine = isFieldAccess(user, element) || isNullCheck(user) || isClassTest(user, element, classes)
                    || user.op() == Op.INVOKE && user.member().equals(TypeSwitch.NONE) && user.operand(0) == element
                    || user.op() == Op.CHECKCAST && classes.contains(user.typeOperand().getInternalName())
                            && user.users().stream().allMatch(u -> isFieldAccess(u, user) || isNullCheck(u));
            if (!fine) {
                throw new ValueObjects.Abandon("an element of " + what + ": " + ValueObjects.describeUse(user));
            }
        }
    }

    /**
     * No store into the array runs between reading an element and a use of it: the element is then
     * the object in its slot wherever it is used, as the fields' arrays, read at each use, assume.
     */
    private static void checkNotOverwritten(Instruction array, Instruction element, String what) {
        Set<Instruction> uses = new HashSet<>();
        for (Instruction u : element.users()) {
            uses.add(u);
            if (u.op() == Op.CHECKCAST) {
                uses.addAll(u.users());
            }
        }
        for (Instruction store : array.users()) {
            if (store.op() == Op.ARRAY_STORE && mayRunAfter(store, uses, element)) {
                throw new ValueObjects.Abandon("an element of " + what + " is used after its slot may be given another "
                        + "object");
            }
        }
    }

    private static boolean isFieldAccess(Instruction user, Instruction object) {
        return user.op() == Op.FIELD_GET && user.operands().size() == 1
                || user.op() == Op.FIELD_PUT && user.operands().size() == 2 && user.operand(0) == object
                        && user.operand(1) != object;
    }

    /** {@code Dispatch.isClass(element, C.class)} for one of the array's classes. */
    private static boolean isClassTest(Instruction user, Instruction element, List<String> classes) {
        return user.op() == Op.INVOKE && user.member().equals(TypeSwitch.IS_CLASS) && user.operand(0) == element
                && user.operand(1) instanceof Constant c && c.value() instanceof Type t
                && classes.contains(t.getInternalName());
    }

    /**
     * {@code Objects.requireNonNull(element)}, whose result is unused: what {@link ReadableCallees}
     * puts before the body of a method it inlines. Every element of an array split here is an object
     * made here, except one never assigned, whose fields read as zeros (where the objects would
     * throw a {@code NullPointerException}).
     */
    private static boolean isNullCheck(Instruction user) {
        return user.op() == Op.INVOKE && user.member().owner().equals("java/util/Objects")
                && user.member().name().equals("requireNonNull") && user.operands().size() == 1 && user.users().isEmpty();
    }

    /**
     * What is stored is a new object of the element class, stored nowhere else and not used once
     * stored: from then on, the element is the object.
     */
    private static void checkStored(IrFunction f, Instruction store, String what) {
        if (!(store.operand(2) instanceof Instruction object) || object.op() != Op.NEW_OBJECT) {
            throw new ValueObjects.Abandon(what + " holds objects made elsewhere");
        }
        for (Instruction user : object.users()) {
            if (user != store && !isFieldAccess(user, object)) {
                throw new ValueObjects.Abandon("an object stored in " + what + ": " + ValueObjects.describeUse(user));
            }
        }
        // a use through the variable after the store, or the store again: one object in two places
        if (mayRunAfter(store, new HashSet<>(object.users()), object)) {
            throw new ValueObjects.Abandon("an object stored in " + what + " is used through another variable too");
        }
    }

    /**
     * Whether one of {@code targets} may run after {@code from}, before {@code definition} runs again
     * (a value defined in a loop is a new value each time round).
     */
    private static boolean mayRunAfter(Instruction from, Set<Instruction> targets, Instruction definition) {
        Block start = from.block();
        List<Instruction> all = start.instructions();
        for (Instruction insn : all.subList(all.indexOf(from) + 1, all.size())) {
            if (insn == definition) {
                return false;
            }
            if (targets.contains(insn)) {
                return true;
            }
        }
        Set<Block> seen = new HashSet<>();
        ArrayDeque<Block> work = new ArrayDeque<>(start.successors());
        while (!work.isEmpty()) {
            Block b = work.poll();
            if (!seen.add(b)) {
                continue;
            }
            boolean redefined = false;
            for (Instruction insn : b.instructions()) {
                if (insn == definition) {
                    redefined = true;
                    break;
                }
                if (targets.contains(insn)) {
                    return true;
                }
            }
            if (!redefined) {
                work.addAll(b.successors());
            }
        }
        return false;
    }

    /**
     * Rewrites an array, whose uses {@link #check} accepted, into an array per number of its
     * objects: per class and field, and through a field that holds a value object ({@code Vec3 pos}),
     * per field of that ({@code pos.x}, {@code pos.y}, {@code pos.z}). Reading such a field makes the
     * value object anew from its arrays (a copy is the same value), which {@link ValueObjects} then
     * replaces by its numbers; writing it stores its numbers. Objects of several classes also get an
     * {@code int} array of their class numbers (1, 2, ...; 0 where none was stored), which the class
     * tests of {@link TypeSwitch} then compare.
     */
    private static final class Split {
        private final Instruction array;
        private final List<String> classes;
        private final Predicate<Type> isValue;
        private final Function<String, List<FieldNode>> fields;
        /** The array of each number, by class and path of field names ({@code Ball#pos.x}). */
        private final Map<String, Instruction> byPath = new LinkedHashMap<>();
        /** The class numbers, if the objects are of several classes. */
        private Instruction tags;

        Split(Instruction array, List<String> classes, Predicate<Type> isValue, Function<String, List<FieldNode>> fields) {
            this.array = array;
            this.classes = classes;
            this.isValue = isValue;
            this.fields = fields;
        }

        void run() {
            Instruction[] after = {array};
            java.util.function.BiConsumer<String, Type> newArray = (key, arrayType) -> {
                int opcode = arrayType.getElementType().getSort() == Type.OBJECT || arrayType.getDimensions() > 1
                        ? Opcodes.ANEWARRAY : Opcodes.NEWARRAY;
                Instruction split = new Instruction(Op.NEW_ARRAY, opcode, arrayType, array.operand(0)).withLine(array.line());
                insertAfter(array.block(), after[0], split);
                after[0] = split;
                byPath.put(key, split);
            };
            if (classes.size() > 1) {
                newArray.accept("#class", Type.getType("[I"));
                tags = byPath.get("#class");
            }
            for (String c : classes) {
                forEachNumber(Type.getObjectType(c), "", (path, desc) -> newArray.accept(c + "#" + path,
                        Type.getType("[" + desc)));
            }
            for (Instruction user : List.copyOf(array.users())) {
                Block b = user.block();
                switch (user.op()) {
                    case ARRAY_LENGTH -> {
                        user.replaceAllUsesWith(array.operand(0));
                        b.remove(user);
                    }
                    case ARRAY_LOAD -> {
                        Value index = user.operand(1);
                        for (Instruction use : List.copyOf(user.users())) {
                            if (use.op() == Op.CHECKCAST) {
                                if (tags != null) { // the cast's own check, on the class numbers
                                    castCheck(use, index);
                                }
                                for (Instruction access : List.copyOf(use.users())) {
                                    rewrite(access, index);
                                }
                            } else {
                                rewrite(use, index);
                            }
                            use.block().remove(use);
                        }
                        b.remove(user);
                    }
                    case ARRAY_STORE -> {
                        Value index = user.operand(1);
                        Instruction object = (Instruction) user.operand(2);
                        String c = object.type().getInternalName();
                        if (tags != null) {
                            b.insertBefore(user, new Instruction(Op.ARRAY_STORE, Opcodes.IASTORE, Type.VOID_TYPE, tags, index,
                                    Constant.ofInt(classes.indexOf(c) + 1)).withLine(user.line()));
                        }
                        store(user, object, c, object.type(), "", index);
                        b.remove(user);
                    }
                    default -> throw new IllegalStateException("checked: " + user.op());
                }
            }
            array.block().remove(array);
        }

        /**
         * A use of the element at {@code index} (or of its cast): a field read or written, a class
         * test, the throw past the last class test, a null check.
         */
        private void rewrite(Instruction use, Value index) {
            if (use.op() == Op.INVOKE && use.member().equals(TypeSwitch.IS_CLASS)) {
                String c = ((Type) ((Constant) use.operand(1)).value()).getInternalName();
                Value is;
                if (tags == null) { // one class: the test is a constant
                    is = Constant.ofInt(classes.get(0).equals(c) ? 1 : 0);
                } else {
                    Instruction test = new Instruction(Op.INVOKE, Opcodes.INVOKESTATIC, Type.INT_TYPE, tag(use, index),
                            Constant.ofInt(classes.indexOf(c) + 1)).withMember(TypeSwitch.IS).withLine(use.line());
                    use.block().insertBefore(use, test);
                    is = test;
                }
                use.replaceAllUsesWith(is);
            } else if (use.op() == Op.INVOKE && use.member().equals(TypeSwitch.NONE)) {
                use.block().insertBefore(use, new Instruction(Op.INVOKE, Opcodes.INVOKESTATIC, Type.VOID_TYPE)
                        .withMember(NONE_ASSIGNED).withLine(use.line()));
            } else if (use.op() == Op.FIELD_GET || use.op() == Op.FIELD_PUT) {
                String c = use.member().owner();
                String path = use.member().name();
                Type t = Type.getType(use.member().descriptor());
                if (use.op() == Op.FIELD_GET) {
                    use.replaceAllUsesWith(load(use, c, t, path, index));
                } else {
                    store(use, use.operand(1), c, t, path, index);
                }
            }
            if (use.op() != Op.CHECKCAST) {
                use.block().remove(use); // null checks go: an element is an object made here
            }
        }

        /** The class number of the element at {@code index}, read before {@code at}. */
        private Instruction tag(Instruction at, Value index) {
            Instruction tag = new Instruction(Op.ARRAY_LOAD, Opcodes.IALOAD, Type.INT_TYPE, tags, index).withLine(at.line());
            at.block().insertBefore(at, tag);
            return tag;
        }

        /** Before a cast of the element at {@code index}: what {@code checkcast} checks, on its class number. */
        private void castCheck(Instruction cast, Value index) {
            String c = cast.typeOperand().getInternalName();
            cast.block().insertBefore(cast, new Instruction(Op.INVOKE, Opcodes.INVOKESTATIC, Type.VOID_TYPE, tag(cast, index),
                    Constant.ofInt(classes.indexOf(c) + 1)).withMember(CAST).withLine(cast.line()));
        }

        /** The number or value object at {@code path} of the element (of class {@code c}) at {@code index}, read before {@code at}. */
        private Value load(Instruction at, String c, Type t, String path, Value index) {
            if (t.getSort() != Type.OBJECT) {
                Instruction load = new Instruction(Op.ARRAY_LOAD, t.getOpcode(Opcodes.IALOAD), Types.computational(t),
                        byPath.get(c + "#" + path), index).withLine(at.line());
                at.block().insertBefore(at, load);
                return load;
            }
            Instruction made = new Instruction(Op.NEW_OBJECT, Opcodes.NEW, t).withTypeOperand(t).withLine(at.line());
            at.block().insertBefore(at, made);
            for (FieldNode field : fields.apply(t.getInternalName())) {
                Type ft = Type.getType(field.desc);
                Value v = load(at, c, ft, path + "." + field.name, index);
                at.block().insertBefore(at, new Instruction(Op.FIELD_PUT, Opcodes.PUTFIELD, Type.VOID_TYPE, made, v)
                        .withMember(new MemberRef(t.getInternalName(), field.name, field.desc)).withLine(at.line()));
            }
            return made;
        }

        /** Stores {@code value}, of type {@code t}, as the numbers at {@code path} of the element (of class {@code c}) at {@code index}. */
        private void store(Instruction at, Value value, String c, Type t, String path, Value index) {
            if (t.getSort() != Type.OBJECT) {
                at.block().insertBefore(at, new Instruction(Op.ARRAY_STORE, t.getOpcode(Opcodes.IASTORE), Type.VOID_TYPE,
                        byPath.get(c + "#" + path), index, value).withLine(at.line()));
                return;
            }
            for (FieldNode field : fields.apply(t.getInternalName())) { // the element itself (path ""), or a value object
                Type ft = Type.getType(field.desc);
                Instruction read = new Instruction(Op.FIELD_GET, Opcodes.GETFIELD, Types.computational(ft), value)
                        .withMember(new MemberRef(t.getInternalName(), field.name, field.desc)).withLine(at.line());
                at.block().insertBefore(at, read);
                store(at, read, c, ft, path.isEmpty() ? field.name : path + "." + field.name, index);
            }
        }

        /** Calls {@code action} with the path and descriptor of every number of an object of class {@code t}. */
        private void forEachNumber(Type t, String prefix, java.util.function.BiConsumer<String, String> action) {
            for (FieldNode field : fields.apply(t.getInternalName())) {
                Type ft = Type.getType(field.desc);
                String path = prefix.isEmpty() ? field.name : prefix + "." + field.name;
                if (ft.getSort() == Type.OBJECT) {
                    forEachNumber(ft, path, action);
                } else {
                    action.accept(path, field.desc);
                }
            }
        }
    }

    private static void insertAfter(Block b, Instruction anchor, Instruction insn) {
        int at = b.body().indexOf(anchor);
        if (at + 1 < b.body().size()) {
            b.insertBefore(b.body().get(at + 1), insn);
        } else {
            b.append(insn);
        }
    }
}
