package dev.fluxion.transformer.forward;

import static org.objectweb.asm.Opcodes.*;

import dev.fluxion.internal.Naming;
import dev.fluxion.transformer.analysis.ActivityAnalysis;
import dev.fluxion.transformer.analysis.ArrayFamilies;
import dev.fluxion.transformer.analysis.ArrayOps;
import dev.fluxion.transformer.analysis.Callees;
import dev.fluxion.transformer.analysis.VirtualCalls;
import dev.fluxion.transformer.derivatives.DerivativeRequest;
import dev.fluxion.transformer.forward.TangentGenerator.Result;
import dev.fluxion.transformer.ir.Constant;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.IrBuilder;
import dev.fluxion.transformer.ir.MemberRef;
import dev.fluxion.transformer.ir.Op;
import dev.fluxion.transformer.ir.Types;
import dev.fluxion.transformer.ir.Value;
import dev.fluxion.transformer.rules.DerivativeRule;
import dev.fluxion.transformer.rules.DerivativeRule.Partial;
import dev.fluxion.transformer.rules.MathRules;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.objectweb.asm.Type;

/**
 * The tangent of each kind of instruction: its forward copy, and the tangent of its result from
 * the tangents of its operands (the chain rule applied left to right, as in the primal). Arrays
 * follow the primal: an active array's tangent array is allocated, copied, filled and written
 * exactly where the primal's is. With several lanes (vector forward mode), each rule computes the
 * lane-independent part (the forward copy, the partial derivatives) once and the rest per lane.
 */
final class LocalTangents {
    private static final String ARRAY_ADJOINTS = "dev/fluxion/internal/ArrayAdjoints";
    private static final String ARRAY_TANGENTS = "dev/fluxion/internal/ArrayTangents";
    private static final String OBJECT = "Ljava/lang/Object;";

    private final ActivityAnalysis activity;
    private final Callees callees;
    private final IrBuilder ir;
    private final Function<Value, Value> forward;
    private final Function<Value, Value[]> tangents;
    private final Value tape;
    private final int width;

    LocalTangents(ActivityAnalysis activity, Callees callees, IrBuilder ir, Function<Value, Value> forward,
            Function<Value, Value[]> tangents, Value tape, int width) {
        this.activity = activity;
        this.callees = callees;
        this.ir = ir;
        this.forward = forward;
        this.tangents = tangents;
        this.tape = tape;
        this.width = width;
    }

    /** The tangent of {@code v} in one lane (its v-dot). */
    private Value tangent(Value v, int lane) {
        return tangents.apply(v)[lane];
    }

    /** One value per lane, from a rule for one lane. */
    private Value[] perLane(java.util.function.IntFunction<Value> rule) {
        Value[] out = new Value[width];
        for (int lane = 0; lane < width; lane++) {
            out[lane] = rule.apply(lane);
        }
        return out;
    }

    /** Runs a rule that emits code but defines no tangent, once per lane. */
    private Value[] eachLane(java.util.function.IntConsumer rule) {
        for (int lane = 0; lane < width; lane++) {
            rule.accept(lane);
        }
        return null;
    }

    /** Emits the forward copy of {@code insn} and, if it is active, its tangent. */
    Result emit(Instruction insn, boolean active) {
        if (active && insn.op() == Op.INVOKE && activity.isDifferentiableCall(insn)
                && callees.adjointRule(insn.member()) == null) {
            return differentiableCall(insn);
        }
        Instruction copy = copy(insn);
        if (!active) {
            return new Result(copy, null);
        }
        Value[] t = switch (insn.op()) {
            case ARITHMETIC -> arithmetic(insn, copy);
            case CONVERT -> perLane(lane -> convert(insn, lane));
            case ARRAY_LOAD -> perLane(lane -> ir.arrayLoad(tangent(insn.operand(0), lane), copy.operand(1)));
            case ARRAY_STORE -> {
                Value[] values = tangentOrZeros(insn.operand(2));
                yield eachLane(lane -> ir.arrayStore(tangent(insn.operand(0), lane), copy.operand(1), values[lane]));
            }
            case NEW_ARRAY -> perLane(lane -> {
                Instruction zeros = new Instruction(Op.NEW_ARRAY, insn.opcode(), insn.type()).withTypeOperand(insn.typeOperand());
                for (Value dim : copy.operands()) {
                    zeros.addOperand(dim);
                }
                return ir.append(zeros);
            });
            case CHECKCAST -> perLane(lane -> ir.checkcast(tangent(insn.operand(0), lane), insn.type()));
            case FIELD_GET -> perLane(lane -> zerosLike(copy, insn.type())); // data merged with computed arrays
            case INVOKE -> invoke(insn, copy);
            default -> throw new IllegalStateException("no tangent for " + insn.op() + " (the differentiability check "
                    + "should have rejected it)");
        };
        return new Result(copy, t);
    }

