package dev.fluxion.transformer.reverse;

import static org.objectweb.asm.Opcodes.*;

import dev.fluxion.transformer.analysis.ActivityAnalysis;
import dev.fluxion.transformer.analysis.ArrayFamilies;
import dev.fluxion.transformer.analysis.ArrayOps;
import dev.fluxion.transformer.analysis.Callees;
import dev.fluxion.transformer.analysis.ControlFlow;
import dev.fluxion.transformer.analysis.VirtualCalls;
import dev.fluxion.transformer.ir.Constant;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.IrBuilder;
import dev.fluxion.transformer.ir.Op;
import dev.fluxion.transformer.ir.Types;
import dev.fluxion.transformer.ir.Value;
import dev.fluxion.transformer.rules.DerivativeRule;
import dev.fluxion.transformer.rules.DerivativeRule.Partial;
import dev.fluxion.transformer.rules.MathRules;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Type;

/**
 * The adjoint of each kind of instruction: given the adjoint {@code rBar} of an instruction's
 * result, what it adds to the adjoints of its operands. {@link #needs} and {@link #emit} must
 * agree: every primal value {@code emit} reads through {@link Sweep#primal} is listed by
 * {@code needs}, so the recording plan saves it.
 */
final class LocalAdjoints {
    /** What the reverse sweep offers a local rule. */
    interface Sweep {
        IrBuilder ir();

        TapeAccess tape();

        /** The primal value of {@code v} as the forward sweep computed it for this block. */
        Value primal(Value v);

        /** {@code vBar += contribution}, if {@code v} is active. */
        void accumulate(Value v, Value contribution);

        /** The shadow of an active array, as it was when the forward sweep ran this instruction. */
        Value shadow(Value array);
    }

    static final String ARRAY_ADJOINTS = "dev/fluxion/internal/ArrayAdjoints";

    private final ActivityAnalysis activity;
    private final Callees callees;
    private final CallAdjoints calls;

    LocalAdjoints(ActivityAnalysis activity, Callees callees, ControlFlow cfg) {
        this.activity = activity;
        this.callees = callees;
        this.calls = new CallAdjoints(activity, cfg, insn -> callees.adjointRule(insn.member()),
                (insn, j) -> callees.adjointRule(insn.member()) != null || callees.mayWriteArgument(insn.member(), j)
                        || callees.mayReturnArgument(insn.member(), j),
                (insn, j) -> callees.adjointRule(insn.member()) != null || callees.mayReadArgument(insn.member(), j),
                callees.derivatives(), insn -> VirtualCalls.isDispatched(insn, callees));
    }

    /** The call adjoints, for the calls the forward sweep differentiates ({@link CallAdjoints#isForwardSweepCall}). */
    CallAdjoints calls() {
        return calls;
    }

    /** The array arguments whose contents the forward sweep saves before {@code insn}; see {@link CallAdjoints}. */
    List<Value> snapshotsBefore(Instruction insn) {
        return calls.snapshotsBefore(insn);
    }

    /** Primal values whose values the adjoint of {@code insn} reads. */
    List<Value> needs(Instruction insn) {
        List<Value> out = new ArrayList<>();
        if (!activity.isActive(insn) || calls.isForwardSweepCall(insn)) {
            return out;
        }
        switch (insn.op()) {
            case ARITHMETIC -> {
                switch (Types.intOpcode(insn.opcode())) {
                    case IMUL -> {
                        if (activity.isActive(insn.operand(0))) {
                            out.add(insn.operand(1));
                        }
                        if (activity.isActive(insn.operand(1))) {
                            out.add(insn.operand(0));
                        }
                    }
                    case IDIV -> {
                        out.add(insn.operand(1));
                        if (activity.isActive(insn.operand(1))) {
                            out.add(insn);
                        }
                    }
                    case IREM -> {
                        if (activity.isActive(insn.operand(1))) {
                            out.addAll(List.of(insn.operand(0), insn.operand(1), insn));
                        }
                    }
                    default -> {
                    }
                }
            }
            case ARRAY_LOAD, ARRAY_STORE -> {
                if (isElementAccess(insn)) {
                    out.add(insn.operand(1));
                }
            }
            case INVOKE -> {
                DerivativeRule rule = MathRules.ruleFor(insn.member());
                ArrayOps op = ArrayOps.of(insn);
                if (op != null) {
                    if (isPrimitive(insn.operand(0))) {
                        switch (op) {
                            case COPY_OF_RANGE -> out.add(insn.operand(1));
                            case ARRAYCOPY -> out.addAll(List.of(insn.operand(1), insn.operand(3), insn.operand(4)));
                            case FILL -> {
                                if (insn.operands().size() == 4) {
                                    out.addAll(List.of(insn.operand(1), insn.operand(2)));
                                }
                            }
                            default -> {
                            }
                        }
                    }
                } else if (partner(insn) != null) {
                    out.add(partner(insn));
                } else if (rule != null) {
                    for (int j = 0; j < insn.operands().size(); j++) {
                        Partial p = rule.partial(j);
                        if (p != null && activity.isActive(insn.operand(j))) {
                            for (int input : p.inputs()) {
                                out.add(input == DerivativeRule.RESULT ? insn : insn.operand(input));
                            }
                        }
                    }
                } else if (activity.isDifferentiableCall(insn)) {
                    out.addAll(insn.operands());
                }
            }
            default -> {
            }
        }
        return out;
    }

