package dev.fluxion.transformer.backend;

import static org.objectweb.asm.Opcodes.*;

import dev.fluxion.transformer.ir.Block;
import dev.fluxion.transformer.ir.Constant;
import dev.fluxion.transformer.ir.ExceptionEdges;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.IrFunction;
import dev.fluxion.transformer.ir.Op;
import dev.fluxion.transformer.ir.Param;
import dev.fluxion.transformer.ir.Undef;
import dev.fluxion.transformer.ir.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;

/**
 * The backend: lowers an SSA function to a method's bytecode.
 *
 * <p>Values that are never live at once share a local ({@link LocalSlots}). Phis are taken out of
 * SSA on the edges into their block: the edge's copies load every incoming value, then store the
 * phis, which keeps swaps correct; a predecessor that ends in a {@code goto} makes them itself, one
 * that branches jumps to a trampoline that makes them and then jumps on. A phi that shares its
 * incoming value's local needs no copy. Undefined values become zero constants, so
 * the verifier always sees definitely-assigned locals. Frames and maxima are left to ASM's
 * {@code COMPUTE_FRAMES}.
 */
public final class BytecodeEmitter {
    private final IrFunction function;
    private final MethodNode method;
    private LocalSlots slots;
    private StackOperands stack;
    private final List<Trampolines> trampolines = new ArrayList<>();
    private final Map<Block, Label> labels = new HashMap<>();
    private int nextSlot;
    private int line = -1;
    private TapeRegisters tape;

    private BytecodeEmitter(IrFunction function, int access) {
        this.function = function;
        this.method = new MethodNode(ASM9, access, function.name(), function.descriptor(), null, null);
    }

    /**
     * HotSpot's {@code HugeMethodLimit}: with {@code -XX:+DontCompileHugeMethods}, the default, a
     * method of more bytes of bytecode is never JIT-compiled and runs in the interpreter.
     */
    public static final int HUGE_METHOD_LIMIT = 8000;

    /** The length in bytes of a method's bytecode, as a class writer lays it out. */
    public static int codeLength(MethodNode m) {
        LabelNode end = new LabelNode();
        m.instructions.add(end); // once written, its offset is the code length
        try {
            ClassWriter writer = new ClassWriter(0);
            writer.visit(V17, ACC_PUBLIC, "Scratch", null, "java/lang/Object", null);
            m.accept(writer);
            return end.getLabel().getOffset();
        } finally {
            m.instructions.remove(end);
        }
    }

    /**
     * Whether a method's bytecode is longer than {@link #HUGE_METHOD_LIMIT}: laid out only when it
     * may be, since no instruction but a switch takes more than 6 bytes (a {@code wide iinc}), and
     * most methods are far below the limit.
     */
    public static boolean isHuge(MethodNode m) {
        int bound = 0;
        for (AbstractInsnNode insn : m.instructions) {
            if (insn instanceof TableSwitchInsnNode || insn instanceof LookupSwitchInsnNode) {
                return codeLength(m) > HUGE_METHOD_LIMIT;
            }
            bound += insn.getOpcode() < 0 ? 0 : 6; // labels, lines and frames take no bytes
        }
        return bound > HUGE_METHOD_LIMIT && codeLength(m) > HUGE_METHOD_LIMIT;
    }

    public static MethodNode emit(IrFunction function, int access) {
        return new BytecodeEmitter(function, access).emit();
    }