    private Instruction copy(Instruction insn) {
        Instruction copy = insn.copyWithoutOperands();
        for (Value v : insn.operands()) {
            copy.addOperand(forward.apply(v));
        }
        return ir.append(copy);
    }

    /** The tangents of an operand a tangent must be given: an inactive array's are arrays of zeros. */
    Value[] tangentOrZeros(Value v) {
        if (activity.isActive(v) || !ArrayFamilies.isMember(v)) {
            return tangents.apply(v);
        }
        return perLane(lane -> zerosLike(forward.apply(v), v.type()));
    }

    private Value[] arithmetic(Instruction insn, Instruction copy) {
        Value remainderPartial = null;
        if (Types.intOpcode(insn.opcode()) == IREM && activity.isActive(insn.operand(1))) {
            String t = insn.type().getDescriptor();
            remainderPartial = ir.invokeStatic(MathRules.HELPERS, "remDivisor", "(" + t + t + t + ")" + t,
                    copy.operand(0), copy.operand(1), copy);
        }
        Value q = remainderPartial;
        return perLane(lane -> arithmetic(insn, copy, lane, q));
    }

    /** One lane of an arithmetic instruction's tangent; {@code q} is the remainder's partial in its divisor. */
    private Value arithmetic(Instruction insn, Instruction copy, int lane, Value q) {
        Value a = insn.operand(0);
        Value aDot = tangent(a, lane);
        switch (Types.intOpcode(insn.opcode())) {
            case IADD -> {
                return ir.add(aDot, tangent(insn.operand(1), lane));
            }
            case ISUB -> {
                Value bDot = tangent(insn.operand(1), lane);
                return activity.isActive(a) ? ir.sub(aDot, bDot) : ir.neg(bDot);
            }
            case IMUL -> {
                Value b = insn.operand(1);
                Value left = activity.isActive(a) ? ir.mul(aDot, copy.operand(1)) : null;
                Value right = activity.isActive(b) ? ir.mul(copy.operand(0), tangent(b, lane)) : null;
                return left == null ? right : right == null ? left : ir.add(left, right);
            }
            case IDIV -> {
                // (a/b)' = (a' - r b') / b
                Value b = insn.operand(1);
                Value numerator = aDot;
                if (activity.isActive(b)) {
                    Value rbDot = ir.mul(copy, tangent(b, lane));
                    numerator = activity.isActive(a) ? ir.sub(aDot, rbDot) : ir.neg(rbDot);
                }
                return ir.div(numerator, copy.operand(1));
            }
            case IREM -> {
                Value b = insn.operand(1);
                return activity.isActive(b) ? ir.add(aDot, ir.mul(tangent(b, lane), q)) : aDot;
            }
            case INEG -> {
                return ir.neg(aDot);
            }
            default -> throw new IllegalStateException("no tangent for " + insn.opcode());
        }
    }

    private Value convert(Instruction insn, int lane) {
        Value aDot = tangent(insn.operand(0), lane);
        if (insn.opcode() == F2D) {
            return ir.convert(F2D, Type.DOUBLE_TYPE, aDot);
        }
        if (insn.opcode() == D2F) {
            return ir.convert(D2F, Type.FLOAT_TYPE, aDot);
        }
        throw new IllegalStateException("no tangent for conversion " + insn.opcode());
    }

    private Value[] invoke(Instruction insn, Instruction copy) {
        ArrayOps op = ArrayOps.of(insn);
        if (op != null) {
            return arrayOperation(insn, op, copy);
        }
        DerivativeRule rule = MathRules.ruleFor(insn.member());
        if (rule != null) {
            return mathCall(insn, rule, copy);
        }
        MemberRef userRule = callees.adjointRule(insn.member());
        if (userRule != null) {
            // no tape: a pure tangent, which a Hessian-vector product differentiates once more
            return UserRuleTangents.tangents(insn, copy, userRule, activity, ir, tangents, width, this::zerosLike,
                    tape == null);
        }
        throw new IllegalStateException("no tangent for a call to " + insn.member());
    }

