package dev.fluxion.transformer.frontend;

import dev.fluxion.internal.Naming;
import dev.fluxion.transformer.diagnostics.Unsupported;
import dev.fluxion.transformer.ir.Block;
import dev.fluxion.transformer.ir.Constant;
import dev.fluxion.transformer.ir.ExceptionEdges;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.IrFunction;
import dev.fluxion.transformer.ir.Op;
import dev.fluxion.transformer.ir.SsaBuilder;
import dev.fluxion.transformer.ir.Types;
import dev.fluxion.transformer.ir.Value;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * The frontend: lifts a static method's bytecode into SSA form.
 *
 * <p>Basic blocks are found from the jumps; blocks are then filled in reverse post-order by
 * abstract interpretation of the operand stack, while {@link SsaBuilder} turns every
 * local-variable slot and every operand-stack slot live across a block boundary (javac leaves
 * values there for {@code ?:}) into SSA variables. ASM's {@link Analyzer} supplies the stack shape
 * at each block entry and rules out unreachable code.
 *
 * <p>Try blocks: an instruction that may throw what a handler covering it catches begins a block
 * of its own, entered from a guard whose {@code TRY} also leads to a landing per handler
 * ({@link ExceptionEdges}); the handler's phis thus take the locals' values at the throw.
 *
 * <p>On exit: the function's entry block defines the parameters and jumps to the block of the
 * first instruction; every block is sealed and terminated; reference phis carry the most precise
 * type their operands agree on.
 */
public final class BytecodeParser {
    private final String owner;
    private final MethodNode method;
    private final AbstractInsnNode[] code;
    private final int[] lineAt;
    private final Frame<BasicValue>[] frames;
    private final IrFunction function;
    private final SsaBuilder ssa = new SsaBuilder();
    private final Map<Integer, Block> blockAt = new HashMap<>();
    private final Map<Block, Integer> startOf = new HashMap<>();
    private final Map<Block, Integer> expectedPreds = new HashMap<>();
    private final Map<Block, Integer> filledPreds = new HashMap<>();
    /** The handlers that may catch what the instruction at an index throws, in the order the JVM tries them. */
    private final Map<Integer, List<TryCatchBlockNode>> handlersAt = new HashMap<>();
    /** A guard's block: the one beginning with the instruction that may throw. In layout order: landings are made in it. */
    private final Map<Block, Block> guarded = new LinkedHashMap<>();
    /** A landing's handler. */
    private final Map<Block, TryCatchBlockNode> landingOf = new HashMap<>();
    /** A guard's landings, in its handlers' order. */
    private final Map<Block, List<Block>> landings = new HashMap<>();

    private BytecodeParser(String owner, MethodNode method) {
        this.owner = owner;
        this.method = method;
        this.code = method.instructions.toArray();
        this.lineAt = new int[code.length];
        int line = -1;
        for (int i = 0; i < code.length; i++) {
            if (code[i] instanceof LineNumberNode ln) {
                line = ln.line;
            }
            lineAt[i] = line;
        }
        this.frames = analyze(owner, method);
        boolean instance = (method.access & Opcodes.ACC_STATIC) == 0;
        this.function = new IrFunction(owner, method.name, instance ? Naming.staticForm(owner, method.desc) : method.desc);
    }

    /**
     * Lifts {@code method} of class {@code owner} (internal name) into SSA form. An instance method
     * becomes a function whose first parameter is the receiver ({@link Naming#staticForm}).
     */
    public static IrFunction parse(String owner, MethodNode method) {
        return new BytecodeParser(owner, method).parse();
    }

