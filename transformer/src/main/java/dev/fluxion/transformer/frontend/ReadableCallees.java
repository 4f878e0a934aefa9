package dev.fluxion.transformer.frontend;

import dev.fluxion.transformer.analysis.Callees;
import dev.fluxion.transformer.ir.Block;
import dev.fluxion.transformer.ir.Constant;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.IrFunction;
import dev.fluxion.transformer.ir.MemberRef;
import dev.fluxion.transformer.ir.Op;
import dev.fluxion.transformer.ir.Param;
import dev.fluxion.transformer.ir.Types;
import dev.fluxion.transformer.ir.Value;
import java.util.List;
import java.util.function.Function;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Differentiates through helpers nobody annotated: a call to a method whose bytecode Fluxion can
 * read, given numbers ({@code double}, {@code float}, arrays of them), is replaced
 * by the method's body, so the helper is differentiated as part of its caller, as Enzyme
 * differentiates any function whose IR it sees. {@code @Differentiable} then marks entry points,
 * not every helper on the way ({@code static double sq(double v)}, {@code Geometry.dot(a, b)}, a
 * private method of the model class).
 *
 * <p>Calls through a lambda made here are first turned into calls of its body ({@link LocalLambdas}),
 * and a helper given such a lambda is inlined, {@code @Differentiable} or not:
 * {@code rk4((t, y, dy) -> ..., y0, h, n)} becomes the integrator's loop with the right-hand side
 * written into it, and the values the lambda captured get their derivatives.
 *
 * <p>Qualify: static methods of any class outside the JDK, and instance methods that no subclass
 * can override (private, final, or of a final class), whose code references nothing the caller's
 * class may not reach, directly or through a method handle (the derivatives live there: {@link Access}). Not: {@code @Differentiable} methods not given a lambda (they have
 * derivatives of their own, inlined or called by {@link Inliner}), methods with an {@code @AdjointOf}
 * rule, recursion, and bodies larger than {@link #MAX_CALLEE_SIZE} instructions. A call that stays
 * is judged by the checks as before: with differentiated arguments it is rejected with a message,
 * and annotating the callee is then the fix. The inlined code is checked like the caller's own, so
 * a helper that stores a differentiated value in a field is rejected, not trusted.
 */
public final class ReadableCallees {
    /**
     * Instructions of one callee (after its own helpers are inlined) beyond which it stays a call.
     * Generous: a helper that stays a call is rejected (it has no derivatives of its own), which is
     * worse than a larger derivative; a derivative over the JVM's 64 KB fails its method alone.
     */
    public static final int MAX_CALLEE_SIZE = 500;
    /** Instructions the inlining may add to one method. */
    private static final int MAX_GROWTH = 3000;
    /** Helpers inlined into one method at most (nested helpers included). */
    private static final int MAX_INLINED = 200;

    private final Callees callees;
    private final Function<String, ClassNode> classes;
    /** The receivers of a {@link TypeSwitch}'s branches, each an object of the class its branch tested. */
    private final java.util.Map<Instruction, String> testedObjects = new java.util.HashMap<>();
    private int growth;
    private int inlined;
    /** The model of a model loss, and the parameters of helpers given its objects: see {@link #fromModel}. */
    private final java.util.Set<Value> modelObjects = new java.util.HashSet<>();

    private ReadableCallees(Callees callees, Function<String, ClassNode> classes) {
        this.callees = callees;
        this.classes = classes;
    }

    /** Inlines into {@code f} the helpers it calls; returns {@code f}. */
    public static IrFunction inline(IrFunction f, Callees callees, Function<String, ClassNode> classes) {
        ReadableCallees inliner = new ReadableCallees(callees, classes);
        if (isModelLoss(f)) {
            inliner.modelObjects.add(f.params().get(0));
        }
        List<String> self = List.of(f.owner() + "." + f.name() + f.descriptor());
        inliner.inlineCalls(f, self);
        if (ListsMadeHere.lower(f, classes)) {
            inliner.inlineCalls(f, self); // the lists' reads, now calls of JdkModels' cursor
        }
        inliner.checkLambdasReachable(f);
        return f;
    }

    /**
     * Lowers the lists of {@code f} that can be ({@link ListsMadeHere}) and inlines what is in view
     * now that objects' methods were inlined: what reads the lists (the cursor's models), the
     * dispatch over the classes of objects in arrays, the helpers those methods call.
     */
    public static void inlineInView(IrFunction f, Callees callees, Function<String, ClassNode> classes) {
        ListsMadeHere.lower(f, classes);
        new ReadableCallees(callees, classes).inlineCalls(f, List.of(f.owner() + "." + f.name() + f.descriptor()));
    }

    private void inlineCalls(IrFunction f, List<String> inProgress) {
        for (int i = 0; i < f.blocks().size(); i++) {
            Block b = f.blocks().get(i);
            for (Instruction insn : List.copyOf(b.body())) {
                Instruction loop = StreamLoops.lower(b, insn);
                if (loop != null) {
                    insn = loop; // a stream pipeline: now a call of the loop it stands for
                }
                JdkModels.redirect(insn); // Arrays.sort: now a call of its model, inlined below
                Instruction order = SortKeys.lowerArraySort(b, insn);
                if (order != null) {
                    insn = order; // Arrays.sort(objects, comparingDouble(key)): the order's model, inlined below
                }
                Instruction direct = LocalLambdas.devirtualize(b, insn);
                if (direct != null) {
                    insn = direct; // a call through a lambda made here: now a call of its body
                    JdkModels.redirect(insn); // reduce(0, Double::sum): the body is a JDK method with a model
                }
                java.util.Map<Instruction, String> dispatched = TypeSwitch.split(f, b, insn, this::canInline);
                if (dispatched != null) {
                    testedObjects.putAll(dispatched);
                    break; // b now ends in the switch; its branches' calls, each of one known class, come later in the list
                }
                IrFunction body = helperBody(f, insn, inProgress);
                if (body != null) {
                    guardReceiver(b, insn);
                    Inliner.inlineCall(f, b, insn, body);
                    break; // the rest of b moved to a new block, visited later in the list
                }
            }
        }
    }

    /** The helper's body (its own helpers inlined, lines set to the call's), or {@code null} if the call stays. */
    private IrFunction helperBody(IrFunction f, Instruction call, List<String> inProgress) {
        if (call.op() != Op.INVOKE) {
            return null;
        }
        MemberRef m = call.member();
        // Fluxion's own models of JDK methods and stream pipelines do not count against the user's helpers
        boolean model = m.owner().equals(StreamLoops.HELPERS) || m.owner().equals(JdkModels.MODELS);
        if (inlined >= MAX_INLINED && !model) {
            return null;
        }
        String key = m.owner() + "." + m.name() + m.descriptor();
        boolean internal = m.owner().startsWith("dev/fluxion/internal/") && !m.owner().equals(StreamLoops.HELPERS)
                && !m.owner().equals(JdkModels.MODELS);
        if (isJdk(m.owner()) || internal || m.name().startsWith("<")
                || !model && !takesNumbers(call) && !passesALambda(call) && !passesObjectsMadeHere(call) && !returnsArray(call)
                        && !passesModelObjects(call)
                        && !returnsObjects(call) || inProgress.contains(key)
                || callees.isDifferentiable(m) && !(isAbstract(m) && exactReceiverClass(call) != null)
                        && !passesALambda(call) // its own derivatives would not know what the lambda captured
                || callees.adjointRule(m) != null || callees.adjointRuleMismatch(m) != null) {
            return null;
        }
        ClassNode owner = classes.apply(m.owner());
        MethodNode method = owner == null ? null : declared(owner, m);
        // inherited (javac names a superclass's method through the class it is called on): resolved as the JVM does
        for (ClassNode k = owner; method == null && k != null && k.name != null && k.superName != null; ) {
            k = classes.apply(k.superName);
            method = k == null || k.name == null ? null : declared(k, m);
            owner = method != null ? k : owner;
        }
        boolean exact = false;
        String receiverClass = exactReceiverClass(call);
        if (receiverClass != null) { // the object's class is known: the method it runs is found as the JVM finds it
            ClassNode[] declaring = new ClassNode[1];
            method = implementation(receiverClass, m.name(), m.descriptor(), declaring);
            owner = declaring[0];
            exact = method != null;
            key = owner == null ? key : owner.name + "." + m.name() + m.descriptor();
            if (inProgress.contains(key)) {
                return null;
            }
        }
        boolean lambdaBody = m.name().startsWith("lambda$");
        if (method == null || method.instructions.size() == 0 || !exact && !runsThisCode(call, owner, method)
                || (method.access & (Opcodes.ACC_SYNTHETIC | Opcodes.ACC_BRIDGE)) != 0 && !lambdaBody) {
            return null; // inherited, abstract, overridable, or compiler-generated: the checks say what to do
        }
        if (isJdk(owner.name)) {
            return null; // a JDK method named through a class of the user's (act.ordinal() is Enum's): it stays a call,
                         // as its body reads fields private to the JDK
        }
        IrFunction body;
        try {
            body = BytecodeParser.parse(owner.name, method);
        } catch (RuntimeException e) {
            return null; // code the parser does not take (try/catch, ...): the call stays, and is judged
        }
        List<String> deeper = new java.util.ArrayList<>(inProgress);
        deeper.add(key);
        for (int k = 0; k < call.operands().size() && k < body.params().size(); k++) {
            if (fromModel(call.operand(k), 0)) {
                modelObjects.add(body.params().get(k)); // mesh.energy(): in its body, this is the model's mesh
            }
        }
        inlineCalls(body, deeper);
        int size = Inliner.size(body);
        if (size > MAX_CALLEE_SIZE || growth + size > MAX_GROWTH || !reachable(body, f.owner()) || recurses(body, deeper)) {
            return null;
        }
        growth += size;
        inlined += model ? 0 : 1;
        for (Block b : body.blocks()) {
            for (Instruction insn : b.instructions()) {
                insn.withLine(call.line()); // diagnostics speak of the caller's line
            }
        }
        return body;
    }

    private static MethodNode declared(ClassNode c, MemberRef m) {
        return c.methods.stream().filter(n -> n.name.equals(m.name()) && n.desc.equals(m.descriptor())).findFirst().orElse(null);
    }

    /**
     * Whether {@code m} is abstract: differentiable in that its calls on objects of classes not known
     * here find their derivatives when they run ({@code VirtualCalls}); on an object whose class is
     * known, the method that class runs is inlined instead.
     */
    private boolean isAbstract(MemberRef m) {
        MethodNode code = callees.code(m);
        return code != null && (code.access & Opcodes.ACC_ABSTRACT) != 0;
    }

    /** Whether the method a call names is private to its class (a nestmate's private method, called with invokevirtual). */
    private boolean namesAPrivateMethod(Instruction call) {
        ClassNode owner = classes.apply(call.member().owner());
        return owner == null || owner.name == null || owner.methods.stream().anyMatch(m -> m.name.equals(call.member().name())
                && m.desc.equals(call.member().descriptor()) && (m.access & Opcodes.ACC_PRIVATE) != 0);
    }

    /** Whether an object of class {@code c} runs code Fluxion can read for {@code call}'s method. */
    private boolean canInline(Instruction call, String c) {
        if (namesAPrivateMethod(call)) {
            return false;
        }
        MethodNode m = implementation(c, call.member().name(), call.member().descriptor(), new ClassNode[1]);
        return m != null && m.instructions.size() > 0 && m.instructions.size() <= 4 * MAX_CALLEE_SIZE;
    }

    /**
     * Whether {@code v} is an object made here, or a field of one, through casts; in a helper's body
     * being inlined, a field of {@code this}, which is the caller's receiver (made there, if it is a
     * record whose method this is, and then replaced by its numbers with its fields).
     */
    private static boolean fieldOfObjectMadeHere(Value v, int depth) {
        if (v instanceof Param p && p.index() == 0 && depth > 0) {
            return true;
        }
        if (!(v instanceof Instruction i) || depth > 8) {
            return false;
        }
        return switch (i.op()) {
            case NEW_OBJECT -> true;
            case CHECKCAST -> fieldOfObjectMadeHere(i.operand(0), depth + 1);
            case FIELD_GET -> i.operands().size() == 1 && fieldOfObjectMadeHere(i.operand(0), depth + 1);
            default -> false;
        };
    }

    /** Whether the call is given a lambda this function made ({@link LocalLambdas}): inlined, its calls of it can be devirtualised. */
    private static boolean passesALambda(Instruction call) {
        for (Value v : call.operands()) {
            if (LocalLambdas.lambda(v) != null) {
                return true;
            }
        }
        return false;
    }

    /** Whether the body still calls a method being inlined: a recursion, which inlining would only unroll. */
    private static boolean recurses(IrFunction body, List<String> inProgress) {
        for (Block b : body.blocks()) {
            for (Instruction insn : b.body()) {
                if (insn.op() == Op.INVOKE && inProgress.contains(insn.member().owner() + "." + insn.member().name()
                        + insn.member().descriptor())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The class of a virtual or interface call's receiver when it is known exactly: an object made
     * here ({@code Shape s = new Square(); s.area(x)}), or an element of an array made here that holds
     * only objects of one class made here; through casts and phis that agree. Else {@code null}.
     */
    private String exactReceiverClass(Instruction call) {
        if (call.opcode() != Opcodes.INVOKEVIRTUAL && call.opcode() != Opcodes.INVOKEINTERFACE
                || namesAPrivateMethod(call)) {
            return null; // a private method runs itself, whatever the object's class
        }
        String c = exactClass(call.operand(0), new java.util.HashMap<>());
        return c == null || c.equals(IN_PROGRESS) ? null : c;
    }

    private static final String IN_PROGRESS = "";

    /** {@code v}'s class, or {@code null}; {@code known} memoises, and marks the phis being visited (a loop's own value is neutral). */
    private String exactClass(Value v, java.util.Map<Value, String> known) {
        if (!(v instanceof Instruction i) || known.size() > 32) {
            return null;
        }
        if (testedObjects.containsKey(i)) {
            return testedObjects.get(i);
        }
        if (known.containsKey(v)) {
            return known.get(v);
        }
        known.put(v, IN_PROGRESS);
        String c = switch (i.op()) {
            case NEW_OBJECT -> i.type().getInternalName();
            case ARRAY_LOAD -> ObjectArrays.elementClass(i.operand(0));
            case CHECKCAST -> exactClass(i.operand(0), known);
            case PHI -> {
                String common = IN_PROGRESS;
                for (Value o : i.operands()) {
                    String k = exactClass(o, known);
                    if (k == null || !k.equals(IN_PROGRESS) && !common.equals(IN_PROGRESS) && !common.equals(k)) {
                        yield null;
                    }
                    common = k.equals(IN_PROGRESS) ? common : k;
                }
                yield common;
            }
            default -> null;
        };
        known.put(v, c);
        return c;
    }

    private MethodNode implementation(String c, String name, String desc, ClassNode[] declaring) {
        return MethodSelection.implementation(c, name, desc, declaring, classes);
    }

    /** Whether the call runs {@code method} itself: static, or an instance method no subclass can override. */
    private static boolean runsThisCode(Instruction call, ClassNode owner, MethodNode method) {
        if (call.opcode() == Opcodes.INVOKESTATIC) {
            return (method.access & Opcodes.ACC_STATIC) != 0;
        }
        if (call.opcode() == Opcodes.INVOKEINTERFACE || (method.access & Opcodes.ACC_STATIC) != 0) {
            return false;
        }
        return (method.access & (Opcodes.ACC_PRIVATE | Opcodes.ACC_FINAL)) != 0 || (owner.access & Opcodes.ACC_FINAL) != 0
                || call.opcode() == Opcodes.INVOKESPECIAL;
    }

    /**
     * Before an instance helper's body: {@code Objects.requireNonNull(receiver)}, so the derivative
     * throws where the call did, for a null receiver, even if the body never touches {@code this}.
     * Not for an object made here nor a field of one: {@link ValueObjects} replaces them by their
     * numbers, to which the check would be a use that keeps them objects.
     */
    private void guardReceiver(Block b, Instruction call) {
        if (call.opcode() == Opcodes.INVOKESTATIC || call.operand(0) instanceof Param p && p.index() == 0
                || call.operand(0) instanceof Instruction r && r.op() == Op.NEW_OBJECT) {
            return; // this, or a new object: never null
        }
        if (fieldOfObjectMadeHere(call.operand(0), 0)) {
            return; // normal.dot(q) in a record made here: ValueObjects replaces it, and a null field is its error
        }
        Instruction check = new Instruction(Op.INVOKE, Opcodes.INVOKESTATIC, Type.getType(Object.class), call.operand(0))
                .withMember(new MemberRef("java/util/Objects", "requireNonNull", "(Ljava/lang/Object;)Ljava/lang/Object;", false))
                .withLine(call.line());
        b.insertBefore(call, check);
    }

    /**
     * A numeric helper given numbers: an argument is a {@code double}, a {@code float} or an array of
     * them, not a literal. Through such an argument, an object made here or a lambda a differentiated
     * value can reach it; helpers called with data alone ({@code weight(i)}) stay calls.
     */
    private static boolean takesNumbers(Instruction call) {
        for (Value v : call.operands()) {
            if (isNumeric(v.type()) && !(v instanceof Constant)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the helper returns a floating array: given only data, its array may still be written
     * with differentiated values afterwards ({@code double[] a = make(2); a[0] = x[0]}), and needs
     * a shadow, which only an allocation in view gets.
     */
    private static boolean returnsArray(Instruction call) {
        return Types.isFloatingArray(call.type());
    }

    /**
     * Whether the call is given an object, or an array of objects, made here ({@code centreX(particles)},
     * {@code euler(new Decay(k), ..)}): the object's fields may hold differentiated values, and the
     * object stays one Fluxion can replace by its numbers only while all its code is in view.
     */
    private static boolean passesObjectsMadeHere(Instruction call) {
        boolean instance = call.opcode() != Opcodes.INVOKESTATIC;
        if (instance && madeHere(call.operand(0), 0)) {
            return false; // a method of an object made here (w.distance(q)): ValueObjects inlines it, with the object's code
        }
        for (int k = instance ? 1 : 0; k < call.operands().size(); k++) {
            if (madeHere(call.operand(k), 0)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the call is given an object of a model whose gradient is taken ({@code mesh.energy()}
     * in {@code Scene.loss()}): its numbers are the model's, which {@link ModelLeaves} can follow
     * only through code in view, though the call passes no number.
     */
    private boolean passesModelObjects(Instruction call) {
        for (Value v : call.operands()) {
            if (fromModel(v, 0)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code v} is the model of a model loss, or an object, array or list of objects read from it. */
    private boolean fromModel(Value v, int depth) {
        if (modelObjects.contains(v)) {
            return true;
        }
        if (!(v instanceof Instruction i) || depth > 16 || i.operands().isEmpty()) {
            return false;
        }
        Type t = i.type();
        Type element = t.getSort() == Type.ARRAY ? t.getElementType() : t;
        boolean objects = element.getSort() == Type.OBJECT && (ModelLeaves.isModelClass(element) || ListsMadeHere.isListType(t)
                || t.getInternalName().equals("java/util/Iterator") || t.getInternalName().equals("java/lang/Object"));
        boolean step = switch (i.op()) {
            case FIELD_GET -> i.opcode() == Opcodes.GETFIELD;
            case ARRAY_LOAD, CHECKCAST -> true;
            case INVOKE -> isJdk(i.member().owner()) && i.opcode() != Opcodes.INVOKESTATIC; // list.get(i), it.next()
            default -> false;
        };
        return objects && step && fromModel(i.operand(0), depth + 1);
    }

    /**
     * Whether {@code f} is a loss over a model ({@code double loss()} of the model's class, or
     * {@code static double loss(Model m)}), as {@code Transformer} takes one.
     */
    private static boolean isModelLoss(IrFunction f) {
        return f.params().size() == 1 && f.returnType().equals(Type.DOUBLE_TYPE) && ModelLeaves.isModelClass(f.params().get(0).type())
                && (f.descriptor().equals("()D") || f.descriptor().equals("(" + f.params().get(0).type().getDescriptor() + ")D"));
    }

    private static boolean madeHere(Value v, int depth) {
        if (!(v instanceof Instruction i) || depth > 8) {
            return false;
        }
        return switch (i.op()) {
            case NEW_OBJECT -> true;
            case NEW_ARRAY -> i.type().getElementType().getSort() == Type.OBJECT;
            case INVOKE -> ListsMadeHere.isMadeHere(i) || ListsMadeHere.isBox(i); // a list, or a Double boxed here
            case CHECKCAST -> madeHere(i.operand(0), depth + 1);
            case ARRAY_LOAD -> madeHere(i.operand(0), depth + 1);
            case PHI -> i.operands().stream().anyMatch(o -> madeHere(o, depth + 1));
            default -> false;
        };
    }

    /**
     * Whether the helper returns an object of the user's, an array of objects or a list: a factory
     * ({@code Particle[] ps = newParticles()}, {@code List<Particle> ps = spawn(n)}) whose objects,
     * once its code is in view, are objects made here, which Fluxion replaces by their numbers when
     * the caller writes differentiated values into them.
     */
    private static boolean returnsObjects(Instruction call) {
        Type t = call.type();
        Type element = t.getSort() == Type.ARRAY ? t.getElementType() : t;
        return element.getSort() == Type.OBJECT && (!isJdk(element.getInternalName()) || ListsMadeHere.isListType(t));
    }

    private static boolean isNumeric(Type t) {
        return Types.isFloating(t) || Types.isFloatingArray(t);
    }

    /**
     * Whether every member the body uses may be used from {@code from}, where its copy will live:
     * those it names (directly, or through a method handle unless they are a value class's: {@link
     * Access#reach}), the classes it casts to and allocates arrays of, and the members an invokedynamic's bootstrap is given as
     * method handles (a record's {@code toString}, {@code equals} and {@code hashCode} read its
     * private fields that way; constants of the class file, which must be reached directly), but
     * for a lambda's body, which its calls in view run inlined.
     */
    private boolean reachable(IrFunction body, String from) {
        for (Block b : body.blocks()) {
            for (Instruction insn : b.instructions()) {
                Access.Reach reach = insn.member() == null ? Access.Reach.DIRECT : Access.reach(insn.member(), from, classes);
                // what a value class keeps to itself (a record's fields) is ValueObjects' to inline, where the
                // objects are replaced by their numbers; what other classes keep goes through method handles
                if (reach == Access.Reach.NONE
                        || reach == Access.Reach.HANDLE && ValueObjects.isValueClass(classes.apply(insn.member().owner()))) {
                    return false;
                }
                Type named = insn.op() == Op.CHECKCAST || insn.op() == Op.INSTANCEOF ? insn.typeOperand()
                        : insn.op() == Op.NEW_ARRAY ? insn.type() : null;
                if (named != null && !Access.canName(named, from, classes)) {
                    return false;
                }
                // a lambda's body, private to its class, is not reached: its calls become calls of the body, inlined
                if (insn.op() == Op.INVOKE_DYNAMIC && insn.bootstrap() != null && !onlyCalled(insn)) {
                    for (Object arg : insn.bootstrap().bsmArgs) {
                        if (arg instanceof org.objectweb.asm.Handle h
                                && !reachesDirectly(new MemberRef(h.getOwner(), h.getName(), h.getDesc(), h.isInterface()), from)) {
                            return false;
                        }
                    }
                }
            }
        }
        return true;
    }

    /**
     * Whether {@code insn} makes a lambda that is only called, each call then a call of its body:
     * its private method is never reached from the caller. Passed anywhere ({@code Arrays.sort(is,
     * (i, j) -> ..)}), the lambda would be made in the caller's class, which may not reach it.
     */
    private static boolean onlyCalled(Instruction insn) {
        if (LocalLambdas.lambda(insn) == null) {
            return false;
        }
        for (Instruction user : insn.users()) {
            boolean called = user.op() == Op.INVOKE && user.operand(0) == insn && user.member().name().equals(insn.bootstrap().name)
                    && !user.operands().subList(1, user.operands().size()).contains(insn);
            if (!called && user.op() != Op.RETURN) { // returned by a factory: its caller's calls are checked the same way
                return false;
            }
        }
        return true;
    }

    /**
     * After inlining: no lambda may be left whose body the caller's class may not reach (a lambda a
     * helper of another class returned, then passed where its calls are not in view): made in the
     * derivative's class, it would fail to link.
     */
    private void checkLambdasReachable(IrFunction f) {
        for (Block b : f.blocks()) {
            for (Instruction insn : b.body()) {
                if (LocalLambdas.lambda(insn) != null && insn.bootstrap().bsmArgs[1] instanceof org.objectweb.asm.Handle h
                        && !reachesDirectly(new MemberRef(h.getOwner(), h.getName(), h.getDesc(), h.isInterface()), f.owner())) {
                    throw new dev.fluxion.transformer.diagnostics.Unsupported(insn.line(), "a lambda made by a helper of "
                            + h.getOwner().replace('/', '.') + " is used where Fluxion cannot follow its calls, in a class "
                            + "that may not reach its body", "Call the lambda in code Fluxion inlines (pass it to a small "
                            + "helper, not to a library method), or make the lambda where it is used.");
                }
            }
        }
    }

    /** Whether a method handle constant of the class file, which the JVM checks as the instruction, may name {@code m} in {@code from}. */
    private boolean reachesDirectly(MemberRef m, String from) {
        return Access.reach(m, from, classes) == Access.Reach.DIRECT;
    }

    private static boolean isJdk(String owner) {
        return owner.startsWith("java/") || owner.startsWith("javax/") || owner.startsWith("jdk/") || owner.startsWith("sun/")
                || owner.startsWith("kotlin/");
    }

}
