package dev.fluxion.transformer.reverse;

import static org.objectweb.asm.Opcodes.DDIV;
import static org.objectweb.asm.Opcodes.DMUL;

import dev.fluxion.internal.Naming;
import dev.fluxion.transformer.analysis.ActivityAnalysis;
import dev.fluxion.transformer.analysis.ArrayFamilies;
import dev.fluxion.transformer.analysis.ControlFlow;
import dev.fluxion.transformer.analysis.VirtualCalls;
import dev.fluxion.transformer.derivatives.DerivativeRequest;
import dev.fluxion.transformer.derivatives.DerivativeRequests;
import dev.fluxion.transformer.derivatives.IterationBody;
import dev.fluxion.transformer.ir.Constant;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.IrBuilder;
import dev.fluxion.transformer.ir.MemberRef;
import dev.fluxion.transformer.ir.Op;
import dev.fluxion.transformer.ir.Types;
import dev.fluxion.transformer.ir.Value;
import dev.fluxion.transformer.reverse.LocalAdjoints.Sweep;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.function.Function;
import org.objectweb.asm.Type;

/**
 * The adjoints of calls that are not {@code Math} functions: to a {@code @Differentiable} method,
 * reversed jointly through its adjoint, and to a method with a user's {@code @AdjointOf} rule. Both
 * recompute the call from its arguments, so arrays the callee or later code may write are saved by
 * the forward sweep before the call ({@link #snapshotsBefore}) and restored before the adjoint runs.
 */
final class CallAdjoints {
    private final ActivityAnalysis activity;
    private final ControlFlow cfg;
    private final Function<Instruction, MemberRef> ruleOf;
    private final java.util.function.BiPredicate<Instruction, Integer> mayWriteOrReturn;
    private final java.util.function.BiPredicate<Instruction, Integer> mayRead;
    private final DerivativeRequests derivatives;
    private final java.util.function.Predicate<Instruction> dispatched;

    /**
     * @param ruleOf the user's {@code @AdjointOf} rule for a call, or {@code null}
     * @param mayWriteOrReturn whether a call may write, or return, the array passed as operand {@code j}
     * @param mayRead whether a call may read the array passed as operand {@code j}
     * @param derivatives where the callees' adjoints live ({@link DerivativeRequests})
     * @param dispatched whether a call's adjoint is found by its receiver's class when it runs ({@link VirtualCalls})
     */
    CallAdjoints(ActivityAnalysis activity, ControlFlow cfg, Function<Instruction, MemberRef> ruleOf,
            java.util.function.BiPredicate<Instruction, Integer> mayWriteOrReturn,
            java.util.function.BiPredicate<Instruction, Integer> mayRead,
            DerivativeRequests derivatives, java.util.function.Predicate<Instruction> dispatched) {
        this.activity = activity;
        this.cfg = cfg;
        this.ruleOf = ruleOf;
        this.mayWriteOrReturn = mayWriteOrReturn;
        this.mayRead = mayRead;
        this.derivatives = derivatives;
        this.dispatched = dispatched;
    }

    /**
     * The adjoint a call runs, as the derivative registry places it: the callee's own, an outlined
     * loop body's, or, when the caller passes data (inactive floating-point arguments) to a static
     * callee of this class, a variant specialised to the active arguments. Enzyme likewise generates
     * a derivative per activity of the arguments.
     */
    private MemberRef adjoint(Instruction insn, Type[] params) {
        Set<Integer> active = new java.util.TreeSet<>();
        for (int j = 0; j < params.length; j++) {
            if (activity.isActive(insn.operand(j))) {
                active.add(j);
            }
        }
        return derivatives.member(DerivativeRequest.adjoint(insn.member(), insn.callDescriptor(), active));
    }

