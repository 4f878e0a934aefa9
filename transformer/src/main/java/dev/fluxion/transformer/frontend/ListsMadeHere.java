package dev.fluxion.transformer.frontend;

import dev.fluxion.transformer.ir.Block;
import dev.fluxion.transformer.ir.Constant;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.IrFunction;
import dev.fluxion.transformer.ir.MemberRef;
import dev.fluxion.transformer.ir.Op;
import dev.fluxion.transformer.ir.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;

/**
 * Immutable lists made in the method ({@code List.of(ball, ground)}, {@code Arrays.asList(..)})
 * and only read ({@code get(i)}, {@code size()}, {@code isEmpty()}, a for-each loop) become the
 * array of their elements: {@code get} an element load, {@code size()} its length, and an iterator
 * a one-element {@code int[]} cursor that the runtime's {@code JdkModels.hasNext} and {@code next}
 * move, plain Java {@link ReadableCallees} inlines. An array of objects made here is what
 * {@link ObjectArrays} then splits into an array per field, and what {@link TypeSwitch} dispatches
 * over: a scene of shapes in a list is differentiated as one in an array is.
 *
 * <p>A list may also be held in a final field of an object made here ({@code new Scene(List.of(ball,
 * ground), light)}) once {@link ValueObjects} has inlined the object's code: the reads of that field
 * are the list itself, and the field is then given {@code null}, which nobody reads.
 *
 * <p>A list used in any other way (passed to a call that was not inlined, stored, streamed, a
 * phi of two lists) stays as it is, and the checks report it.
 */
final class ListsMadeHere {
    private static final Type OBJECTS = Type.getType("[Ljava/lang/Object;");
    private static final Set<String> LIST_TYPES = Set.of("java/util/List", "java/util/Collection", "java/lang/Iterable");
    private static final Set<String> READS = Set.of("get(I)Ljava/lang/Object;", "size()I", "isEmpty()Z",
            "iterator()Ljava/util/Iterator;");

    private ListsMadeHere() {
    }

    /** Whether {@code v} is a list this class lowers, as made: {@code List.of(..)} or {@code Arrays.asList(..)}. */
    static boolean isMadeHere(Value v) {
        return v instanceof Instruction i && elements(i) != null;
    }

    /**
     * Lowers every list of {@code f} made here and only read; returns whether there was one.
     * {@code classes} reads a class, to drop the casts of elements to a type every element has
     * ({@code (Shape) it.next()}), which an array of objects then need not keep.
     */
    static boolean lower(IrFunction f, Function<String, ClassNode> classes) {
        Set<Instruction> unread = forwardHeldLists(f, classes);
        List<Instruction> lists = new ArrayList<>();
        for (Block b : f.blocks()) {
            for (Instruction insn : b.body()) {
                if (elements(insn) != null && onlyRead(insn, unread)) {
                    lists.add(insn);
                }
            }
        }
        for (Instruction list : lists) {
            Set<String> held = new java.util.HashSet<>();
            for (Value e : elements(list)) {
                held.add(e instanceof Instruction i && i.op() == Op.NEW_OBJECT ? i.type().getInternalName() : null);
            }
            lowerOne(list, held, classes);
        }
        return !lists.isEmpty();
    }

    /**
     * The elements of {@code List.of(e0, .., en)} (not its varargs form), or the array
     * {@code Arrays.asList} is given if that array is made here and used by nothing else (then the
     * array is returned alone, its stores being the elements); else {@code null}.
     */
    private static List<Value> elements(Instruction i) {
        MemberRef m = i.member();
        if (i.op() != Op.INVOKE || m == null || i.opcode() != Opcodes.INVOKESTATIC) {
            return null;
        }
        if (m.owner().equals("java/util/List") && m.name().equals("of") && !m.descriptor().startsWith("([")
                && m.descriptor().endsWith(")Ljava/util/List;")) {
            return i.operands();
        }
        if (m.owner().equals("java/util/Arrays") && m.name().equals("asList")
                && i.operand(0) instanceof Instruction array && array.op() == Op.NEW_ARRAY
                && array.users().stream().allMatch(u -> u == i || u.op() == Op.ARRAY_STORE && u.operand(0) == array
                        && u.operand(2) != array)) {
            return List.of(array);
        }
        return null;
    }

