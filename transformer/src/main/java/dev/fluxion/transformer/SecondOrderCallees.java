package dev.fluxion.transformer;

import dev.fluxion.internal.Naming;
import dev.fluxion.transformer.analysis.ActivityAnalysis;
import dev.fluxion.transformer.analysis.DifferentiabilityCheck;
import dev.fluxion.transformer.backend.BytecodeEmitter;
import dev.fluxion.transformer.derivatives.DerivativeRequests;
import dev.fluxion.transformer.derivatives.DerivativeRequests.PureTangent;
import dev.fluxion.transformer.diagnostics.Diagnostic;
import dev.fluxion.transformer.diagnostics.Unsupported;
import dev.fluxion.transformer.forward.TangentGenerator;
import dev.fluxion.transformer.ir.Block;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.IrFunction;
import dev.fluxion.transformer.ir.IrPrinter;
import dev.fluxion.transformer.ir.MemberRef;
import dev.fluxion.transformer.ir.Op;
import dev.fluxion.transformer.reverse.AdjointGenerator;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Second derivatives through calls that stay calls. A Hessian-vector product differentiates its
 * method's pure tangent {@code t(x, v)} in reverse mode; where the method calls {@code f} without
 * inlining it, that tangent calls {@code f} and {@code f}'s own pure tangent {@code f'(x, xdot)}
 * (reverse over forward through the call, as Enzyme's forward-over-reverse goes through calls), so
 * reverse mode needs the adjoint of {@code f'} with respect to both {@code x} and {@code xdot}.
 * This class generates the two members, {@code f'} and its adjoint, for each callee the derivative
 * registry placed ({@link DerivativeRequests#takePureTangents}), from the callee's code, into the
 * class being transformed (the callee's class was transformed without knowing that this class
 * asks), and the pure tangents they call in turn, until none is new: a recursion through a callee
 * finds its members already placed.
 *
 * <p>A callee whose pure tangent cannot be generated gets members that throw why, and every
 * Hessian-vector product that reaches it, directly or through other callees, is itself a stub
 * that says so ({@link #require}): never a silently wrong second derivative.
 */
final class SecondOrderCallees {
    /** A method's SSA as its derivatives are generated from, with every parameter an input. */
    record Primal(IrFunction function, ActivityAnalysis activity) {
    }

    /**
     * Lowers a method to the SSA its derivatives are generated from (the transformer's own way),
     * and writes the text form of what is generated from it ({@code -Dfluxion.dump}).
     */
    interface Primals {
        Primal of(ClassNode owner, MethodNode m);

        void dump(ClassNode owner, MethodNode m, String kind, Supplier<String> text);
    }

    private final ClassNode transforming;
    private final DifferentiableMethods callees;
    private final Primals primals;
    /** The two members of each pure tangent generated, by its member: the pure tangent, then its adjoint. */
    private final Map<MemberRef, List<MethodNode>> members = new LinkedHashMap<>();
    /** The method each pure tangent's members are kept by in the class ({@link ClassDerivatives}). */
    private final Map<MemberRef, MethodNode> keptBy = new LinkedHashMap<>();
    /** Why a pure tangent could not be generated, by its member. */
    private final Map<MemberRef, Diagnostic> failures = new LinkedHashMap<>();
    /** The pure tangents each pure tangent calls. */
    private final Map<MemberRef, Set<MemberRef>> calls = new LinkedHashMap<>();

    SecondOrderCallees(ClassNode transforming, DifferentiableMethods callees, Primals primals) {
        this.transforming = transforming;
        this.callees = callees;
        this.primals = primals;
    }

    /**
     * Generates the pure tangents requested so far, and checks that those {@code pure} (a method's
     * pure tangent) calls, and those they call, could be: throws, at the line of the call in the
     * method, why the first that could not.
     */
    void require(IrFunction pure) {
        generatePending();
        for (Block b : pure.blocks()) {
            for (Instruction insn : b.body()) {
                if (insn.op() == Op.INVOKE && members.containsKey(insn.member())) {
                    Diagnostic problem = firstFailure(insn.member());
                    if (problem != null) {
                        MemberRef callee = callees.derivatives().pureTangentOf(insn.member()).primal();
                        throw new Unsupported(insn.line(), "a call to " + callee.owner().replace('/', '.') + "."
                                + callee.name() + " that was not inlined, and whose second derivative cannot be "
                                + "generated: " + problem.located(), problem.advice());
                    }
                }
            }
        }
    }

    /** Adds the members generated to the class, each pure tangent's kept by the method it differentiates (or the caller's first). */
    void addTo(ClassDerivatives out) {
        members.forEach((member, generated) -> out.addAll(keptBy.get(member), generated));
    }

    private Diagnostic firstFailure(MemberRef pureTangent) {
        Deque<MemberRef> todo = new ArrayDeque<>(List.of(pureTangent));
        Set<MemberRef> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            MemberRef next = todo.pop();
            if (!seen.add(next)) {
                continue;
            }
            Diagnostic d = failures.get(next);
            if (d != null) {
                return d;
            }
            todo.addAll(calls.getOrDefault(next, Set.of()));
        }
        return null;
    }

    private void generatePending() {
        DerivativeRequests requests = callees.derivatives();
        for (var todo = requests.takePureTangents(); !todo.isEmpty(); todo = requests.takePureTangents()) {
            for (PureTangent p : todo) {
                generate(p);
            }
        }
    }

    private void generate(PureTangent p) {
        MemberRef f = p.primal();
        ClassNode owner = f.owner().equals(transforming.name) ? transforming : callees.classNode(f.owner());
        MethodNode m = owner == null ? null : owner.methods.stream()
                .filter(c -> c.name.equals(f.name()) && c.desc.equals(f.descriptor())).findFirst().orElse(null);
        keptBy.put(p.member(), m != null && owner == transforming ? m : placeholder(p));
        int access = Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC
                | ((transforming.access & Opcodes.ACC_INTERFACE) != 0 ? Opcodes.ACC_PUBLIC : 0);
        try {
            if (m == null || m.instructions.size() == 0) {
                throw new Unsupported(-1, "its code cannot be read", "Make its class file available to Fluxion.");
            }
            String outOfReach = owner == transforming ? null : callees.outOfReach(f, transforming.name);
            if (outOfReach != null) {
                throw new Unsupported(-1, "its second derivative is generated into " + transforming.name.replace('/', '.')
                        + ", whose code may not use " + outOfReach, "Make what it uses public, or move the caller "
                                + "into the callee's package.");
            }
            Primal primal = primals.of(owner, m);
            IrFunction pure = TangentGenerator.generateCalleePureTangent(primal.function(), primal.activity(), callees,
                    p.member().name());
            SecondOrderRules.inline(pure, callees);
            ActivityAnalysis activity = ActivityAnalysis.of(pure, callees, null); // the point and the direction
            primals.dump(owner, m, "callee-pure-tangent", () -> IrPrinter.print(pure, v -> activity.isActive(v) ? "   [active]" : ""));
            DifferentiabilityCheck.check(pure, activity, callees);
            IrFunction adjoint = AdjointGenerator.generate(pure, activity, callees, p.adjoint().name());
            primals.dump(owner, m, "callee-tangent-adjoint", () -> IrPrinter.print(adjoint));
            members.put(p.member(), List.of(BytecodeEmitter.emit(pure, access), BytecodeEmitter.emit(adjoint, access)));
            calls.put(p.member(), pureTangentsCalled(pure));
        } catch (Unsupported u) {
            fail(p, owner, m, access, u.line(), u.problem(), u.advice());
        } catch (RuntimeException e) {
            if (m != null) { // the trace the advice asks for, as ForwardMembers dumps its members' failures
                java.io.StringWriter trace = new java.io.StringWriter();
                e.printStackTrace(new java.io.PrintWriter(trace));
                primals.dump(owner, m, "callee-tangent-adjoint-internal-error", trace::toString);
            }
            fail(p, owner, m, access, -1, "internal error generating its tangent's adjoint (" + e + ")",
                    "Please report this as a Fluxion bug, with the output of -Dfluxion.dump=DIR attached.");
        }
    }

    /** Members that throw why, so that nothing in the class calls a member it lacks. */
    private void fail(PureTangent p, ClassNode owner, MethodNode m, int access, int line, String problem, String advice) {
        MemberRef f = p.primal();
        Diagnostic d = new Diagnostic(f.owner(), f.name(), f.descriptor(), owner == null ? null : owner.sourceFile, line,
                problem, advice);
        failures.put(p.member(), d);
        String message = d.message();
        members.put(p.member(), List.of(Binders.throwing(p.member().name(), p.member().descriptor(), access, message),
                Binders.throwing(p.adjoint().name(), p.adjoint().descriptor(), access, message)));
    }

    private Set<MemberRef> pureTangentsCalled(IrFunction f) {
        Set<MemberRef> out = new LinkedHashSet<>();
        for (Block b : f.blocks()) {
            for (Instruction insn : b.body()) {
                if (insn.op() == Op.INVOKE && insn.member().name().startsWith(Naming.PURE_TANGENT_PREFIX)) {
                    out.add(insn.member());
                }
            }
        }
        return out;
    }

    /** The method the members of a pure tangent of another class's method are kept by: one of their own. */
    private static MethodNode placeholder(PureTangent p) {
        return new MethodNode(Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC, p.member().name(), p.member().descriptor(),
                null, null);
    }
}