    /**
     * Differentiates through a call to another {@code @Differentiable} method by calling its
     * adjoint, which recomputes the callee's forward sweep and runs its reverse sweep (joint
     * call-tree reversal, as Tapenade's default), then pops the adjoints of its scalar parameters.
     */
    void differentiableCall(Instruction insn, Value rBar, Sweep s) {
        IrBuilder ir = s.ir();
        MemberRef callee = insn.member();
        String descriptor = insn.callDescriptor(); // the receiver, if any, is operand 0
        Type[] params = Type.getArgumentTypes(descriptor);
        List<Value> args = argumentsAndShadows(insn, params, s);
        Type ret = Type.getReturnType(callee.descriptor());
        if (ArrayFamilies.isMember(insn)) {
            args.add(activity.isActive(insn) ? s.shadow(insn) : new Constant(ret, null));
        } else if (ret.getSort() != Type.VOID) {
            args.add(rBar != null ? rBar : Constant.zero(ret));
        }
        args.add(s.tape().tape());
        VirtualCalls.callDerivative(ir, insn, dispatched.test(insn), adjoint(insn, params), args.toArray(Value[]::new));
        for (int j = params.length - 1; j >= 0; j--) {
            if (Types.isFloating(params[j])) {
                s.accumulate(insn.operand(j), s.tape().pop(params[j]));
            }
        }
    }

    /**
     * Whether {@code insn} is a call to a {@code @Differentiable} method whose result the caller
     * returns as it is ({@code return g(x);}), or a last call before a {@code void} return: nothing
     * runs after it, and the adjoint of its result is the caller's own seed, known from the start.
     * The forward sweep then runs the callee's adjoint in place of the call ({@link #tailCall}): the
     * callee runs once, not twice (its primal, then its adjoint, which recomputes it), and nothing
     * needs saving for it. The model wrapper {@code loss(w) { return Model.loss(w, data); }} is the
     * common case.
     */
    boolean isTailCall(Instruction insn) {
        Instruction t = insn.block().terminator();
        List<Instruction> body = insn.block().body();
        return insn.op() == Op.INVOKE && activity.isDifferentiableCall(insn) && activity.isActive(insn)
                && ruleOf.apply(insn) == null && body.get(body.size() - 1) == insn && t.op() == Op.RETURN
                && (t.operands().isEmpty() ? !insn.hasValue() : t.operand(0) == insn && Types.isFloating(insn.type()));
    }

    /**
     * Whether the forward sweep runs {@code insn}'s adjoint in its place, the adjoint of its result
     * being known there: a {@linkplain #isTailCall tail call}, or a loop body outlined by
     * {@link IndependentIterations}, whose result is summed into the caller's. The reverse sweep
     * then has nothing to do for it but pass on the adjoints of a tail call's scalar arguments.
     */
    boolean isForwardSweepCall(Instruction insn) {
        return isTailCall(insn) || insn.op() == Op.INVOKE && derivatives.iterationBody(insn.member()) != null
                && activity.isDifferentiableCall(insn) && activity.isActive(insn);
    }

    /**
     * A call the forward sweep differentiates (see {@link #isForwardSweepCall}): the callee's adjoint,
     * given the arguments, their shadows and the caller's seed (for an outlined loop body, the seed
     * of the sum: negated where the caller subtracts the sum, scaled where it scales it). Returns the
     * primal result; the adjoints of the callee's scalar parameters, popped at once, go into
     * {@code scalarBars} by operand index.
     */
    Instruction tailCall(Instruction insn, Function<Value, Value> forward, Function<Value, Value> shadow, Value seed,
            IrBuilder ir, TapeAccess tape, Map<Integer, Value> scalarBars) {
        MemberRef callee = insn.member();
        String descriptor = insn.callDescriptor();
        Type[] params = Type.getArgumentTypes(descriptor);
        List<Value> args = argumentsAndShadows(insn, params, forward, shadow, ir, tape.tape());
        if (insn.hasValue()) {
            Value bodySeed = seed;
            IterationBody body = derivatives.iterationBody(callee);
            for (IterationBody.SeedStep step : body != null ? body.seed() : List.<IterationBody.SeedStep>of()) {
                bodySeed = switch (step.opcode()) {
                    case DMUL -> ir.mul(bodySeed, forward.apply(step.operand()));
                    case DDIV -> ir.div(bodySeed, forward.apply(step.operand()));
                    default -> ir.neg(bodySeed);
                };
            }
            args.add(bodySeed);
        }
        args.add(tape.tape());
        Instruction call = VirtualCalls.callDerivative(ir, insn, dispatched.test(insn), adjoint(insn, params),
                args.toArray(Value[]::new));
        for (int j = params.length - 1; j >= 0; j--) {
            if (Types.isFloating(params[j])) {
                scalarBars.put(j, tape.pop(params[j]));
            }
        }
        return call;
    }

