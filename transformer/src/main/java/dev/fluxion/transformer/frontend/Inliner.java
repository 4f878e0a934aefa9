package dev.fluxion.transformer.frontend;

import dev.fluxion.internal.Naming;
import dev.fluxion.transformer.reverse.CheckpointPolicy;
import dev.fluxion.transformer.ir.Block;
import dev.fluxion.transformer.ir.BlockCopier;
import dev.fluxion.transformer.ir.ExceptionEdges;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.IrFunction;
import dev.fluxion.transformer.ir.Op;
import dev.fluxion.transformer.ir.Param;
import dev.fluxion.transformer.ir.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Inlines calls to small {@code @Differentiable} static methods of the same class into the function
 * to differentiate, before activity analysis. A call the adjoint reverses jointly costs a second run
 * of the callee's primal, a call, and saving the arrays it may write; inlined, its body is reversed
 * with the caller's like any other code (Enzyme relies on LLVM's inliner the same way). Only
 * same-class callees qualify, so the inlined code accesses nothing the caller may not; recursion,
 * and callees larger than {@link #MAX_CALLEE_SIZE} instructions, stay calls.
 *
 * <p>On exit every block still satisfies the IR's invariants: the call's block ends in a jump to the
 * callee's entry, each callee return jumps to the rest of the caller's block, whose phi (if the
 * callee returns from several places) merges the results.
 */
public final class Inliner {
    /**
     * Instructions in a callee's IR (after its own inlining) beyond which it is not inlined. An
     * integrator with its stepper inlined ({@code simulate} of an RK4 fit, some 170) qualifies: as a
     * call, its primal ran twice, once in the forward sweep and again in its adjoint (a third of the
     * gradient's time when the callee is most of the objective). An adjoint grown past the JIT's
     * limit is split by {@code OutlinedBodies}; {@link #MAX_GROWTH} bounds the function.
     */
    static final int MAX_CALLEE_SIZE = 200;
    /**
     * Instructions the inlining may add to one function: an adjoint takes some 50 bytes of bytecode
     * per instruction, and a JVM method at most 64 KB.
     */
    static final int MAX_GROWTH = 400;

    private final ClassNode owner;
    private final Function<MethodNode, IrFunction> parse;
    private final Set<String> inProgress;
    /** Callee bodies, inlined themselves, by name and descriptor; {@code null} if not inlinable. */
    private final Map<String, IrFunction> bodies;
    private int growth;

    private Inliner(Inliner outer, Set<String> inProgress) {
        this.owner = outer.owner;
        this.parse = outer.parse;
        this.inProgress = inProgress;
        this.bodies = outer.bodies;
    }

    private Inliner(Bodies bodies, Set<String> inProgress) {
        this.owner = bodies.owner;
        this.parse = bodies.parse;
        this.inProgress = inProgress;
        this.bodies = bodies.inlined;
    }

    /**
     * The inlinable callees of one class, each parsed and inlined into once for all the functions of
     * the class that call it, not once per caller: in a chain of methods each calling the one before,
     * every caller would otherwise parse the whole chain below it again. A body does not depend on
     * the caller it is made for: recursion, the one thing that would make it depend on the methods
     * being inlined further up, leaves a call in it, and a body that calls the class stays a call.
     */
    public static final class Bodies {
        private final ClassNode owner;
        private final Function<MethodNode, IrFunction> parse;
        private final Map<String, IrFunction> inlined = new HashMap<>();

        /** {@code parse} gives a callee's SSA as its callers' is made (its objects replaced by their numbers). */
        public Bodies(ClassNode owner, Function<MethodNode, IrFunction> parse) {
            this.owner = owner;
            this.parse = parse;
        }
    }

    /** Inlines into {@code f}, a method of the class of {@code bodies}; returns whether anything was inlined. */
    public static boolean inline(IrFunction f, Bodies bodies) {
        Set<String> inProgress = new HashSet<>();
        inProgress.add(f.name() + f.descriptor());
        Inliner top = new Inliner(bodies, inProgress);
        Map<String, IrFunction> own = new HashMap<>();
        // each function gets copies of its own: the bodies' constants keep the users of every function they were inlined into
        return top.inlineCalls(f, key -> own.computeIfAbsent(key, k -> BlockCopier.detached(top.calleeBody(k))));
    }

    private boolean inlineCalls(IrFunction f, Function<String, IrFunction> body) {
        boolean changed = false;
        for (int i = 0; i < f.blocks().size(); i++) {
            Block b = f.blocks().get(i);
            for (Instruction insn : List.copyOf(b.body())) {
                String key = calleeKey(insn);
                IrFunction callee = key == null ? null : body.apply(key);
                if (callee != null && growth + size(callee) <= MAX_GROWTH) {
                    growth += size(callee);
                    inlineCall(f, b, insn, callee);
                    changed = true;
                    break; // the rest of b moved to a new block, visited later in the list
                }
            }
        }
        return changed;
    }

    /** The callee's name and descriptor if the call is to a static method of the class, not a recursion; else {@code null}. */
    private String calleeKey(Instruction call) {
        if (call.op() != Op.INVOKE || call.opcode() != Opcodes.INVOKESTATIC || !call.member().owner().equals(owner.name)) {
            return null;
        }
        String key = call.member().name() + call.member().descriptor();
        return inProgress.contains(key) ? null : key; // recursion
    }

    /** The callee's IR, itself with its calls inlined, if it qualifies; else {@code null}. */
    private IrFunction calleeBody(String key) {
        if (!bodies.containsKey(key)) {
            bodies.put(key, parseAndInline(key));
        }
        return bodies.get(key);
    }

    private IrFunction parseAndInline(String key) {
        for (MethodNode m : owner.methods) {
            if ((m.name + m.desc).equals(key) && isDifferentiable(m) && (m.access & Opcodes.ACC_STATIC) != 0
                    && !CheckpointPolicy.isCheckpointed(m)) { // inlined, its time loop would not be checkpointed
                IrFunction g;
                try {
                    g = parse.apply(m);
                } catch (RuntimeException e) {
                    return null; // reported when the callee itself is transformed
                }
                inProgress.add(key);
                try {
                    Inliner nested = new Inliner(this, inProgress);
                    nested.inlineCalls(g, nested::calleeBody);
                } finally {
                    inProgress.remove(key);
                }
                return size(g) <= MAX_CALLEE_SIZE && !callsSameClass(g) ? g : null;
            }
        }
        return null;
    }

    /**
     * Whether a callee's body still calls a method of this class after its own inlining: a
     * recursion (which inlining would only unroll) or a callee too large. Such callees stay calls,
     * so inlining never copies a call that the caller's level would try to inline again.
     */
    private boolean callsSameClass(IrFunction g) {
        for (Block b : g.blocks()) {
            for (Instruction insn : b.body()) {
                if (insn.op() == Op.INVOKE && insn.member().owner().equals(owner.name)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isDifferentiable(MethodNode m) {
        return m.visibleAnnotations != null
                && m.visibleAnnotations.stream().anyMatch(a -> a.desc.equals(Naming.DIFFERENTIABLE_DESCRIPTOR));
    }

    /** Instructions in {@code g}: what inlining it adds. */
    static int size(IrFunction g) {
        int n = 0;
        for (Block b : g.blocks()) {
            n += b.instructions().size();
        }
        return n;
    }

    /**
     * Replaces {@code call} in {@code b} by a copy of {@code g}'s blocks. A call in a try block hands
     * its guard on to the callee's code ({@link ExceptionEdges#inlined}).
     */
    public static void inlineCall(IrFunction f, Block b, Instruction call, IrFunction g) {
        Block guard = guardOfCall(b, call);
        Block rest = f.splitAfter(b, call);
        Map<Value, Value> values = new HashMap<>();
        for (Param p : g.params()) {
            values.put(p, call.operand(p.index()));
        }
        Map<Block, Block> blocks = new HashMap<>();
        Block anchor = b;
        for (Block gb : g.blocks()) {
            anchor = f.newBlockAfter(anchor);
            blocks.put(gb, anchor);
        }
        // instructions first (operands may refer to values defined later in layout, e.g. loop phis)
        Map<Instruction, Instruction> copies = new HashMap<>();
        for (Block gb : g.blocks()) {
            for (Instruction insn : gb.instructions()) {
                Instruction copy = insn.copyWithoutOperands();
                copies.put(insn, copy);
                values.put(insn, copy);
            }
        }
        List<Value> results = new ArrayList<>();
        for (Block gb : g.blocks()) {
            Block nb = blocks.get(gb);
            for (Instruction insn : gb.body()) {
                Instruction copy = copies.get(insn);
                for (Value v : insn.operands()) {
                    copy.addOperand(values.getOrDefault(v, v));
                }
                nb.append(copy);
            }
            Instruction t = gb.terminator();
            if (t.op() == Op.RETURN) {
                if (!t.operands().isEmpty()) {
                    results.add(values.getOrDefault(t.operand(0), t.operand(0)));
                }
                Instruction jump = new Instruction(Op.GOTO, Opcodes.GOTO, Type.VOID_TYPE).withLine(t.line());
                jump.targets().add(rest);
                nb.terminate(jump);
            } else {
                Instruction copy = copies.get(t);
                for (Value v : t.operands()) {
                    copy.addOperand(values.getOrDefault(v, v));
                }
                for (Block target : t.targets()) {
                    copy.targets().add(blocks.get(target));
                }
                nb.terminate(copy);
            }
        }
        Instruction enter = new Instruction(Op.GOTO, Opcodes.GOTO, Type.VOID_TYPE).withLine(call.line());
        enter.targets().add(blocks.get(g.entry()));
        b.terminate(enter);
        // phis, with operands in each copied block's own predecessor order
        Map<Block, Block> original = new HashMap<>();
        blocks.forEach((gb, nb) -> original.put(nb, gb));
        for (Block gb : g.blocks()) {
            Block nb = blocks.get(gb);
            for (Instruction phi : gb.phis()) {
                Instruction copy = copies.get(phi);
                nb.addPhi(copy);
                for (Block pred : nb.predecessors()) {
                    Value v = phi.operand(gb.predecessors().indexOf(original.get(pred)));
                    copy.addOperand(values.getOrDefault(v, v));
                }
            }
        }
        if (call.hasValue()) {
            Value result;
            if (results.size() == 1) {
                result = results.get(0);
            } else {
                Instruction phi = rest.addPhi(new Instruction(Op.PHI, -1, call.type()));
                for (Block pred : rest.predecessors()) {
                    Block gb = original.get(pred);
                    phi.addOperand(values.getOrDefault(gb.terminator().operand(0), gb.terminator().operand(0)));
                }
                result = phi;
            }
            call.replaceAllUsesWith(result);
        }
        b.remove(call);
        if (guard != null) {
            ExceptionEdges.inlined(f, guard, g.blocks().stream().map(blocks::get).toList());
        }
    }

    /**
     * The guard of {@code call}'s exceptional edges: that of its block, if the call begins it, or
     * follows the allocation it constructs ({@code new C(..)} split into both).
     */
    private static Block guardOfCall(Block b, Instruction call) {
        Block guard = ExceptionEdges.guardOf(b);
        if (guard == null || b.body().isEmpty()) {
            return null;
        }
        Instruction first = b.body().get(0);
        boolean constructs = first.op() == Op.NEW_OBJECT && !call.operands().isEmpty() && call.operand(0) == first
                && b.body().indexOf(call) == 1;
        return first == call || constructs ? guard : null;
    }
}