    /** {@code f(a, b)' = df/da a' + df/db b'}, with the partials of the reverse rules, computed once for all lanes. */
    private Value[] mathCall(Instruction insn, DerivativeRule rule, Instruction copy) {
        String t = insn.type().getDescriptor();
        Value[] partials = new Value[insn.operands().size()];
        for (int j = 0; j < insn.operands().size(); j++) {
            Partial p = rule.partial(j);
            if (p == null || !activity.isActive(insn.operand(j))) {
                continue;
            }
            Value partial;
            if (p.helper() == null) {
                partial = input(copy, p.inputs()[0]);
            } else {
                Value[] inputs = new Value[p.inputs().length];
                for (int k = 0; k < inputs.length; k++) {
                    inputs[k] = input(copy, p.inputs()[k]);
                }
                partial = ir.invokeStatic(MathRules.HELPERS, p.helper(), MathRules.helperDescriptor(insn.type(), inputs), inputs);
            }
            partials[j] = partial;
        }
        return perLane(lane -> {
            Value sum = null;
            for (int j = 0; j < partials.length; j++) {
                if (partials[j] != null) {
                    Value term = ir.mul(partials[j], tangent(insn.operand(j), lane));
                    sum = sum == null ? term : ir.add(sum, term);
                }
            }
            return sum == null ? Constant.zero(insn.type()) : sum;
        });
    }

    private static Value input(Instruction copy, int input) {
        return input == DerivativeRule.RESULT ? copy : copy.operand(input);
    }

    /**
     * Copies make a copy of the tangent; {@code arraycopy} and {@code fill} do to the tangent what
     * they do to the array, with zeros where the source is inactive.
     */
    private Value[] arrayOperation(Instruction insn, ArrayOps op, Instruction copy) {
        Value a = insn.operand(0);
        switch (op) {
            case CLONE, COPY_OF, COPY_OF_RANGE -> {
                Type type = ArrayOps.arrayType(insn);
                if (!activity.isActive(a)) {
                    Value typed = copy.type().equals(type) ? copy : ir.checkcast(copy, type);
                    return perLane(lane -> zerosLike(typed, type));
                }
                return perLane(lane -> {
                    List<Value> args = new ArrayList<>(copy.operands());
                    args.set(0, tangent(a, lane));
                    return ir.append(new Instruction(Op.INVOKE, insn.opcode(), insn.type(), args.toArray(Value[]::new))
                            .withMember(insn.member()));
                });
            }
            case ARRAYCOPY -> {
                return eachLane(lane -> {
                    Value dstDot = tangent(insn.operand(2), lane);
                    if (activity.isActive(a)) {
                        ir.invokeStatic(insn.member(), tangent(a, lane), copy.operand(1), dstDot, copy.operand(3),
                                copy.operand(4));
                    } else if (Types.isFloatingArray(dstDot.type()) && dstDot.type().getDimensions() == 1) {
                        // Arrays.fill, which reverse mode differentiates again (Hessian-vector products)
                        Type t = dstDot.type();
                        Value zero = Constant.zero(t.getElementType());
                        Value end = ir.add(copy.operand(3), copy.operand(4));
                        ir.invokeStatic(new MemberRef("java/util/Arrays", "fill", "(" + t.getDescriptor() + "II"
                                + t.getElementType().getDescriptor() + ")V"), dstDot, copy.operand(3), end, zero);
                    } else {
                        ir.invokeStatic(ARRAY_TANGENTS, "copyZeros", "(" + OBJECT + "I" + OBJECT + "II)V", copy.operand(0),
                                copy.operand(1), dstDot, copy.operand(3), copy.operand(4));
                    }
                });
            }
            case FILL -> {
                return eachLane(lane -> {
                    List<Value> args = new ArrayList<>(copy.operands());
                    args.set(0, tangent(a, lane));
                    args.set(args.size() - 1, tangent(insn.operand(args.size() - 1), lane));
                    ir.invokeStatic(insn.member(), args.toArray(Value[]::new));
                });
            }
            default -> throw new IllegalStateException(op.toString());
        }
    }

