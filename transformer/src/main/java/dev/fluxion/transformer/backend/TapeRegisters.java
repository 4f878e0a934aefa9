package dev.fluxion.transformer.backend;

import static org.objectweb.asm.Opcodes.*;

import dev.fluxion.internal.Naming;
import dev.fluxion.transformer.analysis.ControlFlow;
import dev.fluxion.transformer.ir.Block;
import dev.fluxion.transformer.ir.ExceptionEdges;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.IrFunction;
import dev.fluxion.transformer.ir.Op;
import dev.fluxion.transformer.ir.Param;
import dev.fluxion.transformer.rules.MathRules;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;
import org.objectweb.asm.Label;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.MethodNode;

/**
 * Register promotion of the tape: lowers an adjoint's pushes onto and pops off the double and int
 * stacks of its {@code Tape} parameter to array accesses through locals that hold each stack's
 * array and top.
 *
 * <p>As inlined calls, every push and pop loads and stores the tape's fields: the JIT does not keep
 * a field in a register across a loop's iterations, so each recording waits for the store of the
 * one before. In locals the top lives in a register, and a push is a compare and a store. RK4's
 * gradient, which records in every step, is 20% faster so, LSTM's 5%; GMM's, which records a few
 * values per component, is within the noise.
 *
 * <p>The locals are loaded from the tape on entry. Before anything that may run other code (a
 * call other than {@code Math}'s and Fluxion's derivative helpers, an allocation of an object, a
 * static field of another class, whose class initialiser may run) they are written back, and
 * reloaded after it: the callee may be another adjoint recording on the same tape, or an entry
 * point that grows the stacks. They are written back before every return. If the function
 * throws, nothing is written back; the entry point unwinds the stacks to its mark anyway.
 *
 * <p>A loop whose own body (its innermost loop, not one nested in it) calls such code would write
 * back and reload in every iteration: GMM's loop over points calls each point's adjoint, and the
 * round trip per point cost more than it saved. The blocks of such a loop keep their calls to the
 * tape, whose fields are then the stacks' state: the locals are written back where control goes
 * from a block that holds them to one that does not, and reloaded where it comes back, once per
 * execution of the loop, not per iteration. A mass-spring simulation's steps so record in
 * registers while its last loop, over the masses, calls a mass's adjoint. A function none of whose
 * recordings in loops would be held keeps all its calls, and so does a function with try blocks.
 */
final class TapeRegisters {
    private static final String TAPE = Naming.TAPE_INTERNAL_NAME;
    /** Tape methods that touch neither the double nor the int stack. */
    private static final Set<String> OTHER_STACKS = Set.of("sink", "zeros", "pushRef", "popRef", "pushLong",
            "popLong");
    /** Owners of static methods that never run code that could use the tape. */
    private static final Set<String> PURE_OWNERS = Set.of("java/lang/Math", "java/lang/StrictMath", MathRules.HELPERS);

    private final MethodNode method;
    private final String owner;
    private final Param tape;
    private final int tapeSlot;
    private final Stack doubles;
    private final Stack ints;
    /** Blocks of loops whose own bodies may use the tape: there the tape's fields hold the stacks. */
    private final Set<Block> onTape;

    /** One stack held in locals: its array and top, and the {@code Tape} methods that move it. */
    private record Stack(String element, int array, int top) {
        String arrayDescriptor() {
            return "[" + element;
        }

        String name() {
            return element.equals("D") ? "double" : "int";
        }

        String grow() {
            return element.equals("D") ? "growDoubles" : "growInts";
        }
    }

    private TapeRegisters(MethodNode method, String owner, Param tape, int tapeSlot, boolean doubles, boolean ints,
            Set<Block> onTape, Function<Type, Integer> allocate) {
        this.onTape = onTape;
        this.method = method;
        this.owner = owner;
        this.tape = tape;
        this.tapeSlot = tapeSlot;
        this.doubles = doubles ? stack("D", allocate) : null;
        this.ints = ints ? stack("I", allocate) : null;
    }