    private IrFunction parse() {
        if ((method.access & Opcodes.ACC_SYNCHRONIZED) != 0) {
            throw new Unsupported(firstLine(), "synchronized method",
                    "Remove 'synchronized'; a @Differentiable method should be a pure function of its arguments.");
        }
        for (int i = 0; i < code.length; i++) {
            // before the try/catch check: javac guards every synchronized block with a catch-all handler
            if (code[i].getOpcode() == Opcodes.MONITORENTER) {
                throw new Unsupported(lineAt[i], "synchronized block", "Remove the synchronized block; a "
                        + "@Differentiable method should be a pure function of its arguments.");
            }
        }
        findHandlers();
        Block entry = function.newBlock();
        findBlocks();
        int slot = 0;
        for (var p : function.params()) {
            ssa.write(Slot.local(slot), entry, p);
            slot += p.type().getSize();
        }
        ssa.seal(entry);
        Block first = blockAt.get(0);
        Instruction jump = new Instruction(Op.GOTO, Opcodes.GOTO, Type.VOID_TYPE);
        jump.targets().add(first);
        List<Block> reached = reversePostOrder(first);
        countPredecessors(reached);
        entry.terminate(jump);
        filledPreds.merge(first, 1, Integer::sum);
        maybeSeal(first);
        for (Block b : reached) {
            fill(b);
        }
        function.blocks().removeIf(b -> b.terminator() == null); // never reached: still empty
        ReferenceTypes.refine(function);
        return function;
    }

    private int firstLine() {
        for (int l : lineAt) {
            if (l >= 0) {
                return l;
            }
        }
        return -1;
    }