    /** Arrays whose shadows the adjoint of {@code insn} reads (through {@link Sweep#shadow}). */
    List<Value> shadowNeeds(Instruction insn) {
        List<Value> out = new ArrayList<>();
        if (insn.op() == Op.RETURN && !insn.operands().isEmpty()
                && ArrayFamilies.isMember(insn.operand(0)) && activity.isActive(insn.operand(0))) {
            out.add(insn.operand(0)); // the seed of a returned array is added into its shadow
            return out;
        }
        if (!activity.isActive(insn) || calls.isForwardSweepCall(insn)) {
            return out;
        }
        switch (insn.op()) {
            case ARRAY_LOAD, ARRAY_STORE -> {
                if (isElementAccess(insn)) {
                    out.add(insn.operand(0));
                }
            }
            case INVOKE -> {
                ArrayOps op = ArrayOps.of(insn);
                if (op != null && isPrimitive(insn.operand(0))) {
                    switch (op) {
                        case CLONE, COPY_OF, COPY_OF_RANGE -> {
                            if (activity.isActive(insn.operand(0))) { // else nothing flows back
                                out.addAll(List.of(insn.operand(0), insn));
                            }
                        }
                        case ARRAYCOPY -> {
                            if (activity.isActive(insn.operand(0))) {
                                out.add(insn.operand(0));
                            }
                            out.add(insn.operand(2));
                        }
                        case FILL -> out.add(insn.operand(0));
                    }
                } else if (activity.isDifferentiableCall(insn)) {
                    for (Value v : insn.operands()) {
                        if (ArrayFamilies.isMember(v) && activity.isActive(v)) {
                            out.add(v);
                        }
                    }
                    if (ArrayFamilies.isMember(insn)) {
                        out.add(insn); // a returned array's shadow is the seed of the callee's adjoint
                    }
                }
            }
            default -> {
            }
        }
        return out;
    }

    /** A read or write of a {@code double}/{@code float} element (not a row of a 2-D array). */
    private static boolean isElementAccess(Instruction insn) {
        return Types.isFloatingArray(insn.operand(0).type()) && insn.operand(0).type().getDimensions() == 1;
    }

    private static boolean isPrimitive(Value array) {
        Type t = array.type().getSort() == Type.ARRAY ? array.type()
                : Type.getObjectType(((Instruction) array).member().owner()); // an untyped clone
        return t.getDimensions() == 1;
    }

    /**
     * For an increment {@code a[i] = a[i] + e} ({@code a[i] - e}, {@code e + a[i]}) in one block, with
     * nothing between the read and the write that may write an element: the read, if the sum is its
     * only use. Then the adjoint of the old a[i] is the adjoint of the new one, so the reverse sweep
     * leaves a[i]'s adjoint in place and passes it on to {@code e}: one shadow read instead of a read,
     * a zeroing write, a read and a write.
     */
    static Instruction incrementedRead(Instruction store) {
        if (store.op() != Op.ARRAY_STORE || !isElementAccess(store)
                || !(store.operand(2) instanceof Instruction sum) || sum.block() != store.block()
                || sum.users().size() != 1) {
            return null;
        }
        int base = Types.intOpcode(sum.opcode());
        if (sum.op() != Op.ARITHMETIC || base != IADD && base != ISUB) {
            return null;
        }
        for (int j = 0; j < (base == IADD ? 2 : 1); j++) {
            if (sum.operand(j) instanceof Instruction read && read.op() == Op.ARRAY_LOAD
                    && read.block() == store.block() && read.users().size() == 1 && read.operand(0) == store.operand(0)
                    && read.operand(1) == store.operand(1) && nothingWrittenBetween(read, store)) {
                return read;
            }
        }
        return null;
    }

    private static boolean isIncrementedRead(Instruction load) {
        return load.users().size() == 1 && load.users().get(0).users().size() == 1
                && incrementedRead(load.users().get(0).users().get(0)) == load;
    }

    private static boolean nothingWrittenBetween(Instruction read, Instruction store) {
        List<Instruction> body = store.block().body();
        for (Instruction between : body.subList(body.indexOf(read) + 1, body.indexOf(store))) {
            if (between.op() == Op.ARRAY_STORE || between.op() == Op.INVOKE
                    && MathRules.ruleFor(between.member()) == null) {
                return false;
            }
        }
        return true;
    }

