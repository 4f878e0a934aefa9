package dev.fluxion.transformer.forward;

import dev.fluxion.internal.Naming;
import dev.fluxion.transformer.analysis.ActivityAnalysis;
import dev.fluxion.transformer.analysis.Callees;
import dev.fluxion.transformer.analysis.VirtualCalls;
import dev.fluxion.transformer.derivatives.DerivativeRequest;
import dev.fluxion.transformer.diagnostics.Unsupported;
import dev.fluxion.transformer.ir.Block;
import dev.fluxion.transformer.ir.BlockOrder;
import dev.fluxion.transformer.ir.Constant;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.IrBuilder;
import dev.fluxion.transformer.ir.IrFunction;
import dev.fluxion.transformer.ir.MemberRef;
import dev.fluxion.transformer.ir.Op;
import dev.fluxion.transformer.ir.Param;
import dev.fluxion.transformer.ir.Types;
import dev.fluxion.transformer.ir.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Type;

/**
 * Forward mode: builds the tangent of an SSA function as another SSA function with the same
 * control flow. Every active value {@code v} gets its tangent {@code v'} computed right after it, in
 * the same block, so tangents dominate their uses exactly as the primal values do: no tape, no
 * second sweep, one pass over the blocks. An active phi gets a tangent phi; an active array gets a
 * tangent array of the same shape (allocated where the primal allocates, copied where the primal
 * copies, written where the primal writes); the local rules are in {@link LocalTangents}.
 *
 * <p>A tangent may carry several directions at once (vector forward mode, {@code width} lanes):
 * each active value then has one tangent per lane, while the primal, and every partial derivative
 * the chain rule multiplies by, is computed once for all of them.
 *
 * <p>Two forms are generated from the same code (see {@link Form}): the tangent the API and other
 * tangents call ({@code Naming.tangentName}), which returns the primal result and leaves its
 * tangent on the tape, and a pure function that returns the tangent itself, which reverse mode can
 * differentiate once more: reverse-over-forward, for Hessian-vector products. A pure tangent calls
 * the pure tangents of the methods its method calls without inlining them, which are generated in
 * the pure form too ({@link #generateCalleePureTangent}).
 */
public final class TangentGenerator {
    /** What the generated function returns. */
    public enum Form {
        /** {@code R t(params, tangents, Tape)}: the primal result, its tangent left on the tape. */
        PRIMAL_AND_TAPE,
        /** {@code R t(params, tangents)}: the result's tangent; no calls to other tangents. */
        TANGENT_ONLY,
        /**
         * The same for a callee of a pure tangent ({@code Naming.calleePureTangentDescriptor}):
         * also of a {@code void} method, and for a primitive result, with a last parameter, a
         * one-element array the result's value is stored into.
         */
        CALLEE_TANGENT_ONLY;

        boolean isPure() {
            return this != PRIMAL_AND_TAPE;
        }
    }

    private final IrFunction primal;
    private final ActivityAnalysis activity;
    private final Form form;
    private final IrFunction tangentFunction;
    private final IrBuilder ir = new IrBuilder();
    private final Map<Value, Value> forward = new HashMap<>();
    private final int width;
    private final Map<Value, Value[]> tangent = new HashMap<>();
    private final Map<Block, Block> blocks = new LinkedHashMap<>();
    private final Map<Instruction, Instruction[]> tangentPhis = new LinkedHashMap<>();
    private final LocalTangents rules;
    private final Callees callees;
    private final Value tape;
    /** Where a callee's pure tangent stores its value ({@link Form#CALLEE_TANGENT_ONLY}), or {@code null}. */
    private final Value valueOut;

    private TangentGenerator(IrFunction primal, ActivityAnalysis activity, Callees callees, Form form, int width,
            String name) {
        this.primal = primal;
        this.activity = activity;
        this.form = form;
        this.width = width;
        this.callees = callees;
        String descriptor = switch (form) {
            case TANGENT_ONLY -> Naming.pureTangentDescriptor(primal.descriptor());
            case CALLEE_TANGENT_ONLY -> Naming.calleePureTangentDescriptor(primal.descriptor());
            case PRIMAL_AND_TAPE -> Naming.tangentDescriptor(primal.descriptor(), width);
        };
        this.tangentFunction = new IrFunction(primal.owner(), name, descriptor);
        List<Param> in = primal.params();
        List<Param> out = tangentFunction.params();
        for (Param p : in) {
            forward.put(p, out.get(p.index()));
        }
        int next = in.size();
        for (int lane = 0; lane < width; lane++) { // the tangents of all parameters, lane by lane
            for (Param p : in) {
                if (Naming.hasTangent(p.type().getDescriptor())) {
                    Param t = out.get(next++);
                    if (activity.isActive(p)) {
                        tangent.computeIfAbsent(p, k -> new Value[width])[lane] = t;
                    }
                }
            }
        }
        this.tape = form == Form.PRIMAL_AND_TAPE ? out.get(next) : null;
        this.valueOut = form == Form.CALLEE_TANGENT_ONLY && next < out.size() ? out.get(next) : null;
        this.rules = new LocalTangents(activity, callees, ir, this::forward, this::tangentOf, tape, width);
    }

