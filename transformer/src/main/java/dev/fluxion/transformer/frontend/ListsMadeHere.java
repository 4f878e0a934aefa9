package dev.fluxion.transformer.frontend;

import dev.fluxion.transformer.diagnostics.JavaSyntax;
import dev.fluxion.transformer.ir.Block;
import dev.fluxion.transformer.ir.Constant;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.IrFunction;
import dev.fluxion.transformer.ir.MemberRef;
import dev.fluxion.transformer.ir.Op;
import dev.fluxion.transformer.ir.SsaBuilder;
import dev.fluxion.transformer.ir.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;

/**
 * Lists made in the method become what {@code ArrayList} is inside: an array of their elements
 * and a size. {@code List.of(ball, ground)} and {@code Arrays.asList(..)} are their array and its
 * length; {@code new ArrayList<>()} and {@code new ArrayList<>(n)} start with an array of ten, or n,
 * and a size of zero, and each {@code add(e)} stores {@code e} at the size in the array, grown
 * first if it is full (the runtime's {@code JdkModels.grown}: the array itself, or a copy half as
 * long again), and counts one more. {@code get(i)} and {@code set(i, e)} are an element's load and
 * store (after the list's index check, {@code JdkModels.checkIndex}: plain Java, as every model
 * here, that {@link ReadableCallees} inlines), {@code size()} the size, and an iterator a cursor
 * from 0 that {@code next} reads the element at and moves on ({@code JdkModels.checkNext} throws as
 * an {@code ArrayList}'s iterator does once the list has grown); a for-each loop is then a counted
 * loop over the list's array, as over an array. The
 * array and the size are variables of the method, put in SSA form by the on-the-fly construction
 * of {@link SsaBuilder}, as {@link LocalObjects} does for an object's fields: filled in a loop, the
 * list's array is a phi of the array and its grown copies, and its size a phi of counts.
 *
 * <p>Why this representation: it is the list's own, so every use keeps its meaning and its
 * exceptions, whatever the number of {@code add}s and wherever they run (in loops, in branches, in
 * inlined helpers); nothing needs to know in advance how long the list will be. An array of objects
 * made here is what {@link ObjectArrays} splits into an array per field, and what
 * {@link TypeSwitch} dispatches over; a grown list is a web of versions of one array
 * ({@link ArrayVersions}), which ObjectArrays follows, growing each field's array where the list's
 * grows. Its checks are the soundness of the whole: an object stored in two slots, an element used
 * after its slot was given another object ({@code set}) or after the list grew, are rejected there.
 *
 * <p>A list may also be held in a final field of an object made here ({@code new Scene(List.of(ball,
 * ground), light)}) once {@link ValueObjects} has inlined the object's code: the reads of that field
 * are the list itself, and the field is then given {@code null}, which nobody reads.
 *
 * <p>A list used in any other way (passed to a call that was not inlined, stored, returned,
 * streamed, one of two lists, a method not listed above) stays as it is, and the checks report it,
 * saying why ({@link #whyKept}). An {@code ArrayList} is lowered only if an object made here is put
 * in it: a list of boxed numbers or of objects from outside stays the JDK's, as before.
 */
public final class ListsMadeHere {
    private static final Type OBJECTS = Type.getType("[Ljava/lang/Object;");
    private static final Type OBJECT = Type.getType(Object.class);
    /** The runtime's support of model gradients, whose {@code elements(list)} is a model's list as an array. */
    static final String MODEL_SUPPORT = "dev/fluxion/internal/Models";
    /** The types a list made here is used through. */
    private static final Set<String> LIST_TYPES = Set.of("java/util/List", "java/util/Collection", "java/lang/Iterable",
            "java/util/ArrayList", "java/util/AbstractList", "java/util/AbstractCollection");
    private static final String GET = "get(I)Ljava/lang/Object;";
    private static final String SET = "set(ILjava/lang/Object;)Ljava/lang/Object;";
    private static final String ADD = "add(Ljava/lang/Object;)Z";
    private static final String SORT = "sort(Ljava/util/Comparator;)V";
    /** {@code Double}, whose boxes a list made here may hold: then it may be sorted, and its largest or smallest found. */
    static final String DOUBLE = "java/lang/Double";
    private static final Set<String> READS = Set.of(GET, "size()I", "isEmpty()Z", "iterator()Ljava/util/Iterator;");
    /** {@code new ArrayList<>()} starts with an array of this length. */
    private static final int DEFAULT_CAPACITY = 10;

    /** The lists made here, by what they allow. */
    private enum Kind {
        /** {@code List.of(..)}: only read. */
        IMMUTABLE(READS),
        /** {@code Arrays.asList(array)}: read and set, over the array. */
        FIXED_SIZE(with(READS, SET, SORT)),
        /** {@code new ArrayList<>()}, {@code new ArrayList<>(n)}: read, set and filled with add. */
        GROWABLE(with(READS, SET, ADD, SORT)),
        /** A list read from a field of a model ({@link #lowerHeld}): only read, over the array of its elements. */
        HELD(READS);