    /** Emits what {@code insn} contributes to its operands' adjoints, given its own adjoint. */
    void emit(Instruction insn, Value rBar, Sweep s) {
        IrBuilder ir = s.ir();
        switch (insn.op()) {
            case ARITHMETIC -> arithmetic(insn, rBar, s);
            case CONVERT -> {
                if (insn.opcode() == F2D) {
                    s.accumulate(insn.operand(0), ir.convert(D2F, Type.FLOAT_TYPE, rBar));
                } else if (insn.opcode() == D2F) {
                    s.accumulate(insn.operand(0), ir.convert(F2D, Type.DOUBLE_TYPE, rBar));
                }
            }
            case ARRAY_LOAD -> {
                if (isElementAccess(insn) && !isIncrementedRead(insn)) {
                    Value shadow = s.shadow(insn.operand(0));
                    Value index = s.primal(insn.operand(1));
                    ir.arrayStore(shadow, index, ir.add(ir.arrayLoad(shadow, index), rBar));
                }
            }
            case ARRAY_STORE -> {
                if (isElementAccess(insn)) {
                    // a[i] = v: v receives what a[i] accumulated since; the old a[i] reaches nothing
                    Value shadow = s.shadow(insn.operand(0));
                    Value index = s.primal(insn.operand(1));
                    Value bar = ir.arrayLoad(shadow, index);
                    if (incrementedRead(insn) == null) {
                        ir.arrayStore(shadow, index, Constant.zero(bar.type()));
                    } // else a[i] += e: zeroing a[i]'s adjoint and adding it back through the read cancel
                    s.accumulate(insn.operand(2), bar);
                }
            }
            case INVOKE -> {
                DerivativeRule rule = MathRules.ruleFor(insn.member());
                ArrayOps op = ArrayOps.of(insn);
                if (op != null) {
                    arrayOperation(insn, op, s);
                } else if (ArrayOps.isFreshZeros(insn)) {
                    return; // new zeros: nothing flows back to the array they are shaped like
                } else if (rule != null) {
                    mathCall(insn, rule, rBar, s);
                } else if (callees.adjointRule(insn.member()) != null) {
                    calls.userRuleCall(insn, callees.adjointRule(insn.member()), rBar, s);
                } else {
                    calls.differentiableCall(insn, rBar, s);
                }
            }
            default -> {
                // phis are handled on the edges; other instructions carry no derivative
            }
        }
    }

    /** Copies, {@code arraycopy} and {@code fill}; on arrays of rows they only move references: nothing to do. */
    private void arrayOperation(Instruction insn, ArrayOps op, Sweep s) {
        if (!isPrimitive(insn.operand(0))) {
            return;
        }
        IrBuilder ir = s.ir();
        Value a = insn.operand(0);
        Type arrayType = a.type().getSort() == Type.ARRAY ? a.type() : Type.getObjectType(insn.member().owner());
        String at = arrayType.getDescriptor();
        String et = at.substring(1);
        if (op.creates() && !activity.isActive(a)) {
            return; // a copy of constants: its adjoint flows nowhere
        }
        switch (op) {
            case CLONE, COPY_OF -> ir.invokeStatic(ARRAY_ADJOINTS, "copyOf", "(" + at + at + ")V", s.shadow(a),
                    s.shadow(insn));
            case COPY_OF_RANGE -> ir.invokeStatic(ARRAY_ADJOINTS, "copyOfRange", "(" + at + "I" + at + ")V", s.shadow(a),
                    s.primal(insn.operand(1)), s.shadow(insn));
            case ARRAYCOPY -> {
                Type dstType = insn.operand(2).type();
                String dt = dstType.getDescriptor();
                Value srcBar = activity.isActive(a) ? ir.checkcast(s.shadow(a), dstType) : new Constant(dstType, null);
                Value dstBar = ir.checkcast(s.shadow(insn.operand(2)), dstType);
                ir.invokeStatic(ARRAY_ADJOINTS, "arraycopy", "(" + dt + "I" + dt + "II)V", srcBar,
                        s.primal(insn.operand(1)), dstBar, s.primal(insn.operand(3)), s.primal(insn.operand(4)));
            }
            case FILL -> {
                Value bar = insn.operands().size() == 4
                        ? ir.invokeStatic(ARRAY_ADJOINTS, "fill", "(" + at + "II)" + et, s.shadow(a),
                                s.primal(insn.operand(1)), s.primal(insn.operand(2)))
                        : ir.invokeStatic(ARRAY_ADJOINTS, "fill", "(" + at + ")" + et, s.shadow(a));
                s.accumulate(insn.operand(insn.operands().size() - 1), bar);
            }
        }
    }

