package dev.fluxion.transformer.reverse;

import static org.objectweb.asm.Opcodes.INVOKESTATIC;

import dev.fluxion.internal.Naming;
import dev.fluxion.transformer.analysis.ActivityAnalysis;
import dev.fluxion.transformer.analysis.ArrayFamilies;
import dev.fluxion.transformer.analysis.ControlFlow;
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

    CallAdjoints(ActivityAnalysis activity, ControlFlow cfg) {
        this.activity = activity;
        this.cfg = cfg;
    }

    /**
     * Differentiates through a call to another {@code @Differentiable} method by calling its
     * adjoint, which recomputes the callee's forward sweep and runs its reverse sweep (joint
     * call-tree reversal, as Tapenade's default), then pops the adjoints of its scalar parameters.
     */
    void differentiableCall(Instruction insn, Value rBar, Sweep s) {
        IrBuilder ir = s.ir();
        MemberRef callee = insn.member();
        String descriptor = insn.opcode() == INVOKESTATIC ? callee.descriptor()
                : Naming.staticForm(callee.owner(), callee.descriptor()); // the receiver is operand 0
        Type[] params = Type.getArgumentTypes(descriptor);
        List<Value> args = argumentsAndShadows(insn, params, s);
        Type ret = Type.getReturnType(callee.descriptor());
        if (ArrayFamilies.isMember(insn)) {
            args.add(activity.isActive(insn) ? s.shadow(insn) : new Constant(ret, null));
        } else if (ret.getSort() != Type.VOID) {
            args.add(rBar != null ? rBar : Constant.zero(ret));
        }
        args.add(s.tape().tape());
        ir.invokeStatic(new MemberRef(callee.owner(), Naming.adjointName(callee.name()),
                Naming.adjointDescriptor(descriptor), callee.isInterface()), args.toArray(Value[]::new));
        for (int j = params.length - 1; j >= 0; j--) {
            if (Types.isFloating(params[j])) {
                s.accumulate(insn.operand(j), s.tape().pop(params[j]));
            }
        }
    }

    /**
     * Differentiates a call by the user's {@code @AdjointOf} rule: the rule gets the arguments (as
     * they were), the shadows of the array arguments, the seed, and a fresh {@code double[]} for
     * the adjoints of the {@code double} arguments, which are then accumulated.
     */
    void userRuleCall(Instruction insn, MemberRef ruleMethod, Value rBar, Sweep s) {
        IrBuilder ir = s.ir();
        Type[] params = Type.getArgumentTypes(insn.member().descriptor());
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
     * array's, or zeros nobody reads); the arrays' contents restored to what they were at the call.
     */
    private List<Value> argumentsAndShadows(Instruction insn, Type[] params, Sweep s) {
        List<Value> args = new ArrayList<>();
        List<Value> shadows = new ArrayList<>();
        for (int j = 0; j < params.length; j++) {
            Value arg = s.primal(insn.operand(j));
            args.add(arg);
            if (Naming.isShadowed(params[j].getDescriptor())) {
                shadows.add(activity.isActive(insn.operand(j)) ? s.shadow(insn.operand(j)) : zerosLike(s.ir(), arg, params[j]));
            }
        }
        restoreWrittenArrays(insn, args, s);
        args.addAll(shadows);
        return args;
    }

    /** The callee's adjoint recomputes the call from its arguments: give it the arrays as they were. */
    private void restoreWrittenArrays(Instruction insn, List<Value> args, Sweep s) {
        List<Value> saved = snapshotsBefore(insn);
        for (int k = saved.size() - 1; k >= 0; k--) {
            s.ir().invokeVirtual(Naming.TAPE_INTERNAL_NAME, "restoreContents", "(Ljava/lang/Object;)V",
                    s.tape().tape(), args.get(insn.operands().indexOf(saved.get(k))));
        }
    }

    /** A zero shadow for an argument whose adjoint nobody reads. */
    private static Value zerosLike(IrBuilder ir, Value array, Type type) {
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
        if (insn.op() == Op.INVOKE && activity.isDifferentiableCall(insn) && activity.isActive(insn)) {
            for (Value v : insn.operands()) {
                if (ArrayFamilies.isMember(v) && isWrittenAfter(v, insn) && !out.contains(v)) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    private boolean isWrittenAfter(Value array, Instruction call) {
        for (Instruction w : activity.families().writers(array)) {
            boolean laterInBlock = w.block() == call.block()
                    && w.block().body().indexOf(w) >= w.block().body().indexOf(call);
            if (laterInBlock || cfg.reaches(call.block(), w.block())) {
                return true;
            }
        }
        return false;
    }
}
