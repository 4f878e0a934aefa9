package dev.fluxion.transformer.reverse;

import static org.objectweb.asm.Opcodes.*;

import dev.fluxion.internal.Naming;
import dev.fluxion.transformer.analysis.ActivityAnalysis;
import dev.fluxion.transformer.analysis.Callees;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.IrBuilder;
import dev.fluxion.transformer.ir.MemberRef;
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

        /** The shadow array of an active array parameter. */
        Value shadow(Value array);
    }

    private final ActivityAnalysis activity;
    private final Callees callees;

    LocalAdjoints(ActivityAnalysis activity, Callees callees) {
        this.activity = activity;
        this.callees = callees;
    }

    /** Primal values whose values the adjoint of {@code insn} reads. */
    List<Value> needs(Instruction insn) {
        List<Value> out = new ArrayList<>();
        if (!activity.isActive(insn)) {
            return out;
        }
        switch (insn.op()) {
            case ARITHMETIC -> {
                switch (baseOpcode(insn.opcode())) {
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
            case ARRAY_LOAD -> out.add(insn.operand(1));
            case INVOKE -> {
                DerivativeRule rule = MathRules.ruleFor(insn.member());
                if (rule != null) {
                    for (int j = 0; j < insn.operands().size(); j++) {
                        Partial p = rule.partial(j);
                        if (p != null && activity.isActive(insn.operand(j))) {
                            for (int input : p.inputs()) {
                                out.add(input == DerivativeRule.RESULT ? insn : insn.operand(input));
                            }
                        }
                    }
                } else if (callees.isDifferentiable(insn.member())) {
                    out.addAll(insn.operands());
                }
            }
            default -> {
            }
        }
        return out;
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
                Value shadow = s.shadow(insn.operand(0));
                Value index = s.primal(insn.operand(1));
                ir.arrayStore(shadow, index, ir.add(ir.arrayLoad(shadow, index), rBar));
            }
            case INVOKE -> {
                DerivativeRule rule = MathRules.ruleFor(insn.member());
                if (rule != null) {
                    mathCall(insn, rule, rBar, s);
                } else {
                    differentiableCall(insn, rBar, s);
                }
            }
            default -> {
                // phis are handled on the edges; other instructions carry no derivative
            }
        }
    }

    private void arithmetic(Instruction insn, Value rBar, Sweep s) {
        IrBuilder ir = s.ir();
        Value a = insn.operand(0);
        switch (baseOpcode(insn.opcode())) {
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
                partial = ir.invokeStatic(MathRules.HELPERS, p.helper(), "(" + t.repeat(inputs.length) + ")" + t, inputs);
            }
            s.accumulate(arg, ir.mul(rBar, partial));
        }
    }

    private static Value input(Instruction insn, int input, Sweep s) {
        return s.primal(input == DerivativeRule.RESULT ? insn : insn.operand(input));
    }

    /**
     * Differentiates through a call to another {@code @Differentiable} method by calling its
     * adjoint, which recomputes the callee's forward sweep and runs its reverse sweep (joint
     * call-tree reversal, as Tapenade's default), then pops the adjoints of its scalar parameters.
     */
    private void differentiableCall(Instruction insn, Value rBar, Sweep s) {
        IrBuilder ir = s.ir();
        MemberRef callee = insn.member();
        Type[] params = Type.getArgumentTypes(callee.descriptor());
        List<Value> args = new ArrayList<>();
        List<Value> shadows = new ArrayList<>();
        for (int j = 0; j < params.length; j++) {
            Value arg = s.primal(insn.operand(j));
            args.add(arg);
            if (Naming.isShadowed(params[j].getDescriptor())) {
                shadows.add(activity.isActive(insn.operand(j)) ? s.shadow(insn.operand(j))
                        : ir.newPrimitiveArray(params[j], ir.arrayLength(arg))); // adjoints nobody reads
            }
        }
        args.addAll(shadows);
        args.add(rBar);
        args.add(s.tape().tape());
        ir.invokeStatic(new MemberRef(callee.owner(), Naming.adjointName(callee.name()),
                Naming.adjointDescriptor(callee.descriptor()), callee.isInterface()), args.toArray(Value[]::new));
        for (int j = params.length - 1; j >= 0; j--) {
            if (Types.isFloating(params[j])) {
                s.accumulate(insn.operand(j), s.tape().pop(params[j]));
            }
        }
    }

    /** The int form of a typed arithmetic opcode: DMUL -> IMUL, FNEG -> INEG. */
    static int baseOpcode(int opcode) {
        if (opcode >= IADD && opcode <= DNEG) {
            return IADD + ((opcode - IADD) / 4) * 4;
        }
        return opcode;
    }
}