    private void arithmetic(Instruction insn, Value rBar, Sweep s) {
        IrBuilder ir = s.ir();
        Value a = insn.operand(0);
        switch (Types.intOpcode(insn.opcode())) {
            case IADD -> {
                s.accumulate(a, rBar);
                s.accumulate(insn.operand(1), rBar);
            }
            case ISUB -> {
                s.accumulate(a, rBar);
                if (activity.isActive(insn.operand(1))) {
                    s.accumulate(insn.operand(1), ir.neg(rBar));
                }
            }
            case IMUL -> {
                Value b = insn.operand(1);
                if (activity.isActive(a)) {
                    s.accumulate(a, ir.mul(rBar, s.primal(b)));
                }
                if (activity.isActive(b)) {
                    s.accumulate(b, ir.mul(rBar, s.primal(a)));
                }
            }
            case IDIV -> {
                Value b = insn.operand(1);
                Value t = ir.div(rBar, s.primal(b));
                s.accumulate(a, t);
                if (activity.isActive(b)) {
                    s.accumulate(b, ir.neg(ir.mul(t, s.primal(insn))));
                }
            }
            case IREM -> {
                s.accumulate(a, rBar);
                Value b = insn.operand(1);
                if (activity.isActive(b)) {
                    String t = insn.type().getDescriptor();
                    Value q = ir.invokeStatic(MathRules.HELPERS, "remDivisor", "(" + t + t + t + ")" + t,
                            s.primal(a), s.primal(b), s.primal(insn));
                    s.accumulate(b, ir.mul(rBar, q));
                }
            }
            case INEG -> {
                if (activity.isActive(a)) {
                    s.accumulate(a, ir.neg(rBar));
                }
            }
            default -> throw new IllegalStateException("no adjoint for " + insn.opcode());
        }
    }

    private void mathCall(Instruction insn, DerivativeRule rule, Value rBar, Sweep s) {
        IrBuilder ir = s.ir();
        Instruction partner = partner(insn);
        if (partner != null) { // sin' = cos, cos' = -sin, both already computed by the primal
            if (activity.isActive(insn.operand(0))) {
                Value other = s.primal(partner);
                s.accumulate(insn.operand(0), ir.mul(rBar, insn.member().name().equals("sin") ? other : ir.neg(other)));
            }
            return;
        }
        String t = insn.type().getDescriptor();
        for (int j = 0; j < insn.operands().size(); j++) {
            Partial p = rule.partial(j);
            Value arg = insn.operand(j);
            if (p == null || !activity.isActive(arg)) {
                continue;
            }
            Value partial;
            if (p.helper() == null) {
                partial = input(insn, p.inputs()[0], s);
            } else {
                Value[] inputs = new Value[p.inputs().length];
                for (int k = 0; k < inputs.length; k++) {
                    inputs[k] = input(insn, p.inputs()[k], s);
                }
                partial = ir.invokeStatic(MathRules.HELPERS, p.helper(), MathRules.helperDescriptor(insn.type(), inputs), inputs);
            }
            s.accumulate(arg, ir.mul(rBar, partial));
        }
    }

    /**
     * For {@code sin(x)}, a {@code cos(x)} of the same {@code x} in the same block, and the other way
     * round (rotations compute both): the partial is then a value the primal has, not another call.
     * The same block guarantees the partner's value exists whenever this call's reverse runs.
     */
    private Instruction partner(Instruction insn) {
        String name = insn.member().name();
        String other = name.equals("sin") ? "cos" : name.equals("cos") ? "sin" : null;
        if (other == null || MathRules.ruleFor(insn.member()) == null || insn.member().owner().equals(MathRules.HELPERS)) {
            return null;
        }
        for (Instruction user : insn.block().body()) {
            if (user != insn && user.op() == Op.INVOKE && user.member().name().equals(other)
                    && user.member().owner().equals(insn.member().owner())
                    && user.member().descriptor().equals(insn.member().descriptor())
                    && sameValue(user.operand(0), insn.operand(0))) {
                return user;
            }
        }
        return null;
    }

    /** The same SSA value, or two reads of one element of an array that nothing writes ({@code x[i]} twice). */
    private boolean sameValue(Value a, Value b) {
        if (a == b) {
            return true;
        }
        return a instanceof Instruction p && b instanceof Instruction q && p.op() == Op.ARRAY_LOAD
                && q.op() == Op.ARRAY_LOAD && p.operand(0) == q.operand(0)
                && p.operand(1) == q.operand(1) && ArrayFamilies.isMember(p.operand(0))
                && !activity.families().isWritten(p.operand(0));
    }

    private static Value input(Instruction insn, int input, Sweep s) {
        return s.primal(input == DerivativeRule.RESULT ? insn : insn.operand(input));
    }
}
