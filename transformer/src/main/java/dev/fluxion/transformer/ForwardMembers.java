package dev.fluxion.transformer;

import dev.fluxion.transformer.analysis.ActivityAnalysis;
import dev.fluxion.transformer.analysis.DifferentiabilityCheck;
import dev.fluxion.transformer.backend.BytecodeEmitter;
import dev.fluxion.transformer.derivatives.DerivativeRequest;
import dev.fluxion.transformer.derivatives.DerivativeRequests;
import dev.fluxion.transformer.diagnostics.Diagnostic;
import dev.fluxion.transformer.diagnostics.Unsupported;
import dev.fluxion.transformer.forward.TangentGenerator;
import dev.fluxion.transformer.ir.IrFunction;
import dev.fluxion.transformer.ir.IrPrinter;
import dev.fluxion.transformer.ir.MemberRef;
import dev.fluxion.transformer.reverse.AdjointGenerator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The forward-mode and second-order members of one method whose adjoint was generated: its
 * tangents and its Hessian-vector product. Should one of them be impossible, it is a stub that
 * throws the diagnostic when called, and the class keeps everything else: reverse mode is never
 * held hostage by a gap in forward mode.
 */
final class ForwardMembers {
    /**
     * A bound on a vector tangent's size that keeps it well under the JVM's 64 KB per method (an
     * instruction takes at most a few bytes), so that it never makes a class that works in every
     * other mode fail to be written. A vector tangent over this bound, or over the size the JIT
     * compiles, is replaced by one that calls the widest narrower tangent that is a true vector
     * tangent (the one-lane tangent at worst) once per group of its lanes.
     */
    private static final int MAX_VECTOR_TANGENT_INSTRUCTIONS = 12_000;

    private final ClassNode owner;
    private final MethodNode m;
    /** The name the members are named after: the method's, or that of the function it was lowered to. */
    private final String name;
    private final int access;
    private final DifferentiableMethods callees;
    private final BiConsumer<String, java.util.function.Supplier<String>> dump;
    /** The widths of the vector tangents generated so far that carry their lanes in one sweep the JIT compiles. */
    private final java.util.SortedSet<Integer> sweeps = new java.util.TreeSet<>();
    /** The narrowest width whose tangent was too large, if any: every wider one would be larger still. */
    private int tooLarge = Integer.MAX_VALUE;

    /** @param dump writes a text form of the given kind ({@code -Dfluxion.dump}) */
    ForwardMembers(ClassNode owner, MethodNode m, int access, DifferentiableMethods callees, BiConsumer<String, java.util.function.Supplier<String>> dump) {
        this(owner, m, m.name, access, callees, dump);
    }

    /** Members named after {@code name}, the function {@code m} was lowered to (a loss over a model's leaves). */
    ForwardMembers(ClassNode owner, MethodNode m, String name, int access, DifferentiableMethods callees,
            BiConsumer<String, java.util.function.Supplier<String>> dump) {
        this.owner = owner;
        this.m = m;
        this.name = name;
        this.access = access;
        this.callees = callees;
        this.dump = dump;
    }

    /**
     * The tangent with {@code lanes} directions, where the derivative registry puts it; the narrower
     * widths first, so that a wide one too large for the JIT can be made of calls of a narrower one.
     */
    MethodNode tangent(IrFunction primal, ActivityAnalysis activity, int lanes, boolean writesParams) {
        MemberRef member = callees.derivatives().member(DerivativeRequest.tangent(primalRef(primal), primal.descriptor(), lanes));
        return orStub(member.name(), member.descriptor(), "", "its tangent", () -> {
            if (lanes > tooLarge && !writesParams) { // not generated again only to be dropped: start-up time counts
                return laneByLane(primal, member, lanes);
            }
            IrFunction tangent = TangentGenerator.generate(primal, activity, callees, lanes, member.name());
            dump.accept(lanes == 1 ? "tangent" : "tangent" + lanes, () -> IrPrinter.print(tangent));
            MethodNode emitted = BytecodeEmitter.emit(tangent, access);
            if (lanes > 1 && (emitted.instructions.size() > MAX_VECTOR_TANGENT_INSTRUCTIONS
                    || BytecodeEmitter.isHuge(emitted))) {
                tooLarge = Math.min(tooLarge, lanes);
                if (!writesParams) { // a narrower tangent's lanes at a time, in methods the JIT compiles
                    return laneByLane(primal, member, lanes);
                }
                if (emitted.instructions.size() > MAX_VECTOR_TANGENT_INSTRUCTIONS) {
                    throw new Unsupported(-1, "its " + lanes + "-lane tangent would be too large for one JVM method",
                            "Compute its derivatives one direction at a time (Fluxion.tangent(f).jvp), or split the method.");
                }
            }
            if (lanes > 1 && !BytecodeEmitter.isHuge(emitted)) {
                sweeps.add(lanes);
            }
            return emitted;
        });
    }