    /**
     * The tangent carrying {@code width} directions at once (vector forward mode when more than
     * one), which the API and other tangents call, named {@code name} (where the derivative
     * registry, {@code DerivativeRequests}, puts it; see {@code Naming.tangentName}).
     */
    public static IrFunction generate(IrFunction primal, ActivityAnalysis activity, Callees callees, int width, String name) {
        return new TangentGenerator(primal, activity, callees, Form.PRIMAL_AND_TAPE, width, name).generate();
    }

    /**
     * The tangent as a pure function returning the result's tangent, for reverse mode to
     * differentiate again. A call that is not inlined calls the callee's own pure tangent (see
     * {@link #pureTangentCall}).
     */
    public static IrFunction generateTangentOnly(IrFunction primal, ActivityAnalysis activity, Callees callees,
            String name) {
        return new TangentGenerator(primal, activity, callees, Form.TANGENT_ONLY, 1, name).generate();
    }

    /**
     * The pure tangent of a method that a Hessian-vector product's pure tangent calls, every
     * parameter differentiated: like {@link #generateTangentOnly}, and also of a {@code void} method,
     * whose tangents are those it writes into its tangent arrays.
     */
    public static IrFunction generateCalleePureTangent(IrFunction primal, ActivityAnalysis activity, Callees callees,
            String name) {
        return new TangentGenerator(primal, activity, callees, Form.CALLEE_TANGENT_ONLY, 1, name).generate();
    }

    private IrFunction generate() {
        for (Block b : primal.blocks()) {
            blocks.put(b, tangentFunction.newBlock());
        }
        for (Block b : primal.blocks()) {
            Instruction t = b.terminator();
            if (t.op() != Op.RETURN) {
                Instruction copy = t.copyWithoutOperands();
                for (Block target : t.targets()) {
                    copy.targets().add(blocks.get(target));
                }
                blocks.get(b).terminate(copy);
            }
        }
        Set<Block> order = new LinkedHashSet<>(BlockOrder.reversePostOrder(primal.entry()));
        order.addAll(primal.blocks());
        for (Block b : order) {
            fill(b);
        }
        completePhis();
        return tangentFunction;
    }

    private void fill(Block b) {
        Block out = blocks.get(b);
        ir.setBlock(out);
        for (Instruction phi : b.phis()) {
            Instruction copy = out.addPhi(new Instruction(Op.PHI, -1, phi.type()));
            forward.put(phi, copy);
            if (activity.isActive(phi)) {
                Instruction[] t = new Instruction[width];
                for (int lane = 0; lane < width; lane++) {
                    t[lane] = out.addPhi(new Instruction(Op.PHI, -1, phi.type()));
                }
                tangent.put(phi, t);
                tangentPhis.put(phi, t);
            }
        }
        for (Instruction insn : b.body()) {
            ir.setLine(insn.line());
            // a rule's call stays: the Hessian-vector product inlines the rule (SecondOrderRules)
            Result result = form.isPure() && activity.isActive(insn) && activity.isDifferentiableCall(insn)
                    && callees.adjointRule(insn.member()) == null ? pureTangentCall(insn)
                            : rules.emit(insn, activity.isActive(insn));
            forward.put(insn, result.primal());
            if (result.tangent() != null) {
                tangent.put(insn, result.tangent());
            }
        }
        Instruction t = b.terminator();
        ir.setLine(t.line());
        if (t.op() == Op.RETURN) {
            terminateReturn(t);
        } else {
            for (Value v : t.operands()) {
                out.terminator().addOperand(forward(v));
            }
        }
    }

    private void terminateReturn(Instruction ret) {
        Instruction copy = ret.copyWithoutOperands();
        if (ret.operands().isEmpty()) {
            if (form == Form.TANGENT_ONLY) {
                throw new Unsupported(ret.line(), "a void method: second derivatives are of scalar functions",
                        "Differentiate a method that returns the double to differentiate twice.");
            }
            ir.block().terminate(copy);
            return;
        }
        Value result = ret.operand(0);
        Value[] resultTangent = rules.tangentOrZeros(result);
        if (valueOut != null) {
            ir.arrayStore(valueOut, Constant.ofInt(0), forward(result));
        }
        if (form.isPure()) {
            copy.addOperand(resultTangent[0]);
        } else {
            for (Value t : resultTangent) {
                rules.push(t); // lane 0 first: the caller pops the last lane first
            }
            copy.addOperand(forward(result));
        }
        ir.block().terminate(copy);
    }

