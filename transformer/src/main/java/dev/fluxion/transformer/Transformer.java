package dev.fluxion.transformer;

import dev.fluxion.internal.Naming;
import dev.fluxion.transformer.analysis.ActivityAnalysis;
import dev.fluxion.transformer.analysis.ArrayFamilies;
import dev.fluxion.transformer.analysis.DifferentiabilityCheck;
import dev.fluxion.transformer.backend.BytecodeEmitter;
import dev.fluxion.transformer.backend.ClassFileLocator;
import dev.fluxion.transformer.backend.ClassHierarchy;
import dev.fluxion.transformer.backend.ThroughHandles;
import dev.fluxion.transformer.derivatives.DerivativeRequest;
import dev.fluxion.transformer.derivatives.DerivativeRequests;
import dev.fluxion.transformer.diagnostics.Diagnostic;
import dev.fluxion.transformer.diagnostics.DifferentiationException;
import dev.fluxion.transformer.diagnostics.Unsupported;
import dev.fluxion.transformer.frontend.BytecodeParser;
import dev.fluxion.transformer.frontend.Inliner;
import dev.fluxion.transformer.frontend.ModelLeaves;
import dev.fluxion.transformer.ir.BlockCopier;
import dev.fluxion.transformer.diagnostics.JavaSyntax;
import dev.fluxion.transformer.ir.IrFunction;
import dev.fluxion.transformer.ir.IrPrinter;
import dev.fluxion.transformer.ir.MemberRef;
import dev.fluxion.transformer.optimize.PrimalOptimizer;
import dev.fluxion.transformer.reverse.AdjointGenerator;
import dev.fluxion.transformer.reverse.CheckpointPolicy;
import dev.fluxion.transformer.reverse.Checkpointing;
import dev.fluxion.transformer.reverse.IndependentIterations;
import dev.fluxion.transformer.reverse.OutlinedBodies;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The core of Fluxion: class bytes in, class bytes with derivative methods out. The Java agent and
 * the build-time plugin are thin shells around this one function.
 *
 * <p>For each {@code @Differentiable} method the pipeline is:
 * <pre>
 *   bytecode --{@link BytecodeParser}--> SSA --{@link dev.fluxion.transformer.frontend.ValueObjects}--> value
 *       objects (records, final classes of final fields) replaced by their numbers
 *     (--{@link Inliner}--> small same-class callees inlined,
 *       --{@link PrimalOptimizer}--> fewer values for the reverse sweep to record)
 *     --{@link ActivityAnalysis}, {@link DifferentiabilityCheck}--> active values, or diagnostics
 *     --{@link AdjointGenerator}--> adjoint in SSA ({@link IndependentIterations}: and a sum over
 *       independent iterations reversed one iteration at a time, through an outlined body's adjoint;
 *       {@link Checkpointing}: a {@code @Checkpointed} method's time loops reversed from snapshots)
 *     --{@link ForwardMembers}: tangents (one lane, and the widths of vector forward mode), and the adjoint of the tangent
 *       (Hessian-vector products), in SSA ({@link SecondOrderCallees}: and the pure tangents of the
 *       methods it calls without inlining them, with their adjoints)
 *     --{@link BytecodeEmitter}--> bytecode ({@link ThroughHandles}: members of other classes the class may
 *       not use itself through method handles), frames computed by ASM over {@link ClassHierarchy}
 * </pre>
 * Which derivative members exist and where they live, one registry decides
 * ({@link DerivativeRequests}): the passes ask it for the member a call runs, and this class for the
 * names of the members it emits. Adjoints that call static {@code @Differentiable} methods of the
 * class while passing them data ask it for variants of the callees' adjoints specialised to the
 * active arguments; those are generated after all methods, the same way, until no new variant is
 * asked for.
 *
 * <p>The original methods are copied untouched; the derivative methods are added beside them, named
 * by {@link Naming}. A method that cannot be differentiated fails alone ({@link #transformEach}, the
 * agent's way: the others get their derivatives, and callers that need its derivatives fail with
 * it); {@link #transform} (the plugin's way) throws a {@link DifferentiationException} listing
 * every problem of the class instead.
 */
public final class Transformer {
    private final ClassFileLocator locator;
    private final ClassHierarchy hierarchy;
    private final Path dumpDirectory;
    private final boolean inline;
    /** Whether forward-mode members (tangents, Hessian-vector products) are generated with the adjoints. */
    private final boolean forward;
    /** The one method (name + descriptor) to differentiate, or {@code null}: every {@code @Differentiable} method. */
    private final String only;
    /** Whether the bodies of the lambdas of numbers a class makes are differentiated with it ({@link #withLambdaBodies}). */
    private final boolean lambdaBodies;

    /**
     * @param locator finds other classes' bytes (callees' annotations, superclasses)
     * @param dumpDirectory where to write each method's SSA and adjoint as text, or {@code null}
     */
    public Transformer(ClassFileLocator locator, Path dumpDirectory) {
        this(locator, dumpDirectory, true);
    }

    /**
     * @param inline whether small same-class callees are inlined before differentiation (see
     *     {@link Inliner}); off, every call is reversed jointly, through the callee's adjoint
     */
    public Transformer(ClassFileLocator locator, Path dumpDirectory, boolean inline) {
        this(locator, dumpDirectory, inline, true, null, false);
    }

    private Transformer(ClassFileLocator locator, Path dumpDirectory, boolean inline, boolean forward, String only,
            boolean lambdaBodies) {
        this.locator = locator;
        this.lambdaBodies = lambdaBodies;
        this.hierarchy = new ClassHierarchy(locator);
        this.dumpDirectory = dumpDirectory;
        this.inline = inline;
        this.forward = forward;
        this.only = only;
    }

    /**
     * This transformer, but generating reverse mode only: adjoints and what gradients need, no
     * tangents and no Hessian-vector products (nor their binders). On demand, a class's derivatives
     * are generated so first, and its forward-mode members only when one is asked for.
     */
    public Transformer reverseOnly() {
        return new Transformer(locator, dumpDirectory, inline, false, only, lambdaBodies);
    }

    /**
     * This transformer, but differentiating only the method {@code name descriptor} (which must be
     * {@code @Differentiable}) and what its derivatives request, not the class's other methods: the
     * body of a lambda made outside the differentiated code ({@code LambdaBodies}), whose class
     * has its own derivatives already.
     */
    public Transformer only(String name, String descriptor) {
        return new Transformer(locator, dumpDirectory, inline, forward, name + descriptor, false);
    }

    /**
     * This transformer, but also differentiating the bodies of the lambdas of numbers each class
     * makes ({@code LambdaBodies.madeIn}): the plugin's way, since with the plugin alone no generator
     * runs when a differentiated method calls a lambda made outside it. A body that cannot be
     * differentiated fails no build: the class's table says why, and the call says it if it runs.
     */
    public Transformer withLambdaBodies() {
        return new Transformer(locator, dumpDirectory, inline, forward, only, true);
    }

    /** Whether a class file makes lambdas whose bodies {@link #withLambdaBodies} would differentiate (a cheap pre-check). */
    public static boolean makesLambdasOfNumbers(byte[] classBytes) {
        return LambdaBodies.makesLambdasOfNumbers(classBytes);
    }

    /** A transformer that dumps to {@code -Dfluxion.dump=DIR} if set, and inlines unless {@code -Dfluxion.inline=false}. */
    public static Transformer withSystemProperties(ClassFileLocator locator) {
        String dump = System.getProperty("fluxion.dump");
        return new Transformer(locator, dump == null || dump.isEmpty() ? null : Path.of(dump),
                !"false".equals(System.getProperty("fluxion.inline")));
    }

    /** Whether a class file declares any {@code @Differentiable} method (cheap pre-check). */
    public static boolean hasDifferentiableMethods(ClassNode node) {
        return node.methods.stream().anyMatch(DifferentiableMethods::isAnnotated);
    }

    /**
     * Returns the class with derivative methods added, or {@code null} if there is nothing to do
     * (no {@code @Differentiable} method, or the class was already transformed). All or nothing: the
     * build-time plugin writes no class of a build that has a problem.
     *
     * @throws DifferentiationException if some {@code @Differentiable} method cannot be differentiated
     */
    public byte[] transform(byte[] classBytes) {
        Result result = transformEach(classBytes);
        if (!result.problems().isEmpty()) {
            throw new DifferentiationException(result.problems());
        }
        return result.bytes();
    }

    /**
     * The class with the derivatives of every method that can be differentiated, and the diagnostics
     * of the others: one method's failure is its own. A method whose derivatives would call those of
     * a method that failed fails too, with its own diagnostic. {@code bytes} is {@code null} if
     * nothing was added.
     */
    public record Result(byte[] bytes, List<Diagnostic> problems) {
        /**
         * Every problem of each method that failed, as one message per method, keyed by its owner
         * (internal form), name and descriptor: what the runtime repeats when the method's
         * derivative is asked for.
         */
        public java.util.Map<List<String>, String> messagesByMethod() {
            java.util.Map<List<String>, String> byMethod = new java.util.LinkedHashMap<>();
            for (Diagnostic d : problems) {
                byMethod.merge(List.of(d.owner(), d.method(), d.descriptor()), d.message(), (a, b) -> a + "\n" + b);
            }
            return byMethod;
        }
    }

    /** Like {@link #transform}, but every method that can be differentiated gets its derivatives (the agent's way). */
    public Result transformEach(byte[] classBytes) {
        ClassReader reader = new ClassReader(classBytes);
        ClassNode node = new ClassNode();
        reader.accept(node, 0);
        if (isTransformed(node)) {
            return new Result(null, List.of());
        }
        List<LambdaBodies.Made> lambdas = lambdaBodies && only == null ? LambdaBodies.madeIn(node, locator) : List.of();
        if (!hasDifferentiableMethods(node) && !Forwarders.hasFluxionLambdas(node) && lambdas.isEmpty()) {
            return new Result(null, List.of());
        }
        DifferentiableMethods callees = new DifferentiableMethods(locator);
        callees.register(node);
        SecondOrderCallees secondOrder = callees.secondOrder(new SecondOrderCallees.Primals() {
            @Override
            public SecondOrderCallees.Primal of(ClassNode owner, MethodNode m) {
                return primalOf(owner, m, callees);
            }

            @Override
            public void dump(ClassNode owner, MethodNode m, String kind, java.util.function.Supplier<String> text) {
                Transformer.this.dump(owner, m, kind, text);
            }
        });
        ClassDerivatives out = new ClassDerivatives(node);
        for (MethodNode m : node.methods) {
            if (DeclaredGradients.annotation(m) == null || only != null) {
                continue;
            }
            try {
                DeclaredGradients.Declaration g = DeclaredGradients.resolve(node, m);
                MemberRef gradient = callees.derivatives().declaredGradient(DifferentiableMethods.asCalled(node, m),
                        g.primal().desc);
                Derivative d = differentiate(node, g.primal(), callees, g.wrt(), gradient.name(), false);
                Set<Integer> activeData = new java.util.TreeSet<>(d.activeParams());
                activeData.removeAll(g.wrt());
                out.add(m, d.adjoint());
                out.addAll(m, d.iterationBodies());
                out.replace(m, DeclaredGradients.body(g, gradient, d.writtenParams(), activeData));
            } catch (Unsupported u) {
                out.fail(m, u);
            }
        }
        for (MethodNode m : node.methods) {
            if (!DifferentiableMethods.isAnnotated(m) || only != null && !only.equals(m.name + m.desc)
                    || lambdas.stream().anyMatch(l -> l.glue() == m)) {
                continue;
            }
            Type model = modelOf(node, m);
            if (model != null) { // double loss() of the model, or static double loss(Model m)
                try {
                    out.addAll(m, differentiateModel(node, m, callees, model));
                } catch (Unsupported u) {
                    out.fail(m, u);
                }
                continue;
            }
            try {
                // with only, m is the body of a lambda made outside (HiddenClassGenerator), maybe a closure
                Derivative d = differentiate(node, m, callees, null, generalAdjoint(node, m, callees).name(), only != null);
                out.add(m, d.adjoint());
                out.addAll(m, d.iterationBodies());
                if (forward) {
                    out.add(m, d.tangent());
                    out.addAll(m, d.vectorTangents());
                    if (d.hvp() != null) {
                        out.add(m, d.hvp());
                    }
                }
                out.addAll(m, Binders.entryPoints(node, m, callees.derivatives(), d.writtenParams(), d.sweepWidths(),
                        d.hvp() != null, forward));
            } catch (Unsupported u) {
                out.fail(m, u);
            } catch (RuntimeException e) {
                java.io.StringWriter trace = new java.io.StringWriter();
                e.printStackTrace(new java.io.PrintWriter(trace));
                dump(node, m, "internal-error", trace::toString); // for the bug report the message asks for
                out.fail(m, -1, "internal error (" + e + ")", "Please report this as a Fluxion bug, with the output of "
                        + "-Dfluxion.dump=DIR attached. The method's derivatives were not generated.");
            }
        }
        // adjoints specialised to the arguments their callers differentiate (which may request more)
        DerivativeRequests requests = callees.derivatives();
        for (var todo = requests.takeVariants(); !todo.isEmpty(); todo = requests.takeVariants()) {
            for (DerivativeRequests.Variant s : todo) {
                try {
                    Derivative d = differentiate(node, s.method(), callees, s.inputs(), s.name(), false);
                    out.add(s.method(), d.adjoint());
                    out.addAll(s.method(), d.iterationBodies());
                } catch (RuntimeException e) { // Unsupported included
                    // cannot happen where the general adjoint exists (fewer inputs, less to do); if
                    // it does, the variant is the general adjoint, which serves every caller
                    MemberRef general = generalAdjoint(node, s.method(), callees);
                    out.add(s.method(), Binders.copyingBridge(node, s.name(), general.name(), general.descriptor(), List.of()));
                }
            }
        }
        if (only == null) {
            Forwarders.addTo(node, out, locator); // lambdas such as x -> f(x), linked as f
        }
        if (!lambdas.isEmpty()) {
            addLambdaBodies(node, lambdas, callees, out);
        }
        secondOrder.addTo(out);
        out.failCallersOfMissingMembers();
        return write(reader, node, out, classBytes, callees);
    }

    /**
     * The derivatives of the lambdas' bodies ({@link #withLambdaBodies}), each beside the method
     * standing for the body, and the class's table of them; a body that cannot be differentiated
     * gets no members, and its line says why.
     */
    private void addLambdaBodies(ClassNode node, List<LambdaBodies.Made> lambdas, DifferentiableMethods callees,
            ClassDerivatives out) {
        List<String> lines = new ArrayList<>();
        for (LambdaBodies.Made l : lambdas) {
            MethodNode glue = l.glue();
            try {
                Derivative d = differentiate(node, glue, callees, null, generalAdjoint(node, glue, callees).name(), true);
                List<MethodNode> members = new ArrayList<>(List.of(glue, d.adjoint()));
                members.addAll(d.iterationBodies());
                if (forward) {
                    members.add(d.tangent());
                    members.addAll(d.vectorTangents());
                    if (d.hvp() != null) { // a closure's (Fluxion.hessian(p -> loss(data, p)))
                        members.add(d.hvp());
                    }
                }
                out.addAll(glue, members);
                lines.add(l.line(null));
            } catch (Unsupported u) {
                String body = l.body().split("\\.")[1]; // the lambda's method, as the user's stack traces name it
                lines.add(l.line(u.each().stream().map(p -> new Diagnostic(node.name, body, glue.desc, node.sourceFile,
                        p.line(), p.problem(), p.advice()).message()).collect(java.util.stream.Collectors.joining("\n"))));
            } catch (RuntimeException e) {
                lines.add(l.line("internal error (" + e + "): please report this as a Fluxion bug, with the output of "
                        + "-Dfluxion.dump=DIR attached."));
            }
        }
        MethodNode table = LambdaBodies.table(lines);
        out.add(table, table);
    }

    /**
     * Writes the class with every derivative that fits. A derivative over 64 KB of bytecode is first
     * tried again without inlining (for the whole class, as it was generated); then a member the
     * method's adjoint does not need (its tangents, its Hessian-vector product) becomes a stub that
     * throws why, and an adjoint that does not fit fails its method alone.
     */
    private Result write(ClassReader reader, ClassNode node, ClassDerivatives out, byte[] classBytes,
            DifferentiableMethods callees) {
        while (true) {
            try {
                List<MethodNode> members = out.members();
                if (members.isEmpty()) {
                    return new Result(null, out.problems());
                }
                java.util.function.Function<String, ClassNode> classes = c -> c.equals(node.name) ? node : callees.declarations(c);
                members.forEach(m -> ThroughHandles.rewrite(m, node.name, classes)); // members the class may not use itself
                return new Result(addMethods(reader, node, withFrames(node, members), out.replaced()), out.problems());
            } catch (MethodTooLargeException e) {
                if (inline) { // inlined code made it too large
                    return new Transformer(locator, dumpDirectory, false, forward, only, lambdaBodies).transformEach(classBytes);
                }
                if (out.tooLarge(e.getMethodName(), e.getDescriptor()) == null) {
                    throw new IllegalStateException("no generated member " + e.getMethodName() + e.getDescriptor(), e);
                }
            } catch (RuntimeException e) {
                List<Diagnostic> problems = new ArrayList<>(out.problems());
                problems.add(new Diagnostic(node.name, "<class>", "", node.sourceFile, -1, "internal error while writing "
                        + "the derivative methods (" + e + ")", "Please report this as a Fluxion bug, with the output "
                                + "of -Dfluxion.dump=DIR attached. The class was left untouched."));
                return new Result(null, problems);
            }
        }
    }

    /**
     * Whether Fluxion already added its members to the class: an adjoint, or the table of the
     * lambda bodies it differentiated (a class whose lambdas' bodies alone were differentiated, or
     * none could be, has no adjoint of its own). A build that runs the plugin again over its
     * classes (no {@code clean}) must leave them as they are.
     */
    private static boolean isTransformed(ClassNode node) {
        return node.methods.stream().anyMatch(m -> m.name.startsWith(Naming.ADJOINT_PREFIX) || m.name.equals(Naming.LAMBDA_TABLE));
    }

    /** The descriptors of the lambda bodies ({@code LambdaBodies}) of scalar and unary functions: the lambda object, then the point. */
    private static final Set<String> CLOSURE_BODIES = Set.of("(Ljava/lang/Object;[D)D", "(Ljava/lang/Object;D)D");

    /**
     * A method's adjoint, and the adjoints of the loop bodies it calls ({@link IndependentIterations});
     * its tangents (one lane and each of {@code Naming.VECTOR_WIDTHS}) and Hessian-vector product (for a static
     * scalar function the API binds), if all its parameters are inputs; which of its array parameters
     * it writes into, and which parameters are active.
     */
    private record Derivative(MethodNode adjoint, List<MethodNode> iterationBodies, MethodNode tangent,
            List<MethodNode> vectorTangents, java.util.SortedSet<Integer> sweepWidths, MethodNode hvp,
            List<Integer> writtenParams, Set<Integer> activeParams) {
    }

    /**
     * @param inputs the parameters differentiated with respect to ({@code null}: all)
     * @param name the adjoint's name
     * @param lambdaBody whether {@code m} is the body of a lambda ({@code LambdaBodies}): a closure's
     *     (of a scalar or unary function) has the Hessian-vector product the API's closures bind
     */
    private Derivative differentiate(ClassNode owner, MethodNode m, DifferentiableMethods callees, Set<Integer> inputs,
            String name, boolean lambdaBody) {
        MethodChecks.Checked checked = callees.check(owner, m, inputs);
        IrFunction source = checked.source();
        ActivityAnalysis sourceActivity = checked.activity();
        // a copy, as a fresh parse would give it, for the rewrites to change while the source stays
        Optimized optimized = optimized(owner, BlockCopier.detached(source), source, sourceActivity, callees, inputs);
        IrFunction primal = optimized.primal();
        ActivityAnalysis activity = optimized.activity();
        String kind = inputs == null ? "" : "." + name;
        ActivityAnalysis shown = activity;
        dump(owner, m, "ssa" + kind, () -> IrPrinter.print(primal, v -> shown.isActive(v) ? "   [active]" : ""));
        int access = (m.access & (Opcodes.ACC_PUBLIC | Opcodes.ACC_PRIVATE | Opcodes.ACC_PROTECTED))
                | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC;
        List<Integer> written = new ArrayList<>();
        Set<Integer> active = new java.util.TreeSet<>();
        for (var p : primal.params()) {
            if (ArrayFamilies.isMember(p) && activity.families().isWritten(p)) {
                written.add(p.index());
            }
            if (activity.isActive(p)) {
                active.add(p.index());
            }
        }
        // emitted before the tangent adds users to shared constants
        int line = MethodChecks.firstLine(m);
        CheckpointPolicy checkpoints = CheckpointPolicy.of(m, line);
        List<MethodNode> adjoints = emitAdjoints(owner, m, kind,
                Checkpointing.adjoints(primal, activity, callees, inputs, name, checkpoints, line), access);
        if (tooLarge(adjoints)) {
            // the adjoint (or an outlined loop body's) is too large for the JIT, which would leave it
            // interpreted: loop bodies become methods of their own, or else, if inlining made it so
            // large, callees stay calls, each with an adjoint of its own that the JIT compiles
            List<IrFunction> split = checkpoints != null ? null : OutlinedBodies.adjoints(primal, callees, inputs, name,
                    f -> BytecodeEmitter.codeLength(BytecodeEmitter.emit(f, access)), BytecodeEmitter.HUGE_METHOD_LIMIT);
            if (split != null) {
                adjoints = emitAdjoints(owner, m, kind, split, access);
            } else if (primal != source) {
                adjoints = emitAdjoints(owner, m, kind,
                        Checkpointing.adjoints(source, sourceActivity, callees, inputs, name, checkpoints, line), access);
            }
        }
        MethodNode emitted = adjoints.get(0);
        List<MethodNode> bodies = adjoints.subList(1, adjoints.size());
        if (inputs != null || !forward) { // a @GradientOf's specialised adjoint, or reverse mode only
            return new Derivative(emitted, bodies, null, List.of(), new java.util.TreeSet<>(), null, written, active);
        }
        ForwardMembers forward = new ForwardMembers(owner, m, access, callees, (what, text) -> dump(owner, m, what, text));
        boolean writes = !written.isEmpty();
        MethodNode tangent = forward.tangent(primal, activity, 1, writes);
        if (primal != source && BytecodeEmitter.isHuge(tangent)) {
            tangent = forward.tangent(source, sourceActivity, 1, writes); // as for the adjoint
        }
        List<MethodNode> vectorTangents = new ArrayList<>();
        for (int lanes : Naming.VECTOR_WIDTHS) {
            vectorTangents.add(forward.tangent(primal, activity, lanes, writes));
        }
        boolean isStatic = (m.access & Opcodes.ACC_STATIC) != 0;
        // a closure's body, static double body(Object lambda, double[] p), has the Hessian of Fluxion.hessian(p -> ..)
        boolean hessian = isStatic ? Naming.hvpBinderInterface(m.desc) != null || lambdaBody && CLOSURE_BODIES.contains(m.desc)
                : Naming.boundHvpBinderInterface(m.desc) != null;
        MethodNode hvp = hessian ? forward.hessianVectorProduct(primal, activity) : null;
        return new Derivative(emitted, bodies, tangent, vectorTangents, forward.sweepWidths(), hvp, written, active);
    }

    /**
     * {@code m} as its derivatives are generated from, every parameter an input: for the pure
     * tangent of a callee of the class's Hessian-vector products ({@link SecondOrderCallees}).
     */
    private SecondOrderCallees.Primal primalOf(ClassNode owner, MethodNode m, DifferentiableMethods callees) {
        MethodChecks.Checked checked = callees.check(owner, m, null);
        Optimized optimized = optimized(owner, BlockCopier.detached(checked.source()), checked.source(), checked.activity(),
                callees, null);
        return new SecondOrderCallees.Primal(optimized.primal(), optimized.activity());
    }

    /**
     * Where the derivative registry puts the general adjoint of {@code m}, a method of the class
     * being transformed: the member its callers call and the API binds.
     */
    private static MemberRef generalAdjoint(ClassNode owner, MethodNode m, DifferentiableMethods callees) {
        return callees.derivatives().member(DerivativeRequest.adjoint(DifferentiableMethods.asCalled(owner, m),
                DifferentiableMethods.staticDescriptor(owner, m)));
    }

    /**
     * The model a loss is differentiated with respect to: the class itself for an instance method
     * {@code double loss()}, the parameter's class for a {@code static double loss(Model m)}; else
     * {@code null} (an ordinary function of numbers).
     */
    private static Type modelOf(ClassNode owner, MethodNode m) {
        if ((m.access & Opcodes.ACC_STATIC) == 0) {
            return m.desc.equals("()D") ? Type.getObjectType(owner.name) : null;
        }
        Type[] params = Type.getArgumentTypes(m.desc);
        return params.length == 1 && Type.getReturnType(m.desc).equals(Type.DOUBLE_TYPE)
                && ModelLeaves.isModelClass(params[0]) ? params[0] : null;
    }

    /**
     * The derivative members of a loss over a model ({@link ModelLeaves}): the adjoint of its
     * function of leaves (and of the loop bodies that adjoint outlines), the bridge from the model
     * to it ({@link ModelBridge}), and the binder the API calls.
     */
    private List<MethodNode> differentiateModel(ClassNode owner, MethodNode m, DifferentiableMethods callees, Type model) {
        String leavesName = Naming.LEAVES_PREFIX + m.name;
        if (m.instructions.size() == 0) {
            throw new Unsupported(-1, "@Differentiable method without a body", "Annotate a method that has Java code.");
        }
        ModelLeaves.Lowered lowered = ModelLeaves.lower(MethodChecks.parse(owner.name, m, callees), 0, leavesName, callees::classNode);
        if (lowered.leaves().isEmpty()) {
            throw new Unsupported(MethodChecks.firstLine(m), "the loss reads no double, double[] or double[][] field of "
                    + JavaSyntax.type(model) + ": there is nothing to differentiate with respect to",
                    "Read the model's numbers in the method (or in helpers Fluxion inlines).");
        }
        ActivityAnalysis leavesActivity = ActivityAnalysis.of(lowered.function(), callees, null);
        DifferentiabilityCheck.check(lowered.function(), leavesActivity, callees);
        Optimized optimized = optimized(owner, ModelLeaves.lower(MethodChecks.parse(owner.name, m, callees), 0, leavesName,
                callees::classNode).function(), lowered.function(), leavesActivity, callees, null);
        IrFunction primal = optimized.primal();
        ActivityAnalysis activity = optimized.activity();
        ActivityAnalysis shown = activity;
        dump(owner, m, "model-ssa", () -> IrPrinter.print(primal, v -> shown.isActive(v) ? "   [active]" : ""));
        Set<Integer> written = new java.util.TreeSet<>();
        int first = primal.params().size() - lowered.leaves().size();
        for (var p : primal.params()) {
            if (p.index() >= first && ArrayFamilies.isMember(p) && activity.families().isWritten(p)) {
                written.add(p.index() - first);
            }
        }
        int access = Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC;
        // the function of leaves, as the derivative registry names its members
        MemberRef leaves = new MemberRef(owner.name, leavesName, primal.descriptor(), (owner.access & Opcodes.ACC_INTERFACE) != 0);
        DerivativeRequests requests = callees.derivatives();
        MemberRef leavesAdjoint = requests.member(DerivativeRequest.adjoint(leaves, primal.descriptor()));
        String adjointName = leavesAdjoint.name();
        int line = MethodChecks.firstLine(m);
        List<MethodNode> members = new ArrayList<>(emitAdjoints(owner, m, "model-adjoint", Checkpointing.adjoints(primal,
                activity, callees, null, adjointName, CheckpointPolicy.of(m, line), line), access));
        MethodNode bridge = ModelBridge.adjoint(owner, m.name, model, lowered.leaves(), written, adjointName,
                leavesAdjoint.descriptor());
        members.add(bridge);
        members.add(Binders.binderNamed(owner, Naming.modelBinderName(m.name), "dev/fluxion/internal/ModelAdjoint",
                "adjoint", bridge.name, bridge.desc, false));
        if (forward) { // the tangent and Hessian-vector product of the function of leaves, each with its bridge
            ForwardMembers forwardMembers = new ForwardMembers(owner, m, leavesName, access, callees,
                    (what, text) -> dump(owner, m, "model-" + what, text));
            Set<Integer> leafParams = new java.util.TreeSet<>();
            for (int k = first; k < primal.params().size(); k++) {
                leafParams.add(k);
            }
            members.add(forwardMembers.tangent(primal, activity, 1, !written.isEmpty()));
            members.add(forwardMembers.hessianVectorProduct(primal, activity, leafParams));
            MemberRef tangent = requests.member(DerivativeRequest.tangent(leaves, primal.descriptor(), 1));
            MemberRef hvp = requests.member(DerivativeRequest.hessianVectorProduct(leaves, primal.descriptor(), leafParams));
            MethodNode tangentBridge = ModelBridge.tangent(owner, m.name, model, lowered.leaves(), written,
                    tangent.name(), tangent.descriptor());
            MethodNode hvpBridge = ModelBridge.hvp(owner, m.name, model, lowered.leaves(), written,
                    hvp.name(), hvp.descriptor());
            members.add(tangentBridge);
            members.add(hvpBridge);
            members.add(Binders.binderNamed(owner, Naming.modelTangentBinderName(m.name), "dev/fluxion/internal/ModelForward",
                    "tangent", tangentBridge.name, tangentBridge.desc, false));
            members.add(Binders.binderNamed(owner, Naming.modelHvpBinderName(m.name), "dev/fluxion/internal/ModelHvp",
                    "hvp", hvpBridge.name, hvpBridge.desc, false));
        }
        return members;
    }

    /** The function to differentiate, and its activity. */
    private record Optimized(IrFunction primal, ActivityAnalysis activity) {
    }

    /**
     * {@code copy} (a copy of {@code source}) with its small {@code @Differentiable} callees
     * inlined and the primal optimisations applied, if that changed anything and it still passes the
     * checks; else {@code source} as it is.
     */
    private Optimized optimized(ClassNode owner, IrFunction copy, IrFunction source, ActivityAnalysis sourceActivity,
            DifferentiableMethods callees, Set<Integer> inputs) {
        boolean rewritten = inline && Inliner.inline(copy, callees.inlinable());
        rewritten |= PrimalOptimizer.optimize(copy, callees);
        if (rewritten) {
            try {
                ActivityAnalysis activity = ActivityAnalysis.of(copy, callees, inputs);
                DifferentiabilityCheck.check(copy, activity, callees);
                return new Optimized(copy, activity);
            } catch (Unsupported e) {
                // a callee's problem, reported when the callee itself is transformed: keep the call
            }
        }
        return new Optimized(source, sourceActivity);
    }

    private static boolean tooLarge(List<MethodNode> methods) {
        return methods.stream().anyMatch(BytecodeEmitter::isHuge);
    }

    /** Dumps and emits an adjoint and the adjoints of the loop bodies it outlined. */
    private List<MethodNode> emitAdjoints(ClassNode owner, MethodNode m, String kind, List<IrFunction> adjoints,
            int access) {
        dump(owner, m, "adjoint" + kind, () -> IrPrinter.print(adjoints.get(0)));
        for (IrFunction body : adjoints.subList(1, adjoints.size())) {
            dump(owner, m, "adjoint." + body.name(), () -> IrPrinter.print(body));
        }
        List<MethodNode> out = new ArrayList<>();
        for (IrFunction f : adjoints) {
            out.add(BytecodeEmitter.emit(f, access));
        }
        return out;
    }

    /**
     * Computes frames for the generated methods alone, in a scratch class, so the user's methods
     * are never re-framed (their frames stay byte-for-byte what javac wrote).
     */
    private List<MethodNode> withFrames(ClassNode owner, List<MethodNode> methods) {
        ClassWriter scratch = hierarchy.newClassWriter(ClassWriter.COMPUTE_FRAMES);
        scratch.visit(Math.max(owner.version & 0xFFFF, Opcodes.V1_7), owner.access, owner.name, null, owner.superName,
                owner.interfaces.toArray(String[]::new));
        for (MethodNode m : methods) {
            m.accept(scratch);
        }
        scratch.visitEnd();
        ClassNode framed = new ClassNode();
        new ClassReader(scratch.toByteArray()).accept(framed, 0);
        return framed.methods;
    }

    /** Copies the class, adding {@code methods}; those among them in {@code replacing} take the place of the originals. */
    private static byte[] addMethods(ClassReader reader, ClassNode node, List<MethodNode> methods,
            List<MethodNode> replacing) {
        ClassWriter out = new ClassWriter(reader, 0);
        Set<String> dropped = new java.util.HashSet<>();
        for (MethodNode m : replacing) {
            dropped.add(m.name + m.desc);
        }
        reader.accept(new ClassVisitor(Opcodes.ASM9, out) {
            @Override
            public org.objectweb.asm.MethodVisitor visitMethod(int access, String name, String descriptor,
                    String signature, String[] exceptions) {
                if (dropped.contains(name + descriptor)) {
                    return null; // a @GradientOf method: its generated body is among `methods`
                }
                return super.visitMethod(access, name, descriptor, signature, exceptions);
            }

            @Override
            public void visitEnd() {
                for (MethodNode m : methods) {
                    m.accept(cv);
                }
                super.visitEnd();
            }
        }, 0);
        return out.toByteArray();
    }

    /** Writes {@code text}, computed only when dumping, to {@code -Dfluxion.dump}'s directory. */
    private void dump(ClassNode owner, MethodNode m, String kind, java.util.function.Supplier<String> text) {
        if (dumpDirectory == null) {
            return;
        }
        try {
            Path dir = dumpDirectory.resolve(owner.name.replace('/', '.'));
            Files.createDirectories(dir);
            String file = m.name + m.desc.replaceAll("[^A-Za-z0-9]", "_") + "." + kind + ".txt";
            Files.writeString(dir.resolve(file), text.get());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write -Dfluxion.dump output", e);
        }
    }
}
