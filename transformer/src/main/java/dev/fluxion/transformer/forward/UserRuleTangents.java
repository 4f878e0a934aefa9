package dev.fluxion.transformer.forward;

import dev.fluxion.internal.Naming;
import dev.fluxion.transformer.analysis.ActivityAnalysis;
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
final class UserRuleTangents {
    private UserRuleTangents() {
    }

    static Value[] tangents(Instruction insn, Instruction copy, MemberRef rule, ActivityAnalysis activity, IrBuilder ir,
            Function<Value, Value[]> tangents, int width, BiFunction<Value, Type, Value> zerosLike) {
        Type[] params = Type.getArgumentTypes(insn.member().descriptor());
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
                if (activity.isActive(arg)) {
                    sum = ir.add(sum, ir.invokeStatic("dev/fluxion/internal/ArrayTangents", "dot",
                            "(Ljava/lang/Object;Ljava/lang/Object;)D", shadows.get(k), tangents.apply(arg)[lane]));
                }
            }
            out[lane] = sum;
        }
        return out;
    }
}
