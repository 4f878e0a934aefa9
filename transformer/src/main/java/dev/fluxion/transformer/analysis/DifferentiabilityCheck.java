package dev.fluxion.transformer.analysis;

import dev.fluxion.internal.Naming;
import dev.fluxion.transformer.diagnostics.JavaSyntax;
import dev.fluxion.transformer.diagnostics.Unsupported;
import dev.fluxion.transformer.frontend.ReadableCallees;
import dev.fluxion.transformer.ir.Block;
import dev.fluxion.transformer.ir.Constant;
import dev.fluxion.transformer.ir.ExceptionEdges;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.IrFunction;
import dev.fluxion.transformer.ir.MemberRef;
import dev.fluxion.transformer.ir.Op;
import dev.fluxion.transformer.ir.Param;
import dev.fluxion.transformer.ir.Types;
import dev.fluxion.transformer.ir.Value;
import dev.fluxion.transformer.rules.MathRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Rejects, with a diagnostic, every construct through which a derivative would be lost or wrong:
 * Fluxion never emits a silently wrong derivative. Runs after activity analysis, so code that
 * merely sits beside the differentiated computation (logging, counters, string building) is
 * accepted.
 */
public final class DifferentiabilityCheck {
    /** What to do about an object that holds differentiated values and was not replaced by its numbers. */
    static final String OBJECT_ADVICE = "Fluxion differentiates objects that stay in the differentiated code: records "
            + "and final classes of final fields, mutable objects, and arrays or lists of such objects (List.of, "
            + "Arrays.asList, or an ArrayList filled with add and read with get, set, size, isEmpty and for-each), made in "
            + "the method, and variables that choose among them; this one escapes (passed to a method that is not inlined, "
            + "returned or stored). Pass the numbers as double arguments or double[] arrays, or keep the objects in an "
            + "array or an ArrayList made in the method.";

    /** Whether {@code object} is an object the method makes, or an element of an array of objects it makes. */
    private static boolean isMadeHere(Value object, int depth) {
        if (!(object instanceof Instruction i) || depth > 8) {
            return false;
        }
        return switch (i.op()) {
            case NEW_OBJECT -> true;
            case ARRAY_LOAD -> i.operand(0) instanceof Instruction a && a.op() == Op.NEW_ARRAY;
            case PHI, CHECKCAST -> i.operands().stream().allMatch(o -> isMadeHere(o, depth + 1));
            default -> false;
        };
    }

    private final ActivityAnalysis activity;
    private final Callees callees;

    /** The class the derivatives will live in. */
    private final String from;

    private DifferentiabilityCheck(ActivityAnalysis activity, Callees callees, String from) {
        this.activity = activity;
        this.callees = callees;
        this.from = from;
    }