    /**
     * A call to another {@code @Differentiable} method becomes a call to its tangent, which runs the
     * callee once, primal and tangent together, writes the tangents of the arrays it writes, and
     * leaves the tangent of its result on the tape.
     */
    private Result differentiableCall(Instruction insn) {
        MemberRef callee = insn.member();
        String descriptor = insn.callDescriptor(); // the receiver, if any, is operand 0
        Type[] params = Type.getArgumentTypes(descriptor);
        List<Value> args = new ArrayList<>();
        List<Value[]> tangentArgs = new ArrayList<>();
        for (int j = 0; j < params.length; j++) {
            args.add(forward.apply(insn.operand(j)));
            if (Naming.hasTangent(params[j].getDescriptor())) {
                tangentArgs.add(readOnlyZeros(insn, j, params[j]) ? sharedZeros(forward.apply(insn.operand(j)), params[j])
                        : tangentOrZeros(insn.operand(j)));
            }
        }
        for (int lane = 0; lane < width; lane++) { // lane by lane, as the callee's tangent takes them
            for (Value[] t : tangentArgs) {
                args.add(t[lane]);
            }
        }
        args.add(tape);
        Instruction call = VirtualCalls.callDerivative(ir, insn, VirtualCalls.isDispatched(insn, callees),
                callees.derivatives().member(DerivativeRequest.tangent(callee, descriptor, width)), args.toArray(Value[]::new));
        Type ret = Type.getReturnType(callee.descriptor());
        Value[] resultTangent = null;
        if (ret.getSort() != Type.VOID) {
            resultTangent = new Value[width];
            for (int lane = width - 1; lane >= 0; lane--) {
                resultTangent[lane] = pop(Types.computational(ret));
            }
        }
        return new Result(call, activity.isActive(insn) && ActivityAnalysis.canCarry(insn) ? resultTangent : null);
    }

    /**
     * Whether the tangent of argument {@code j} may be the thread's shared zeros: a 1-D array whose
     * contents do not vary, which the callee neither writes nor returns, so nothing writes its tangent.
     */
    private boolean readOnlyZeros(Instruction call, int j, Type param) {
        return ArrayFamilies.isMember(call.operand(j)) && !activity.isActive(call.operand(j))
                && param.getSort() == Type.ARRAY && param.getDimensions() == 1
                && !callees.mayWriteArgument(call.member(), j) && !callees.mayReturnArgument(call.member(), j);
    }

    private Value[] sharedZeros(Value array, Type type) {
        return perLane(lane -> ir.invokeVirtual(Naming.TAPE_INTERNAL_NAME, "zeros",
                "(" + type.getDescriptor() + ")" + type.getDescriptor(), tape, array));
    }

    /** Pushes a result's tangent for the caller (see {@code Naming.tangentName}). */
    void push(Value v) {
        Type t = v.type();
        if (Types.isReference(t)) {
            ir.invokeVirtual(Naming.TAPE_INTERNAL_NAME, "pushRef", "(" + OBJECT + ")V", tape, v);
        } else {
            String kind = t.getSort() == Type.FLOAT ? "Float" : "Double";
            ir.invokeVirtual(Naming.TAPE_INTERNAL_NAME, "push" + kind, "(" + t.getDescriptor() + ")V", tape, v);
        }
    }

    private Value pop(Type t) {
        if (Types.isReference(t)) {
            return ir.checkcast(ir.invokeVirtual(Naming.TAPE_INTERNAL_NAME, "popRef", "()" + OBJECT, tape), t);
        }
        String kind = t.getSort() == Type.FLOAT ? "Float" : "Double";
        return ir.invokeVirtual(Naming.TAPE_INTERNAL_NAME, "pop" + kind, "()" + t.getDescriptor(), tape);
    }

    /** A new array of zeros shaped like {@code array} (of static type {@code type}); {@code null} for {@code null}. */
    Value zerosLike(Value array, Type type) {
        if (type.getSort() == Type.ARRAY && type.getDimensions() == 1) {
            return ir.invokeStatic(ARRAY_TANGENTS, "zerosLike", "(" + type.getDescriptor() + ")" + type.getDescriptor(),
                    array);
        }
        return ir.checkcast(ir.invokeStatic(ARRAY_ADJOINTS, "zerosLike", "(" + OBJECT + ")" + OBJECT, array), type);
    }
}