    /** The widest true vector tangent generated so far whose width divides {@code lanes}, or 1: the one to call group by group. */
    private int chunk(int lanes) {
        int chunk = 1;
        for (int w : sweeps) {
            if (lanes % w == 0) {
                chunk = w;
            }
        }
        return chunk;
    }

    /**
     * The widths, among those generated so far, whose tangent is a true vector tangent: one sweep
     * carries all its lanes, in a method the JIT compiles. Only these get a binder, so that the
     * runtime never plans a sweep that is lane by lane or interpreted in disguise.
     */
    java.util.SortedSet<Integer> sweepWidths() {
        return java.util.Collections.unmodifiableSortedSet(sweeps);
    }

    /** {@code member}, the {@code lanes}-lane tangent, as calls of the narrower tangent {@link #chunk} gives. */
    private MethodNode laneByLane(IrFunction primal, MemberRef member, int lanes) {
        int chunk = chunk(lanes);
        MemberRef narrower = callees.derivatives().member(DerivativeRequest.tangent(primalRef(primal), primal.descriptor(), chunk));
        return Binders.laneByLane(owner, member, narrower, primal.descriptor(), lanes, chunk, access);
    }

    /**
     * Hessian-vector products, reverse over forward: the tangent as a pure function {@code t(x, v)}
     * is itself SSA that the reverse-mode pipeline differentiates once more, with {@code x} as the
     * only input. The functions are {@code double f(double[] x)} and {@code double f(double x)}, an
     * instance method's in its static form, with the receiver first.
     */
    MethodNode hessianVectorProduct(IrFunction primal, ActivityAnalysis activity) {
        return hessianVectorProduct(primal, activity, Set.of(primal.params().size() - 1)); // after the receiver, if any
    }

    /** The same with respect to the parameters {@code inputs} (a model's leaves), the others constants. */
    MethodNode hessianVectorProduct(IrFunction primal, ActivityAnalysis activity, Set<Integer> inputs) {
        DerivativeRequests derivatives = callees.derivatives();
        MemberRef hvpMember = derivatives.member(DerivativeRequest.hessianVectorProduct(primalRef(primal), primal.descriptor(),
                inputs));
        return orStub(hvpMember.name(), hvpMember.descriptor(), "no second derivative: ",
                "its second derivative", () -> {
                    IrFunction pure = TangentGenerator.generateTangentOnly(primal, activity, callees,
                            derivatives.member(DerivativeRequest.tangent(primalRef(primal), primal.descriptor(), 1)).name());
                    SecondOrderRules.inline(pure, callees);
                    ActivityAnalysis second = ActivityAnalysis.of(pure, callees, inputs);
                    dump.accept("pure-tangent", () -> IrPrinter.print(pure, v -> second.isActive(v) ? "   [active]" : ""));
                    DifferentiabilityCheck.check(pure, second, callees); // after the dump, which shows what it rejects
                    IrFunction hvp = AdjointGenerator.generate(pure, second, callees, hvpMember.name());
                    dump.accept("hvp", () -> IrPrinter.print(hvp));
                    callees.secondOrder().require(pure); // the callees' pure tangents it calls, and theirs
                    return BytecodeEmitter.emit(hvp, access);
                });
    }

    /**
     * The method differentiated, as its callers name it: {@code m}, or the static function of a
     * model's leaves it was lowered to, whose descriptor is {@code primal}'s.
     */
    private MemberRef primalRef(IrFunction primal) {
        return name.equals(m.name) ? DifferentiableMethods.asCalled(owner, m)
                : new MemberRef(owner.name, name, primal.descriptor(), (owner.access & Opcodes.ACC_INTERFACE) != 0);
    }

    /** The member {@code generate} makes, or a stub named {@code name} that throws why it could not. */
    private MethodNode orStub(String name, String desc, String prefix, String what, Supplier<MethodNode> generate) {
        try {
            return generate.get();
        } catch (Unsupported u) {
            return Binders.throwing(name, desc, access, new Diagnostic(owner.name, m.name, m.desc, owner.sourceFile,
                    u.line(), prefix + u.problem(), u.advice()).toString());
        } catch (RuntimeException e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            dump.accept(name + "-internal-error", trace::toString);
            return Binders.throwing(name, desc, access, new Diagnostic(owner.name, m.name, m.desc, owner.sourceFile, -1,
                    "internal error generating " + what + " (" + e + ")", "Use reverse mode (Fluxion.gradient) "
                            + "meanwhile, and please report this as a Fluxion bug, with the output of -Dfluxion.dump=DIR "
                            + "attached.").toString());
        }
    }
}
