package dev.fluxion.transformer.frontend;

import dev.fluxion.transformer.ir.Block;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.MemberRef;
import dev.fluxion.transformer.ir.Op;
import dev.fluxion.transformer.ir.Value;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Sorts of objects by a key: {@code list.sort(Comparator.comparingDouble(Point::x))},
 * {@code Collections.sort(list, comparingDouble(p -> p.dist))}, {@code Arrays.sort(array, ..)},
 * {@code .reversed()}. Such a sort is a permutation of the objects, found from their keys: it
 * becomes the order ({@code JdkModels.orderBy}, plain Java inlined as any model, stable and
 * comparing as {@code Double.compare}, the JDK's order bit for bit) and a move of the objects by
 * it ({@code Dispatch.permute}), which {@link ObjectArrays} makes a move of each array of numbers
 * that replaced them. The derivative then follows the elements, as JAX's sort gathers by the
 * argsort: the order itself is data.
 *
 * <p>Only a comparator made for that one sort, by {@code comparingDouble}, is followed: the key is
 * then all the comparator compares, and nothing else calls it. Any other comparator (a lambda of
 * the user's, {@code thenComparing}, {@code comparing} of boxed keys) leaves the sort as it is,
 * and the checks reject it with a message.
 */
final class SortKeys {
    /** The move of the objects: {@code Dispatch.permute(items, order)}. */
    static final MemberRef PERMUTE = new MemberRef("dev/fluxion/internal/Dispatch", "permute", "([Ljava/lang/Object;[I)V");
    private static final String ORDER_BY = "([Ljava/lang/Object;ILjava/util/function/ToDoubleFunction;Z)[I";
    private static final String ARRAYS_SORT = "java/util/Arrays.sort([Ljava/lang/Object;Ljava/util/Comparator;)V";

    /** Why another sort of objects is not followed, after "is sorted ". */
    static final String NOT_FOLLOWED = "in an order Fluxion does not follow: it sorts whole arrays and lists of objects by "
            + "Comparator.comparingDouble(key), perhaps .reversed(), made for that sort";

    /** A comparator followed: its key, whether reversed, and the instructions that made it (the last the comparator). */
    record Key(Value key, boolean descending, List<Instruction> made) {
    }

    private SortKeys() {
    }

    /**
     * {@code Comparator.comparingDouble(key)}, perhaps {@code .reversed()}, each used once (by the
     * sort, or by the reversal); else {@code null}.
     */
    static Key of(Value comparator) {
        if (!(comparator instanceof Instruction c) || c.op() != Op.INVOKE || c.users().size() != 1) {
            return null;
        }
        if (c.opcode() == Opcodes.INVOKEINTERFACE && c.member().owner().equals("java/util/Comparator")
                && c.member().name().equals("reversed") && c.operands().size() == 1) {
            Key inner = of(c.operand(0));
            return inner == null || inner.descending() ? null : new Key(inner.key(), true, List.of(inner.made().get(0), c));
        }
        if (c.opcode() == Opcodes.INVOKESTATIC && c.member().owner().equals("java/util/Comparator")
                && c.member().name().equals("comparingDouble")) {
            return new Key(c.operand(0), false, List.of(c));
        }
        return null;
    }

    /** Whether {@code call} sorts a list by a key followed here: {@code list.sort(c)} or {@code Collections.sort(list, c)}. */
    static boolean isListSortByKey(Instruction call) {
        return call.op() == Op.INVOKE && call.member().name().equals("sort") && call.operands().size() == 2
                && of(call.operand(1)) != null;
    }

    /**
     * {@code Arrays.sort(array, comparingDouble(key))}: rewritten in {@code b} into the order of the
     * array's objects and their move, which is {@code call} itself from then on; returns the order's
     * model call, to be inlined; else {@code null}, and nothing changes.
     */
    static Instruction lowerArraySort(Block b, Instruction call) {
        MemberRef m = call.member();
        if (call.op() != Op.INVOKE || call.opcode() != Opcodes.INVOKESTATIC
                || !ARRAYS_SORT.equals(m.owner() + "." + m.name() + m.descriptor())) {
            return null;
        }
        Key key = of(call.operand(1));
        if (key == null) {
            return null;
        }
        Value array = call.operand(0);
        Instruction length = new Instruction(Op.ARRAY_LENGTH, Opcodes.ARRAYLENGTH, Type.INT_TYPE, array).withLine(call.line());
        b.insertBefore(call, length);
        Instruction order = orderBy(array, length, key).withLine(call.line());
        b.insertBefore(call, order);
        call.setOperand(1, order);
        call.withMember(PERMUTE);
        remove(key);
        return order;
    }

    /** {@code JdkModels.orderBy(items, size, key, descending)}: the order that sorts the first {@code size} objects. */
    static Instruction orderBy(Value items, Value size, Key key) {
        return new Instruction(Op.INVOKE, Opcodes.INVOKESTATIC, Type.getType("[I"), items, size, key.key(),
                dev.fluxion.transformer.ir.Constant.ofInt(key.descending() ? 1 : 0))
                .withMember(new MemberRef(JdkModels.MODELS, "orderBy", ORDER_BY, false));
    }

    /** {@code Dispatch.permute(items, order)}. */
    static Instruction permute(Value items, Value order) {
        return new Instruction(Op.INVOKE, Opcodes.INVOKESTATIC, Type.VOID_TYPE, items, order).withMember(PERMUTE);
    }

    /** Whether {@code insn} sorts {@code array} as the JDK does, in an order not followed ({@code Arrays.sort(array, c)}, {@code Arrays.sort(array)}). */
    static boolean isArraySort(Instruction insn, Value array) {
        return insn.op() == Op.INVOKE && insn.opcode() == Opcodes.INVOKESTATIC && insn.member().owner().equals("java/util/Arrays")
                && (insn.member().name().equals("sort") || insn.member().name().equals("parallelSort"))
                && !insn.operands().isEmpty() && insn.operand(0) == array;
    }

    /** Whether {@code insn} moves the objects of {@code array} by an order: {@code Dispatch.permute(array, order)}. */
    static boolean isPermute(Instruction insn, Value array) {
        return insn.op() == Op.INVOKE && PERMUTE.equals(insn.member()) && insn.operand(0) == array && insn.operand(1) != array;
    }

    /** Removes the comparator, whose key the order's model takes now (the comparator last, then what it was made of). */
    static void remove(Key key) {
        for (int k = key.made().size() - 1; k >= 0; k--) {
            Instruction made = key.made().get(k);
            if (made.users().isEmpty()) {
                made.clearOperands();
                made.block().remove(made);
            }
        }
    }
}
