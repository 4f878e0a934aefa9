package dev.fluxion.transformer.reverse;

import dev.fluxion.transformer.analysis.ActivityAnalysis;
import dev.fluxion.transformer.analysis.ArrayFamilies;
import dev.fluxion.transformer.analysis.ArrayOps;
import dev.fluxion.transformer.analysis.Callees;
import dev.fluxion.transformer.analysis.ControlFlow;
import dev.fluxion.transformer.analysis.SideChannels;
import dev.fluxion.transformer.diagnostics.JavaSyntax;
import dev.fluxion.transformer.diagnostics.Unsupported;
import dev.fluxion.transformer.ir.Block;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.IrFunction;
import dev.fluxion.transformer.ir.MemberRef;
import dev.fluxion.transformer.ir.Op;
import dev.fluxion.transformer.ir.Types;
import dev.fluxion.transformer.ir.Value;
import dev.fluxion.transformer.reverse.TimeLoops.TimeLoop;
import dev.fluxion.transformer.rules.MathRules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * What one step of a time loop may do, so that the reverse sweep can run it again from a snapshot
 * and get what it got the first time: the arrays it writes are the floating-point arrays the loop
 * is given (snapshotted by copy: the watched arrays) or arrays it makes itself; it replaces no row
 * of an array of arrays (a snapshot copies contents, not which row is where); it writes no field;
 * it calls nothing whose result may differ from one run to the next ({@code Math}, the methods of
 * boxes, printing and {@code @Differentiable} methods it may call, a random number generator not);
 * and what it reads that is not its state, later code in the method does not change (the caller's
 * reverse sweep restores the floating-point arrays it passes to the loop, not the others).
 */
final class StepEffects {
    /** Classes whose static methods compute from their arguments alone. */
    private static final Set<String> PURE_STATICS = Set.of("java/lang/Math", "java/lang/StrictMath", "java/lang/Double",
            "java/lang/Float", "java/lang/Integer", "java/lang/Long", "java/lang/Short", "java/lang/Byte",
            "java/lang/Character", "java/lang/Boolean", "java/util/Objects", MathRules.HELPERS);
    private static final String LOCAL_COPY_ADVICE = "Fluxion snapshots the arrays a time loop is given: read the array "
            + "into a local variable before the loop.";

    private final IrFunction f;
    private final ActivityAnalysis activity;
    private final Callees callees;
    private final TimeLoop loop;
    private final List<Unsupported> problems;
    /** The blocks that may run after the loop has started, the loop's own excepted. */
    private final Set<Block> later = new HashSet<>();
    private final Set<Value> watched = new LinkedHashSet<>();

    StepEffects(IrFunction f, ActivityAnalysis activity, Callees callees, ControlFlow cfg, TimeLoop loop,
            List<Unsupported> problems) {
        this.f = f;
        this.activity = activity;
        this.callees = callees;
        this.loop = loop;
        this.problems = problems;
        for (Block b : f.blocks()) {
            if (!loop.loop().body().contains(b) && cfg.reaches(loop.loop().header(), b)) {
                later.add(b);
            }
        }
    }

    /**
     * The arrays from outside the loop that a step writes, in the order of the loop's live-ins, then
     * of its pool of swapped arrays; problems added.
     */
    List<Value> watchedArrays() {
        for (Block b : f.blocks()) {
            if (loop.loop().body().contains(b)) {
                for (Instruction insn : b.body()) {
                    check(insn);
                }
            }
        }
        Set<Value> out = new LinkedHashSet<>();
        for (Value v : loop.liveIns()) {
            if (watched.contains(v)) {
                out.add(v);
            }
        }
        for (Value v : loop.pool()) {
            if (watched.contains(v)) {
                out.add(v);
            }
        }
        return new ArrayList<>(out);
    }

