package dev.fluxion.transformer.forward;

import dev.fluxion.internal.Naming;
import dev.fluxion.transformer.analysis.ActivityAnalysis;
import dev.fluxion.transformer.diagnostics.JavaSyntax;
import dev.fluxion.transformer.diagnostics.Unsupported;
import dev.fluxion.transformer.ir.Constant;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.IrBuilder;
import dev.fluxion.transformer.ir.MemberRef;
import dev.fluxion.transformer.ir.Types;
import dev.fluxion.transformer.ir.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.objectweb.asm.Type;

/**
 * The tangent of a call that the user's {@code @AdjointOf} rule differentiates. The rule is a
 * vector-Jacobian product; for a scalar result, one call with seed 1 gives the whole gradient
 * of the call, and the tangent is its dot product with the arguments' tangents. So forward mode
 * honours the same rule as reverse mode, at the price of one reverse rule call per call.
 */
public final class UserRuleTangents {
    private UserRuleTangents() {
    }

    /** Where a Hessian-vector product's tangent takes a rule's gradient's dot product with a vector's tangent. */
    public static final MemberRef DOT_OF_VECTORS = new MemberRef("dev/fluxion/internal/ArrayTangents", "dotOfVectors",
            "([D[D)D", false);

    /**
     * @param inlinable for a tangent differentiated once more: the dot products are calls of plain
     *     code that can be inlined ({@link #DOT_OF_VECTORS}), so only vectors are taken
     */
    static Value[] tangents(Instruction insn, Instruction copy, MemberRef rule, ActivityAnalysis activity, IrBuilder ir,
            Function<Value, Value[]> tangents, int width, BiFunction<Value, Type, Value> zerosLike, boolean inlinable) {
        Type[] params = Type.getArgumentTypes(insn.callDescriptor()); // an instance method's receiver first
        List<Value> args = new ArrayList<>(copy.operands());
        List<Integer> arrays = new ArrayList<>();
        List<Value> shadows = new ArrayList<>();
        List<Integer> scalars = new ArrayList<>();
        for (int j = 0; j < params.length; j++) {
            if (Naming.isShadowed(params[j].getDescriptor())) {
                arrays.add(j);
                shadows.add(zerosLike.apply(copy.operand(j), params[j]));
            } else if (params[j].getSort() == Type.DOUBLE) {
                scalars.add(j);
            }
        }
        args.addAll(shadows);
        args.add(Constant.ofDouble(1.0));
        Value bars = null;
        if (!scalars.isEmpty()) {
            bars = ir.newPrimitiveArray(Types.DOUBLE_ARRAY, Constant.ofInt(scalars.size()));
            args.add(bars);
        }
        ir.invokeStatic(rule, args.toArray(Value[]::new));
        Value[] out = new Value[width];
        for (int lane = 0; lane < width; lane++) { // one rule call serves every lane
            Value sum = Constant.zero(Type.DOUBLE_TYPE);
            for (int k = 0; k < scalars.size(); k++) {
                Value arg = insn.operand(scalars.get(k));
                if (activity.isActive(arg)) {
                    sum = ir.add(sum, ir.mul(ir.arrayLoad(bars, Constant.ofInt(k)), tangents.apply(arg)[lane]));
                }
            }
            for (int k = 0; k < arrays.size(); k++) {
                Value arg = insn.operand(arrays.get(k));
                if (activity.isActive(arg) && inlinable) {
                    if (!params[arrays.get(k)].getDescriptor().equals("[D")) {
                        throw new Unsupported(insn.line(), "a call to " + JavaSyntax.method(insn.member()) + ", whose "
                                + "@AdjointOf rule takes a " + params[arrays.get(k)].getClassName() + ": second "
                                + "derivatives go through rules of methods taking double and double[] only",
                                "Use first derivatives through this rule, or write the method as a @Differentiable method.");
                    }
                    sum = ir.add(sum, ir.invokeStatic(DOT_OF_VECTORS, shadows.get(k), tangents.apply(arg)[lane]));
                } else if (activity.isActive(arg)) {
                    sum = ir.add(sum, ir.invokeStatic("dev/fluxion/internal/ArrayTangents", "dot",
                            "(Ljava/lang/Object;Ljava/lang/Object;)D", shadows.get(k), tangents.apply(arg)[lane]));
                }
            }
            out[lane] = sum;
        }
        return out;
    }
}
