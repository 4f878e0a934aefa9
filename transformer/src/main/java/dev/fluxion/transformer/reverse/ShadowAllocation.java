package dev.fluxion.transformer.reverse;

import dev.fluxion.transformer.analysis.ActivityAnalysis;
import dev.fluxion.transformer.analysis.ArrayFamilies;
import dev.fluxion.transformer.analysis.ArrayOps;
import dev.fluxion.transformer.ir.Constant;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.IrBuilder;
import dev.fluxion.transformer.ir.MemberRef;
import dev.fluxion.transformer.ir.Op;
import dev.fluxion.transformer.ir.Types;
import dev.fluxion.transformer.ir.Value;
import java.util.function.Function;
import org.objectweb.asm.Type;

/**
 * How the forward sweep gives every active array its shadow: an array of the same shape that the
 * reverse sweep fills with adjoints. A new array's shadow is a new zero array; a row's shadow is
 * the same row of the shadow; a copy of a 1-D array gets a fresh zero shadow (the copy's adjoint
 * flows back to the source in the reverse sweep), while a copy of an array of rows copies the
 * shadow's rows, since both share them. Storing a row into an array of rows, or moving rows with
 * {@code arraycopy}, is mirrored on the shadows, so shadows always have the primal's shape.
 */
final class ShadowAllocation {
    private ShadowAllocation() {
    }

    /**
     * Emits the shadow of {@code array} right after its forward copy {@code copy}.
     *
     * @param shadow the forward shadow of an operand
     */
    static Value shadowOf(Instruction array, Instruction copy, ActivityAnalysis activity, Function<Value, Value> shadow,
            IrBuilder ir) {
        switch (array.op()) {
            case NEW_ARRAY -> {
                Instruction s = new Instruction(Op.NEW_ARRAY, array.opcode(), array.type())
                        .withTypeOperand(array.typeOperand());
                for (Value dim : copy.operands()) {
                    s.addOperand(dim);
                }
                return ir.append(s);
            }
            case ARRAY_LOAD -> {
                if (array.operand(0) instanceof Instruction table && table.op() == Op.FIELD_GET) {
                    return CallAdjoints.zerosLike(ir, copy, array.type()); // a row of data: its adjoint is nobody's
                }
                return ir.arrayLoad(shadow.apply(array.operand(0)), copy.operand(1));
            }
            case FIELD_GET -> { // data merged with computed arrays (DifferentiabilityCheck): zeros, discarded
                boolean onlyRows = array.users().stream().allMatch(u -> u.op() == Op.ARRAY_LENGTH
                        || u.op() == Op.ARRAY_LOAD && u.operand(0) == array && !Types.isFloating(u.type()));
                return onlyRows ? new Constant(array.type(), null) : CallAdjoints.zerosLike(ir, copy, array.type()); // rows: zeros each
            }
            case CHECKCAST -> {
                if (array.operand(0) instanceof Instruction zeros && ArrayOps.isFreshZeros(zeros)) {
                    return CallAdjoints.zerosLike(ir, copy, array.type()); // new zeros of rows, untyped: new zeros too
                }
                return ir.checkcast(shadow.apply(array.operand(0)), array.type());
            }
            case INVOKE -> {
                if (ArrayOps.isFreshZeros(array)) { // new zeros: their shadow is new zeros too
                    return ir.append(new Instruction(Op.INVOKE, array.opcode(), array.type(), copy.operand(0))
                            .withMember(array.member()));
                }
                if (ArrayOps.of(array) == null) {
                    return resultShadow(array, copy, activity, shadow, ir);
                }
                Type type = ArrayOps.arrayType(array);
                // Arrays.copyOf of an array of rows is typed Object[]: one dimension, but its shadow copies rows
                if (type.getSort() == Type.ARRAY && type.getDimensions() == 1 && Types.isFloatingArray(type)) {
                    Value typed = copy.type().equals(type) ? copy : ir.checkcast(copy, type);
                    return ir.newPrimitiveArray(type, ir.arrayLength(typed));
                }
                MemberRef m = array.member();
                Value[] args = copy.operands().toArray(Value[]::new);
                args[0] = shadow.apply(array.operand(0));
                return ir.append(new Instruction(Op.INVOKE, array.opcode(), array.type(), args).withMember(m));
            }
            default -> throw new IllegalStateException("no shadow for " + array.op() + " (the differentiability check "
                    + "should have rejected it)");
        }
    }

    /**
     * The shadow of an array a {@code @Differentiable} callee returned: the shadow of the argument
     * (or row of one) it is, if it is one, else a new zero array of its shape.
     */
    private static Value resultShadow(Instruction call, Instruction copy, ActivityAnalysis activity,
            Function<Value, Value> shadow, IrBuilder ir) {
        Value found = new Constant(Types.OBJECT, null);
        for (int j = 0; j < call.operands().size(); j++) {
            // an argument it may return is in the result's family, so active like the result
            if (ArrayFamilies.isMember(call.operand(j)) && activity.isActive(call.operand(j))) {
                found = ir.invokeStatic(LocalAdjoints.ARRAY_ADJOINTS, "resultShadow", "(" + OBJECT.repeat(4) + ")" + OBJECT,
                        copy, copy.operand(j), shadow.apply(call.operand(j)), found);
            }
        }
        Value s = ir.invokeStatic(LocalAdjoints.ARRAY_ADJOINTS, "resultShadowOrZeros", "(" + OBJECT + OBJECT + ")" + OBJECT,
                copy, found);
        return ir.checkcast(s, call.type());
    }

    private static final String OBJECT = "Ljava/lang/Object;";

    /** Repeats on the shadows a store of a row, or an {@code arraycopy} of rows, that {@code insn} does. */
    static void mirrorReferenceMoves(Instruction insn, ActivityAnalysis activity, Function<Value, Value> shadow,
            Function<Value, Value> forward, IrBuilder ir) {
        if (insn.op() == Op.ARRAY_STORE && isArrayOfRows(insn.operand(0)) && activity.isActive(insn.operand(0))) {
            Value row = insn.operand(2);
            ir.arrayStore(shadow.apply(insn.operand(0)), forward.apply(insn.operand(1)),
                    ArrayFamilies.isMember(row) ? shadow.apply(row) : forward.apply(row));
        } else if (ArrayOps.of(insn) == ArrayOps.ARRAYCOPY && isArrayOfRows(insn.operand(2))
                && activity.isActive(insn.operand(2))) {
            ir.invokeStatic(insn.member(), shadow.apply(insn.operand(0)), forward.apply(insn.operand(1)),
                    shadow.apply(insn.operand(2)), forward.apply(insn.operand(3)), forward.apply(insn.operand(4)));
        }
    }

    private static boolean isArrayOfRows(Value v) {
        return ArrayFamilies.isMember(v) && v.type().getSort() == Type.ARRAY && v.type().getDimensions() > 1;
    }

}