    /** For each instruction that may throw, the handlers of the try blocks around it that may catch it. */
    private void findHandlers() {
        for (int i = 0; i < code.length; i++) {
            int op = code[i].getOpcode();
            if (op < 0 || frames[i] == null) {
                continue;
            }
            MethodInsnNode call = code[i] instanceof MethodInsnNode m ? m : null;
            Set<String> thrown = ExceptionEdges.thrownBy(op, call == null ? null : call.owner, call == null ? null : call.name);
            List<TryCatchBlockNode> handlers = new ArrayList<>();
            for (TryCatchBlockNode tc : method.tryCatchBlocks) {
                if (indexOf(tc.start) <= i && i < indexOf(tc.end) && ExceptionEdges.mayCatch(tc.type, thrown)) {
                    handlers.add(tc);
                    if (ExceptionEdges.catchesAll(tc.type, thrown)) {
                        break; // the handlers after it never see this instruction's exceptions
                    }
                }
            }
            if (!handlers.isEmpty()) {
                handlersAt.put(i, handlers);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Frame<BasicValue>[] analyze(String owner, MethodNode method) {
        try {
            return new Analyzer<>(new BasicInterpreter()).analyze(owner, method);
        } catch (AnalyzerException e) {
            throw new Unsupported(-1, "bytecode that does not verify (" + e.getMessage() + ")",
                    "Recompile the class with javac; if it was generated, report the generator's bug.");
        }
    }

    /**
     * Creates a block at every reachable leader (a guard first where the leader may throw into a
     * handler, landings last) and counts each block's predecessors.
     */
    private void findBlocks() {
        boolean[] leader = new boolean[code.length];
        leader[firstReal(0)] = true;
        for (int i = 0; i < code.length; i++) {
            AbstractInsnNode insn = code[i];
            if (insn instanceof JumpInsnNode j) {
                leader[firstReal(indexOf(j.label))] = true;
                if (i + 1 < code.length) {
                    leader[firstReal(i + 1)] = true;
                }
            } else if (insn instanceof TableSwitchInsnNode t) {
                leader[firstReal(indexOf(t.dflt))] = true;
                t.labels.forEach(l -> leader[firstReal(indexOf(l))] = true);
            } else if (insn instanceof LookupSwitchInsnNode t) {
                leader[firstReal(indexOf(t.dflt))] = true;
                t.labels.forEach(l -> leader[firstReal(indexOf(l))] = true);
            } else if (endsFlow(insn.getOpcode()) && i + 1 < code.length) {
                leader[firstReal(i + 1)] = true;
            }
        }
        for (int i : handlersAt.keySet()) {
            leader[i] = true;
            handlersAt.get(i).forEach(tc -> leader[firstReal(indexOf(tc.handler))] = true);
        }
        for (int i = 0; i < code.length; i++) {
            if (leader[i] && frames[i] != null) {
                Block b = function.newBlock();
                if (handlersAt.containsKey(i)) {
                    Block t = function.newBlock();
                    guarded.put(b, t);
                    startOf.put(t, i);
                } else {
                    startOf.put(b, i);
                }
                blockAt.put(i, b);
            }
        }
        for (Block g : guarded.keySet()) {
            List<Block> own = new ArrayList<>();
            for (TryCatchBlockNode tc : handlersAt.get(startOf.get(guarded.get(g)))) {
                Block landing = function.newBlock();
                landingOf.put(landing, tc);
                own.add(landing);
            }
            landings.put(g, own);
        }
        blockAt.put(0, blockAt.get(firstReal(0)));
    }

    /**
     * Counts each block's predecessors among the blocks {@code reached} from the first: a handler
     * no instruction can throw to (a try block that only reads arrays, under a handler of
     * {@code IllegalStateException}) is code the JVM verifies but never runs, and no predecessor.
     */
    private void countPredecessors(List<Block> reached) {
        expectedPreds.merge(blockAt.get(0), 1, Integer::sum); // from the entry block
        for (Block b : reached) {
            for (Block s : successors(b)) {
                expectedPreds.merge(s, 1, Integer::sum);
            }
        }
    }

    private static boolean endsFlow(int opcode) {
        return (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) || opcode == Opcodes.ATHROW
                || opcode == Opcodes.GOTO;
    }

    /** The index of the first real instruction at or after {@code i} (skipping labels, lines, frames). */
    private int firstReal(int i) {
        while (i < code.length && code[i].getOpcode() < 0) {
            i++;
        }
        return Math.min(i, code.length - 1);
    }

    private int indexOf(LabelNode label) {
        return method.instructions.indexOf(label);
    }

    /** The distinct blocks that {@code b} can jump or fall to, or throw to. */
    private List<Block> successors(Block b) {
        if (guarded.containsKey(b)) {
            List<Block> out = new ArrayList<>();
            out.add(guarded.get(b));
            out.addAll(landings.get(b));
            return out;
        }
        if (landingOf.containsKey(b)) {
            return List.of(blockAt.get(firstReal(indexOf(landingOf.get(b).handler))));
        }
        List<Block> out = new ArrayList<>();
        for (int s : successorStarts(b)) {
            out.add(blockAt.get(s));
        }
        return out;
    }

    /** Bytecode indices of the distinct blocks that {@code b} can jump or fall to. */
    private List<Integer> successorStarts(Block b) {
        List<Integer> out = new ArrayList<>();
        int i = startOf.get(b);
        int end = blockEnd(i);
        AbstractInsnNode last = code[end];
        int op = last.getOpcode();
        if (last instanceof JumpInsnNode j) {
            addDistinct(out, firstReal(indexOf(j.label)));
            if (op != Opcodes.GOTO) {
                addDistinct(out, firstReal(end + 1));
            }
        } else if (last instanceof TableSwitchInsnNode t) {
            addDistinct(out, firstReal(indexOf(t.dflt)));
            t.labels.forEach(l -> addDistinct(out, firstReal(indexOf(l))));
        } else if (last instanceof LookupSwitchInsnNode t) {
            addDistinct(out, firstReal(indexOf(t.dflt)));
            t.labels.forEach(l -> addDistinct(out, firstReal(indexOf(l))));
        } else if (!endsFlow(op)) {
            addDistinct(out, firstReal(end + 1));
        }
        return out;
    }

    private static void addDistinct(List<Integer> list, int v) {
        if (!list.contains(v)) {
            list.add(v);
        }
    }

    /** Index of the last real instruction of the block starting at {@code start}. */
    private int blockEnd(int start) {
        int last = start;
        for (int i = start; i < code.length; i++) {
            if (i > start && blockAt.containsKey(i) && code[i].getOpcode() >= 0) {
                break;
            }
            if (code[i].getOpcode() >= 0) {
                last = i;
                int op = code[i].getOpcode();
                if (code[i] instanceof JumpInsnNode || code[i] instanceof TableSwitchInsnNode
                        || code[i] instanceof LookupSwitchInsnNode || endsFlow(op)) {
                    break;
                }
            }
        }
        return last;
    }

    private List<Block> reversePostOrder(Block start) {
        List<Block> post = new ArrayList<>();
        Set<Block> seen = new HashSet<>();
        ArrayDeque<Object[]> stack = new ArrayDeque<>();
        seen.add(start);
        stack.push(new Object[] {start, successors(start), 0});
        while (!stack.isEmpty()) {
            Object[] top = stack.peek();
            @SuppressWarnings("unchecked")
            List<Block> succ = (List<Block>) top[1];
            int next = (Integer) top[2];
            if (next < succ.size()) {
                top[2] = next + 1;
                Block s = succ.get(next);
                if (seen.add(s)) {
                    stack.push(new Object[] {s, successors(s), 0});
                }
            } else {
                post.add((Block) top[0]);
                stack.pop();
            }
        }
        Collections.reverse(post);
        return post;
    }

    private void fill(Block b) {
        if (guarded.containsKey(b)) {
            Instruction tr = new Instruction(Op.TRY, -1, Type.VOID_TYPE);
            successors(b).forEach(tr.targets()::add);
            b.terminate(tr.withLine(lineAt[startOf.get(guarded.get(b))]));
        } else if (landingOf.containsKey(b)) {
            TryCatchBlockNode tc = landingOf.get(b);
            int handler = firstReal(indexOf(tc.handler));
            Block landing = ExceptionEdges.landingInto(b, tc.type, blockAt.get(handler), lineAt[handler]);
            ssa.write(Slot.stack(0), b, ExceptionEdges.catchOf(landing)); // the handler's stack: the exception
        } else {
            fillCode(b);
        }
        for (Block s : b.successors()) {
            filledPreds.merge(s, 1, Integer::sum);
            maybeSeal(s);
        }
    }

    private void fillCode(Block b) {
        int start = startOf.get(b);
        int end = blockEnd(start);
        BlockInterpreter interpreter = new BlockInterpreter(b, ssa, frames[start], lineAt);
        for (int i = start; i <= end; i++) {
            if (code[i].getOpcode() >= 0) {
                interpreter.execute(code[i], i, this::blockOf);
            }
        }
        if (b.terminator() == null) {
            interpreter.fallThrough(blockAt.get(firstReal(end + 1)));
        }
        Block guard = ExceptionEdges.guardOf(b);
        if (guard != null && !b.body().isEmpty() && isCall(b.body().get(0))) {
            guard.terminator().withGuarded(b.body().get(0)); // see ExceptionEdges.prune
        }
    }

    private static boolean isCall(Instruction insn) {
        return insn.op() == Op.INVOKE || insn.op() == Op.INVOKE_DYNAMIC || insn.op() == Op.NEW_OBJECT;
    }

    private Block blockOf(LabelNode label) {
        return blockAt.get(firstReal(indexOf(label)));
    }

    private void maybeSeal(Block b) {
        if (filledPreds.getOrDefault(b, 0).equals(expectedPreds.get(b))) {
            ssa.seal(b);
        }
    }

    /**
     * The SSA variables of the frontend: a local-variable slot or an operand-stack position. Its
     * {@code equals} and {@code hashCode} are written out (the hash is the index, as the records this
     * was had it), as in the other records the transformer uses as keys whenever it runs
     * ({@code MemberRef}, the adjoint's variables): a record's own link through {@code invokedynamic}
     * ({@code ObjectMethods}) when first called, which took some 15% of the time the agent adds to a
     * JVM's start.
     */
    record Slot(boolean onStack, int index) {
        static Slot local(int index) {
            return new Slot(false, index);
        }

        static Slot stack(int depth) {
            return new Slot(true, depth);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Slot s && s.onStack == onStack && s.index == index;
        }

        @Override
        public int hashCode() {
            return index;
        }
    }

    static Constant constantOf(Object cst) {
        if (cst instanceof Integer) {
            return new Constant(Type.INT_TYPE, cst);
        } else if (cst instanceof Float) {
            return new Constant(Type.FLOAT_TYPE, cst);
        } else if (cst instanceof Long) {
            return new Constant(Type.LONG_TYPE, cst);
        } else if (cst instanceof Double) {
            return new Constant(Type.DOUBLE_TYPE, cst);
        } else if (cst instanceof String) {
            return new Constant(Type.getObjectType("java/lang/String"), cst);
        } else if (cst instanceof Type) {
            return new Constant(Type.getObjectType("java/lang/Class"), cst);
        }
        return null;
    }

    static Type typeOf(BasicValue v) {
        return v == BasicValue.REFERENCE_VALUE ? Types.OBJECT : v.getType();
    }

    static boolean isCategory2(Value v) {
        return v.type().getSize() == 2;
    }
}