    private MethodNode emit() {
        stack = StackOperands.of(function);
        slots = LocalSlots.of(function, stack::isForwarded);
        nextSlot = slots.size();
        for (Block b : function.blocks()) {
            labels.put(b, new Label());
        }
        tape = TapeRegisters.of(function, method, slots::slot, this::allocate);
        method.visitCode();
        if (tape != null) {
            tape.reload();
        }
        List<Block> blocks = function.blocks();
        Map<Block, Block> guards = new HashMap<>();
        for (Block b : blocks) {
            if (b.terminator().op() == Op.TRY) {
                guards.put(b.terminator().targets().get(0), b);
            }
        }
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            Block next = i + 1 < blocks.size() ? blocks.get(i + 1) : null;
            method.visitLabel(labels.get(b));
            for (Instruction insn : b.body()) {
                if (insn.op() == Op.CATCH) { // where the JVM leaves the exception on the stack, whatever comes first
                    storeResult(insn);
                }
            }
            for (Instruction insn : b.body()) {
                markLine(insn);
                if (stack.forwardedOperand(insn) < 0) {
                    loadEarlierOperandsOfChain(insn);
                }
                emitInstruction(insn);
            }
            boolean throwing = b.terminator().op() == Op.THROW;
            Block guard = guards.get(b);
            if (guard != null && !throwing) {
                protect(b, guard);
            }
            markLine(b.terminator());
            emitTerminator(b, next);
            if (guard != null && throwing) {
                protect(b, guard);
            }
        }
        emitTrampolines();
        method.visitMaxs(0, 0);
        method.visitEnd();
        return method;
    }

    /**
     * Puts the code of {@code b} emitted so far, which its guard's {@code TRY} enters, under the
     * handlers of the guard's landings, in their order; the exceptional edges leave from there.
     */
    private void protect(Block b, Block guard) {
        if (b.body().isEmpty() && b.terminator().op() != Op.THROW) {
            return; // no code that could throw
        }
        Label end = new Label();
        method.visitLabel(end);
        for (Block landing : ExceptionEdges.landings(guard)) {
            method.visitTryCatchBlock(labels.get(b), end, labels.get(landing), ExceptionEdges.caught(landing));
        }
    }

    private int allocate(Type type) {
        int s = nextSlot;
        nextSlot += type.getSize();
        return s;
    }

    private void markLine(Instruction insn) {
        if (insn.line() >= 0 && insn.line() != line) {
            line = insn.line();
            Label l = new Label();
            method.visitLabel(l);
            method.visitLineNumber(line, l);
        }
    }

    /**
     * The code on the edge from {@code pred} into {@code succ}: the tape's stacks handed over if
     * one block holds them in locals and the other does not ({@link TapeRegisters#handOver}), then
     * the copies into the phis.
     */
    private void crossEdge(Block pred, Block succ) {
        if (tape != null) {
            tape.handOver(pred, succ);
        }
        copyOnEdge(pred, succ);
    }

    /** Whether the edge from {@code pred} into {@code succ} may need code of its own ({@link #crossEdge}). */
    private boolean hasEdgeCode(Block pred, Block succ) {
        return !succ.phis().isEmpty() || tape != null && tape.handsOver(pred, succ);
    }

    /**
     * The copies on the edge from {@code pred} into {@code succ}: every incoming value loaded, then
     * every phi stored, last first; none for a phi that shares its value's local.
     */
    private void copyOnEdge(Block pred, Block succ) {
        int index = succ.predecessors().indexOf(pred);
        List<Instruction> copied = new ArrayList<>();
        for (Instruction phi : succ.phis()) {
            Value v = phi.operand(index);
            if (!slots.slot(phi).equals(slots.slot(v))) {
                load(v);
                copied.add(phi);
            }
        }
        for (int i = copied.size() - 1; i >= 0; i--) {
            Instruction phi = copied.get(i);
            method.visitVarInsn(phi.type().getOpcode(ISTORE), slots.slot(phi));
        }
    }

    private void emitInstruction(Instruction insn) {
        if (insn.op() == Op.CATCH) {
            return; // stored at the block's start
        }
        if (tape != null && tape.lowers(insn)) {
            tape.lower(insn, () -> load(insn.operand(1)));
            storeResult(insn);
            return;
        }
        boolean writeBack = tape != null && tape.mayUseTape(insn);
        if (writeBack) {
            tape.writeBack();
        }
        switch (insn.op()) {
            case NEW_OBJECT -> {
                method.visitTypeInsn(NEW, insn.typeOperand().getInternalName());
                method.visitInsn(DUP);
                loadOperands(insn);
                method.visitMethodInsn(INVOKESPECIAL, insn.member().owner(), "<init>", insn.member().descriptor(), false);
            }
            default -> {
                loadLaterOperands(insn);
                emitOperation(insn);
            }
        }
        storeResult(insn);
        if (writeBack) {
            tape.reload();
        }
    }

    private void storeResult(Instruction insn) {
        if (insn.hasValue() && !stack.isForwarded(insn)) {
            Integer s = slots.slot(insn);
            if (s != null) {
                method.visitVarInsn(insn.type().getOpcode(ISTORE), s);
            } else {
                method.visitInsn(insn.type().getSize() == 2 ? POP2 : POP);
            }
        }
    }

    private void emitOperation(Instruction insn) {
        switch (insn.op()) {
            case ARITHMETIC, CONVERT, COMPARE, ARRAY_LOAD, ARRAY_STORE, ARRAY_LENGTH -> method.visitInsn(insn.opcode());
            case NEW_ARRAY -> newArray(insn);
            case FIELD_GET, FIELD_PUT -> method.visitFieldInsn(insn.opcode(), insn.member().owner(), insn.member().name(),
                    insn.member().descriptor());
            case INVOKE -> method.visitMethodInsn(insn.opcode(), insn.member().owner(), insn.member().name(),
                    insn.member().descriptor(), insn.member().isInterface());
            case INVOKE_DYNAMIC -> method.visitInvokeDynamicInsn(insn.bootstrap().name, insn.bootstrap().desc,
                    insn.bootstrap().bsm, insn.bootstrap().bsmArgs);
            case CHECKCAST, INSTANCEOF -> method.visitTypeInsn(insn.opcode(), insn.typeOperand().getInternalName());
            default -> throw new IllegalStateException("cannot emit " + insn.op());
        }
    }

    private void newArray(Instruction insn) {
        Type t = insn.type();
        if (insn.opcode() == MULTIANEWARRAY) {
            method.visitMultiANewArrayInsn(t.getDescriptor(), insn.operands().size());
        } else if (insn.opcode() == ANEWARRAY) {
            method.visitTypeInsn(ANEWARRAY, t.getElementType().getSort() == Type.OBJECT && t.getDimensions() == 1
                    ? t.getElementType().getInternalName() : t.getDescriptor().substring(1));
        } else {
            method.visitIntInsn(NEWARRAY, switch (t.getElementType().getSort()) {
                case Type.BOOLEAN -> T_BOOLEAN;
                case Type.CHAR -> T_CHAR;
                case Type.FLOAT -> T_FLOAT;
                case Type.DOUBLE -> T_DOUBLE;
                case Type.BYTE -> T_BYTE;
                case Type.SHORT -> T_SHORT;
                case Type.INT -> T_INT;
                default -> T_LONG;
            });
        }
    }

    private void emitTerminator(Block b, Block next) {
        Instruction t = b.terminator();
        Map<Block, Label> trampolines = new LinkedHashMap<>();
        this.trampolines.add(new Trampolines(b, trampolines));
        switch (t.op()) {
            case GOTO -> {
                crossEdge(b, t.targets().get(0));
                jump(t.targets().get(0), next);
            }
            case TRY -> {
                // the landings' phis first: the guarded code may throw into them once it has begun
                for (Block landing : ExceptionEdges.landings(b)) {
                    crossEdge(b, landing);
                }
                crossEdge(b, t.targets().get(0));
                jump(t.targets().get(0), next);
            }
            case IF -> {
                loadLaterOperands(t);
                method.visitJumpInsn(t.opcode(), target(b, t.targets().get(0), trampolines));
                if (!hasEdgeCode(b, t.targets().get(1))) {
                    jump(t.targets().get(1), next);
                } else {
                    method.visitJumpInsn(GOTO, target(b, t.targets().get(1), trampolines));
                }
            }
            case SWITCH -> {
                loadLaterOperands(t);
                int[] keys = t.keys();
                Label[] cases = new Label[keys.length];
                for (int i = 0; i < keys.length; i++) {
                    cases[i] = target(b, t.targets().get(i + 1), trampolines);
                }
                Label dflt = target(b, t.targets().get(0), trampolines);
                if (isContiguous(keys)) {
                    method.visitTableSwitchInsn(keys.length == 0 ? 0 : keys[0],
                            keys.length == 0 ? -1 : keys[keys.length - 1], dflt, cases);
                } else {
                    method.visitLookupSwitchInsn(dflt, keys, cases);
                }
            }
            case RETURN -> {
                if (tape != null && tape.holds(b)) {
                    tape.writeBack();
                }
                loadLaterOperands(t);
                method.visitInsn(t.opcode());
            }
            case THROW -> {
                loadLaterOperands(t);
                method.visitInsn(ATHROW);
            }
            default -> throw new IllegalStateException("not a terminator: " + t.op());
        }
    }

    /** The trampolines of the branches out of {@code pred}, by the block each goes on to. */
    private record Trampolines(Block pred, Map<Block, Label> labels) {
    }

    /** After the blocks: each trampoline copies onto its edge and jumps on. */
    private void emitTrampolines() {
        for (Trampolines t : trampolines) {
            t.labels().forEach((succ, label) -> {
                method.visitLabel(label);
                crossEdge(t.pred(), succ);
                method.visitJumpInsn(GOTO, labels.get(succ));
            });
        }
    }

    /** Where a branch from {@code pred} to {@code succ} goes: the block, or a trampoline that crosses the edge first. */
    private Label target(Block pred, Block succ, Map<Block, Label> trampolines) {
        return hasEdgeCode(pred, succ) ? trampolines.computeIfAbsent(succ, s -> new Label()) : labels.get(succ);
    }

    private static boolean isContiguous(int[] keys) {
        for (int i = 1; i < keys.length; i++) {
            if (keys[i] != keys[i - 1] + 1) {
                return false;
            }
        }
        return true;
    }

    private void jump(Block target, Block next) {
        if (target != next) {
            method.visitJumpInsn(GOTO, labels.get(target));
        }
    }

    private void loadOperands(Instruction insn) {
        for (Value v : insn.operands()) {
            load(v);
        }
    }

    /**
     * Before the first of a chain of values passed on the stack ({@link StackOperands}): the
     * operands each later member loads before the value it is passed, the last member's first.
     */
    private void loadEarlierOperandsOfChain(Instruction first) {
        List<Instruction> users = new ArrayList<>();
        for (Instruction u = stack.userOf(first); u != null; u = stack.userOf(u)) {
            users.add(u);
        }
        for (int k = users.size() - 1; k >= 0; k--) {
            Instruction u = users.get(k);
            for (int j = 0; j < stack.forwardedOperand(u); j++) {
                load(u.operand(j));
            }
        }
    }

    /** The operands of {@code insn} after the one passed on the stack (all of them if none is). */
    private void loadLaterOperands(Instruction insn) {
        List<Value> operands = insn.operands();
        for (int j = stack.forwardedOperand(insn) + 1; j < operands.size(); j++) {
            load(operands.get(j));
        }
    }

    private void load(Value v) {
        if (v instanceof Constant c) {
            Constants.push(method, c.type(), c.value());
        } else if (v instanceof Undef u) {
            Constants.push(method, u.type(), Constant.zero(u.type()).value());
        } else {
            Integer s = slots.slot(v);
            if (s == null) {
                throw new IllegalStateException("no local for " + v + " in " + function.name());
            }
            method.visitVarInsn(v.type().getOpcode(ILOAD), s);
        }
    }
}