        final Set<String> methods;

        Kind(Set<String> methods) {
            this.methods = methods;
        }

        private static Set<String> with(Set<String> reads, String... more) {
            Set<String> all = new HashSet<>(reads);
            all.addAll(List.of(more));
            return Set.copyOf(all);
        }
    }

    /** A list to lower: its allocation, the phis and casts that are it too, and the classes of its elements. */
    private record Lowered(Instruction list, Kind kind, Set<Instruction> aliases, Set<String> held) {
    }

    /** The variables a lowered list becomes, its array and its size, and an iterator's, its cursor. */
    private record Variable(Instruction owner, String name) {
        static final String ITEMS = "items";
        static final String SIZE = "size";
        static final String CURSOR = "cursor";
    }

    private ListsMadeHere() {
    }

    /**
     * Lowers lists read from fields of a model ({@code List<Layer> layers}, {@link ModelLeaves}),
     * which the loss only reads (get, size, isEmpty, iteration), as lists made here are lowered:
     * each becomes the array of its elements, {@code Models.elements(list)}, read where the field
     * is read, so that the model's lists are arrays of objects from then on. Returns, for each list
     * that stays as it is, why, in a user's words.
     */
    static Map<Instruction, String> lowerHeld(IrFunction f, Set<Instruction> reads, Function<String, ClassNode> classes) {
        Map<Instruction, String> kept = new java.util.LinkedHashMap<>();
        Map<Instruction, Lowered> byValue = new HashMap<>();
        List<Lowered> lists = new ArrayList<>();
        Set<String> unknown = new HashSet<>();
        unknown.add(null); // elements of any class: their casts stay
        for (Instruction read : reads) {
            Set<Instruction> aliases = aliases(read);
            String why = aliases == null ? "a variable holds either this list or another"
                    : whyNotLowered(read, Kind.HELD, aliases, Set.of());
            if (why != null) {
                kept.put(read, why);
                continue;
            }
            Lowered l = new Lowered(read, Kind.HELD, aliases, unknown);
            lists.add(l);
            aliases.forEach(a -> byValue.put(a, l));
        }
        if (!lists.isEmpty()) {
            Lowering lowering = new Lowering(byValue, classes);
            lowering.run(f);
            lowering.removeIterators();
            for (Lowered l : lists) {
                for (Instruction a : l.aliases()) {
                    if (a != l.list()) { // the field's read stays: the array of its elements is read from it
                        a.clearOperands();
                        if (a.isPhi()) {
                            a.block().removePhi(a);
                        } else {
                            a.block().remove(a);
                        }
                    }
                }
            }
        }
        return kept;
    }

    /** Whether {@code v} is a list this class lowers, as made: {@code List.of(..)}, {@code Arrays.asList(..)}, {@code new ArrayList<>()}. */
    static boolean isMadeHere(Value v) {
        return v instanceof Instruction i && kind(i) != null;
    }

    /**
     * Lowers every list of {@code f} made here and used only as lists are here; returns whether
     * there was one. {@code classes} reads a class, to drop the casts of elements to a type every
     * element has ({@code (Shape) it.next()}), which an array of objects then need not keep.
     */
    static boolean lower(IrFunction f, Function<String, ClassNode> classes) {
        Set<Instruction> unread = forwardHeldLists(f, classes);
        Map<Instruction, Lowered> byValue = new HashMap<>(); // each list and each of its aliases
        List<Lowered> lists = new ArrayList<>();
        for (Block b : f.blocks()) {
            for (Instruction insn : b.body()) {
                Kind kind = kind(insn);
                if (kind == null) {
                    continue;
                }
                Set<Instruction> aliases = aliases(insn);
                if (aliases != null && whyNotLowered(insn, kind, aliases, unread) == null) {
                    Lowered l = new Lowered(insn, kind, aliases, classesOf(elements(insn, kind, aliases)));
                    lists.add(l);
                    aliases.forEach(a -> byValue.put(a, l));
                }
            }
        }
        if (lists.isEmpty()) {
            return false;
        }
        Lowering lowering = new Lowering(byValue, classes);
        lowering.run(f);
        lowering.removeIterators();
        for (Lowered l : lists) {
            for (Instruction a : l.aliases()) {
                a.clearOperands();
            }
            for (Instruction a : l.aliases()) {
                if (a.isPhi()) {
                    a.block().removePhi(a);
                } else {
                    a.block().remove(a);
                }
            }
        }
        return true;
    }

    /**
     * Why {@code list}, a list made here, is kept as the JDK's list, in a user's words ({@code "the
     * list is passed to Foo.bar(java.util.List), which is not inlined"}); {@code null} if it is
     * lowered, or is not a list made here.
     */
    public static String whyKept(Value list) {
        if (!(list instanceof Instruction i) || kind(i) == null) {
            return null;
        }
        Set<Instruction> aliases = aliases(i);
        return aliases == null ? "a variable holds either this list or another" : whyNotLowered(i, kind(i), aliases, Set.of());
    }

