package dev.fluxion.transformer.analysis;

import dev.fluxion.transformer.ir.Block;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.IrFunction;
import dev.fluxion.transformer.ir.Op;
import dev.fluxion.transformer.ir.Param;
import dev.fluxion.transformer.ir.Types;
import dev.fluxion.transformer.ir.Value;
import dev.fluxion.transformer.rules.DerivativeRule;
import dev.fluxion.transformer.rules.MathRules;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Activity analysis (Hascoët and Pascual, "The Tapenade automatic differentiation tool", 2013):
 * a value is <em>varied</em> if it depends on a differentiated input, <em>useful</em> if an output
 * depends on it, and <em>active</em> if both. Only active values get adjoints; integer counters,
 * indices and constant tables never do.
 *
 * <p>The analysis is reachability over a dependence graph. Its nodes are the values that can carry
 * a derivative ({@code double}/{@code float} values) and the {@linkplain ArrayFamilies families} of
 * floating-point arrays; an edge {@code u -> v} says that {@code v} depends on {@code u}. Arithmetic,
 * floating conversions, phis, {@code Math} functions and {@code @Differentiable} calls link operands
 * to results (not an operand whose partial is zero everywhere: {@code floor(x)} is a constant); an
 * element read links the array's family to the value; an element store, fill or copy links the
 * stored value or the source to the written family; a {@code @Differentiable} call
 * also links its arguments to every array it is passed and may write into. Integer
 * results cut dependence: {@code (int) x} has derivative zero.
 *
 * <p>Inputs are every {@code double}/{@code float} parameter and every floating-point array
 * parameter; outputs are the returned value and, for a {@code void} method, its array parameters.
 * Varied is reachability from the inputs, useful is reachability backwards from the outputs.
 * Instructions that only write into arrays ({@code a[i] = v}, {@code arraycopy}, {@code fill}) are
 * active when the family they write is.
 */
public final class ActivityAnalysis {
    private final ArrayFamilies families;
    private final Callees callees;
    /** The edges of the dependence graph, each way: the values each value flows into, and flows from. */
    private final Map<Value, Set<Value>> dependents = new HashMap<>();
    private final Map<Value, Set<Value>> dependencies = new HashMap<>();
    private final Set<Value> varied = new HashSet<>();
    private final Set<Value> useful = new HashSet<>();

    private ActivityAnalysis(IrFunction f, Callees callees) {
        this.families = new ArrayFamilies(f, callees);
        this.callees = callees;
    }

    public static ActivityAnalysis of(IrFunction f, Callees callees) {
        return of(f, callees, null);
    }

    /** With only the parameters of the given indices as inputs ({@code null}: every parameter that can carry a derivative). */
    public static ActivityAnalysis of(IrFunction f, Callees callees, Set<Integer> inputParams) {
        ActivityAnalysis a = new ActivityAnalysis(f, callees);
        a.buildGraph(f);
        ArrayDeque<Value> inputs = new ArrayDeque<>();
        ArrayDeque<Value> outputs = new ArrayDeque<>();
        for (Param p : f.params()) {
            if (canCarry(p) && (inputParams == null || inputParams.contains(p.index()))) {
                inputs.add(a.node(p));
            }
            boolean voidFunction = f.returnType().getSort() == org.objectweb.asm.Type.VOID;
            if (ArrayFamilies.isMember(p) && (voidFunction || a.families.isWritten(p))) {
                // a vector function's results are its arrays' contents; and whatever a function writes
                // into an array it is given is a result for its caller, even where its own return value
                // does not depend on it
                outputs.add(a.node(p));
            }
        }
        for (Block b : f.blocks()) {
            Instruction t = b.terminator();
            if (t.op() == Op.RETURN && !t.operands().isEmpty() && canCarry(t.operand(0))) {
                outputs.add(a.node(t.operand(0)));
            }
        }
        reach(inputs, a.dependents, a.varied);
        reach(outputs, a.dependencies, a.useful);
        return a;
    }

    private static void reach(ArrayDeque<Value> work, Map<Value, Set<Value>> edges, Set<Value> seen) {
        while (!work.isEmpty()) {
            Value v = work.pop();
            if (seen.add(v)) {
                work.addAll(edges.getOrDefault(v, Set.of()));
            }
        }
    }

    /** Whether a value of this type can carry a derivative at all. */
    public static boolean canCarry(Value v) {
        return Types.isFloating(v.type()) || ArrayFamilies.isMember(v);
    }

    public boolean isVaried(Value v) {
        return canCarry(v) && varied.contains(node(v));
    }

