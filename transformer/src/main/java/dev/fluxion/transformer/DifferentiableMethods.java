package dev.fluxion.transformer;

import dev.fluxion.internal.Naming;
import dev.fluxion.transformer.analysis.Callees;
import dev.fluxion.transformer.analysis.ArrayOps;
import dev.fluxion.transformer.analysis.SideChannels;
import dev.fluxion.transformer.backend.ClassFileLocator;
import dev.fluxion.transformer.derivatives.DerivativeRequests;
import dev.fluxion.transformer.diagnostics.Diagnostic;
import dev.fluxion.transformer.diagnostics.Unsupported;
import dev.fluxion.transformer.frontend.Access;
import dev.fluxion.transformer.frontend.Inliner;
import dev.fluxion.transformer.frontend.ValueObjects;
import dev.fluxion.transformer.ir.BlockCopier;
import dev.fluxion.transformer.ir.MemberRef;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import dev.fluxion.transformer.analysis.ArrayFamilies;
import dev.fluxion.transformer.ir.IrFunction;
import org.objectweb.asm.tree.MethodNode;

/**
 * Which methods carry {@code @Differentiable} (or an {@code @AdjointOf} rule), and what they do with
 * the arrays they are given, read from class files (never by loading classes).
 */
final class DifferentiableMethods implements Callees {
    private final ClassFileLocator locator;
    private final Map<String, Set<String>> byClass = new ConcurrentHashMap<>();
    /** Methods (name + descriptor) that no subclass can override, by class. */
    private final Map<String, Set<String>> finalMethods = new ConcurrentHashMap<>();
    private final Map<String, ClassNode> bodies = new ConcurrentHashMap<>();
    /** Classes read for their declarations alone ({@link #declarations}), and of the JDK's, once per JVM. */
    private final Map<String, ClassNode> declared = new ConcurrentHashMap<>();
    private static final Map<String, ClassNode> JDK_DECLARATIONS = new ConcurrentHashMap<>();
    /** What a callee does with the arrays it is given, by parameter index. */
    private record ArraySummary(Set<Integer> written, Set<Integer> returned, Set<Integer> rowsMoved) {
        /** Whether this summary says at least all that {@code o} says. */
        boolean includes(ArraySummary o) {
            return written.containsAll(o.written) && returned.containsAll(o.returned) && rowsMoved.containsAll(o.rowsMoved);
        }

        ArraySummary union(ArraySummary o) {
            return new ArraySummary(joined(written, o.written), joined(returned, o.returned),
                    joined(rowsMoved, o.rowsMoved));
        }

        private static Set<Integer> joined(Set<Integer> a, Set<Integer> b) {
            Set<Integer> out = new java.util.TreeSet<>(a);
            out.addAll(b);
            return out;
        }
    }

    private final Map<MemberRef, ArraySummary> summaries = new ConcurrentHashMap<>();
    private final Set<MemberRef> inProgress = ConcurrentHashMap.newKeySet();
    /** The methods whose summaries are being computed, innermost first. */
    private final java.util.Deque<MemberRef> analysing = new java.util.ArrayDeque<>();
    /** What a self-recursive method's own recursive calls are assumed to do while it is analysed. */
    private final Map<MemberRef, ArraySummary> assumed = new java.util.HashMap<>();
    /** Each checked callee's diagnostic ({@link #problem}), empty if it has none. */
    private final Map<MemberRef, Optional<String>> problems = new ConcurrentHashMap<>();
    private final Set<MemberRef> checking = ConcurrentHashMap.newKeySet();

    private final AdjointRules rules;
    /** The class being transformed, whose callees the {@link Inliner} inlines. */
    private ClassNode transforming;
    /** Each method's lowered SSA ({@link #lowered}), or the exception lowering it threw. */
    private final Map<MethodNode, Object> lowerings = new ConcurrentHashMap<>();
    /** Its callees as the {@link Inliner} inlines them, made when first needed. */
    private Inliner.Bodies inlinable;
    /** Where the derivatives live, and which variants the class's derivatives have asked for. */
    private DerivativeRequests derivatives = DerivativeRequests.GENERAL;
    /** The callees' pure tangents the class's second derivatives call, and their adjoints; {@code null} before {@link #secondOrder(SecondOrderCallees.Primals)}. */
    private SecondOrderCallees secondOrder;