    /**
     * @throws Unsupported listing every problem of the method (the first, then {@link Unsupported#more()}),
     *     so that a user fixes them in one round, not one per run
     */
    public static void check(IrFunction f, ActivityAnalysis activity, Callees callees) {
        DifferentiabilityCheck c = new DifferentiabilityCheck(activity, callees, f.owner());
        c.showsDifferentiatedValues = showsDifferentiatedValues(f, activity);
        List<Unsupported> problems = new ArrayList<>();
        for (Block b : f.blocks()) {
            for (Instruction insn : b.instructions()) {
                try {
                    c.check(insn);
                } catch (Unsupported u) {
                    if (problems.stream().noneMatch(p -> p.problem().equals(u.problem()))) { // once, at its first line
                        problems.add(u);
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw Unsupported.all(problems);
        }
    }

    /** Whether the method turns a differentiated value into text (prints, logs or formats it). */
    private boolean showsDifferentiatedValues;

    private static boolean showsDifferentiatedValues(IrFunction f, ActivityAnalysis activity) {
        for (Block b : f.blocks()) {
            for (Instruction insn : b.body()) {
                boolean text = insn.op() == Op.INVOKE_DYNAMIC || insn.op() == Op.INVOKE && ArrayOps.of(insn) == null
                        && MathRules.ruleFor(insn.member()) == null;
                if (text && insn.operands().stream().anyMatch(activity::isVaried)) {
                    return true;
                }
            }
        }
        return false;
    }

    private void check(Instruction insn) {
        if ((insn.op() == Op.INVOKE || insn.op() == Op.NEW_OBJECT) && SideChannels.isParse(insn) && showsDifferentiatedValues
                && !insn.operands().stream().allMatch(v -> v instanceof Constant)) { // a literal is data
            throw new Unsupported(insn.line(), "a number read from text (" + JavaSyntax.method(insn.member()) + ") in a method "
                    + "that turns differentiated values into text", "Fluxion does not follow derivatives through text: "
                            + "compute with the numbers themselves, and read your input outside the @Differentiable method.");
        }
        switch (insn.op()) {
            case ARRAY_STORE -> {
                if (activity.isVaried(insn.operand(2)) && !ArrayFamilies.isMember(insn.operand(0))) {
                    throw new Unsupported(insn.line(), "differentiated array stored into an array of "
                            + insn.operand(0).type().getClassName(), "Keep differentiated arrays in double[]/float[] "
                                    + "variables or in double[][] arrays; other containers are not differentiated.");
                }
            }
            case FIELD_PUT -> {
                Value v = insn.operand(insn.operands().size() - 1);
                if (activity.isVaried(v)) {
                    boolean ofAnObjectHere = insn.operands().size() == 2 && isMadeHere(insn.operand(0), 0);
                    throw new Unsupported(insn.line(), "active value written to field " + JavaSyntax.field(insn.member()),
                            ofAnObjectHere ? OBJECT_ADVICE
                                    : "Keep differentiated values in local variables and return them; fields are not "
                                            + "differentiated.");
                }
            }
            case INVOKE -> checkCall(insn);
            case INVOKE_DYNAMIC -> {
                if (anyVariedOperand(insn) && !isStringResult(insn) && insn.hasValue() && !isIntegral(insn.type())
                        && !SideChannels.isShowingLambda(insn, callees)) {
                    String pipeline = pipelineGiven(insn);
                    if (pipeline != null) { // IntStream.iterate(0, i -> i < x.length, ..): say so, not "stored"
                        throw new Unsupported(insn.line(), "active value captured by a lambda given to "
                                + streamProblem(pipeline), STREAM_ADVICE);
                    }
                    throw new Unsupported(insn.line(), "active value captured by a lambda that Fluxion cannot follow "
                            + "to its calls (it is stored, returned, chosen by a branch, or passed to a method that is "
                            + "not inlined)", "Call the lambda in the method that makes it, or pass it to a small helper "
                                    + "Fluxion inlines (one that is not recursive), so each call runs its body in view.");
                }
            }
            case NEW_OBJECT -> {
                if (anyVariedOperand(insn) && !insn.type().getInternalName().equals("java/lang/StringBuilder")
                        && !SideChannels.isShownObject(insn)) {
                    throw new Unsupported(insn.line(), "active value passed to the constructor of "
                            + JavaSyntax.type(insn.type()), OBJECT_ADVICE);
                }
            }
            default -> {
            }
        }
        if (insn.hasValue() && ArrayFamilies.isMember(insn) && activity.isActive(insn)) {
            checkShadowable(insn);
        }
    }

    /**
     * A differentiated call that stays a call, inside a try block whose handler may catch what it
     * throws and go on (not only clean up and rethrow): if it threw half-way, what it had done by then (into arrays, on the tape) could not be
     * reversed from where the throw left it.
     */
    private static void checkNotGuarded(Instruction call) {
        Block b = call.block();
        Block guard = ExceptionEdges.guardOf(b);
        if (guard != null && b.body().get(0) == call && ExceptionEdges.mayReturnAfterCatching(guard)) {
            throw new Unsupported(call.line(), "a call to " + JavaSyntax.method(call.member()) + ", which is differentiated as "
                    + "a call of its own, inside a try block whose handler may catch what it throws: if it throws half-way, "
                    + "Fluxion cannot reverse the part that ran", "Catch the exception inside that method, move the "
                            + "try/catch out of the @Differentiable method, or, for a helper of this class, remove its "
                            + "@Differentiable: Fluxion then inlines it into the try block and follows the throw.");
        }
    }

    /**
     * An active array needs a shadow of the same shape, which the adjoint can make only for arrays
     * whose origin it sees: parameters, allocations, copies, rows and phis of those.
     */
    private void checkShadowable(Instruction array) {
        switch (array.op()) {
            case PHI, ARRAY_LOAD, NEW_ARRAY -> {
            }
            case CHECKCAST -> {
                if (array.operand(0) instanceof Instruction from && from.op() == Op.INVOKE
                        && from.member().owner().equals(CAPTURES)) {
                    checkShadowable(from); // (double[]) of a lambda's captured value
                }
            }
            case FIELD_GET -> {
                if (!activity.families().isData(array)) {
                    Instruction call = onlyCallsWrite(array);
                    if (call != null) { // nothing stores into it here: a call may, as far as Fluxion can tell
                        throw new Unsupported(array.line(), "differentiated values may be written into the array in field "
                                + JavaSyntax.field(array.member()) + " by the call of " + JavaSyntax.method(call.member())
                                + ", which Fluxion cannot see only reads it (a subclass may override it, say)",
                                "Make that method final, private or static (or its class final), so Fluxion sees what it "
                                        + "does with the array, or pass a copy (" + array.member().name() + ".clone()).");
                    }
                    throw new Unsupported(array.line(), "differentiated values written into the array in field "
                    + JavaSyntax.field(array.member()), "Copy the array into a "
                            + "local first (" + array.member().name() + ".clone()) and write into the copy.");
                } // else data in a family with computed arrays: its shadow is zeros (ShadowAllocation)
            }
            case INVOKE -> {
                if (array.member().owner().equals(CAPTURES)) {
                    throw new Unsupported(array.line(), "differentiated values may be written into an array the lambda "
                            + "captured (fixed when the lambda was made), by a call it is passed to that Fluxion cannot "
                            + "see only reads it (one a subclass may override, say)", "Make that method final, private or "
                                    + "static (or its class final), so Fluxion sees what it does with the array, or capture "
                                    + "a copy (double[] w2 = w.clone()) and pass that.");
                }
                if (ArrayOps.of(array) == null && !activity.isDifferentiableCall(array) && !ArrayOps.isFreshZeros(array)) {
                    throw new Unsupported(array.line(), "differentiated values in the array returned by "
                            + JavaSyntax.method(array.member()) + ", which is not @Differentiable", (annotatable(array)
                                    ? "Annotate it @Differentiable, or allocate " : "Allocate ")
                                    + "the array in the caller and pass it to a @Differentiable method that fills it.");
                }
            }
            default -> throw new Unsupported(array.line(), "differentiated values in an array obtained by "
                    + array.op().name().toLowerCase(), "Allocate the array in the @Differentiable method, or pass it in.");
        }
    }

    private void checkCall(Instruction insn) {
        MemberRef m = insn.member();
        if (!anyVariedOperand(insn)) {
            return; // executed as is: its result does not depend on the inputs
        }
        if (MathRules.ruleFor(m) != null || ArrayOps.of(insn) != null || ArrayOps.isFreshZeros(insn)) {
            return; // zerosLike reads only the shape
        }
        String mismatch = callees.adjointRuleMismatch(m);
        if (mismatch != null) {
            throw new Unsupported(insn.line(), mismatch, "Declare the rule with exactly that signature (see "
                    + "dev.fluxion.AdjointOf), or remove its @AdjointOf annotation.");
        }
        MemberRef rule = callees.adjointRule(m);
        if (rule != null) {
            String expected = Naming.adjointRuleDescriptor(insn.callDescriptor());
            if (!rule.descriptor().equals(expected)) { // declared for the other form, static or instance
                throw new Unsupported(insn.line(), "the @AdjointOf rule " + JavaSyntax.method(rule) + " does not fit "
                        + (insn.opcode() == Opcodes.INVOKESTATIC ? "the static method " : "the instance method ")
                        + JavaSyntax.method(m) + ": it must be declared " + JavaSyntax.declaration(rule.name(), expected),
                        "Declare the rule with exactly that signature (see dev.fluxion.AdjointOf), or remove its "
                                + "@AdjointOf annotation.");
            }
            if (insn.opcode() != Opcodes.INVOKESTATIC && activity.isActive(insn.operand(0))) {
                throw new Unsupported(insn.line(), "the receiver of " + JavaSyntax.method(m) + " holds differentiated "
                        + "values, and its @AdjointOf rule " + JavaSyntax.method(rule) + " gives no derivative for them",
                        "Pass the differentiated values to the method as arguments, or differentiate through it "
                                + "(remove the rule).");
            }
            return;
        }
        if (callees.isDifferentiable(m)) {
            String calleeProblem = callees.problem(m);
            if (calleeProblem != null) {
                throw new Unsupported(insn.line(), "active value passed to " + JavaSyntax.method(m)
                        + ", which cannot be differentiated (" + calleeProblem + ")", "Fix that method first: its own "
                                + "message says how.");
            }
            if (insn.hasValue() && !Types.isFloating(insn.type()) && !isIntegral(insn.type())
                    && !ArrayFamilies.isMember(insn)) {
                throw new Unsupported(insn.line(), "active value passed to " + JavaSyntax.method(m) + ", which returns "
                        + insn.type().getClassName(), "Return double or float, double[] or float[] from it (or "
                                + "make it void and write the results into an array parameter).");
            }
            checkArgumentsHaveAdjoints(insn);
            // an overridable or abstract method: its derivative is that of the method the object's class
            // runs, found when the call runs (VirtualCalls), which says so if that method has none
            checkAliasedArguments(insn);
            checkRowMoves(insn);
            checkNotGuarded(insn);
            return;
        }
        if (SideChannels.isDisplay(insn) || SideChannels.isBoxForDisplay(insn) || SideChannels.isCallOnShownObjects(insn)) {
            return; // printed, logged or formatted: nothing comes back as a number
        }
        Unsupported library = LibraryCalls.unsupported(insn); // a box, Kotlin's standard library
        if (library != null) {
            throw library;
        }
        if (m.owner().equals("java/lang/Math") || m.owner().equals("java/lang/StrictMath")) {
            throw new Unsupported(insn.line(), "active value passed to " + JavaSyntax.method(m) + ", for which Fluxion has no "
                    + "derivative rule", "Write the function in a @Differentiable method of your own, or keep its "
                            + "argument independent of the differentiated inputs.");
        }
        if (insn.opcode() == Opcodes.INVOKEINTERFACE && insn.operand(0) instanceof Param function) {
            throw new Unsupported(insn.line(), "active value passed to " + JavaSyntax.method(m) + " of parameter "
                    + function.index() + ", a function this method is given: the code it runs is known only at "
                    + "its callers", "Leave this method without @Differentiable: Fluxion differentiates through it "
                            + "where a @Differentiable method calls it with a lambda or a method reference.");
        }
        // whatever the call returns, it may keep the value (in its receiver, a field, an array it can
        // reach) where later code reads it back: Fluxion would lose that dependence
        String pipeline = isJdk(m) ? streamPipeline(insn) : null;
        if (pipeline != null) {
            throw new Unsupported(insn.line(), "active value passed to " + JavaSyntax.method(m) + ", "
                    + streamProblem(pipeline), STREAM_ADVICE);
        }
        if (isJdk(m)) {
            throw new Unsupported(insn.line(), "active value passed to " + JavaSyntax.method(m) + ", a JDK method "
                    + "Fluxion does not differentiate", "Compute the value in a @Differentiable method of your own, or "
                            + "give a static method a derivative with @AdjointOf.");
        }
        if (insn.opcode() == Opcodes.INVOKEINTERFACE || insn.member().isInterface()) {
            throw new Unsupported(insn.line(), "active value passed to the interface method " + JavaSyntax.method(m)
                    + ", which is not differentiated", "Call a static @Differentiable method instead: calls through "
                            + "interfaces are not differentiated yet.");
        }
        if (insn.opcode() == Opcodes.INVOKEVIRTUAL && annotatable(insn) && callees.isOverridable(m)) {
            throw new Unsupported(insn.line(), "active value passed to " + JavaSyntax.method(m) + ", which a subclass may "
                    + "override", "Make the method private, final or static (or its class final): Fluxion differentiates "
                            + "through a helper when it knows the code the call runs.");
        }
        if (m.owner().equals("dev/fluxion/internal/JdkModels") || m.owner().equals("dev/fluxion/internal/StreamLoops")) {
            throw new Unsupported(insn.line(), "active value passed to " + JavaSyntax.method(m) + ", Fluxion's model of a "
                    + "JDK method or stream pipeline, which it could not inline here: the method's helpers, models and "
                    + "pipelines together are more code than Fluxion inlines into one method", "Split the method: move "
                            + "some of its sorts or pipelines into @Differentiable methods of their own, which it calls.");
        }
        if (!annotatable(insn)) {
            throw new Unsupported(insn.line(), "active value passed to " + JavaSyntax.method(m) + ", "
                    + (isFluxion(m) ? "Fluxion's own helper" : "code the compiler generated (a lambda's body or an "
                            + "accessor)"), isFluxion(m) ? "Fluxion's generated code should never pass it differentiated "
                                    + "values: please report this as a Fluxion bug, with the output of -Dfluxion.dump=DIR."
                                    : "Call a @Differentiable method directly instead.");
        }
        String outOfReach = callees.outOfReach(m, from);
        if (outOfReach != null) { // the real cause first: the helper's code cannot be copied here
            throw new Unsupported(insn.line(), "active value passed to " + JavaSyntax.method(m) + ", whose code uses "
                    + outOfReach + ", which " + JavaSyntax.type(org.objectweb.asm.Type.getObjectType(from)) + " may not reach "
                    + "(a class of another package that is not public): Fluxion cannot differentiate through it there",
                    "Make the class public (its members may stay private: Fluxion reaches those through method handles), "
                            + "or annotate the method @Differentiable, so it has derivatives of its own.");
        }
        if (Types.isFloating(insn.type()) || Types.isFloatingArray(insn.type())) {
            // ReadableCallees differentiates through small helpers: this one is not (recursive, large,
            // overridable, or its code is out of reach), so it needs derivatives of its own
            throw new Unsupported(insn.line(), "active value passed to " + JavaSyntax.method(m) + ", which is not "
                    + "@Differentiable, and not a helper Fluxion differentiates through (one it can read, that no "
                    + "subclass overrides, not recursive, at most " + ReadableCallees.MAX_CALLEE_SIZE + " instructions)",
                    "Annotate it @Differentiable, or compute the value in a @Differentiable method of your own.");
        }
        throw new Unsupported(insn.line(), "active value passed to " + JavaSyntax.method(m) + ", which is not "
                + "@Differentiable, and not a helper Fluxion differentiates through (one it can read, that no subclass "
                + "overrides, not recursive, at most " + ReadableCallees.MAX_CALLEE_SIZE + " instructions): it may keep "
                + "the value where later code reads it, and that dependence would be lost",
                "Annotate it @Differentiable (differentiated values must stay in local variables and arrays: objects and "
                        + "fields are not differentiated yet), or compute the value in a @Differentiable method of your own.");
    }

    /** Whether annotating the called method would help: user code, not the JDK's, Fluxion's or the compiler's. */
    private static boolean annotatable(Instruction call) {
        MemberRef m = call.member();
        return !isJdk(m) && !isFluxion(m) && !LibraryCalls.isKotlinLibrary(m) && !m.name().startsWith("lambda$")
                && !m.name().startsWith("access$");
    }

    private static boolean isFluxion(MemberRef m) {
        return m.owner().startsWith("dev/fluxion/internal/");
    }

    /** The sources of the pipelines {@code StreamLoops} follows: arrays' and collections' streams, ranges, {@code DoubleStream.of}. */
    private static final Set<String> FOLLOWED_SOURCES = Set.of("stream", "range", "rangeClosed", "of");

    /** A pipeline of stages and an end that {@code StreamLoops} replaces by loops where it can. */
    private static final java.util.regex.Pattern FOLLOWED_STAGES = java.util.regex.Pattern.compile(
            ".*?\\)(\\.(map|mapToDouble|filter|sorted|limit|skip)\\(\\.\\.\\))*"
                    + "\\.(sum|reduce|toArray|max|min|average)\\(\\.\\.\\)");

    /** The first call that may write {@code array}'s family, if only calls (no store, copy or fill) may; else null. */
    private Instruction onlyCallsWrite(Value array) {
        Instruction first = null;
        for (Instruction w : activity.families().writers(array)) {
            if (w.op() != Op.INVOKE || ArrayOps.of(w) != null) {
                return null;
            }
            first = first == null ? w : first;
        }
        return first;
    }

    /** Reads a lambda's captured values in the body Fluxion makes of it ({@code LambdaBodies}). */
    private static final String CAPTURES = "dev/fluxion/internal/Captures";

    private static final String STREAM_ADVICE = "Fluxion follows streams over arrays, slices, IntStream.range and "
            + "lists with map, filter, sorted, limit and skip, ending in sum(), reduce, toArray, max, min or average; "
            + "write other pipelines as a loop.";

    /** What is wrong with a stream {@code pipeline} that takes a differentiated value ({@link #streamPipeline}). */
    private static String streamProblem(String pipeline) {
        String head = pipeline.substring(0, Math.max(0, pipeline.indexOf('(')));
        boolean followed = FOLLOWED_SOURCES.contains(head.substring(head.lastIndexOf('.') + 1))
                && FOLLOWED_STAGES.matcher(pipeline).matches();
        return followed
                ? "a stream pipeline Fluxion follows elsewhere but could not replace by a loop here (" + pipeline
                        + "): a loop in its place would not read what the stream read, for example an array written "
                        + "before the stream's result is used"
                : "the source of a stream pipeline Fluxion does not follow (" + pipeline + ")";
    }

    /** The pipeline (from its source) of a JDK stream call that {@code lambda} is given to, or {@code null}. */
    private static String pipelineGiven(Instruction lambda) {
        for (Instruction user : lambda.users()) {
            if (user.op() != Op.INVOKE || !user.member().owner().startsWith("java/util/stream/")) {
                continue;
            }
            Instruction source = user;
            while (source.opcode() != Opcodes.INVOKESTATIC && !source.operands().isEmpty()
                    && source.operand(0) instanceof Instruction up && up.op() == Op.INVOKE
                    && up.type().getDescriptor().startsWith("Ljava/util/stream/")) {
                source = up;
            }
            return streamPipeline(source);
        }
        return null;
    }

    /**
     * The pipeline the JDK call {@code call} starts, as {@code Arrays.stream(double[]).map(..).forEach(..)}
     * (each stage the first stream call on the one before), if it returns a stream; {@code null}
     * otherwise. A pipeline Fluxion follows was replaced by loops before this check, so one left
     * here is one it does not follow, or could not replace in this place.
     */
    private static String streamPipeline(Instruction call) {
        if (!call.type().getDescriptor().startsWith("Ljava/util/stream/")) {
            return null;
        }
        StringBuilder ops = new StringBuilder();
        Instruction stage = call;
        for (int depth = 0; depth < 20 && stage.type().getDescriptor().startsWith("Ljava/util/stream/"); depth++) {
            Instruction next = null;
            for (Instruction user : stage.users()) {
                if (user.member() != null && user.member().owner().startsWith("java/util/stream/")
                        && !user.operands().isEmpty() && user.operand(0) == stage) {
                    next = user;
                    break;
                }
            }
            if (next == null) {
                break;
            }
            ops.append('.').append(next.member().name()).append("(..)");
            stage = next;
        }
        return ops.length() == 0 ? "its stream is used in another way" : JavaSyntax.method(call.member()) + ops;
    }

    private static boolean isJdk(MemberRef m) {
        return m.owner().startsWith("java/") || m.owner().startsWith("javax/") || m.owner().startsWith("jdk/")
                || m.owner().startsWith("sun/");
    }

    /**
     * A callee that replaces or moves rows of an active multi-dimensional argument: the caller's
     * forward sweep runs the primal callee, which moves the primal's rows but not the shadow's,
     * so the caller's later row reads would pair rows with the wrong shadows.
     */
    private void checkRowMoves(Instruction call) {
        for (int j = 0; j < call.operands().size(); j++) {
            Value v = call.operand(j);
            if (ArrayFamilies.isMember(v) && v.type().getSort() == Type.ARRAY && v.type().getDimensions() > 1
                    && activity.isActive(v) && callees.mayMoveRows(call.member(), j)) {
                throw new Unsupported(call.line(), "differentiated " + v.type().getClassName() + " passed to "
                        + JavaSyntax.method(call.member()) + ", which may replace or move its rows", "Replace or move rows (m[i] = row, "
                                + "arraycopy of rows) in this method; a @Differentiable callee may write the elements "
                                + "of the rows.");
            }
        }
    }

    /**
     * A callee's adjoint assumes its array parameters are distinct arrays. If the caller passes one
     * array twice and the callee writes one of them, a write through one parameter would change
     * what the callee reads through the other behind the adjoint's back. Arguments that are merely
     * in one alias family (two rows of one matrix, say) are checked when the call runs instead
     * ({@link AliasChecks}).
     */
    private void checkAliasedArguments(Instruction call) {
        for (int[] pair : AliasChecks.risks(call, activity, callees)) {
            if (call.operand(pair[0]) == call.operand(pair[1])) {
                throw new Unsupported(call.line(), AliasChecks.problem(call, pair, true), AliasChecks.ADVICE);
            }
        }
    }

    /**
     * A derivative's parameters carry adjoints and tangents for numbers and arrays of numbers only:
     * differentiated values passed where the method takes an {@code Object} (a generic interface's
     * erased parameter, {@code ToDoubleFunction<double[]>}) would have none, and their derivative
     * would be lost.
     */
    private void checkArgumentsHaveAdjoints(Instruction insn) {
        Type[] params = Type.getArgumentTypes(insn.member().descriptor());
        int first = insn.operands().size() - params.length; // the receiver is not a parameter
        for (int j = 0; j < params.length; j++) {
            Value arg = insn.operand(first + j);
            if (activity.isVaried(arg) && !Types.isFloating(params[j]) && !Naming.isShadowed(params[j].getDescriptor())
                    && !isIntegral(params[j])) {
                throw new Unsupported(insn.line(), "differentiated " + JavaSyntax.type(arg.type()) + " passed to "
                        + JavaSyntax.method(insn.member()) + " as its parameter " + j + ", of type "
                        + JavaSyntax.type(params[j]) + ", which carries no derivative", "Declare the parameter with "
                                + "the numbers' own type (double, double[]...), or use an interface of numbers "
                                + "(DoubleUnaryOperator, an interface of your own) rather than a generic one.");
            }
        }
    }

    private boolean anyVariedOperand(Instruction insn) {
        for (Value v : insn.operands()) {
            if (activity.isVaried(v)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isStringResult(Instruction insn) {
        return insn.type().getSort() == Type.OBJECT && insn.type().getInternalName().equals("java/lang/String");
    }

    private static boolean isIntegral(Type t) {
        return t.getSort() == Type.INT || t.getSort() == Type.LONG || t.getSort() == Type.VOID;
    }

    private static String describe(Value v) {
        return v instanceof Param p ? "(parameter " + p.index() + ")" : "";
    }
}