    /**
     * Differentiates a call by the user's {@code @AdjointOf} rule: the rule gets the arguments (as
     * they were), the shadows of the array arguments, the seed, and a fresh {@code double[]} for
     * the adjoints of the {@code double} arguments, which are then accumulated.
     */
    void userRuleCall(Instruction insn, MemberRef ruleMethod, Value rBar, Sweep s) {
        IrBuilder ir = s.ir();
        Type[] params = Type.getArgumentTypes(insn.callDescriptor()); // an instance method's receiver first
        List<Value> args = argumentsAndShadows(insn, params, s);
        List<Integer> scalars = new ArrayList<>();
        for (int j = 0; j < params.length; j++) {
            if (params[j].getSort() == Type.DOUBLE) {
                scalars.add(j);
            }
        }
        args.add(rBar != null ? rBar : Constant.zero(Type.DOUBLE_TYPE));
        Value bars = null;
        if (!scalars.isEmpty()) {
            bars = ir.newPrimitiveArray(Types.DOUBLE_ARRAY, Constant.ofInt(scalars.size()));
            args.add(bars);
        }
        ir.invokeStatic(ruleMethod, args.toArray(Value[]::new));
        for (int k = 0; k < scalars.size(); k++) {
            s.accumulate(insn.operand(scalars.get(k)), ir.arrayLoad(bars, Constant.ofInt(k)));
        }
    }

    /**
     * The call's arguments as the forward sweep passed them, then a shadow per array parameter (the
     * array's, or one nobody reads); the arrays' contents restored to what they were at the call.
     */
    private List<Value> argumentsAndShadows(Instruction insn, Type[] params, Sweep s) {
        Map<Integer, Integer> unread = new java.util.LinkedHashMap<>();
        List<Value> args = argumentsAndShadows(insn, params, s::primal, s::shadow, s.ir(), s.tape().tape(), unread);
        restoreWrittenArrays(insn, args, s);
        // the zero shadows of arrays nobody reads the adjoint of, shaped as the arrays were at the call
        // (a matrix's rows may have been moved since), so made after their contents are restored
        for (Map.Entry<Integer, Integer> e : unread.entrySet()) {
            int j = e.getValue();
            args.set(e.getKey(), unreadShadow(insn, j, s.ir(), s.tape().tape(), args.get(j), params[j]));
        }
        return args;
    }

    /** The arguments, then a shadow per array parameter, from the values and shadows a sweep has. */
    private List<Value> argumentsAndShadows(Instruction insn, Type[] params, Function<Value, Value> value,
            Function<Value, Value> shadow, IrBuilder ir, Value tape) {
        return argumentsAndShadows(insn, params, value, shadow, ir, tape, null);
    }

    /**
     * As above; with {@code deferred} given, the shadows of inactive arrays are left {@code null},
     * their positions in the list (keys) and parameters' (values) put in {@code deferred}.
     */
    private List<Value> argumentsAndShadows(Instruction insn, Type[] params, Function<Value, Value> value,
            Function<Value, Value> shadow, IrBuilder ir, Value tape, Map<Integer, Integer> deferred) {
        List<Value> args = new ArrayList<>();
        List<Value> shadows = new ArrayList<>();
        for (int j = 0; j < params.length; j++) {
            Value arg = value.apply(insn.operand(j));
            args.add(arg);
            if (Naming.isShadowed(params[j].getDescriptor())) {
                if (activity.isActive(insn.operand(j))) {
                    shadows.add(shadow.apply(insn.operand(j)));
                } else if (deferred != null) {
                    deferred.put(params.length + shadows.size(), j);
                    shadows.add(null);
                } else {
                    shadows.add(unreadShadow(insn, j, ir, tape, arg, params[j]));
                }
            }
        }
        args.addAll(shadows);
        return args;
    }

    /** The callee's adjoint recomputes the call from its arguments: give it the arrays as they were. */
    private void restoreWrittenArrays(Instruction insn, List<Value> args, Sweep s) {
        List<Value> saved = snapshotsBefore(insn);
        for (int k = saved.size() - 1; k >= 0; k--) {
            Value array = saved.get(k);
            contents("restoreContents", array, args.get(insn.operands().indexOf(array)), s::shadow, s.ir(),
                    s.tape().tape());
        }
    }