    DifferentiableMethods(ClassFileLocator locator) {
        this.locator = locator;
        this.rules = new AdjointRules(locator);
    }

    /** Seeds the answer for the class being transformed, whose bytes are already parsed. */
    void register(ClassNode node) {
        Set<String> methods = new HashSet<>();
        for (MethodNode m : node.methods) {
            if (isAnnotated(m) || isDispatchedOnly(m.access)) {
                methods.add(m.name + m.desc);
            }
        }
        byClass.put(node.name, methods);
        Set<String> fixed = new HashSet<>();
        for (MethodNode m : node.methods) {
            if (cannotBeOverridden(node.access, m.access)) {
                fixed.add(m.name + m.desc);
            }
        }
        finalMethods.put(node.name, fixed);
        bodies.put(node.name, node);
        rules.register(node);
        transforming = node;
        derivatives = new DerivativeRequests(node, this::isDifferentiable);
    }

    @Override
    public DerivativeRequests derivatives() {
        return derivatives;
    }

    /** Starts generating the pure tangents of the callees of the class being transformed, lowering them with {@code primals}. */
    SecondOrderCallees secondOrder(SecondOrderCallees.Primals primals) {
        secondOrder = new SecondOrderCallees(transforming, this, primals);
        return secondOrder;
    }

    /** The pure tangents of callees the class's Hessian-vector products call ({@link SecondOrderCallees}). */
    SecondOrderCallees secondOrder() {
        if (secondOrder == null) {
            throw new IllegalStateException("no class being transformed");
        }
        return secondOrder;
    }

    /**
     * {@code m} as {@code lower} makes it (parsed to SSA, its objects replaced by their numbers),
     * made once: a method is checked, inlined into its callers and summarised for them, each from
     * the same SSA, which each gets a copy of to change as it likes ({@link BlockCopier#detached}). A
     * method that cannot be lowered throws the same exception each time.
     */
    ValueObjects.Lowered lowered(MethodNode m, Supplier<ValueObjects.Lowered> lower) {
        Object known = lowerings.get(m);
        if (known == null) {
            try {
                known = lower.get();
            } catch (RuntimeException e) {
                known = e;
            }
            lowerings.put(m, known);
        }
        if (known instanceof RuntimeException e) {
            throw e;
        }
        ValueObjects.Lowered l = (ValueObjects.Lowered) known;
        return new ValueObjects.Lowered(BlockCopier.detached(l.function()), l.kept(), l.outOfReach());
    }

    /** The callees of the class being transformed as the {@link Inliner} inlines them: each parsed once, for all its callers. */
    Inliner.Bodies inlinable() {
        if (inlinable == null) {
            ClassNode owner = transforming;
            inlinable = new Inliner.Bodies(owner, callee -> MethodChecks.parse(owner.name, callee, this));
        }
        return inlinable;
    }

    /**
     * An abstract method (of an interface or an abstract class): it has no code of its own, and its
     * calls run the derivative of the method the object's class runs, found when the call runs
     * ({@code VirtualCalls}), so it counts as differentiable. So does an overridable
     * {@code @Differentiable} method, whose calls are dispatched the same way.
     */
    private static boolean isDispatchedOnly(int methodAccess) {
        return (methodAccess & Opcodes.ACC_ABSTRACT) != 0 && (methodAccess & Opcodes.ACC_STATIC) == 0;
    }

    private static boolean cannotBeOverridden(int classAccess, int methodAccess) {
        return (classAccess & Opcodes.ACC_FINAL) != 0
                || (methodAccess & (Opcodes.ACC_PRIVATE | Opcodes.ACC_FINAL | Opcodes.ACC_STATIC)) != 0;
    }