    /**
     * The tape registers of {@code function}, or null if it has no {@code Tape} parameter, does not
     * push or pop on it, or would write them back in a loop. {@code slotOf} gives a parameter's
     * local, {@code allocate} hands out a new local of a type.
     */
    static TapeRegisters of(IrFunction function, MethodNode method, ToIntFunction<Param> slotOf,
            Function<Type, Integer> allocate) {
        Param tape = function.params().stream()
                .filter(p -> p.type().getSort() == Type.OBJECT && p.type().getInternalName().equals(TAPE))
                .findFirst().orElse(null);
        if (tape == null || ExceptionEdges.any(function)) {
            return null; // at a handler, the registers or the tape's fields may be the newer: calls keep it simple
        }
        boolean doubles = false;
        boolean ints = false;
        for (Block b : function.blocks()) {
            for (Instruction insn : b.body()) {
                if (isRecording(insn) && insn.operand(0) == tape) {
                    if (element(insn).equals("D")) {
                        doubles = true;
                    } else {
                        ints = true;
                    }
                }
            }
        }
        if (!doubles && !ints) {
            return null;
        }
        ControlFlow cfg = new ControlFlow(function);
        Set<Block> onTape = loopsThatUseTheTape(function, cfg);
        boolean held = onTape.isEmpty();
        for (Block b : function.blocks()) {
            held |= cfg.inLoop(b) && !onTape.contains(b)
                    && b.body().stream().anyMatch(insn -> isRecording(insn) && insn.operand(0) == tape);
        }
        if (!held) {
            return null; // every recording in a loop would be a call anyway
        }
        return new TapeRegisters(method, function.owner(), tape, slotOf.applyAsInt(tape), doubles, ints, onTape,
                allocate);
    }

    /**
     * The blocks whose innermost loop may use the tape other than by pushes and pops (a block in a
     * cycle that is no natural loop: whose cycles may): written back and reloaded in every
     * iteration, they would cost more than they save.
     */
    private static Set<Block> loopsThatUseTheTape(IrFunction function, ControlFlow cfg) {
        Set<Block> users = new HashSet<>();
        for (Block b : function.blocks()) {
            if (cfg.inLoop(b) && b.body().stream().anyMatch(insn -> mayUseTape(insn, function.owner()) && !isRecording(insn))) {
                users.add(b);
            }
        }
        Set<Block> onTape = new HashSet<>();
        if (users.isEmpty()) {
            return onTape;
        }
        List<Set<Block>> loops = naturalLoops(function, cfg);
        for (Block b : function.blocks()) {
            if (!cfg.inLoop(b)) {
                continue;
            }
            Set<Block> innermost = null;
            for (Set<Block> loop : loops) {
                if (loop.contains(b) && (innermost == null || loop.size() < innermost.size())) {
                    innermost = loop;
                }
            }
            boolean uses = innermost != null ? !Collections.disjoint(innermost, users)
                    : users.stream().anyMatch(u -> cfg.reaches(b, u) && cfg.reaches(u, b));
            if (uses) {
                onTape.add(b);
            }
        }
        return onTape;
    }

    /** The natural loops of {@code function}, one per header (the union over its back edges). */
    private static List<Set<Block>> naturalLoops(IrFunction function, ControlFlow cfg) {
        List<Set<Block>> loops = new ArrayList<>();
        for (Block h : function.blocks()) {
            Set<Block> loop = new HashSet<>();
            for (Block p : h.predecessors()) {
                Set<Block> body = cfg.reaches(h, p) ? ControlFlow.naturalLoop(function, h, p) : null;
                if (body != null) {
                    loop.addAll(body);
                }
            }
            if (!loop.isEmpty()) {
                loops.add(loop);
            }
        }
        return loops;
    }

    private static Stack stack(String element, Function<Type, Integer> allocate) {
        return new Stack(element, allocate.apply(Type.getType("[" + element)), allocate.apply(Type.INT_TYPE));
    }

    /** Whether {@code insn} is a push or pop this class lowers (on any tape). */
    private static boolean isRecording(Instruction insn) {
        if (insn.op() != Op.INVOKE || !insn.member().owner().equals(TAPE)) {
            return false;
        }
        return switch (insn.member().name()) {
            case "pushDouble", "popDouble", "pushFloat", "popFloat", "pushInt", "popInt" -> true;
            default -> false;
        };
    }

    /** The stack a recording uses: "D" (doubles and floats) or "I". */
    private static String element(Instruction insn) {
        return insn.member().name().endsWith("Int") ? "I" : "D";
    }

    /** Whether {@code insn} is a push, a pop or the mark of the peak on the tape held in locals. */
    boolean lowers(Instruction insn) {
        return (isRecording(insn) || isPeakMark(insn)) && insn.operand(0) == tape && holds(insn.block());
    }

    /** Whether the locals hold the stacks in {@code b} (else the tape's fields do). */
    boolean holds(Block b) {
        return !onTape.contains(b);
    }

    /** Whether control from {@code pred} into {@code succ} moves the stacks between locals and the tape's fields. */
    boolean handsOver(Block pred, Block succ) {
        return holds(pred) != holds(succ);
    }

    /** Emits on the edge from {@code pred} into {@code succ} the write-back or the reload it needs, if any. */
    void handOver(Block pred, Block succ) {
        if (handsOver(pred, succ)) {
            if (holds(pred)) {
                writeBack();
            } else {
                reload();
            }
        }
    }