    private void check(Instruction insn) {
        switch (insn.op()) {
            case FIELD_PUT -> problem(insn, "the time loop writes the field " + JavaSyntax.field(insn.member()),
                    "A step run again from a snapshot would write it again: keep the value in a local variable, and "
                            + "write the field after the loop.");
            case FIELD_GET -> {
                if (writesField(insn.member())) {
                    problem(insn, "the time loop reads the field " + JavaSyntax.field(insn.member()) + ", which the "
                            + "method writes after the loop", "Read the field into a local variable before the loop.");
                }
            }
            case INVOKE_DYNAMIC -> {
                boolean concat = insn.bootstrap() != null
                        && insn.bootstrap().bsm.getOwner().equals("java/lang/invoke/StringConcatFactory");
                if (!concat && !SideChannels.isShowingLambda(insn, callees)) {
                    problem(insn, "the time loop makes a lambda", "Make it before the loop.");
                }
            }
            case ARRAY_STORE -> stored(insn, insn.operand(0), insn.operand(2));
            case ARRAY_LOAD -> readStable(insn, insn.operand(0));
            case INVOKE -> call(insn);
            default -> {
            }
        }
    }

    private void call(Instruction insn) {
        MemberRef m = insn.member();
        ArrayOps op = ArrayOps.of(insn);
        boolean differentiable = activity.isDifferentiableCall(insn);
        boolean deterministic = op != null || differentiable || SideChannels.isDisplay(insn) || isArrayClone(insn)
                || insn.opcode() == Opcodes.INVOKESTATIC && PURE_STATICS.contains(m.owner()) && !m.name().equals("random")
                || m.owner().startsWith("dev/fluxion/internal/");
        if (!deterministic) {
            problem(insn, "the time loop calls " + JavaSyntax.method(m) + ", which may give another result when the "
                    + "reverse sweep runs a step again from a snapshot", "Compute what the loop needs from it before the "
                            + "loop (draw random numbers into an array, say) and read that in the loop.");
            return;
        }
        if (op == ArrayOps.ARRAYCOPY) {
            readStable(insn, insn.operand(0));
            stored(insn, insn.operand(2), null);
        } else if (op == ArrayOps.FILL) {
            stored(insn, insn.operand(0), null);
        } else if (differentiable) {
            for (int j = 0; j < insn.operands().size(); j++) {
                Value v = insn.operand(j);
                if (v.type().getSort() != Type.ARRAY) {
                    continue;
                }
                readStable(insn, v);
                if (callees.mayWriteArgument(m, j)) {
                    if (v.type().getDimensions() > 1 && callees.mayMoveRows(m, j)) {
                        rowMoved(insn);
                    }
                    stored(insn, v, null);
                }
            }
        } else {
            for (Value v : insn.operands()) {
                if (v.type().getSort() == Type.ARRAY) {
                    readStable(insn, v);
                }
            }
        }
    }

    private static boolean isArrayClone(Instruction insn) {
        return insn.op() == Op.INVOKE && insn.member().owner().startsWith("[") && insn.member().name().equals("clone");
    }

    /** A store into {@code array} (of {@code value}, if an element store). */
    private void stored(Instruction insn, Value array, Value value) {
        boolean rows = value != null && Types.isReference(value.type())
                || value == null && array.type().getDimensions() > 1;
        if (rows && (ArrayFamilies.isMember(array) || value != null && ArrayFamilies.isMember(value))) {
            rowMoved(insn);
            return;
        }
        Set<Value> roots = roots(array, new HashSet<>());
        if (roots == null) {
            problem(insn, "the time loop writes " + a(array.type()) + " that it gets inside the loop "
                    + "(from a field or a call)", LOCAL_COPY_ADVICE);
            return;
        }
        for (Value root : roots) {
            if (!rows && Types.isFloatingArray(root.type())) {
                watched.add(root);
            } else {
                problem(insn, "the time loop writes " + a(root.type()) + " it did not make in the step",
                        "Checkpointing snapshots numbers and floating-point arrays: make the array in each step, or "
                                + "keep its values in a double[].");
                return;
            }
        }
    }

