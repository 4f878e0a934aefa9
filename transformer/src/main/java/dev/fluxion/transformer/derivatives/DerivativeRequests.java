package dev.fluxion.transformer.derivatives;

import dev.fluxion.internal.Naming;
import dev.fluxion.transformer.ir.MemberRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The one place that decides which derivatives exist and where they live: a cache of
 * {@link DerivativeRequest}s, keyed by method, mode and the activity of the arguments, as Enzyme
 * caches the derivatives it has made ({@code CreatePrimalAndGradient}, {@code CreateForwardDiff}).
 * The passes ask it for the member a call to a differentiated method runs ({@link #member}), and
 * it answers with that member's class, name and descriptor; the class generator then takes from it
 * the variants asked for ({@link #takeVariants}) and generates exactly those. Passes never call
 * back up into the generator: the pipeline stays one-directional.
 *
 * <p>Today every {@code @Differentiable} method gets its general derivatives (all parameters
 * active) whatever is asked, since the API calls them; a static method of the class being
 * transformed, called with data among its arguments, also gets an adjoint specialised to the
 * active ones, generated because a caller asked. Loop bodies a pass outlines have their own
 * adjoints ({@link IterationBody}), known to the scope the pass opens ({@link #scope}).
 */
public class DerivativeRequests {
    /** Answers for a class not being transformed, or for callees alone: every derivative is the general one. */
    public static final DerivativeRequests GENERAL = new DerivativeRequests(null, m -> false);

    /** The class being transformed, whose static methods get variants on request; {@code null} for none. */
    private final ClassNode transforming;
    private final Predicate<MemberRef> differentiable;
    /** The cache: each request's answer. */
    private final Map<DerivativeRequest, MemberRef> answers = new HashMap<>();
    /** Variants requested so far, by name and descriptor, in request order. */
    private final Map<String, Variant> variants = new LinkedHashMap<>();
    private int taken;
    /** The pure tangents requested so far, by member, in request order; see {@link PureTangent}. */
    private final Map<MemberRef, PureTangent> pureTangents = new LinkedHashMap<>();
    private int pureTangentsTaken;

    /** An adjoint of {@code method} that differentiates only {@code inputs}, to be generated as {@code name}. */
    public record Variant(MethodNode method, Set<Integer> inputs, String name) {
    }

    /**
     * A callee's tangent as a pure function, {@code member}, and its adjoint, {@code adjoint}, both
     * generated into the class being transformed (from the callee's code, wherever it is declared):
     * a Hessian-vector product calls them where its method calls {@code primal} without inlining it.
     *
     * @param descriptor the callee's descriptor in static form
     */
    public record PureTangent(MemberRef primal, String descriptor, MemberRef member, MemberRef adjoint) {
    }

    /**
     * @param transforming the class being transformed, whose static methods get adjoints specialised
     *     to their callers' active arguments
     * @param differentiable whether a method is {@code @Differentiable} (has derivatives of its own)
     */
    public DerivativeRequests(ClassNode transforming, Predicate<MemberRef> differentiable) {
        this.transforming = transforming;
        this.differentiable = differentiable;
    }

    /** Where the derivative {@code request} asks for lives: its owner, name and descriptor. */
    public MemberRef member(DerivativeRequest request) {
        if (transforming == null) {
            return decide(request); // the general derivative every time: nothing to remember
        }
        synchronized (this) {
            return answers.computeIfAbsent(request, this::decide);
        }
    }

    /**
     * The adjoint a {@code @GradientOf} method, {@code declaration}, runs: that of its primal's code
     * (of descriptor {@code primalDescriptor}) differentiating only the parameters it declares,
     * named after the declaration, since one primal may have several.
     */
    public MemberRef declaredGradient(MemberRef declaration, String primalDescriptor) {
        return new MemberRef(declaration.owner(), Naming.gradientAdjointName(declaration.name()),
                Naming.adjointDescriptor(primalDescriptor), declaration.isInterface());
    }

    /**
     * The adjoint of an outlined loop body that the forward sweep runs in place of a call to
     * {@code method} ({@link #scope}), or {@code null}: every other method.
     */
    public IterationBody iterationBody(MemberRef method) {
        return null;
    }

    /**
     * A registry for one pass that generates members beside a derivative and calls them as it calls
     * {@code @Differentiable} methods: it answers for those members (their general adjoints, or an
     * outlined loop body's own), and asks this registry about every other method.
     */
    public Scope scope() {
        return new Scope(this);
    }

    /** The variants requested since the last call, in request order, for the class generator to generate. */
    public synchronized List<Variant> takeVariants() {
        List<Variant> all = new ArrayList<>(variants.values());
        List<Variant> fresh = List.copyOf(all.subList(taken, all.size()));
        taken = all.size();
        return fresh;
    }

    /** The pure tangent whose member is {@code member}, or {@code null}: {@code member} is no such member. */
    public synchronized PureTangent pureTangentOf(MemberRef member) {
        return pureTangents.get(member);
    }

    /** The pure tangents requested since the last call, in request order, for the class generator to generate. */
    public synchronized List<PureTangent> takePureTangents() {
        List<PureTangent> all = new ArrayList<>(pureTangents.values());
        List<PureTangent> fresh = List.copyOf(all.subList(pureTangentsTaken, all.size()));
        pureTangentsTaken = all.size();
        return fresh;
    }

    private MemberRef decide(DerivativeRequest r) {
        MemberRef p = r.primal();
        PureTangent ofPureTangent = pureTangents.get(p);
        if (ofPureTangent != null && r.mode() == DerivativeRequest.Mode.ADJOINT) {
            return ofPureTangent.adjoint(); // with respect to every parameter: the general adjoint serves every caller
        }
        return switch (r.mode()) {
            case ADJOINT -> new MemberRef(p.owner(), adjointName(r), Naming.adjointDescriptor(r.descriptor()), p.isInterface());
            case TANGENT -> new MemberRef(p.owner(), Naming.tangentName(p.name(), r.lanes()),
                    Naming.tangentDescriptor(r.descriptor(), r.lanes()), p.isInterface());
            case HESSIAN_VECTOR_PRODUCT -> new MemberRef(p.owner(), Naming.hvpName(p.name()), Naming.hvpDescriptor(r.descriptor()),
                    p.isInterface());
            case PURE_TANGENT -> pureTangent(r);
        };
    }

    /**
     * Where a callee's pure tangent goes: into the class being transformed, which calls it, since
     * the callee's own class was (or will be) transformed without knowing that this class asks for
     * it; named after the callee, and after its class if that is another one. Recorded for the
     * class generator ({@link #takePureTangents}), and answered once: a recursion through it (the
     * callee calling itself, or a caller of it) finds the member already placed.
     */
    private MemberRef pureTangent(DerivativeRequest r) {
        if (transforming == null) {
            throw new IllegalStateException("a pure tangent of " + r.primal() + " asked of a registry for no class");
        }
        MemberRef p = r.primal();
        String qualified = p.owner().equals(transforming.name) ? p.name() : p.owner().replace('/', '$') + "$" + p.name();
        String descriptor = Naming.calleePureTangentDescriptor(r.descriptor());
        boolean isInterface = (transforming.access & Opcodes.ACC_INTERFACE) != 0;
        MemberRef member = new MemberRef(transforming.name, Naming.pureTangentName(qualified), descriptor, isInterface);
        MemberRef adjoint = new MemberRef(transforming.name, Naming.tangentAdjointName(qualified),
                Naming.adjointDescriptor(descriptor), isInterface);
        pureTangents.put(member, new PureTangent(p, r.descriptor(), member, adjoint));
        return member;
    }

    /**
     * The general adjoint, or, when the caller passes data (inactive floating-point arguments: a
     * model's points, its hyperparameters) to a static method of the class being transformed, a
     * variant specialised to the active arguments, which does not differentiate the data. Another
     * class's adjoints are generated when that class is transformed: its general adjoint serves.
     */
    private String adjointName(DerivativeRequest r) {
        MemberRef method = r.primal();
        if (r.isGeneral() || transforming == null || !method.owner().equals(transforming.name)
                || !differentiable.test(method)) {
            return Naming.adjointName(method.name());
        }
        for (MethodNode m : transforming.methods) {
            if (m.name.equals(method.name()) && m.desc.equals(method.descriptor()) && (m.access & Opcodes.ACC_STATIC) != 0) {
                String name = Naming.specializedAdjointName(m.name, r.active());
                variants.putIfAbsent(name + m.desc, new Variant(m, r.active(), name));
                return name;
            }
        }
        return Naming.adjointName(method.name());
    }

    /**
     * The registry of one pass ({@link #scope}): the members it generated, which have their general
     * adjoints (or an outlined loop body's own) and no variants; every other request goes to the
     * enclosing registry.
     */
    public static final class Scope extends DerivativeRequests {
        private final DerivativeRequests enclosing;
        private final Set<MemberRef> generated = new HashSet<>();
        private final Map<MemberRef, IterationBody> iterationBodies = new HashMap<>();

        private Scope(DerivativeRequests enclosing) {
            super(null, m -> false);
            this.enclosing = enclosing;
        }

        /** Records a member the pass generated; {@code body}: the adjoint it is differentiated by, if an outlined loop body. */
        public void generated(MemberRef member, IterationBody body) {
            generated.add(member);
            if (body != null) {
                iterationBodies.put(member, body);
            }
        }

        @Override
        public MemberRef member(DerivativeRequest request) {
            MemberRef p = request.primal();
            if (!generated.contains(p)) {
                return enclosing.member(request);
            }
            IterationBody body = iterationBodies.get(p);
            if (body != null && request.mode() == DerivativeRequest.Mode.ADJOINT) {
                return new MemberRef(p.owner(), body.adjoint(), Naming.adjointDescriptor(request.descriptor()), p.isInterface());
            }
            return super.member(request); // the general derivative
        }

        @Override
        public IterationBody iterationBody(MemberRef method) {
            return generated.contains(method) ? iterationBodies.get(method) : enclosing.iterationBody(method);
        }

        @Override
        public List<Variant> takeVariants() {
            return enclosing.takeVariants();
        }

        @Override
        public PureTangent pureTangentOf(MemberRef member) {
            return enclosing.pureTangentOf(member);
        }

        @Override
        public List<PureTangent> takePureTangents() {
            return enclosing.takePureTangents();
        }
    }
}