    private static boolean isPeakMark(Instruction insn) {
        return insn.op() == Op.INVOKE && insn.member().owner().equals(TAPE) && insn.member().name().equals("markPeak");
    }

    /**
     * Emits {@code insn}, which {@link #lowers}; {@code loadValue} pushes a push's value onto the
     * operand stack. The mark of the peak is a write-back, which raises each held stack's peak to its
     * top (the other stacks' pops mark theirs).
     */
    void lower(Instruction insn, Runnable loadValue) {
        if (isPeakMark(insn)) {
            writeBack();
        } else if (insn.type().getSort() == Type.VOID) {
            push(insn, loadValue);
        } else {
            pop(insn);
        }
    }

    private Stack stack(Instruction insn) {
        return element(insn).equals("D") ? doubles : ints;
    }

    /** Emits a push. Grows the stack when full, as {@code Tape.pushDouble} does. */
    private void push(Instruction insn, Runnable loadValue) {
        Stack s = stack(insn);
        Label room = new Label();
        method.visitVarInsn(ILOAD, s.top());
        method.visitVarInsn(ALOAD, s.array());
        method.visitInsn(ARRAYLENGTH);
        method.visitJumpInsn(IF_ICMPLT, room);
        method.visitVarInsn(ALOAD, tapeSlot);
        method.visitMethodInsn(INVOKEVIRTUAL, TAPE, s.grow(), "()" + s.arrayDescriptor(), false);
        method.visitVarInsn(ASTORE, s.array());
        method.visitLabel(room);
        method.visitVarInsn(ALOAD, s.array());
        method.visitVarInsn(ILOAD, s.top());
        loadValue.run();
        if (insn.member().name().equals("pushFloat")) {
            method.visitInsn(F2D); // exact, as Tape.pushFloat
        }
        method.visitInsn(s.element().equals("D") ? DASTORE : IASTORE);
        method.visitIincInsn(s.top(), 1);
    }

    /**
     * Emits a pop, leaving the value on the operand stack. Unlike {@code Tape.popDouble} it does not
     * track the peak: the adjoint marks it where its forward sweep ends, and writing the top back
     * raises the peak to it.
     */
    private void pop(Instruction insn) {
        Stack s = stack(insn);
        method.visitIincInsn(s.top(), -1);
        method.visitVarInsn(ALOAD, s.array());
        method.visitVarInsn(ILOAD, s.top());
        method.visitInsn(s.element().equals("D") ? DALOAD : IALOAD);
        if (insn.member().name().equals("popFloat")) {
            method.visitInsn(D2F);
        }
    }

    /** Whether {@code insn} may run code that uses the tape, so the locals must be written back around it. */
    boolean mayUseTape(Instruction insn) {
        return holds(insn.block()) && mayUseTape(insn, owner);
    }

    private static boolean mayUseTape(Instruction insn, String owner) {
        return switch (insn.op()) {
            case INVOKE -> insn.member().owner().equals(TAPE) ? !OTHER_STACKS.contains(insn.member().name())
                    : !(insn.opcode() == INVOKESTATIC && PURE_OWNERS.contains(insn.member().owner()));
            case INVOKE_DYNAMIC, NEW_OBJECT -> true;
            case FIELD_GET, FIELD_PUT -> (insn.opcode() == GETSTATIC || insn.opcode() == PUTSTATIC)
                    && !insn.member().owner().equals(owner);
            default -> false;
        };
    }

    /** Loads the locals from the tape. */
    void reload() {
        for (Stack s : stacks()) {
            method.visitVarInsn(ALOAD, tapeSlot);
            method.visitMethodInsn(INVOKEVIRTUAL, TAPE, s.name() + "Stack", "()" + s.arrayDescriptor(), false);
            method.visitVarInsn(ASTORE, s.array());
            method.visitVarInsn(ALOAD, tapeSlot);
            method.visitMethodInsn(INVOKEVIRTUAL, TAPE, s.name() + "Top", "()I", false);
            method.visitVarInsn(ISTORE, s.top());
        }
    }

    /** Writes the tops back to the tape (the arrays are the tape's own, grown in place). */
    void writeBack() {
        for (Stack s : stacks()) {
            method.visitVarInsn(ALOAD, tapeSlot);
            method.visitVarInsn(ILOAD, s.top());
            method.visitMethodInsn(INVOKEVIRTUAL, TAPE, s.name() + "Top", "(I)V", false);
        }
    }

    private List<Stack> stacks() {
        return Stream.of(doubles, ints).filter(Objects::nonNull).toList();
    }
}