    private void rowMoved(Instruction insn) {
        problem(insn, "the time loop stores a row into an array of arrays (m[j] = row)", "Copy into the row instead "
                + "(System.arraycopy(row, 0, m[j], 0, n)): a snapshot copies the contents of the rows, not which row is where.");
    }

    /**
     * The arrays from outside the loop that {@code v} may be (or be a row of): empty for an array
     * the step makes; {@code null} if it may be one the step gets some other way (a field, a call).
     */
    private Set<Value> roots(Value v, Set<Value> seen) {
        if (!loop.defines(v)) {
            return Set.of(v);
        }
        Instruction i = (Instruction) v;
        if (!seen.add(i)) {
            return Set.of();
        }
        ArrayOps op = ArrayOps.of(i);
        if (i.op() == Op.NEW_ARRAY || op != null && op.creates() || isArrayClone(i)) {
            return Set.of();
        }
        if (i.op() == Op.ARRAY_LOAD || i.op() == Op.CHECKCAST) {
            return roots(i.operand(0), seen);
        }
        if (i.isPhi() && i.block() == loop.loop().header()) {
            return loop.swapped().contains(i) ? new LinkedHashSet<>(loop.pool()) : null;
        }
        if (i.isPhi()) {
            Set<Value> all = new LinkedHashSet<>();
            for (Value operand : i.operands()) {
                Set<Value> r = roots(operand, seen);
                if (r == null) {
                    return null;
                }
                all.addAll(r);
            }
            return all;
        }
        return null;
    }

    /**
     * A read of {@code array} in a step, which running the step again must read as it was: a
     * floating-point array the loop is given (its caller restores it), or one no later code writes.
     */
    private void readStable(Instruction insn, Value array) {
        if (Types.isFloatingArray(array.type()) && ArrayFamilies.isMember(array)) {
            if (roots(array, new HashSet<>()) != null) {
                return; // given to the loop (restored before the loop's adjoint runs), or made in the step
            }
            for (Instruction w : activity.families().writers(array)) {
                if (loop.loop().body().contains(w.block()) || later.contains(w.block())) {
                    problem(insn, "the time loop reads " + a(array.type()) + " that it gets inside the "
                            + "loop (from a field or a call) and that the method writes", LOCAL_COPY_ADVICE);
                    return;
                }
            }
        } else if (array.type().getSort() == Type.ARRAY && writtenLater(array.type())) {
            problem(insn, "the time loop reads " + a(array.type()) + " that the method may write after "
                    + "the loop", "Keep the array as it is until the method returns (write a copy after the loop).");
        }
    }

    /** Whether code after the loop may write an array of {@code type}. */
    private boolean writtenLater(Type type) {
        for (Block b : later) {
            for (Instruction insn : b.body()) {
                if (insn.op() == Op.ARRAY_STORE && insn.operand(0).type().equals(type)) {
                    return true;
                }
                if (insn.op() == Op.INVOKE && !SideChannels.isDisplay(insn) && ArrayOps.of(insn) != ArrayOps.CLONE) {
                    for (int j = 0; j < insn.operands().size(); j++) {
                        Type t = insn.operand(j).type();
                        if ((t.equals(type) || t.equals(Types.OBJECT)) && callees.mayWriteArgument(insn.member(), j)) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    private boolean writesField(MemberRef field) {
        for (Block b : later) {
            for (Instruction insn : b.body()) {
                if (insn.op() == Op.FIELD_PUT && insn.member().equals(field)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The type in Java syntax with its article: "a double[]", "an int[]". */
    private static String a(Type t) {
        String name = JavaSyntax.type(t);
        return ("aeiou".indexOf(name.charAt(0)) >= 0 ? "an " : "a ") + name;
    }

    private void problem(Instruction insn, String problem, String advice) {
        problems.add(new Unsupported(insn.line(), problem, advice));
    }
}