    /** What {@code i} makes, if it makes a list this class lowers. */
    private static Kind kind(Instruction i) {
        MemberRef m = i.member();
        if (m == null) {
            return null;
        }
        if (i.op() == Op.NEW_OBJECT) {
            return m.owner().equals("java/util/ArrayList") && (m.descriptor().equals("()V") || m.descriptor().equals("(I)V"))
                    ? Kind.GROWABLE : null;
        }
        if (i.op() != Op.INVOKE || i.opcode() != Opcodes.INVOKESTATIC) {
            return null;
        }
        if (m.owner().equals("java/util/List") && m.name().equals("of") && !m.descriptor().startsWith("([")
                && m.descriptor().endsWith(")Ljava/util/List;")) {
            return Kind.IMMUTABLE;
        }
        if (m.owner().equals("java/util/Arrays") && m.name().equals("asList")
                && i.operand(0) instanceof Instruction array && array.op() == Op.NEW_ARRAY
                && array.users().stream().allMatch(u -> u == i || u.op() == Op.ARRAY_STORE && u.operand(0) == array
                        && u.operand(2) != array)) {
            return Kind.FIXED_SIZE;
        }
        return null;
    }

    /**
     * The list and the phis and casts that hold it and nothing else (a helper's result, a loop's
     * variable that javac did not need); {@code null} if a phi holds it or another value.
     */
    private static Set<Instruction> aliases(Instruction list) {
        Set<Instruction> aliases = new LinkedHashSet<>(List.of(list));
        for (boolean changed = true; changed; ) {
            changed = false;
            for (Instruction a : List.copyOf(aliases)) {
                for (Instruction u : a.users()) {
                    if ((u.op() == Op.PHI || u.op() == Op.CHECKCAST && isListType(u.typeOperand())) && aliases.add(u)) {
                        changed = true;
                    }
                }
            }
        }
        for (Instruction a : aliases) {
            if (a.isPhi() && !aliases.containsAll(a.operands())) {
                return null;
            }
        }
        return aliases;
    }

    /** Whether {@code t} is a type a list made here may be used through ({@code List}, {@code ArrayList}, {@code Iterable}, ..). */
    static boolean isListType(Type t) {
        return t != null && t.getSort() == Type.OBJECT && LIST_TYPES.contains(t.getInternalName());
    }

    /**
     * Why the list is not lowered, or {@code null} if every use is one of its kind's methods (an
     * iterator only asked {@code hasNext} and {@code next}), an alias, or a store into a field that
     * nobody reads now ({@code unread}); an {@code ArrayList} must also hold an object made here.
     */
    private static String whyNotLowered(Instruction list, Kind kind, Set<Instruction> aliases, Set<Instruction> unread) {
        for (Instruction a : aliases) {
            for (Instruction user : a.users()) {
                if (aliases.contains(user) || unread.contains(user)) {
                    continue;
                }
                String why = whyNotALowerableUse(user, kind, aliases);
                if (why != null) {
                    return why;
                }
            }
        }
        if (kind == Kind.GROWABLE && elements(list, kind, aliases).stream().noneMatch(ListsMadeHere::isObjectMadeHere)) {
            return "no object made here is added to it";
        }
        if (aliases.stream().anyMatch(a -> a.users().stream().anyMatch(u -> isOrdering(u) && keyOfExtreme(u) == null
                && !SortKeys.isListSortByKey(u)))
                && !classesOf(elements(list, kind, aliases)).equals(Set.of(DOUBLE))) {
            return "it is sorted, or its largest or smallest element found, and Fluxion follows that on lists of Doubles "
                    + "made in the method, and on lists of other objects by Comparator.comparingDouble(key) only";
        }
        if (aliases.stream().anyMatch(a -> a.users().stream().anyMatch(SortKeys::isListSortByKey))
                && classesOf(elements(list, kind, aliases)).contains(DOUBLE)) {
            return "it is sorted by Comparator.comparingDouble(key), which Fluxion follows on lists of objects of your "
                    + "classes, not of Doubles: sort Doubles in natural or reverse order, or hold them in objects of your own";
        }
        if (kind == Kind.GROWABLE && sortedWhileIterated(aliases)) {
            return "it is sorted while a for-each loop or an iterator goes over it (the iterator's next() would then "
                    + "throw ConcurrentModificationException)";
        }
        return null;
    }

