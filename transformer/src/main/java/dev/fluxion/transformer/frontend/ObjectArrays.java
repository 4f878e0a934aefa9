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
import java.util.HashMap;
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
 * an element is only read from or written to, the array only indexed, measured and sorted (a sort
 * by a key, {@link SortKeys}, moves every array of numbers by the order found: the objects move
 * together, and an element read before the sort may not be used after it). Anything else
 * (passing the array or an element to a call that was not inlined, storing either elsewhere,
 * comparing elements by reference, a variable that holds elements of two arrays) keeps the objects,
 * and the checks report them as before. One difference remains: an element never assigned reads
 * as zeros, where reading the object's field would throw a {@code NullPointerException}.
 */
final class ObjectArrays {
    private static final MemberRef NONE_ASSIGNED = new MemberRef("dev/fluxion/internal/Dispatch", "noneAssigned", "()V");
    private static final MemberRef CAST = new MemberRef("dev/fluxion/internal/Dispatch", "cast", "(II)V");
    /** The key of the class numbers among the arrays of objects of several classes. */
    private static final String TAGS = "#class";
    /** Why an element read before a sort may not be used after it. */
    static final String SORTED = "the objects were sorted (its slot may hold another object now): read the element, or "
            + "find it, after sorting";
    /** What the diagnostics call an array that a list made here became. */
    private static final String LIST = "a list";

    private ObjectArrays() {
    }