    @Override
    public boolean isOverridable(MemberRef method) {
        if (derivatives.pureTangentOf(method) != null) {
            return false; // a static member Fluxion generated
        }
        isDifferentiable(method); // reads the class if not yet read
        Set<String> fixed = finalMethods.get(method.owner());
        return fixed == null || !fixed.contains(method.name() + method.descriptor());
    }

    @Override
    public MemberRef adjointRule(MemberRef method) {
        return rules.ruleFor(method);
    }

    /** Whether {@code method} is an {@code @AdjointOf} rule. */
    boolean isAdjointRule(MemberRef method) {
        return rules.isRule(method);
    }

    @Override
    public String adjointRuleMismatch(MemberRef method) {
        return rules.mismatch(method);
    }

    /** {@code m}, a method of {@code owner}, as its callers name it (an interface's with the interface flag). */
    static MemberRef asCalled(ClassNode owner, MethodNode m) {
        return new MemberRef(owner.name, m.name, m.desc, (owner.access & Opcodes.ACC_INTERFACE) != 0);
    }

    /** {@code m}'s descriptor in static form, as its derivatives take it: an instance method's receiver first. */
    static String staticDescriptor(ClassNode owner, MethodNode m) {
        return (m.access & Opcodes.ACC_STATIC) != 0 ? m.desc : Naming.staticForm(owner.name, m.desc);
    }

    static boolean isAnnotated(MethodNode m) {
        return m.visibleAnnotations != null
                && m.visibleAnnotations.stream().anyMatch(a -> a.desc.equals(Naming.DIFFERENTIABLE_DESCRIPTOR));
    }

    @Override
    public boolean isDifferentiable(MemberRef method) {
        if (derivatives.pureTangentOf(method) != null) {
            return true; // a callee's pure tangent, which a Hessian-vector product differentiates with its caller's
        }
        return byClass.computeIfAbsent(method.owner(), this::scan).contains(method.name() + method.descriptor());
    }

    /**
     * Whether a call may store into the array it is given as argument {@code index}: for a
     * {@code @Differentiable} callee, answered by the callee's own {@link ArrayFamilies} (so
     * temporaries it writes do not count), known for a few library readers, and {@code true} for
     * everything else, and for callees still being analysed further up a recursion.
     */
    @Override
    public boolean mayWriteArgument(MemberRef method, int index) {
        DerivativeRequests.PureTangent pure = derivatives.pureTangentOf(method);
        if (pure != null) {
            int primalIndex = primalIndex(pure, index);
            return primalIndex < 0 || mayWriteArgument(pure.primal(), primalIndex); // < 0: where it stores its value
        }
        if (isKnownReader(method)) {
            return false;
        }
        ArraySummary summary = summary(method);
        return summary == null || summary.written().contains(index);
    }

    @Override
    public boolean mayMoveRows(MemberRef method, int index) {
        DerivativeRequests.PureTangent pure = derivatives.pureTangentOf(method);
        if (pure != null) {
            int primalIndex = primalIndex(pure, index);
            return primalIndex >= 0 && mayMoveRows(pure.primal(), primalIndex);
        }
        if (isKnownReader(method)) {
            return false; // moving rows writes references into the array
        }
        ArraySummary summary = summary(method);
        return summary == null || summary.rowsMoved().contains(index);
    }

    @Override
    public boolean mayReturnArgument(MemberRef method, int index) {
        DerivativeRequests.PureTangent pure = derivatives.pureTangentOf(method);
        if (pure != null) { // it returns a tangent, which may be that of an argument the callee returns
            int primalIndex = primalIndex(pure, index);
            return primalIndex >= 0 && mayReturnArgument(pure.primal(), primalIndex);
        }
        ArraySummary summary = summary(method);
        return summary == null || summary.returned().contains(index);
    }

    /**
     * The parameter of a callee whose pure tangent's parameter {@code index} is, or is the tangent
     * of: the pure tangent does with an argument and its tangent what the callee does with the
     * argument (it runs the callee's code, and writes a tangent array where the callee writes); -1
     * for the array it stores the callee's value into ({@code Naming.calleePureTangentDescriptor}).
     */
    private static int primalIndex(DerivativeRequests.PureTangent pure, int index) {
        org.objectweb.asm.Type[] params = org.objectweb.asm.Type.getArgumentTypes(pure.descriptor());
        if (index < params.length) {
            return index;
        }
        int k = index - params.length;
        for (int j = 0; j < params.length; j++) {
            if (Naming.hasTangent(params[j].getDescriptor()) && k-- == 0) {
                return j;
            }
        }
        return -1;
    }

