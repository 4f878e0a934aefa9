package dev.fluxion.transformer;

import dev.fluxion.transformer.analysis.ActivityAnalysis;
import dev.fluxion.transformer.analysis.Callees;
import dev.fluxion.transformer.analysis.DifferentiabilityCheck;
import dev.fluxion.transformer.diagnostics.Diagnostic;
import dev.fluxion.transformer.diagnostics.Unsupported;
import dev.fluxion.transformer.frontend.BytecodeParser;
import dev.fluxion.transformer.frontend.ReadableCallees;
import dev.fluxion.transformer.frontend.ValueObjects;
import dev.fluxion.transformer.ir.ExceptionEdges;
import dev.fluxion.transformer.ir.IrFunction;
import dev.fluxion.transformer.ir.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * What every {@code @Differentiable} method must pass before a derivative is generated: a body, a
 * return type Fluxion differentiates, bytecode the parser reads, and no flow the
 * {@link DifferentiabilityCheck} rejects. The same checks judge a callee for its callers
 * ({@link Callees#problem}), so a caller never relies on a derivative that will not exist.
 */
final class MethodChecks {
    private MethodChecks() {
    }

    /** A method as parsed, with the activity its checks saw. */
    record Checked(IrFunction source, ActivityAnalysis activity) {
    }

    /**
     * @param inputs the parameters differentiated with respect to ({@code null}: all)
     * @throws Unsupported with every problem the checks found ({@link Unsupported#more})
     */
    static Checked check(String owner, MethodNode m, DifferentiableMethods callees, Set<Integer> inputs) {
        if ((m.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
            throw new Unsupported(-1, "@Differentiable method without a body", "Annotate a method that has Java code.");
        }
        Type ret = Type.getReturnType(m.desc);
        if (!Types.isFloating(ret) && ret.getSort() != Type.VOID && !Types.isFloatingArray(ret)) {
            throw new Unsupported(firstLine(m), "the method returns " + ret.getClassName()
                    + "; only methods returning double or float, double[] or float[] (or void methods that write their "
                    + "results into array parameters) can be differentiated",
                    "Return the scalar to differentiate, or write the results into a double[] parameter.");
        }
        ValueObjects.Lowered lowered = lower(owner, m, callees);
        IrFunction source = lowered.function();
        ActivityAnalysis activity = ActivityAnalysis.of(source, callees, inputs);
        try {
            DifferentiabilityCheck.check(source, activity, callees); // diagnostics speak of the code as written
        } catch (Unsupported u) {
            throw lowered.kept() == null ? u : withObjectsKept(u, lowered.kept(), lowered.outOfReach());
        }
        return new Checked(source, activity);
    }

    /** Why {@code m} of {@code owner} cannot be differentiated, or {@code null}. */
    static Diagnostic problem(ClassNode owner, MethodNode m, DifferentiableMethods callees) {
        try {
            check(owner.name, m, callees, null);
            return null;
        } catch (Unsupported u) {
            return new Diagnostic(owner.name, m.name, m.desc, owner.sourceFile, u.line(), u.problem(), u.advice());
        }
    }

    /** {@code m} in SSA form, its objects replaced by the numbers they hold ({@link ValueObjects}) where they can be. */
    static IrFunction parse(String owner, MethodNode m, DifferentiableMethods callees) {
        return lower(owner, m, callees).function();
    }

    /** {@code m} lowered, made once per class transformation ({@link DifferentiableMethods#lowered}): a fresh copy each call. */
    private static ValueObjects.Lowered lower(String owner, MethodNode m, DifferentiableMethods callees) {
        return callees.lowered(m, () -> {
            ValueObjects.Lowered lowered = ValueObjects.lowered(
                    () -> ReadableCallees.inline(BytecodeParser.parse(owner, m), callees, callees::classNode),
                    f -> ReadableCallees.inlineInView(f, callees, callees::classNode), callees::classNode,
                    method -> callees.adjointRule(method) != null);
            ExceptionEdges.prune(lowered.function()); // the exceptional edges of what the objects' lowering took away
            return lowered;
        });
    }

    /**
     * The problems, the one about an object (else the first) saying why the method's objects were
     * kept as they are: the rest of its message cannot know.
     */
    private static Unsupported withObjectsKept(Unsupported u, String why, boolean outOfReach) {
        List<Unsupported> each = new ArrayList<>(u.each());
        int at = 0;
        for (int k = 0; k < each.size(); k++) {
            if (each.get(k).problem().contains("constructor of")) {
                at = k;
                break;
            }
        }
        Unsupported p = each.get(at);
        each.set(at, outOfReach // the real cause first, then what it led to
                ? new Unsupported(p.line(), why + ", so Fluxion kept this method's objects as they are, and then: "
                        + p.problem(), "Make the class public (its members may stay private: Fluxion reaches those "
                                + "through method handles). " + p.advice())
                : new Unsupported(p.line(), p.problem() + " (Fluxion kept this method's objects as they are: " + why
                        + ")", p.advice()));
        return Unsupported.all(each);
    }

    static int firstLine(MethodNode m) {
        for (var insn : m.instructions) {
            if (insn instanceof LineNumberNode ln) {
                return ln.line;
            }
        }
        return -1;
    }
}