    /**
     * Replaces the reads of a final field that holds a list made here, in an object made here whose
     * code is inlined (only its fields are read and written), by the list: the field is assigned
     * once, before those reads, and a final field keeps what it was given. Returns the stores of
     * such lists, whose fields are now unread.
     */
    private static Set<Instruction> forwardHeldLists(IrFunction f, Function<String, ClassNode> classes) {
        Set<Instruction> stores = new java.util.HashSet<>();
        for (Block b : f.blocks()) {
            for (Instruction store : b.body()) {
                if (store.op() != Op.FIELD_PUT || store.operands().size() != 2 || !(store.operand(1) instanceof Instruction list)
                        || elements(list) == null || !(store.operand(0) instanceof Instruction object)
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

    /** Whether the list is only read; {@code held}: stores of lists into fields nobody reads. */
    private static boolean onlyRead(Instruction list, Set<Instruction> held) {
        for (Instruction user : list.users()) {
            if (held.contains(user)) {
                continue;
            }
            if (!isCall(user, LIST_TYPES, READS) || user.operand(0) != list) {
                return false;
            }
            if (user.member().name().equals("iterator")) {
                for (Instruction use : user.users()) {
                    if (!isCall(use, Set.of("java/util/Iterator"), Set.of("hasNext()Z", "next()Ljava/lang/Object;"))) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static boolean isCall(Instruction i, Set<String> owners, Set<String> methods) {
        return i.op() == Op.INVOKE && i.opcode() == Opcodes.INVOKEINTERFACE && owners.contains(i.member().owner())
                && methods.contains(i.member().name() + i.member().descriptor());
    }

    private static void lowerOne(Instruction list, Set<String> held,
            Function<String, ClassNode> classes) {
        Block b = list.block();
        List<Value> elements = elements(list);
        Value array;
        if (elements.size() == 1 && elements.get(0) instanceof Instruction a && a.op() == Op.NEW_ARRAY
                && list.member().name().equals("asList")) {
            array = a;
        } else {
            Instruction made = new Instruction(Op.NEW_ARRAY, Opcodes.ANEWARRAY, OBJECTS, Constant.ofInt(elements.size()))
                    .withLine(list.line());
            b.insertBefore(list, made);
            for (int k = 0; k < elements.size(); k++) {
                b.insertBefore(list, new Instruction(Op.ARRAY_STORE, Opcodes.AASTORE, Type.VOID_TYPE, made,
                        Constant.ofInt(k), elements.get(k)).withLine(list.line()));
            }
            array = made;
        }
        for (Instruction user : List.copyOf(list.users())) {
            if (user.op() == Op.FIELD_PUT) { // into a field nobody reads now
                user.setOperand(1, Constant.zero(list.type()));
                continue;
            }
            Block at = user.block();
            Instruction replacement = switch (user.member().name()) {
                case "get" -> new Instruction(Op.ARRAY_LOAD, Opcodes.AALOAD, Type.getType(Object.class), array, user.operand(1));
                case "size" -> new Instruction(Op.ARRAY_LENGTH, Opcodes.ARRAYLENGTH, Type.INT_TYPE, array);
                case "isEmpty" -> model("isEmpty", "([Ljava/lang/Object;)Z", Type.INT_TYPE, array);
                default -> new Instruction(Op.NEW_ARRAY, Opcodes.NEWARRAY, Type.getType("[I"), Constant.ofInt(1)); // the cursor
            };
            replacement.withLine(user.line());
            at.insertBefore(user, replacement);
            if (user.member().name().equals("iterator")) {
                for (Instruction use : List.copyOf(user.users())) {
                    boolean next = use.member().name().equals("next");
                    Instruction moved = next ? model("next", "([I[Ljava/lang/Object;)Ljava/lang/Object;", Type.getType(Object.class),
                            replacement, array) : model("hasNext", "([I[Ljava/lang/Object;)Z", Type.INT_TYPE, replacement, array);
                    moved.withLine(use.line());
                    use.block().insertBefore(use, moved);
                    use.replaceAllUsesWith(moved);
                    use.block().remove(use);
                    if (next) {
                        dropCasts(moved, held, classes);
                    }
                }
            }
            user.replaceAllUsesWith(replacement);
            at.remove(user);
            if (user.member().name().equals("get")) {
                dropCasts(replacement, held, classes);
            }
        }
        b.remove(list);
    }

    /** Removes the casts of {@code element} to a type that every object of the list has: they cannot fail. */
    private static void dropCasts(Instruction element, Set<String> held,
            Function<String, ClassNode> classes) {
        for (Instruction cast : List.copyOf(element.users())) {
            if (cast.op() == Op.CHECKCAST && !held.contains(null)
                    && held.stream().allMatch(c -> isSubtype(c, cast.typeOperand().getInternalName(), classes, 0))) {
                cast.replaceAllUsesWith(element);
                cast.block().remove(cast);
            }
        }
    }

    private static boolean isSubtype(String c, String type, Function<String, ClassNode> classes,
            int depth) {
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
        if (isSubtype(node.superName, type, classes, depth + 1)) {
            return true;
        }
        for (String i : node.interfaces) {
            if (isSubtype(i, type, classes, depth + 1)) {
                return true;
            }
        }
        return false;
    }

    private static Instruction model(String name, String descriptor, Type type, Value... args) {
        return new Instruction(Op.INVOKE, Opcodes.INVOKESTATIC, type, args)
                .withMember(new MemberRef(JdkModels.MODELS, name, descriptor, false));
    }
}