    /**
     * The callee's summary, or {@code null} (assume the worst) if it is not known or still being
     * analysed further up a mutual recursion. A method that calls itself is analysed to a fixed point
     * instead: its recursive calls are first assumed to write, return and move nothing, then what the
     * analysis found, until that no longer grows (a recursive function that only reads its data
     * table keeps it data).
     */
    private synchronized ArraySummary summary(MemberRef method) {
        if (!isDifferentiable(method) || isOverridable(method)) {
            return null; // an override, which a call may run, may do more than the code Fluxion sees
        }
        ArraySummary known = summaries.get(method);
        if (known == null) {
            if (!inProgress.add(method)) {
                return method.equals(analysing.peek()) ? assumed.get(method) : null;
            }
            analysing.push(method);
            try {
                ArraySummary guess = new ArraySummary(Set.of(), Set.of(), Set.of());
                while (true) {
                    assumed.put(method, guess);
                    known = analyse(method);
                    if (known == null || guess.includes(known)) {
                        break; // what it does, its recursive calls doing what was assumed, is within the assumption
                    }
                    guess = known.union(guess);
                }
            } finally {
                analysing.pop();
                assumed.remove(method);
                inProgress.remove(method);
            }
            if (known != null) {
                summaries.put(method, known);
            }
        }
        return known;
    }

    /**
     * Runs a callee's own checks ({@link MethodChecks}) once. A callee still being checked further up
     * a recursion counts as sound here; its own transformation reports its problem.
     */
    @Override
    public String problem(MemberRef method) {
        if (!isDifferentiable(method)) {
            return null;
        }
        Optional<String> known = problems.get(method);
        if (known == null) {
            if (!checking.add(method)) {
                return null;
            }
            try {
                known = Optional.ofNullable(check(method));
            } finally {
                checking.remove(method);
            }
            problems.put(method, known);
        }
        return known.orElse(null);
    }

    /**
     * {@link MethodChecks#check} of a method of the class being transformed, as its own derivatives
     * are generated. Checked for all its parameters, the answer is also the method's
     * {@link #problem} for its callers, so its checks do not run again for them.
     */
    MethodChecks.Checked check(ClassNode owner, MethodNode m, Set<Integer> inputs) {
        if (inputs != null) {
            return MethodChecks.check(owner.name, m, this, inputs);
        }
        MemberRef method = asCalled(owner, m);
        try {
            MethodChecks.Checked checked = MethodChecks.check(owner.name, m, this, null);
            problems.putIfAbsent(method, Optional.empty());
            return checked;
        } catch (Unsupported u) {
            problems.putIfAbsent(method, Optional.of(new Diagnostic(owner.name, m.name, m.desc, owner.sourceFile, u.line(),
                    u.problem(), u.advice()).located()));
            throw u;
        }
    }

    private String check(MemberRef method) {
        ClassNode node = classNode(method.owner());
        for (MethodNode m : node.methods) {
            if (m.name.equals(method.name()) && m.desc.equals(method.descriptor()) && !isDispatchedOnly(m.access)) {
                Diagnostic d = MethodChecks.problem(node, m, this);
                return d == null ? null : d.located();
            }
        }
        return null;
    }

    /** The parsed class file of {@code owner}, the class being transformed included; empty if it cannot be read. */
    @Override
    public boolean isFinalField(MemberRef field) {
        ClassNode node = classNode(field.owner());
        return node.fields != null && node.fields.stream()
                .anyMatch(f -> f.name.equals(field.name()) && (f.access & Opcodes.ACC_FINAL) != 0);
    }

    @Override
    public MethodNode code(MemberRef method) {
        ClassNode node = classNode(method.owner());
        return node.methods == null ? null : node.methods.stream()
                .filter(m -> m.name.equals(method.name()) && m.desc.equals(method.descriptor())).findFirst().orElse(null);
    }