    /**
     * Emits {@code Tape.saveContents} or {@code restoreContents} ({@code method}) of an array the
     * forward sweep saves before a call ({@link #snapshotsBefore}), whose value in the sweep is
     * {@code value}. An active array of rows is saved with its shadow, whose rows later code may
     * replace as it replaces the array's.
     */
    void contents(String method, Value array, Value value, Function<Value, Value> shadow, IrBuilder ir, Value tape) {
        if (array.type().getDimensions() > 1 && activity.isActive(array)) {
            ir.invokeVirtual(Naming.TAPE_INTERNAL_NAME, method, "(Ljava/lang/Object;Ljava/lang/Object;)V", tape, value,
                    shadow.apply(array));
        } else {
            ir.invokeVirtual(Naming.TAPE_INTERNAL_NAME, method, "(Ljava/lang/Object;)V", tape, value);
        }
    }

    /**
     * A shadow for an argument whose adjoint nobody reads. An outlined loop body's adjoint
     * differentiates only the arguments active here ({@code IndependentIterations}), so an array it
     * does not write is not active there and its shadow is never touched: none is made (a data
     * matrix passed to each point's adjoint got a new one of its shape per point).
     */
    private Value unreadShadow(Instruction insn, int j, IrBuilder ir, Value tape, Value array, Type type) {
        if (derivatives.iterationBody(insn.member()) != null && !mayWriteOrReturn.test(insn, j)) {
            return new Constant(type, null);
        }
        if (type.getDimensions() == 1 && !mayWriteOrReturn.test(insn, j)) { // the callee only reads it: nobody reads its adjoint
            return ir.invokeVirtual(Naming.TAPE_INTERNAL_NAME, "sink", "(" + type.getDescriptor() + ")" + type.getDescriptor(),
                    tape, array);
        }
        return zerosLike(ir, array, type);
    }

    /** A new array of zeros of {@code array}'s shape. */
    static Value zerosLike(IrBuilder ir, Value array, Type type) {
        if (type.getDimensions() == 1) {
            return ir.newPrimitiveArray(type, ir.arrayLength(array));
        }
        return ir.checkcast(ir.invokeStatic(LocalAdjoints.ARRAY_ADJOINTS, "zerosLike", "(Ljava/lang/Object;)Ljava/lang/Object;", array),
                type);
    }

    /**
     * The array arguments whose contents the forward sweep saves before this call, so that the
     * callee's adjoint, which recomputes the call, sees them as they were: those the callee writes
     * itself, and those that something may write after the call (later in its block, in a block the
     * call's block reaches, a later iteration included). An array written only before the call is
     * as it was when the reverse sweep gets back to it.
     */
    List<Value> snapshotsBefore(Instruction insn) {
        List<Value> out = new ArrayList<>();
        if (insn.op() == Op.INVOKE && activity.isDifferentiableCall(insn) && activity.isActive(insn) && !isForwardSweepCall(insn)) {
            for (Value v : insn.operands()) {
                if (ArrayFamilies.isMember(v) && isWrittenAfter(v, insn) && !out.contains(v) && isRead(insn, v)) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    /** Whether the call may read {@code array}: an array the callee only writes need not be saved, running it again does not read it. */
    private boolean isRead(Instruction call, Value array) {
        for (int j = 0; j < call.operands().size(); j++) {
            if (call.operand(j) == array && mayRead.test(call, j)) {
                return true;
            }
        }
        return false;
    }

    private boolean isWrittenAfter(Value array, Instruction call) {
        for (Instruction w : activity.families().writers(array)) {
            boolean laterInBlock = w.block() == call.block()
                    && w.block().body().indexOf(w) >= w.block().body().indexOf(call);
            if (laterInBlock || cfg.reaches(call.block(), w.block()) && !writesANewArray(w, array)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code w}, reached again after the call (not later in the call's block), writes an
     * array allocated again since: the array is a {@code new} in {@code w}'s block, before {@code w},
     * so that the block, entered from its start, allocates it first. A loop's {@code double[] dir =
     * normalize(..)} given to the callee, filled again in the next iteration, is a new array then.
     */
    private static boolean writesANewArray(Instruction w, Value array) {
        return array instanceof Instruction allocation && allocation.op() == Op.NEW_ARRAY && w.op() == Op.ARRAY_STORE
                && w.operand(0) == allocation && allocation.block() == w.block()
                && w.block().body().indexOf(allocation) < w.block().body().indexOf(w);
    }
}