    /**
     * Whether a sort of an {@code ArrayList} may run between the making of an iterator over it and
     * one of that iterator's {@code next()}s: the JDK's sort counts as a change of the list, which
     * {@code next()} then throws for, where the lowered list's cursor would not notice.
     */
    private static boolean sortedWhileIterated(Set<Instruction> aliases) {
        List<Instruction> sorts = new ArrayList<>();
        List<Instruction> iterators = new ArrayList<>();
        for (Instruction a : aliases) {
            for (Instruction user : a.users()) {
                if (user.op() == Op.INVOKE && user.member().name().equals("sort") && isOrdering(user)) {
                    sorts.add(user);
                } else if (user.op() == Op.INVOKE && user.member().name().equals("iterator")) {
                    iterators.add(user);
                }
            }
        }
        for (Instruction iterator : iterators) {
            Set<Instruction> nexts = new HashSet<>(iterator.users());
            for (Instruction sort : sorts) {
                if (ObjectArrays.mayRunAfter(sort, nexts, iterator)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code list.sort(c)}, {@code Collections.sort(list)}, {@code Collections.sort(list, c)}, {@code Collections.max(list)}, {@code min}. */
    private static boolean isOrdering(Instruction call) {
        return call.op() == Op.INVOKE && (call.member().name().equals("sort") && LIST_TYPES.contains(call.member().owner())
                || isCollectionsOrdering(call));
    }

    private static boolean isCollectionsOrdering(Instruction call) {
        MemberRef m = call.member();
        return call.op() == Op.INVOKE && call.opcode() == Opcodes.INVOKESTATIC && m.owner().equals("java/util/Collections")
                && (m.name().equals("sort") && (m.descriptor().equals("(Ljava/util/List;)V")
                        || m.descriptor().equals("(Ljava/util/List;Ljava/util/Comparator;)V"))
                        || (m.name().equals("max") || m.name().equals("min")) && m.descriptor().equals(
                                "(Ljava/util/Collection;)Ljava/lang/Object;")
                        || keyOfExtreme(call) != null);
    }

    /**
     * The key of {@code Collections.max(list, Comparator.comparingDouble(key))} or {@code min}, on
     * objects of any class (the nearest point, the best candidate); else {@code null}. The comparator
     * must be used by that call alone: it becomes the key, compared as {@code comparingDouble} does.
     */
    static Value keyOfExtreme(Instruction call) {
        MemberRef m = call.member();
        if (call.op() != Op.INVOKE || call.opcode() != Opcodes.INVOKESTATIC || !m.owner().equals("java/util/Collections")
                || !m.name().equals("max") && !m.name().equals("min")
                || !m.descriptor().equals("(Ljava/util/Collection;Ljava/util/Comparator;)Ljava/lang/Object;")) {
            return null;
        }
        return call.operand(1) instanceof Instruction c && c.op() == Op.INVOKE && c.opcode() == Opcodes.INVOKESTATIC
                && c.member().owner().equals("java/util/Comparator") && c.member().name().equals("comparingDouble")
                && c.users().size() == 1 ? c.operand(0) : null;
    }

    /**
     * Whether {@code comparator} orders {@code Double}s from the largest down ({@code Comparator.reverseOrder()},
     * {@code Collections.reverseOrder()}), or in their natural order ({@code null}, {@code Comparator.naturalOrder()},
     * {@code Double::compare}, {@code Double::compareTo}); {@code null} if it is another comparator.
     */
    static Boolean descending(Value comparator) {
        if (comparator instanceof Constant c && c.value() == null) {
            return false;
        }
        if (!(comparator instanceof Instruction i)) {
            return null;
        }
        if (i.op() == Op.INVOKE && i.opcode() == Opcodes.INVOKESTATIC && i.operands().isEmpty()) {
            String call = i.member().owner() + "." + i.member().name();
            return switch (call) {
                case "java/util/Comparator.naturalOrder" -> false;
                case "java/util/Comparator.reverseOrder", "java/util/Collections.reverseOrder" -> true;
                default -> null;
            };
        }
        Instruction lambda = LocalLambdas.lambda(i);
        if (lambda != null && lambda.operands().isEmpty() && lambda.bootstrap().bsmArgs[1] instanceof org.objectweb.asm.Handle h
                && h.getOwner().equals(DOUBLE) && (h.getName().equals("compare") && h.getDesc().equals("(DD)I")
                        || h.getName().equals("compareTo") && h.getDesc().equals("(Ljava/lang/Double;)I"))) {
            return false;
        }
        return null;
    }

    private static String whyNotALowerableUse(Instruction user, Kind kind, Set<Instruction> aliases) {
        if (isOrdering(user) && aliases.contains(user.operand(0)) && user.operands().stream().skip(1).noneMatch(aliases::contains)) {
            boolean sorts = user.member().name().equals("sort");
            if (sorts && !kind.methods.contains(SORT)) {
                return JavaSyntax.method(user.member()) + " is called on it, and a " + (kind == Kind.HELD
                        ? "model's list is only read" : "List.of cannot be sorted (the JDK throws UnsupportedOperationException)");
            }
            if (sorts && user.operands().size() == 2 && descending(user.operand(1)) == null && !SortKeys.isListSortByKey(user)) {
                return "it is sorted with a comparator Fluxion does not follow: it sorts lists of Doubles in natural order "
                        + "(null, Comparator.naturalOrder(), Double::compare) and in reverse (Comparator.reverseOrder()), and "
                        + "lists of any objects by Comparator.comparingDouble(key), perhaps .reversed()";
            }
            return null;
        }
        boolean receiver = user.op() == Op.INVOKE && user.opcode() != Opcodes.INVOKESTATIC && !user.operands().isEmpty()
                && aliases.contains(user.operand(0));
        if (receiver && user.operands().stream().skip(1).noneMatch(aliases::contains)
                && LIST_TYPES.contains(user.member().owner())
                && kind.methods.contains(user.member().name() + user.member().descriptor())) {
            if (!user.member().name().equals("iterator")) {
                return null;
            }
            for (Instruction use : user.users()) {
                if (!isCall(use, Set.of("java/util/Iterator"), Set.of("hasNext()Z", "next()Ljava/lang/Object;"))) {
                    return "its iterator is used by more than hasNext and next";
                }
            }
            return null;
        }
        if (receiver && user.member().name().equals("stream") && user.operands().size() == 1) {
            return "it is streamed in a pipeline Fluxion does not follow: it follows stream().mapToDouble(f), perhaps after "
                    + "one filter(p) or one map(g) to objects, ending as a DoubleStream does (sum, average, max, min, reduce, "
                    + "toArray), stream().map(g).toList() (then only read) or collect(Collectors.toList()), and "
                    + "stream().max(Comparator.comparingDouble(key)).get() (or min); not other collectors, nor more steps "
                    + "between stream() and toList()";
        }
        if (receiver) {
            return JavaSyntax.method(user.member()) + " is called on it, and Fluxion follows only " + switch (kind) {
                case GROWABLE -> "add, get, set, size, isEmpty and iteration on an ArrayList";
                case FIXED_SIZE -> "get, set, size, isEmpty and iteration on Arrays.asList";
                case HELD -> "get, size, isEmpty and iteration on a list of the model's objects, which the loss only reads";
                default -> "get, size, isEmpty and iteration on List.of";
            };
        }
        return switch (user.op()) {
            case INVOKE -> "the list is passed to " + JavaSyntax.method(user.member()) + ", which is not inlined";
            case FIELD_PUT -> "the list is stored in the field " + JavaSyntax.field(user.member());
            case RETURN -> "the list is returned";
            case ARRAY_STORE -> "the list is stored in an array";
            case PHI -> "a variable holds either this list or another";
            case NEW_OBJECT -> "the list is copied (new " + JavaSyntax.type(user.type()) + "<>(list)), and the copy would "
                    + "share its objects";
            default -> "the list is used by " + user.op().name().toLowerCase();
        };
    }

    private static boolean isObjectMadeHere(Value v) {
        return v instanceof Instruction i && i.op() == Op.NEW_OBJECT
                && (!i.type().getInternalName().startsWith("java/") || i.type().getInternalName().equals(DOUBLE))
                || isBox(v);
    }

    /** {@code Double.valueOf(d)}: a box made here, which {@link ValueObjects} makes a value object of class {@code Double}. */
    static boolean isBox(Value v) {
        return v instanceof Instruction i && i.op() == Op.INVOKE && i.opcode() == Opcodes.INVOKESTATIC
                && i.member().owner().equals(DOUBLE) && i.member().name().equals("valueOf") && i.member().descriptor().equals("(D)Ljava/lang/Double;");
    }

    /**
     * The elements put in the list: those of {@code List.of(e0, .., en)}, the values stored into the
     * array {@code Arrays.asList} is given, and those given to {@code add} and {@code set}.
     */
    private static List<Value> elements(Instruction list, Kind kind, Set<Instruction> aliases) {
        List<Value> out = new ArrayList<>();
        if (kind == Kind.IMMUTABLE) {
            out.addAll(list.operands());
        } else if (kind == Kind.FIXED_SIZE) {
            for (Instruction store : ((Instruction) list.operand(0)).users()) {
                if (store.op() == Op.ARRAY_STORE) {
                    out.add(store.operand(2));
                }
            }
        }
        for (Instruction a : aliases) {
            for (Instruction user : a.users()) {
                if (user.op() == Op.INVOKE && !user.operands().isEmpty() && user.operand(0) == a
                        && (user.member().name().equals("add") || user.member().name().equals("set"))) {
                    out.add(user.operand(user.operands().size() - 1));
                }
            }
        }
        return out;
    }

    /** The classes of the elements, {@code null} among them for an element that is not an object made here. */
    private static Set<String> classesOf(List<Value> elements) {
        Set<String> held = new HashSet<>();
        for (Value e : elements) {
            held.add(isBox(e) ? DOUBLE : e instanceof Instruction i && i.op() == Op.NEW_OBJECT ? i.type().getInternalName() : null);
        }
        return held;
    }

    /**
     * Replaces the reads of a final field that holds a list made here, in an object made here whose
     * code is inlined (only its fields are read and written), by the list: the field is assigned
     * once, before those reads, and a final field keeps what it was given. Returns the stores of
     * such lists, whose fields are now unread.
     */
    private static Set<Instruction> forwardHeldLists(IrFunction f, Function<String, ClassNode> classes) {
        Set<Instruction> stores = new HashSet<>();
        for (Block b : f.blocks()) {
            for (Instruction store : b.body()) {
                if (store.op() != Op.FIELD_PUT || store.operands().size() != 2 || !(store.operand(1) instanceof Instruction list)
                        || kind(list) == null || !(store.operand(0) instanceof Instruction object)
                        || object.op() != Op.NEW_OBJECT || !isFinal(classes.apply(store.member().owner()), store.member().name())
                        || !object.users().stream().allMatch(u -> isFieldAccessOf(u, object))) {
                    continue;
                }
                List<Instruction> accesses = object.users().stream()
                        .filter(u -> u.member().name().equals(store.member().name())).toList();
                if (accesses.stream().allMatch(u -> u == store || u.op() == Op.FIELD_GET && ValueObjects.dominates(f, store, u))) {
                    for (Instruction read : accesses) {
                        if (read != store) {
                            read.replaceAllUsesWith(list);
                            read.block().remove(read);
                        }
                    }
                    stores.add(store);
                }
            }
        }
        return stores;
    }

    private static boolean isFieldAccessOf(Instruction user, Instruction object) {
        return user.op() == Op.FIELD_GET && user.operands().size() == 1
                || user.op() == Op.FIELD_PUT && user.operands().size() == 2 && user.operand(0) == object && user.operand(1) != object;
    }

    private static boolean isFinal(ClassNode c, String field) {
        return c != null && c.fields != null && c.fields.stream().anyMatch(n -> n.name.equals(field)
                && (n.access & (Opcodes.ACC_FINAL | Opcodes.ACC_STATIC)) == Opcodes.ACC_FINAL);
    }

    private static boolean isCall(Instruction i, Set<String> owners, Set<String> methods) {
        return i.op() == Op.INVOKE && i.opcode() != Opcodes.INVOKESTATIC && owners.contains(i.member().owner())
                && methods.contains(i.member().name() + i.member().descriptor());
    }

    /** The rewriting of the lists' uses, in one walk over the method that puts their arrays and sizes in SSA form. */
    private static final class Lowering {
        private final Map<Instruction, Lowered> byValue;
        private final Function<String, ClassNode> classes;
        private final SsaBuilder ssa = new SsaBuilder();
        /** Each iterator, with its list. */
        private final Map<Instruction, Lowered> iterators = new HashMap<>();
        /** The size of each iterator's list when the iterator was made: the list has grown since if it differs. */
        private final Map<Instruction, Value> expected = new HashMap<>();

        Lowering(Map<Instruction, Lowered> byValue, Function<String, ClassNode> classes) {
            this.byValue = byValue;
            this.classes = classes;
        }

        void run(IrFunction f) {
            ssa.fill(f, b -> {
                for (Instruction insn : List.copyOf(b.body())) {
                    Lowered made = byValue.get(insn);
                    if (made != null && made.list() == insn) {
                        make(b, made);
                    } else if (insn.op() == Op.INVOKE && !insn.operands().isEmpty() && insn.operand(0) instanceof Instruction r) {
                        if (byValue.containsKey(r)) {
                            use(b, insn, byValue.get(r));
                        } else if (iterators.containsKey(r)) {
                            iterate(b, insn, r, iterators.get(r));
                        }
                    }
                }
            });
        }

        /** The list's array and size where it is made. */
        private void make(Block b, Lowered l) {
            Instruction list = l.list();
            Value items;
            Value size;
            switch (l.kind()) {
                case IMMUTABLE -> {
                    Instruction made = insert(list, new Instruction(Op.NEW_ARRAY, Opcodes.ANEWARRAY, OBJECTS,
                            Constant.ofInt(list.operands().size())));
                    for (int k = 0; k < list.operands().size(); k++) {
                        insert(list, new Instruction(Op.ARRAY_STORE, Opcodes.AASTORE, Type.VOID_TYPE, made, Constant.ofInt(k),
                                list.operand(k)));
                    }
                    items = made;
                    size = Constant.ofInt(list.operands().size());
                }
                case FIXED_SIZE -> {
                    items = list.operand(0);
                    size = ((Instruction) items).operand(0);
                }
                case HELD -> { // the array of the elements of the list the field holds, read after the field
                    Instruction elements = insertAfter(list, new Instruction(Op.INVOKE, Opcodes.INVOKESTATIC, OBJECTS, list)
                            .withMember(new MemberRef(MODEL_SUPPORT, "elements", "(Ljava/lang/Object;)[Ljava/lang/Object;",
                                    false)));
                    items = elements;
                    size = insertAfter(elements, new Instruction(Op.ARRAY_LENGTH, Opcodes.ARRAYLENGTH, Type.INT_TYPE, elements));
                }
                default -> {
                    Value capacity = list.operands().isEmpty() ? Constant.ofInt(DEFAULT_CAPACITY)
                            : insert(list, model("capacity", "(I)I", Type.INT_TYPE, list.operand(0)));
                    items = insert(list, new Instruction(Op.NEW_ARRAY, Opcodes.ANEWARRAY, OBJECTS, capacity));
                    size = Constant.ofInt(0);
                }
            }
            ssa.write(new Variable(list, Variable.ITEMS), b, items);
            ssa.write(new Variable(list, Variable.SIZE), b, size);
            for (Instruction user : List.copyOf(list.users())) {
                if (user.op() == Op.FIELD_PUT && user.operand(1) == list) { // into a field nobody reads now
                    user.setOperand(1, Constant.zero(list.type()));
                }
            }
        }

        /** A call of one of the list's methods. */
        private void use(Block b, Instruction call, Lowered l) {
            Value items = ssa.read(new Variable(l.list(), Variable.ITEMS), OBJECTS, b);
            Value size = ssa.read(new Variable(l.list(), Variable.SIZE), Type.INT_TYPE, b);
            boolean growable = l.kind() == Kind.GROWABLE;
            Value result;
            switch (call.member().name()) {
                case "get" -> {
                    if (growable) {
                        insert(call, model("checkIndex", "(II)V", Type.VOID_TYPE, call.operand(1), size));
                    }
                    result = element(call, l, new Instruction(Op.ARRAY_LOAD, Opcodes.AALOAD, OBJECT, items, call.operand(1)));
                }
                case "set" -> {
                    if (growable) {
                        insert(call, model("checkIndex", "(II)V", Type.VOID_TYPE, call.operand(1), size));
                    }
                    // the element replaced, read only if it is used (and then judged by ObjectArrays' checks)
                    result = call.users().isEmpty() ? null
                            : element(call, l, new Instruction(Op.ARRAY_LOAD, Opcodes.AALOAD, OBJECT, items, call.operand(1)));
                    insert(call, new Instruction(Op.ARRAY_STORE, Opcodes.AASTORE, Type.VOID_TYPE, items, call.operand(1),
                            call.operand(2)));
                }
                case "add" -> {
                    Instruction grown = insert(call, model("grown", "([Ljava/lang/Object;I)[Ljava/lang/Object;", OBJECTS, items,
                            size));
                    insert(call, new Instruction(Op.ARRAY_STORE, Opcodes.AASTORE, Type.VOID_TYPE, grown, size, call.operand(1)));
                    Instruction more = insert(call, new Instruction(Op.ARITHMETIC, Opcodes.IADD, Type.INT_TYPE, size,
                            Constant.ofInt(1)));
                    ssa.write(new Variable(l.list(), Variable.ITEMS), b, grown);
                    ssa.write(new Variable(l.list(), Variable.SIZE), b, more);
                    result = Constant.ofInt(1); // true: the list changed
                }
                case "sort" -> { // Collections.sort(list), list.sort(c), in place over the list's array
                    if (SortKeys.isListSortByKey(call)) { // by comparingDouble(key): the order, then the objects moved by it
                        SortKeys.Key key = SortKeys.of(call.operand(1));
                        Instruction order = insert(call, SortKeys.orderBy(items, size, key));
                        insert(call, SortKeys.permute(items, order));
                        replace(call, null);
                        SortKeys.remove(key);
                        return;
                    }
                    Value comparator = call.operands().size() == 2 ? call.operand(1) : Constant.zero(OBJECT);
                    insert(call, model("sortBoxes", "([Ljava/lang/Object;IZ)V", Type.VOID_TYPE, items, size,
                            Constant.ofInt(descending(comparator) ? 1 : 0)));
                    replace(call, null);
                    if (comparator instanceof Instruction c && c.users().isEmpty()) {
                        c.clearOperands();
                        c.block().remove(c); // the comparator named the order: nothing else uses it
                    }
                    return;
                }
                case "max", "min" -> { // Collections.max(list): the element at the index its model finds
                    Value key = keyOfExtreme(call);
                    Instruction at = key == null ? insert(call, model(call.member().name().equals("max") ? "indexOfMax"
                            : "indexOfMin", "([Ljava/lang/Object;I)I", Type.INT_TYPE, items, size))
                            : insert(call, model(call.member().name().equals("max") ? "indexOfMaxBy" : "indexOfMinBy",
                                    "([Ljava/lang/Object;ILjava/util/function/ToDoubleFunction;)I", Type.INT_TYPE, items, size,
                                    key));
                    Value comparator = call.operand(1 % call.operands().size());
                    result = element(call, l, new Instruction(Op.ARRAY_LOAD, Opcodes.AALOAD, OBJECT, items, at));
                    if (key != null) {
                        replace(call, result);
                        ((Instruction) comparator).clearOperands(); // comparingDouble(key): its key is the model's now
                        ((Instruction) comparator).block().remove((Instruction) comparator);
                        return;
                    }
                }
                case "size" -> result = size;
                case "isEmpty" -> result = insert(call, model("isEmpty", "(I)Z", Type.INT_TYPE, size));
                default -> { // iterator: a cursor from 0, the iterator itself stays until its uses are lowered
                    ssa.write(new Variable(call, Variable.CURSOR), b, Constant.ofInt(0));
                    iterators.put(call, l);
                    expected.put(call, size);
                    return;
                }
            }
            replace(call, result);
        }

        /**
         * {@code hasNext} or {@code next} of an iterator of the list: its cursor compared with the
         * list's size, or the element at the cursor, after the iterator's checks, and the cursor
         * moved on. A {@code hasNext} tested by a branch (a for-each loop) becomes the comparison
         * itself, so the loop is a counted one, as over an array.
         */
        private void iterate(Block b, Instruction call, Instruction iterator, Lowered l) {
            Variable cursorOf = new Variable(iterator, Variable.CURSOR);
            Value cursor = ssa.read(cursorOf, Type.INT_TYPE, b);
            Value size = ssa.read(new Variable(l.list(), Variable.SIZE), Type.INT_TYPE, b);
            if (call.member().name().equals("next")) {
                insert(call, l.kind() == Kind.GROWABLE ? model("checkNext", "(III)V", Type.VOID_TYPE, cursor, size,
                        expected.get(iterator)) : model("checkNext", "(II)V", Type.VOID_TYPE, cursor, size));
                Value items = ssa.read(new Variable(l.list(), Variable.ITEMS), OBJECTS, b);
                element(call, l, new Instruction(Op.ARRAY_LOAD, Opcodes.AALOAD, OBJECT, items, cursor));
                ssa.write(cursorOf, b, insert(call, new Instruction(Op.ARITHMETIC, Opcodes.IADD, Type.INT_TYPE, cursor,
                        Constant.ofInt(1))));
                replace(call, null);
            } else if (call.users().size() == 1 && call.users().get(0).op() == Op.IF
                    && (call.users().get(0).opcode() == Opcodes.IFEQ || call.users().get(0).opcode() == Opcodes.IFNE)) {
                Instruction test = call.users().get(0);
                Instruction compare = new Instruction(Op.IF, test.opcode() == Opcodes.IFEQ ? Opcodes.IF_ICMPGE : Opcodes.IF_ICMPLT,
                        Type.VOID_TYPE, cursor, size).withLine(test.line());
                compare.targets().addAll(test.targets());
                test.block().replaceTerminator(compare);
                replace(call, null);
            } else {
                replace(call, insert(call, model("hasNext", "(II)Z", Type.INT_TYPE, cursor, size)));
            }
        }

        /** Removes the iterators, whose uses are lowered. */
        void removeIterators() {
            for (Instruction iterator : iterators.keySet()) {
                iterator.clearOperands();
                iterator.block().remove(iterator);
            }
        }

        /** Inserts {@code read}, which reads an element, in place of {@code call}, whose casts of it that cannot fail go. */
        private Instruction element(Instruction call, Lowered l, Instruction read) {
            insert(call, read);
            call.replaceAllUsesWith(read);
            dropCasts(read, l.held());
            return read;
        }

        private void replace(Instruction call, Value result) {
            if (result != null) {
                call.replaceAllUsesWith(result);
            }
            call.block().remove(call);
        }

        /** Removes the casts of {@code element} to a type that every object of the list has: they cannot fail. */
        private void dropCasts(Instruction element, Set<String> held) {
            for (Instruction cast : List.copyOf(element.users())) {
                if (cast.op() == Op.CHECKCAST && !held.contains(null)
                        && held.stream().allMatch(c -> isSubtype(c, cast.typeOperand().getInternalName(), 0))) {
                    cast.replaceAllUsesWith(element);
                    cast.block().remove(cast);
                }
            }
        }

        private boolean isSubtype(String c, String type, int depth) {
            if (c == null || depth > 16) {
                return false;
            }
            if (c.equals(type) || type.equals("java/lang/Object")) {
                return true;
            }
            ClassNode node = classes.apply(c);
            if (node == null || node.name == null) {
                return false;
            }
            if (isSubtype(node.superName, type, depth + 1)) {
                return true;
            }
            for (String i : node.interfaces) {
                if (isSubtype(i, type, depth + 1)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Inserts {@code insn} after {@code at}, on its line. */
    private static Instruction insertAfter(Instruction at, Instruction insn) {
        Block b = at.block();
        int next = b.body().indexOf(at) + 1;
        if (next < b.body().size()) {
            b.insertBefore(b.body().get(next), insn.withLine(at.line()));
        } else {
            b.append(insn.withLine(at.line()));
        }
        return insn;
    }

    /** Inserts {@code insn} before {@code at}, on its line. */
    private static Instruction insert(Instruction at, Instruction insn) {
        at.block().insertBefore(at, insn.withLine(at.line()));
        return insn;
    }

    private static Instruction model(String name, String descriptor, Type type, Value... args) {
        return new Instruction(Op.INVOKE, Opcodes.INVOKESTATIC, type, args)
                .withMember(new MemberRef(JdkModels.MODELS, name, descriptor, false));
    }
}