    @Override
    public String outOfReach(MemberRef method, String from) {
        MethodNode code = code(method);
        return code == null ? null : dev.fluxion.transformer.frontend.Access.outOfReach(code, from, this::classNode);
    }

    ClassNode classNode(String owner) {
        return bodies.computeIfAbsent(owner, name -> read(name, ClassReader.SKIP_FRAMES));
    }

    /**
     * What {@code owner} declares, for questions of access ({@code Access}) about the members the
     * derivatives use: its parsed file if at hand, else its declarations alone (no code), those of a
     * JDK class read once per JVM, since they are the same for every class loader. Every
     * transformation asks about {@code java.lang.Math}, whose code it never needs.
     */
    ClassNode declarations(String owner) {
        ClassNode parsed = bodies.get(owner);
        if (parsed != null) {
            return parsed;
        }
        int declarationsOnly = ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES;
        return Access.isJdk(owner) ? JDK_DECLARATIONS.computeIfAbsent(owner, name -> read(name, declarationsOnly))
                : declared.computeIfAbsent(owner, name -> read(name, declarationsOnly));
    }

    /** The class file of {@code name}, parsed with the reader's {@code options}; empty if it cannot be read. */
    private ClassNode read(String name, int options) {
        byte[] bytes = locator.locate(name);
        ClassNode n = new ClassNode();
        if (bytes != null) {
            new ClassReader(bytes).accept(n, options);
        }
        return n;
    }

    private static boolean isKnownReader(MemberRef m) {
        return SideChannels.isCheck(m) || m.owner().equals("java/lang/Math") || m.owner().equals("java/lang/StrictMath")
                || m.owner().equals("java/util/Arrays") && Set.of("toString", "deepToString", "hashCode", "equals",
                        "copyOf", "copyOfRange", "stream").contains(m.name())
                || m.owner().startsWith("[") && m.name().equals("clone")
                || ArrayOps.isZerosLike(m); // a tangent's zeros for an array of data, in a tangent differentiated again
    }

    private ArraySummary analyse(MemberRef method) {
        ClassNode node = classNode(method.owner());
        for (MethodNode m : node.methods) {
            if (m.name.equals(method.name()) && m.desc.equals(method.descriptor())) {
                try {
                    // the code as differentiated: an argument written or returned through an object
                    // (new Holder(x).a[0] = ...) is written or returned
                    IrFunction f = MethodChecks.parse(method.owner(), m, this);
                    ArrayFamilies families = new ArrayFamilies(f, this);
                    return new ArraySummary(families.writtenParameters(f), families.returnedParameters(f),
                            families.rowsMovedParameters(f, this));
                } catch (RuntimeException e) {
                    return null; // code the parser rejects is reported when that class is transformed
                }
            }
        }
        return null;
    }

    private Set<String> scan(String owner) {
        Set<String> methods = new HashSet<>();
        Set<String> fixed = new HashSet<>();
        finalMethods.put(owner, fixed);
        // the JDK's functional interfaces are read for their abstract methods: a call through one is
        // dispatched to the derivative of the lambda or the class behind it
        byte[] bytes = owner.startsWith("java/") && !owner.startsWith("java/util/function/") ? null
                : locator.locate(owner);
        if (bytes == null) {
            return methods;
        }
        new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
            private int classAccess;

            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                    String[] interfaces) {
                classAccess = access;
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                if (cannotBeOverridden(classAccess, access)) {
                    fixed.add(name + descriptor);
                }
                if (isDispatchedOnly(access) && !owner.startsWith("kotlin/")) { // Kotlin's boxed functions: LibraryCalls says why not
                    methods.add(name + descriptor);
                }
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public AnnotationVisitor visitAnnotation(String desc, boolean visible) {
                        if (desc.equals(Naming.DIFFERENTIABLE_DESCRIPTOR)) {
                            methods.add(name + descriptor);
                        }
                        return null;
                    }
                };
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return methods;
    }
}