    /**
     * Replaces each array of objects made here, of classes {@code isObject} accepts, by one array
     * per number of each class (and, for objects of several classes, an array of their class
     * numbers); {@code fields} lists a class's instance fields, {@code code} gives the runtime's
     * classes, whose {@code JdkModels.permute} moves each array of numbers where the objects are sorted.
     *
     * @throws ValueObjects.Abandon if such an array, or an object in it, is used in another way
     */
    static void replace(IrFunction f, Predicate<Type> isObject, Predicate<Type> isValue,
            Function<String, List<FieldNode>> fields, Function<String, org.objectweb.asm.tree.ClassNode> code) {
        List<Instruction> moves = new ArrayList<>();
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
            if (dev.fluxion.transformer.analysis.SideChannels.isShownArray(array)) {
                continue; // a printf's arguments: boxes in it are boxed again there (ValueObjects), records keep their objects
            }
            List<Instruction> versions = ArrayVersions.of(array);
            List<String> classes = classesMadeHere(versions == null ? List.of(array) : versions);
            boolean ofObjects = isObject.test(array.type().getElementType());
            boolean allObjects = !classes.isEmpty()
                    && classes.stream().allMatch(c -> isObject.test(Type.getObjectType(c)));
            if (classes.isEmpty() || !ofObjects && !allObjects) {
                continue; // data from outside, or objects that hold no numbers (dispatched by TypeSwitch as they are)
            }
            if (versions == null) {
                throw new ValueObjects.Abandon(describe(array) + " is held by a variable that may hold another array too");
            }
            ChosenElements chosen = check(f, array, versions, classes, isObject, isValue, fields);
            new Split(array, versions, classes, isValue, fields, chosen, moves).run();
        }
        for (Instruction move : moves) {
            inlineMove(f, move, code);
        }
    }

    /**
     * Inlines {@code JdkModels.permute(numbers, order)}, the move of one array of numbers of sorted
     * objects: plain array code from then on, differentiated as the sort of a {@code double[]} is.
     */
    private static void inlineMove(IrFunction f, Instruction move, Function<String, org.objectweb.asm.tree.ClassNode> classes) {
        org.objectweb.asm.tree.ClassNode models = classes.apply(JdkModels.MODELS);
        org.objectweb.asm.tree.MethodNode code = models == null ? null : models.methods.stream()
                .filter(m -> m.name.equals(move.member().name()) && m.desc.equals(move.member().descriptor()))
                .findFirst().orElse(null);
        if (code == null) {
            throw new ValueObjects.Abandon("the runtime's " + JavaSyntax.method(move.member()) + " was not found");
        }
        IrFunction body = BytecodeParser.parse(models.name, code);
        for (Block b : body.blocks()) {
            for (Instruction insn : b.instructions()) {
                insn.withLine(move.line());
            }
        }
        Inliner.inlineCall(f, move.block(), move, body);
    }

    /** In a user's words: a list's array is the list ({@link ListsMadeHere} makes it an array of {@code Object}). */
    private static String describe(Instruction array) {
        Type element = array.type().getElementType();
        if (LocalObjects.CHOICES.equals(array.member())) {
            return "the objects of " + JavaSyntax.type(element) + " a variable may be one of";
        }
        return element.getInternalName().equals("java/lang/Object") ? LIST : "an array of " + JavaSyntax.type(element);
    }

    /** The classes of the objects made here that are stored into the versions of an array, in order of first store. */
    private static List<String> classesMadeHere(List<Instruction> versions) {
        java.util.LinkedHashSet<String> classes = new java.util.LinkedHashSet<>();
        for (Instruction array : versions) {
            for (Instruction user : array.users()) {
                if (user.op() == Op.ARRAY_STORE && user.operand(0) == array && user.operand(2) instanceof Instruction stored
                        && stored.op() == Op.NEW_OBJECT) {
                    classes.add(stored.type().getInternalName());
                }
            }
        }
        return new ArrayList<>(classes);
    }

    /**
     * The classes of the objects in {@code array}, in order of first store, if it is a version of an
     * array made here ({@link ArrayVersions}) that holds only objects made here and is only indexed,
     * measured and stored into; else {@code null}. Then a method called on an element is one of these classes' ({@link TypeSwitch}).
     */
    static List<String> classesHeld(Value array) {
        Instruction made = ArrayVersions.madeHere(array);
        List<Instruction> versions = made == null || made.operands().size() != 1 ? null : ArrayVersions.of(made);
        if (versions == null || !versions.contains(array)) {
            return null;
        }
        java.util.LinkedHashSet<String> classes = new java.util.LinkedHashSet<>();
        for (Instruction a : versions) {
            for (Instruction user : a.users()) {
                if (versions.contains(user)) {
                    continue;
                }
                switch (user.op()) {
                    case ARRAY_LOAD, ARRAY_LENGTH -> {
                    }
                    case ARRAY_STORE -> {
                        if (user.operand(0) != a || !(user.operand(2) instanceof Instruction o) || o.op() != Op.NEW_OBJECT) {
                            return null;
                        }
                        classes.add(o.type().getInternalName());
                    }
                    case INVOKE -> {
                        if (!SortKeys.isPermute(user, a)) {
                            return null;
                        }
                    }
                    default -> {
                        return null;
                    }
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

    /** Checks the array's uses; returns the variables that choose among its elements ({@link ChosenElements}). */
    private static ChosenElements check(IrFunction f, Instruction array, List<Instruction> versions, List<String> classes,
            Predicate<Type> isObject, Predicate<Type> isValue, Function<String, List<FieldNode>> fieldsOf) {
        String what = describe(array);
        for (String c : classes) {
            if (!isObject.test(Type.getObjectType(c))) {
                throw new ValueObjects.Abandon(what + " holds objects of " + JavaSyntax.type(Type.getObjectType(c))
                        + ", whose fields are not all numbers");
            }
            checkFields(what, fieldsOf.apply(c), isValue, fieldsOf, 0);
        }
        ChosenElements chosen = ChosenElements.of(f, versions, classes, what);
        for (Instruction version : versions) {
            for (Instruction user : version.users()) {
                if (versions.contains(user)) {
                    if (ArrayVersions.isCopy(user)) {
                        checkNotUsedAfterCopy(version, user, what);
                    }
                    continue;
                }
                switch (user.op()) {
                    case ARRAY_LENGTH -> {
                    }
                    case ARRAY_LOAD -> {
                        checkElement(user, classes, what, chosen);
                        checkNotOverwritten(versions, user, what, chosen);
                    }
                    case ARRAY_STORE -> {
                        if (user.operand(0) != version || versions.contains(user.operand(2))) {
                            throw new ValueObjects.Abandon(what + " is stored in an array");
                        }
                        checkStored(user, versions, what);
                    }
                    case INVOKE -> {
                        if (SortKeys.isArraySort(user, version)) {
                            throw new ValueObjects.Abandon(what + " is sorted " + SortKeys.NOT_FOLLOWED);
                        }
                        if (!SortKeys.isPermute(user, version)) {
                            throw new ValueObjects.Abandon(what + ": " + ValueObjects.describeUse(user));
                        }
                        checkMovable(what, classes, fieldsOf);
                    }
                    default -> throw new ValueObjects.Abandon(what + ": " + ValueObjects.describeUse(user));
                }
            }
        }
        return chosen;
    }

    /**
     * A version of the array is not used once a copy of it was made: the copy holds the same objects,
     * which the arrays per field, copied, would no longer share.
     */
    private static void checkNotUsedAfterCopy(Instruction version, Instruction copy, String what) {
        Set<Instruction> uses = new HashSet<>(version.users());
        uses.remove(copy);
        if (mayRunAfter(copy, uses, version)) {
            throw new ValueObjects.Abandon(what + " is used after a copy of it was made (Arrays.copyOf): the two would share "
                    + "their objects");
        }
    }

    /** A sorted array's numbers are each moved by the order: fields that hold arrays are not (yet). */
    private static void checkMovable(String what, List<String> classes, Function<String, List<FieldNode>> fieldsOf) {
        for (String c : classes) {
            forEachNumberOf(Type.getObjectType(c), "", fieldsOf, (path, desc) -> {
                if (desc.startsWith("[")) {
                    throw new ValueObjects.Abandon(what + " is sorted, and its objects' field " + path + " holds an array, "
                            + "which Fluxion does not move with them: hold the numbers in fields of their own");
                }
            });
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
     * and cast to one of the classes, the cast only read and written through; or it is chosen by a
     * variable ({@link ChosenElements}), itself or its cast.
     */
    private static void checkElement(Instruction element, List<String> classes, String what, ChosenElements chosen) {
        for (Instruction user : element.users()) {
            boolean fine = isFieldAccess(user, element) || chosen.isChosen(user) || chosen.isComparison(user)
                    || isElementUse(user, element, classes)
                    || user.op() == Op.CHECKCAST && classes.contains(user.typeOperand().getInternalName())
                            && user.users().stream().allMatch(u -> isFieldAccess(u, user) || isNullCheck(u)
                                    || chosen.isChosen(u) || chosen.isComparison(u));
            if (!fine && user.op() == Op.CHECKCAST && !classes.contains(user.typeOperand().getInternalName())) {
                throw new ValueObjects.Abandon("an element of " + what + " is used as a value of "
                        + JavaSyntax.type(user.typeOperand()) + ", a type its objects' classes share (as a key or a "
                        + "lambda taking that type makes: comparingDouble(Shape::area)): Fluxion follows objects of several "
                        + "classes through their methods called on the elements, not through such a value; key them by "
                        + "objects of one class");
            }
            if (!fine && user.op() == Op.INVOKE && user.member().owner().startsWith("java/util/function/")) {
                throw new ValueObjects.Abandon("an element of " + what + " is given to a function whose code Fluxion does "
                        + "not see (" + JavaSyntax.method(user.member()) + ": a reference to an interface's method, "
                        + "Shape::area, or a function made outside the method): write it as a lambda over objects of one "
                        + "class");
            }
            if (!fine) {
                throw new ValueObjects.Abandon("an element of " + what + ": " + ValueObjects.describeUse(user));
            }
        }
    }

    /**
     * A use of {@code element} (an element, or a variable that chose one) other than reading or
     * writing its fields: a null check, a test of its class, the throw past the last class test, a
     * cast to one of the classes that is only read and written through and checked for null.
     */
    static boolean isElementUse(Instruction user, Instruction element, List<String> classes) {
        return isNullCheck(user) || isClassTest(user, element, classes)
                || user.op() == Op.INVOKE && user.member().equals(TypeSwitch.NONE) && user.operand(0) == element
                || user.op() == Op.CHECKCAST && classes.contains(user.typeOperand().getInternalName())
                        && user.users().stream().allMatch(u -> isFieldAccess(u, user) || isNullCheck(u));
    }

    /**
     * No store into the array runs between reading an element and a use of it: the element is then
     * the object in its slot wherever it is used, as the fields' arrays, read at each use, assume.
     */
    private static void checkNotOverwritten(List<Instruction> versions, Instruction element, String what,
            ChosenElements chosen) {
        Set<Instruction> uses = new HashSet<>(); // those of the variables that chose it: ChosenElements checks them
        for (Instruction u : element.users()) {
            if (!chosen.isChosen(u)) {
                uses.add(u);
            }
            if (u.op() == Op.CHECKCAST) {
                u.users().stream().filter(c -> !chosen.isChosen(c)).forEach(uses::add);
            }
        }
        for (Instruction version : versions) {
            for (Instruction change : version.users()) {
                boolean store = change.op() == Op.ARRAY_STORE && change.operand(0) == version;
                boolean sort = SortKeys.isPermute(change, version);
                if ((store || sort || ArrayVersions.isCopy(change) && change.operand(0) == version)
                        && mayRunAfter(change, uses, element)) {
                    throw new ValueObjects.Abandon("an element of " + what + " is used after " + (store
                            ? "its slot may be given another object"
                            : sort ? SORTED
                            : what.equals(LIST) ? "the list may have grown (add copies its objects to a longer array): read the "
                                    + "element from the list again after adding" : "a copy of the array was made (Arrays.copyOf)"));
                }
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
    private static void checkStored(Instruction store, List<Instruction> versions, String what) {
        if (!(store.operand(2) instanceof Instruction object) || object.op() != Op.NEW_OBJECT) {
            Value stored = store.operand(2);
            throw new ValueObjects.Abandon(what + (stored instanceof Instruction i && i.op() == Op.ARRAY_LOAD
                    && versions.contains(i.operand(0)) ? " is given one of its own elements again (one object in two slots)"
                    : stored instanceof Instruction i && i.op() == Op.PHI ? " is given a variable that holds one of several "
                            + "objects: store each new object itself" : " holds objects made here and objects from outside "
                            + "the method (a field's, a parameter's, a call's result)"));
        }
        for (Instruction user : object.users()) {
            if (user.op() == Op.ARRAY_STORE && user != store && user.operand(2) == object) {
                throw new ValueObjects.Abandon("one object is stored in two slots of " + what + " (added twice, or stored twice)");
            }
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
     * (a value defined in a loop is a new value each time round). A phi among the targets runs on the
     * edges on which it takes {@code definition}: at the end of those predecessors.
     */
    static boolean mayRunAfter(Instruction from, Set<Instruction> targets, Instruction definition) {
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
        if (takenByAPhi(start, targets, definition)) {
            return true;
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
                if (!insn.isPhi() && targets.contains(insn)) {
                    return true;
                }
            }
            if (!redefined) {
                if (takenByAPhi(b, targets, definition)) {
                    return true;
                }
                work.addAll(b.successors());
            }
        }
        return false;
    }

    /** Whether leaving {@code b} runs one of {@code targets}: a phi of a successor that takes {@code value} from {@code b}. */
    private static boolean takenByAPhi(Block b, Set<Instruction> targets, Value value) {
        for (Block s : b.successors()) {
            for (int k = 0; k < s.predecessors().size(); k++) {
                for (Instruction phi : s.phis()) {
                    if (s.predecessors().get(k) == b && targets.contains(phi) && phi.operand(k) == value) {
                        return true;
                    }
                }
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
     * tests of {@link TypeSwitch} then compare. Each version of the array ({@link ArrayVersions}) is
     * such a set of arrays: a copy copies each, a phi joins each.
     */
    private static final class Split {
        private final Instruction array;
        private final List<Instruction> versions;
        private final List<String> classes;
        private final Predicate<Type> isValue;
        private final Function<String, List<FieldNode>> fields;
        /** The type of each array, by class and path of field names ({@code Ball#pos.x}), or {@code #class}. */
        private final Map<String, Type> types = new LinkedHashMap<>();
        /** The arrays of each version, by the keys of {@link #types}. */
        private final Map<Instruction, Map<String, Value>> arraysOf = new HashMap<>();

        private final ChosenElements chosen;
        /** The moves of arrays of numbers made for sorts, {@code JdkModels.permute(numbers, order)}, to inline. */
        private final List<Instruction> moves;

        Split(Instruction array, List<Instruction> versions, List<String> classes, Predicate<Type> isValue,
                Function<String, List<FieldNode>> fields, ChosenElements chosen, List<Instruction> moves) {
            this.array = array;
            this.moves = moves;
            this.chosen = chosen;
            this.versions = versions;
            this.classes = classes;
            this.isValue = isValue;
            this.fields = fields;
        }

        void run() {
            if (classes.size() > 1) {
                types.put(TAGS, Type.getType("[I"));
            }
            for (String c : classes) {
                forEachNumber(Type.getObjectType(c), "", (path, desc) -> types.put(c + "#" + path, Type.getType("[" + desc)));
            }
            Instruction after = array;
            Map<String, Value> made = new LinkedHashMap<>();
            for (Map.Entry<String, Type> e : types.entrySet()) {
                Type arrayType = e.getValue();
                int opcode = arrayType.getElementType().getSort() == Type.OBJECT || arrayType.getDimensions() > 1
                        ? Opcodes.ANEWARRAY : Opcodes.NEWARRAY;
                Instruction split = new Instruction(Op.NEW_ARRAY, opcode, arrayType, array.operand(0)).withLine(array.line());
                insertAfter(array.block(), after, split);
                after = split;
                made.put(e.getKey(), split);
            }
            arraysOf.put(array, made);
            makeVersions();
            chosen.replace((use, version, index) -> {
                rewriteElementUse(use, arraysOf.get(version), index);
                use.block().remove(use);
            });
            for (Instruction version : versions) {
                Map<String, Value> arrays = arraysOf.get(version);
                for (Instruction user : List.copyOf(version.users())) {
                    if (versions.contains(user)) {
                        continue;
                    }
                    Block b = user.block();
                    switch (user.op()) {
                        case ARRAY_LENGTH -> {
                            Value length = version == array ? array.operand(0) : b.insertBefore(user, new Instruction(
                                    Op.ARRAY_LENGTH, Opcodes.ARRAYLENGTH, Type.INT_TYPE, arrays.values().iterator().next())
                                    .withLine(user.line()));
                            user.replaceAllUsesWith(length);
                            b.remove(user);
                        }
                        case ARRAY_LOAD -> {
                            for (Instruction use : List.copyOf(user.users())) {
                                rewriteElementUse(use, arrays, user.operand(1));
                                use.block().remove(use);
                            }
                            b.remove(user);
                        }
                        case ARRAY_STORE -> {
                            Value index = user.operand(1);
                            Instruction object = (Instruction) user.operand(2);
                            String c = object.type().getInternalName();
                            if (arrays.containsKey(TAGS)) {
                                b.insertBefore(user, new Instruction(Op.ARRAY_STORE, Opcodes.IASTORE, Type.VOID_TYPE,
                                        arrays.get(TAGS), index, Constant.ofInt(classes.indexOf(c) + 1)).withLine(user.line()));
                            }
                            store(user, arrays, object, c, object.type(), "", index);
                            b.remove(user);
                        }
                        case INVOKE -> { // Dispatch.permute(objects, order): each array of numbers moved by the order
                            Value order = user.operand(1);
                            arrays.forEach((key, numbers) -> {
                                Type t = types.get(key);
                                moves.add(b.insertBefore(user, new Instruction(Op.INVOKE, Opcodes.INVOKESTATIC, Type.VOID_TYPE,
                                        numbers, order).withMember(new MemberRef(JdkModels.MODELS, "permute",
                                                "(" + t.getDescriptor() + "[I)V", false)).withLine(user.line())));
                            });
                            user.clearOperands();
                            b.remove(user);
                        }
                        default -> throw new IllegalStateException("checked: " + user.op());
                    }
                }
            }
            for (Instruction version : versions) {
                version.clearOperands();
            }
            for (Instruction version : versions) {
                if (version.isPhi()) {
                    version.block().removePhi(version);
                } else {
                    version.block().remove(version);
                }
            }
        }

        /**
         * The arrays of each version but the first: a phi per array at each phi, a copy of each
         * array at each copy, the same arrays through a cast.
         */
        private void makeVersions() {
            for (Instruction version : versions) {
                if (version.isPhi()) {
                    Map<String, Value> phis = new LinkedHashMap<>();
                    types.forEach((key, type) -> phis.put(key,
                            version.block().addPhi(new Instruction(Op.PHI, -1, type).withLine(version.line()))));
                    arraysOf.put(version, phis);
                }
            }
            for (Instruction version : versions) {
                if (ArrayVersions.isCopy(version)) {
                    Map<String, Value> copies = new LinkedHashMap<>();
                    Map<String, Value> source = arraysOf.get((Instruction) version.operand(0));
                    types.forEach((key, type) -> copies.put(key, copyOf(version, source.get(key), type)));
                    arraysOf.put(version, copies);
                } else if (version.op() == Op.CHECKCAST) {
                    arraysOf.put(version, arraysOf.get((Instruction) version.operand(0)));
                }
            }
            for (Instruction version : versions) {
                if (version.isPhi()) {
                    arraysOf.get(version).forEach((key, phi) -> {
                        for (Value operand : version.operands()) {
                            ((Instruction) phi).addOperand(arraysOf.get((Instruction) operand).get(key));
                        }
                    });
                }
            }
        }

        /** {@code Arrays.copyOf(source, n)}, of {@code type}, before the copy {@code at} of the objects, of its length. */
        private Value copyOf(Instruction at, Value source, Type type) {
            boolean primitive = type.getDimensions() == 1 && type.getElementType().getSort() != Type.OBJECT;
            Type declared = primitive ? type : Type.getType("[Ljava/lang/Object;");
            Instruction copy = new Instruction(Op.INVOKE, Opcodes.INVOKESTATIC, declared, source, at.operand(1))
                    .withMember(new MemberRef("java/util/Arrays", "copyOf", "(" + declared + "I)" + declared))
                    .withLine(at.line());
            at.block().insertBefore(at, copy);
            if (primitive) {
                return copy;
            }
            return at.block().insertBefore(at, new Instruction(Op.CHECKCAST, Opcodes.CHECKCAST, type, copy).withTypeOperand(type)
                    .withLine(at.line()));
        }

        /** A use of the element at {@code index}: {@link #rewrite}, or a cast of it, checked, whose uses are rewritten. */
        private void rewriteElementUse(Instruction use, Map<String, Value> arrays, Value index) {
            if (chosen.isComparison(use)) {
                chosen.replaceComparison(use);
                return;
            }
            if (use.op() != Op.CHECKCAST) {
                rewrite(use, arrays, index);
                return;
            }
            if (arrays.containsKey(TAGS)) { // the cast's own check, on the class numbers
                castCheck(use, arrays, index);
            }
            for (Instruction access : List.copyOf(use.users())) {
                if (chosen.isComparison(access)) {
                    chosen.replaceComparison(access);
                } else {
                    rewrite(access, arrays, index);
                }
            }
        }

        /**
         * A use of the element at {@code index} (or of its cast): a field read or written, a class
         * test, the throw past the last class test, a null check.
         */
        private void rewrite(Instruction use, Map<String, Value> arrays, Value index) {
            if (use.op() == Op.INVOKE && use.member().equals(TypeSwitch.IS_CLASS)) {
                String c = ((Type) ((Constant) use.operand(1)).value()).getInternalName();
                Value is;
                if (!arrays.containsKey(TAGS)) { // one class: the test is a constant
                    is = Constant.ofInt(classes.get(0).equals(c) ? 1 : 0);
                } else {
                    Instruction test = new Instruction(Op.INVOKE, Opcodes.INVOKESTATIC, Type.INT_TYPE, tag(use, arrays, index),
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
                    use.replaceAllUsesWith(load(use, arrays, c, t, path, index));
                } else {
                    store(use, arrays, use.operand(1), c, t, path, index);
                }
            }
            if (use.op() != Op.CHECKCAST) {
                use.block().remove(use); // null checks go: an element is an object made here
            }
        }

        /** The class number of the element at {@code index}, read before {@code at}. */
        private Instruction tag(Instruction at, Map<String, Value> arrays, Value index) {
            Instruction tag = new Instruction(Op.ARRAY_LOAD, Opcodes.IALOAD, Type.INT_TYPE, arrays.get(TAGS), index)
                    .withLine(at.line());
            at.block().insertBefore(at, tag);
            return tag;
        }

        /** Before a cast of the element at {@code index}: what {@code checkcast} checks, on its class number. */
        private void castCheck(Instruction cast, Map<String, Value> arrays, Value index) {
            String c = cast.typeOperand().getInternalName();
            cast.block().insertBefore(cast, new Instruction(Op.INVOKE, Opcodes.INVOKESTATIC, Type.VOID_TYPE,
                    tag(cast, arrays, index), Constant.ofInt(classes.indexOf(c) + 1)).withMember(CAST).withLine(cast.line()));
        }

        /** The number or value object at {@code path} of the element (of class {@code c}) at {@code index}, read before {@code at}. */
        private Value load(Instruction at, Map<String, Value> arrays, String c, Type t, String path, Value index) {
            if (t.getSort() != Type.OBJECT) {
                Instruction load = new Instruction(Op.ARRAY_LOAD, t.getOpcode(Opcodes.IALOAD), Types.computational(t),
                        arrays.get(c + "#" + path), index).withLine(at.line());
                at.block().insertBefore(at, load);
                return load;
            }
            Instruction made = new Instruction(Op.NEW_OBJECT, Opcodes.NEW, t).withTypeOperand(t).withLine(at.line());
            at.block().insertBefore(at, made);
            for (FieldNode field : fields.apply(t.getInternalName())) {
                Type ft = Type.getType(field.desc);
                Value v = load(at, arrays, c, ft, path + "." + field.name, index);
                at.block().insertBefore(at, new Instruction(Op.FIELD_PUT, Opcodes.PUTFIELD, Type.VOID_TYPE, made, v)
                        .withMember(new MemberRef(t.getInternalName(), field.name, field.desc)).withLine(at.line()));
            }
            return made;
        }

        /** Stores {@code value}, of type {@code t}, as the numbers at {@code path} of the element (of class {@code c}) at {@code index}. */
        private void store(Instruction at, Map<String, Value> arrays, Value value, String c, Type t, String path, Value index) {
            if (t.getSort() != Type.OBJECT) {
                at.block().insertBefore(at, new Instruction(Op.ARRAY_STORE, t.getOpcode(Opcodes.IASTORE), Type.VOID_TYPE,
                        arrays.get(c + "#" + path), index, value).withLine(at.line()));
                return;
            }
            for (FieldNode field : fields.apply(t.getInternalName())) { // the element itself (path ""), or a value object
                Type ft = Type.getType(field.desc);
                Instruction read = new Instruction(Op.FIELD_GET, Opcodes.GETFIELD, Types.computational(ft), value)
                        .withMember(new MemberRef(t.getInternalName(), field.name, field.desc)).withLine(at.line());
                at.block().insertBefore(at, read);
                store(at, arrays, read, c, ft, path.isEmpty() ? field.name : path + "." + field.name, index);
            }
        }

        /** Calls {@code action} with the path and descriptor of every number of an object of class {@code t}. */
        private void forEachNumber(Type t, String prefix, java.util.function.BiConsumer<String, String> action) {
            forEachNumberOf(t, prefix, fields, action);
        }
    }

    /** Calls {@code action} with the path and descriptor of every number of an object of class {@code t}. */
    private static void forEachNumberOf(Type t, String prefix, Function<String, List<FieldNode>> fields,
            java.util.function.BiConsumer<String, String> action) {
        for (FieldNode field : fields.apply(t.getInternalName())) {
            Type ft = Type.getType(field.desc);
            String path = prefix.isEmpty() ? field.name : prefix + "." + field.name;
            if (ft.getSort() == Type.OBJECT) {
                forEachNumberOf(ft, path, fields, action);
            } else {
                action.accept(path, field.desc);
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
