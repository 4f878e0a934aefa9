package dev.fluxion.transformer.analysis;

import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.MemberRef;
import dev.fluxion.transformer.ir.Op;
import dev.fluxion.transformer.ir.Types;
import org.objectweb.asm.Type;

/**
 * Recognises the library calls that move array contents and that Fluxion differentiates like
 * instructions: {@code array.clone()}, {@code Arrays.copyOf}, {@code Arrays.copyOfRange},
 * {@code System.arraycopy} and {@code Arrays.fill}. The first three create a new array from an old
 * one; the last two write into an existing array.
 */
public enum ArrayOps {
    /** {@code a.clone()}: operand 0 is the source. */
    CLONE,
    /** {@code Arrays.copyOf(a, n)}. */
    COPY_OF,
    /** {@code Arrays.copyOfRange(a, from, to)}. */
    COPY_OF_RANGE,
    /** {@code System.arraycopy(src, srcPos, dst, dstPos, n)}. */
    ARRAYCOPY,
    /** {@code Arrays.fill(a, v)} or {@code Arrays.fill(a, from, to, v)} on a {@code double[]}/{@code float[]}. */
    FILL;

    /** Which of these {@code insn} is, or {@code null}. */
    public static ArrayOps of(Instruction insn) {
        if (insn.op() != Op.INVOKE) {
            return null;
        }
        String owner = insn.member().owner();
        String name = insn.member().name();
        String desc = insn.member().descriptor();
        if (owner.startsWith("[") && name.equals("clone") && Types.isFloatingArray(Type.getObjectType(owner))) {
            return CLONE;
        }
        if (owner.equals("java/lang/System") && name.equals("arraycopy")) {
            return ARRAYCOPY;
        }
        if (!owner.equals("java/util/Arrays")) {
            return null;
        }
        return switch (name) {
            case "copyOf" -> desc.startsWith("([D") || desc.startsWith("([F") || desc.startsWith("([Ljava/lang/Object;I)")
                    ? COPY_OF : null;
            case "copyOfRange" -> desc.startsWith("([D") || desc.startsWith("([F")
                    || desc.startsWith("([Ljava/lang/Object;II)") ? COPY_OF_RANGE : null;
            case "fill" -> desc.equals("([DD)V") || desc.equals("([DIID)V") || desc.equals("([FF)V")
                    || desc.equals("([FIIF)V") ? FILL : null;
            default -> null;
        };
    }

    /**
     * The array type of an array value, and so of its shadow or tangent: its own type, or for an
     * untyped {@code clone()} the type cloned.
     */
    public static Type arrayType(Instruction array) {
        if (array.type().getSort() == Type.ARRAY) {
            return array.type();
        }
        if (of(array) == CLONE) {
            return Type.getObjectType(array.member().owner());
        }
        return array.type();
    }

    /**
     * Whether {@code insn} is one of Fluxion's own helpers that return a new array of zeros shaped
     * like their argument ({@code zerosLike}): in a tangent that reverse mode differentiates once more
     * (Hessian-vector products), the tangent of a copy of constant data. A new array, like {@code new}.
     */
    public static boolean isFreshZeros(Instruction insn) {
        return insn.op() == Op.INVOKE && isZerosLike(insn.member());
    }

    /**
     * Whether {@code method} is one of the {@code zerosLike} helpers of {@link #isFreshZeros}: it reads
     * its argument's shape, never its numbers, and neither writes it nor returns it.
     */
    public static boolean isZerosLike(MemberRef method) {
        return method.name().equals("zerosLike") && (method.owner().equals("dev/fluxion/internal/ArrayTangents")
                || method.owner().equals("dev/fluxion/internal/ArrayAdjoints"));
    }

    /** Whether this operation creates a new array (its result) from operand 0. */
    public boolean creates() {
        return this == CLONE || this == COPY_OF || this == COPY_OF_RANGE;
    }
}