    public boolean isUseful(Value v) {
        return canCarry(v) && useful.contains(node(v));
    }

    /**
     * Whether {@code v} has a derivative: a scalar adjoint for a floating value, a shadow array for
     * an array. An instruction that writes into arrays is active when the array it writes is.
     */
    public boolean isActive(Value v) {
        if (v instanceof Instruction insn && isDifferentiableCall(insn)) {
            for (Value arg : insn.operands()) {
                if (ArrayFamilies.isMember(arg) && isVaried(arg) && isUseful(arg)) {
                    return true; // it may write an active array, whatever becomes of its result
                }
            }
        }
        if (v instanceof Instruction insn && !canCarry(insn)) {
            Value written = writtenArray(insn);
            return written != null && isActive(written);
        }
        return isVaried(v) && isUseful(v);
    }

    /** A call to a {@code @Differentiable} method, or one with an {@code @AdjointOf} rule (not {@code Math}, not an array operation). */
    public boolean isDifferentiableCall(Instruction insn) {
        return insn.op() == Op.INVOKE && ArrayOps.of(insn) == null && MathRules.ruleFor(insn.member()) == null
                && (callees.isDifferentiable(insn.member()) || callees.adjointRule(insn.member()) != null);
    }

    /** The array families, for passes that must know about aliasing. */
    public ArrayFamilies families() {
        return families;
    }

    /** The array an element store, {@code fill} or {@code arraycopy} writes into, or {@code null}. */
    public static Value writtenArray(Instruction insn) {
        if (insn.op() == Op.ARRAY_STORE && ArrayFamilies.isMember(insn.operand(0))) {
            return insn.operand(0);
        }
        ArrayOps op = ArrayOps.of(insn);
        if (op == ArrayOps.FILL) {
            return insn.operand(0);
        }
        if (op == ArrayOps.ARRAYCOPY && ArrayFamilies.isMember(insn.operand(2))) {
            return insn.operand(2);
        }
        return null;
    }

    private Value node(Value v) {
        return ArrayFamilies.isMember(v) ? families.find(v) : v;
    }

    private void edge(Value from, Value to) {
        if (canCarry(from) && canCarry(to)) {
            Value a = node(from);
            Value b = node(to);
            if (a != b) {
                add(dependents, a, b);
                add(dependencies, b, a);
            }
        }
    }

    private static void add(Map<Value, Set<Value>> edges, Value from, Value to) {
        Set<Value> out = edges.get(from);
        if (out == null) {
            out = new HashSet<>();
            edges.put(from, out);
        }
        out.add(to);
    }

    private void buildGraph(IrFunction f) {
        for (Block b : f.blocks()) {
            for (Instruction insn : b.instructions()) {
                addEdges(insn);
            }
        }
    }

    private void addEdges(Instruction insn) {
        switch (insn.op()) {
            case PHI, ARITHMETIC, CONVERT, CHECKCAST -> operandsTo(insn, insn);
            case ARRAY_LOAD -> edge(insn.operand(0), insn);
            case ARRAY_STORE -> edge(insn.operand(2), insn.operand(0));
            case INVOKE -> {
                ArrayOps op = ArrayOps.of(insn);
                if (op != null) {
                    switch (op) {
                        case CLONE, COPY_OF, COPY_OF_RANGE -> edge(insn.operand(0), insn);
                        case ARRAYCOPY -> edge(insn.operand(0), insn.operand(2));
                        case FILL -> edge(insn.operand(insn.operands().size() - 1), insn.operand(0));
                    }
                } else if (MathRules.ruleFor(insn.member()) != null) {
                    DerivativeRule rule = MathRules.ruleFor(insn.member());
                    for (int j = 0; j < insn.operands().size(); j++) {
                        // an operand whose partial is zero everywhere (floor, the sign of copySign,
                        // Derivatives.detach) gives the result no derivative, so no dependence
                        if (j >= rule.partials().size() || rule.partial(j) != null) {
                            edge(insn.operand(j), insn);
                        }
                    }
                } else if (isDifferentiableCall(insn)) {
                    operandsTo(insn, insn);
                    for (int j = 0; j < insn.operands().size(); j++) {
                        Value target = insn.operand(j);
                        if (ArrayFamilies.isMember(target) && callees.mayWriteArgument(insn.member(), j)) {
                            operandsTo(insn, target);
                        }
                    }
                }
            }
            default -> {
            }
        }
    }

    private void operandsTo(Instruction insn, Value target) {
        for (Value v : List.copyOf(insn.operands())) {
            edge(v, target);
        }
    }
}