    /**
     * A call that was not inlined, in a pure tangent: a call of the callee's pure tangent
     * {@code t(x, xdot)}, as the registry places it ({@code DerivativeRequest.pureTangent}), which
     * runs the callee's code (writing the arrays it writes, and their tangents), stores a number
     * it returns into a one-element array, and returns its tangent: the callee runs once, as in
     * the primal. Reverse mode, differentiating this tangent once more, differentiates the call by
     * the adjoint of the callee's pure tangent, which is generated with it. A callee returning an
     * array is called twice, for its value and for its tangent, unless it writes into an array,
     * which the second run would write again: that is rejected.
     */
    private Result pureTangentCall(Instruction insn) {
        MemberRef callee = insn.member();
        String called = "a call to " + callee.owner().replace('/', '.') + "." + callee.name();
        if (VirtualCalls.isDispatched(insn, callees)) {
            boolean jdkFunction = callee.owner().startsWith("java/util/function/");
            throw new Unsupported(insn.line(), called + " that was not inlined, through an interface or an overridable "
                    + "method: second derivatives go through calls whose code is known when the caller is transformed",
                    jdkFunction ? "A function held in a field or a variable (a lambda made outside, Math::tanh say) has "
                            + "first derivatives only: for second derivatives call the function itself (Math.tanh(z)), "
                            + "or a final, private or static method of your own."
                            : "Call it on an object made in the method, whose class is then known, or make the method "
                                    + "final, private or static.");
        }
        String descriptor = insn.callDescriptor(); // the receiver, if any, is operand 0
        Type[] params = Type.getArgumentTypes(descriptor);
        boolean isVoid = Type.getReturnType(descriptor).getSort() == Type.VOID;
        List<Value> args = new ArrayList<>();
        List<Value> tangentArgs = new ArrayList<>();
        for (int j = 0; j < params.length; j++) {
            args.add(forward(insn.operand(j)));
            if (Naming.hasTangent(params[j].getDescriptor())) {
                tangentArgs.add(rules.tangentOrZeros(insn.operand(j))[0]);
            }
        }
        args.addAll(tangentArgs);
        MemberRef pureTangent = callees.derivatives().member(DerivativeRequest.pureTangent(callee, descriptor));
        Type result = Type.getReturnType(descriptor);
        if (isVoid) {
            return new Result(ir.invokeStatic(pureTangent, args.toArray(Value[]::new)), null);
        }
        Value value;
        Instruction call;
        if (!Types.isReference(result)) { // the callee runs once: its value comes back in a one-element array
            Value out = ir.newPrimitiveArray(Type.getType("[" + result.getDescriptor()), Constant.ofInt(1));
            args.add(out);
            call = ir.invokeStatic(pureTangent, args.toArray(Value[]::new));
            value = ir.arrayLoad(out, Constant.ofInt(0));
        } else { // a reference: the primal call, then the pure tangent, as long as the callee writes no array
            for (int j = 0; j < params.length; j++) {
                if (params[j].getSort() == Type.ARRAY && callees.mayWriteArgument(callee, j)) {
                    throw new Unsupported(insn.line(), called + " that was not inlined, which writes into an array it "
                            + "is given and returns an array: its second derivative would run it twice, for its value "
                            + "and for its tangent", "Make the method void (its results in the arrays it is given), "
                                    + "or have it return a number.");
                }
            }
            value = rules.emit(insn, false).primal();
            call = ir.invokeStatic(pureTangent, args.toArray(Value[]::new));
        }
        return new Result(value, ActivityAnalysis.canCarry(insn) ? new Value[] {call} : null);
    }

    /** Phi operands, once every value exists; the copy's predecessors may be listed in another order. */
    private void completePhis() {
        Map<Block, Block> primalOf = new HashMap<>();
        blocks.forEach((p, copy) -> primalOf.put(copy, p));
        for (Block b : primal.blocks()) {
            for (Instruction phi : b.phis()) {
                Instruction copy = (Instruction) forward.get(phi);
                Instruction[] t = tangentPhis.get(phi);
                for (Block pred : blocks.get(b).predecessors()) {
                    Value v = phi.operand(b.predecessors().indexOf(primalOf.get(pred)));
                    copy.addOperand(forward(v));
                    if (t != null) {
                        Value[] operand = tangentOf(v);
                        for (int lane = 0; lane < width; lane++) {
                            t[lane].addOperand(operand[lane]);
                        }
                    }
                }
            }
        }
    }

    private Value forward(Value v) {
        if (v instanceof Constant) {
            return v;
        }
        Value f = forward.get(v);
        if (f == null) {
            throw new IllegalStateException("no forward value for " + v + " in " + primal.name());
        }
        return f;
    }

    /** The tangents of {@code v}, one per lane: zeros for an inactive scalar, {@code null}s for an inactive array. */
    private Value[] tangentOf(Value v) {
        Value[] t = activity.isActive(v) ? tangent.get(v) : null;
        if (t == null) {
            if (activity.isActive(v) && !(v instanceof Constant)) {
                throw new IllegalStateException("no tangent for active " + v + " in " + primal.name());
            }
            Value[] zeros = new Value[width];
            java.util.Arrays.fill(zeros, Constant.zero(Types.computational(v.type())));
            return zeros;
        }
        return t;
    }

    /** The primal and tangents (one per lane) an instruction's forward copy defines; {@code null} tangents if inactive. */
    record Result(Value primal, Value[] tangent) {
    }
}
