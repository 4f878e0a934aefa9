package dev.fluxion.transformer.ir;

import dev.fluxion.transformer.diagnostics.Unsupported;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Exceptions in the SSA form: an instruction that may throw inside a try block, to a handler that
 * may catch it, is the first instruction of a block T whose only predecessor, its <em>guard</em>,
 * ends in a {@link Op#TRY}: T first, then one <em>landing</em> block per handler that may catch the
 * exception, each {@code [catch c; goto handler]}. The exceptional edge thus leaves from just before
 * the instruction that throws: when it is taken, none of T has run. To the rest of the pipeline it
 * is one more branch: the handler is a join whose phis take the locals' values at the throw, the
 * adjoint's reverse sweep goes from a landing back to the guard as from any branch target (so what
 * the try block recorded before the throw is exactly what is reversed), and the backend puts T's
 * code, and only that, under the landings' exception handlers.
 *
 * <p>Which instructions may throw what: only the JVM's own exceptions ({@link #thrownBy}); an
 * instruction that may throw none that a handler names has no edge to it. {@code Error}s the JVM may
 * raise anywhere (out of memory, stack overflow) are not modelled.
 */
public final class ExceptionEdges {
    private static final List<String> RUNTIME = List.of("java/lang/RuntimeException", "java/lang/Exception",
            "java/lang/Throwable");
    private static final String NPE = "java/lang/NullPointerException";
    private static final String BOUNDS = "java/lang/ArrayIndexOutOfBoundsException";
    private static final String ARITHMETIC = "java/lang/ArithmeticException";
    /** The JDK's exceptions the JVM throws itself, with their superclasses, most specific first. */
    private static final Map<String, List<String>> SUPERCLASSES = Map.of(
            NPE, List.of(),
            BOUNDS, List.of("java/lang/IndexOutOfBoundsException"),
            "java/lang/ArrayStoreException", List.of(),
            ARITHMETIC, List.of(),
            "java/lang/ClassCastException", List.of(),
            "java/lang/NegativeArraySizeException", List.of());

    private ExceptionEdges() {
    }

    // ---- what may throw ------------------------------------------------------------------------

    /**
     * The exceptions a bytecode instruction may throw: the JVM's own, by internal name; {@code null}
     * for any (a call, {@code athrow}); empty for none. {@code owner} and {@code name} are a call's.
     */
    public static Set<String> thrownBy(int opcode, String owner, String name) {
        switch (opcode) {
            case Opcodes.IALOAD, Opcodes.LALOAD, Opcodes.FALOAD, Opcodes.DALOAD, Opcodes.AALOAD, Opcodes.BALOAD,
                    Opcodes.CALOAD, Opcodes.SALOAD, Opcodes.IASTORE, Opcodes.LASTORE, Opcodes.FASTORE, Opcodes.DASTORE,
                    Opcodes.BASTORE, Opcodes.CASTORE, Opcodes.SASTORE:
                return Set.of(NPE, BOUNDS);
            case Opcodes.AASTORE:
                return Set.of(NPE, BOUNDS, "java/lang/ArrayStoreException");
            case Opcodes.ARRAYLENGTH, Opcodes.GETFIELD, Opcodes.PUTFIELD:
                return Set.of(NPE);
            case Opcodes.IDIV, Opcodes.IREM, Opcodes.LDIV, Opcodes.LREM:
                return Set.of(ARITHMETIC);
            case Opcodes.CHECKCAST:
                return Set.of("java/lang/ClassCastException");
            case Opcodes.NEWARRAY, Opcodes.ANEWARRAY, Opcodes.MULTIANEWARRAY:
                return Set.of("java/lang/NegativeArraySizeException");
            case Opcodes.INVOKESTATIC, Opcodes.INVOKEVIRTUAL, Opcodes.INVOKESPECIAL, Opcodes.INVOKEINTERFACE:
                if (owner.equals("java/lang/Math") || owner.equals("java/lang/StrictMath")) {
                    return Set.of(ARITHMETIC); // Math.addExact, floorDiv, ...; the rest throw nothing
                }
                if (name.equals("<init>") && (owner.equals("java/lang/Object") || owner.equals("java/lang/Record"))) {
                    return Set.of();
                }
                return null;
            case Opcodes.INVOKEDYNAMIC, Opcodes.ATHROW:
                return null;
            default:
                return Set.of();
        }
    }

    /** {@link #thrownBy} for an IR instruction. */
    public static Set<String> thrownBy(Instruction insn) {
        return switch (insn.op()) {
            case NEW_OBJECT -> thrownBy(Opcodes.INVOKESPECIAL, insn.member().owner(), "<init>");
            case INVOKE -> thrownBy(insn.opcode(), insn.member().owner(), insn.member().name());
            case INVOKE_DYNAMIC -> null;
            case THROW -> null;
            case ARRAY_LOAD, ARRAY_STORE, ARRAY_LENGTH, FIELD_GET, FIELD_PUT, ARITHMETIC, CHECKCAST, NEW_ARRAY ->
                    thrownBy(insn.opcode(), null, null);
            default -> Set.of();
        };
    }

    /** Whether a handler of {@code caught} (internal name, {@code null} for any) may catch what {@code thrown} says. */
    public static boolean mayCatch(String caught, Set<String> thrown) {
        if (thrown == null) {
            return true; // any exception, a subclass of the one caught included
        }
        for (String e : thrown) {
            if (caught == null || catches(caught, e)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a handler of {@code caught} (internal name, {@code null} for any) catches every exception {@code thrown} says. */
    public static boolean catchesAll(String caught, Set<String> thrown) {
        if (caught == null || caught.equals("java/lang/Throwable")) {
            return true;
        }
        if (thrown == null) {
            return false;
        }
        for (String e : thrown) {
            if (!catches(caught, e)) {
                return false;
            }
        }
        return true;
    }

    private static boolean catches(String caught, String thrown) {
        return caught.equals(thrown) || SUPERCLASSES.get(thrown).contains(caught) || RUNTIME.contains(caught);
    }

    // ---- the shape -----------------------------------------------------------------------------

    /** Whether {@code f} has an exceptional edge. */
    public static boolean any(IrFunction f) {
        for (Block b : f.blocks()) {
            if (b.terminator() != null && b.terminator().op() == Op.TRY) {
                return true;
            }
        }
        return false;
    }

    /** The guard of {@code t}: its only predecessor, if that ends in a {@code TRY} entering {@code t}; else {@code null}. */
    public static Block guardOf(Block t) {
        if (t.predecessors().size() != 1) {
            return null;
        }
        Block g = t.predecessors().get(0);
        Instruction tr = g.terminator();
        return tr != null && tr.op() == Op.TRY && tr.targets().get(0) == t ? g : null;
    }

    /** The landing blocks of a guard, in the order their handlers are tried. */
    public static List<Block> landings(Block guard) {
        List<Block> t = guard.terminator().targets();
        return t.subList(1, t.size());
    }

    /** The {@code catch} that begins a landing block. */
    public static Instruction catchOf(Block landing) {
        return landing.body().get(0);
    }

    /**
     * Whether a handler of the guard may return normally: else every path from its landings ends
     * in a throw ({@code finally} and try-with-resources clean up and rethrow), and no derivative
     * is ever taken after the exception.
     */
    public static boolean mayReturnAfterCatching(Block guard) {
        Set<Block> seen = new HashSet<>(landings(guard));
        ArrayDeque<Block> work = new ArrayDeque<>(seen);
        while (!work.isEmpty()) {
            Block b = work.poll();
            if (b.terminator().op() == Op.RETURN) {
                return true;
            }
            for (Block s : b.successors()) {
                if (seen.add(s)) {
                    work.add(s);
                }
            }
        }
        return false;
    }

    /** The internal name of the class a landing catches, {@code null} for any. */
    public static String caught(Block landing) {
        Type t = catchOf(landing).typeOperand();
        return t == null ? null : t.getInternalName();
    }

    /** The instruction a guard's exceptional edges are for: the first of the block it enters. */
    public static Instruction guardedBy(Block guard) {
        Block t = guard.terminator().targets().get(0);
        return t.body().isEmpty() ? t.terminator() : t.body().get(0);
    }

    /** Whether an instruction may throw an exception one of the guard's landings catches. */
    private static boolean mayReachALanding(Instruction insn, Block guard) {
        Set<String> thrown = thrownBy(insn);
        for (Block landing : landings(guard)) {
            if (mayCatch(caught(landing), thrown)) {
                return true;
            }
        }
        return false;
    }

    /** A new landing {@code [catch c; goto handler]} of the class {@code caught} (internal name, {@code null}: any). */
    public static Block newLanding(IrFunction f, String caught, Block handler, int line) {
        return landingInto(f.newBlock(), caught, handler, line);
    }

    /** Makes the empty block {@code landing} a landing: see {@link #newLanding}. */
    public static Block landingInto(Block landing, String caught, Block handler, int line) {
        Type type = Type.getObjectType(caught == null ? "java/lang/Throwable" : caught);
        landing.append(new Instruction(Op.CATCH, -1, type).withTypeOperand(caught == null ? null : type).withLine(line));
        Instruction jump = new Instruction(Op.GOTO, Opcodes.GOTO, Type.VOID_TYPE).withLine(line);
        jump.targets().add(handler);
        landing.terminate(jump);
        return landing;
    }

    // ---- inlining ------------------------------------------------------------------------------

    /**
     * Hands the guard of a call that was inlined on to the callee's code: every instruction of
     * {@code inlined} (the callee's blocks, now in {@code f}) that may throw what a landing of
     * {@code guard} catches gets a guard of its own, whose landings go to the same handlers with
     * the same values (those at the call, which dominate the callee's code), after the callee's
     * own landings. Then the call's guard, whose block no longer begins with the call, goes.
     */
    public static void inlined(IrFunction f, Block guard, List<Block> inlined) {
        guard.terminator().withGuarded(null); // handed on: see prune
        ArrayDeque<Block> work = new ArrayDeque<>(inlined);
        Set<Instruction> done = new HashSet<>();
        while (!work.isEmpty()) {
            Block b = work.poll();
            List<Instruction> code = new ArrayList<>(b.body());
            code.add(b.terminator());
            for (Instruction insn : code) {
                if (!mayReachALanding(insn, guard) || !done.add(insn)) {
                    continue;
                }
                Block own = guardOf(b);
                if (own != null && guardedBy(own) == insn) { // the callee's own try: its landings come first
                    addLandings(f, own, insn, guard);
                    continue;
                }
                Block t = f.splitBefore(b, insn);
                Instruction tr = new Instruction(Op.TRY, -1, Type.VOID_TYPE).withLine(insn.line());
                if (isCall(insn)) {
                    tr.withGuarded(insn);
                }
                tr.targets().add(t);
                b.terminate(tr);
                addLandings(f, b, insn, guard);
                work.addFirst(t); // the rest of b: more instructions may throw
                break;
            }
        }
        if (!mayReachALanding(guardedBy(guard), guard)) {
            unguard(f, guard);
        }
    }

    /** Adds to {@code own}'s {@code TRY} a landing for each of {@code outer}'s handlers that may catch what {@code insn} throws. */
    private static void addLandings(IrFunction f, Block own, Instruction insn, Block outer) {
        Set<String> thrown = thrownBy(insn);
        for (Block target : landings(own)) {
            if (catchesAll(caught(target), thrown)) {
                return; // the callee's handler catches everything it may throw
            }
        }
        Instruction tr = own.terminator();
        for (Block landing : List.copyOf(landings(outer))) {
            String caught = caught(landing);
            if (!mayCatch(caught, thrown)) {
                continue;
            }
            Block handler = landing.successors().get(0);
            Block added = newLanding(f, caught, handler, insn.line());
            own.addTarget(added);
            joinHandler(handler, landing, added);
            if (catchesAll(caught, thrown)) {
                return;
            }
        }
    }

    /**
     * Makes {@code added}, a new landing that goes to {@code handler}, bring the same values as
     * {@code landing} does, its own exception in place of {@code landing}'s.
     */
    private static void joinHandler(Block handler, Block landing, Block added) {
        Instruction there = catchOf(landing);
        Instruction here = catchOf(added);
        int from = handler.predecessors().indexOf(landing);
        int count = handler.predecessors().size(); // added is the last
        if (!usesOnlyInPhis(there, handler)) {
            // used beyond the handler's phis: the handler had this landing alone (else it would not
            // dominate the uses), and its exception becomes a phi
            Instruction phi = new Instruction(Op.PHI, -1, there.type());
            there.replaceAllUsesWith(phi);
            handler.addPhi(phi);
            for (int k = 0; k < count - 1; k++) {
                phi.addOperand(there);
            }
        }
        for (Instruction phi : handler.phis()) {
            if (phi.operands().size() < count) {
                Value v = phi.operand(from);
                phi.addOperand(v == there ? here : v);
            }
        }
    }

    private static boolean usesOnlyInPhis(Instruction value, Block block) {
        for (Instruction user : value.users()) {
            if (!user.isPhi() || user.block() != block) {
                return false;
            }
        }
        return true;
    }

    private static boolean isCall(Instruction insn) {
        return insn.op() == Op.INVOKE || insn.op() == Op.INVOKE_DYNAMIC || insn.op() == Op.NEW_OBJECT;
    }

    // ---- clean-up ------------------------------------------------------------------------------

    /**
     * Drops the exceptional edges of guards whose block no longer begins with an instruction that
     * may throw (rewrites replaced an object by its numbers, say), and the blocks only those edges
     * reached. A call the frontend replaced by code of its own other than by inlining (a stream, a
     * lambda, a list's method) would leave that code outside the try: that is an error.
     */
    public static void prune(IrFunction f) {
        boolean removed = false;
        for (Block b : List.copyOf(f.blocks())) {
            Instruction tr = b.terminator();
            if (tr == null || tr.op() != Op.TRY) {
                continue;
            }
            Block t = tr.targets().get(0);
            Instruction call = tr.guarded();
            if (call != null && !t.body().contains(call) && t.terminator() != call) {
                throw new Unsupported(call.line(), "a call to " + callee(call) + " inside a try block, which Fluxion "
                        + "replaces by code of its own (a stream, a lambda, a list's method, a model of a JDK method): "
                        + "an exception thrown there would not reach the handler",
                        "Move the call out of the try block, or catch the exception inside a helper the call is in.");
            }
            if (!mayReachALanding(guardedBy(b), b)) {
                unguardOnly(b);
                removed = true;
            }
        }
        if (removed) {
            removeUnreachable(f);
        }
    }

    private static String callee(Instruction call) {
        if (call.op() == Op.INVOKE_DYNAMIC) {
            return "a lambda or dynamic call site";
        }
        return call.member().owner().replace('/', '.') + "." + call.member().name();
    }

    /** Replaces a guard's {@code TRY} by a jump to the block it guards, and removes what only its landings reached. */
    public static void unguard(IrFunction f, Block guard) {
        unguardOnly(guard);
        removeUnreachable(f);
    }

    private static void unguardOnly(Block guard) {
        Instruction tr = guard.terminator();
        Instruction jump = new Instruction(Op.GOTO, Opcodes.GOTO, Type.VOID_TYPE).withLine(tr.line());
        jump.targets().add(tr.targets().get(0));
        guard.replaceTerminatorWith(jump);
    }

    /** Removes the blocks the entry no longer reaches, and their operands in the phis of blocks it does. */
    public static void removeUnreachable(IrFunction f) {
        Set<Block> reached = new HashSet<>();
        ArrayDeque<Block> work = new ArrayDeque<>();
        work.add(f.entry());
        reached.add(f.entry());
        while (!work.isEmpty()) {
            for (Block s : work.poll().successors()) {
                if (reached.add(s)) {
                    work.add(s);
                }
            }
        }
        List<Block> gone = new ArrayList<>();
        for (Block b : f.blocks()) {
            if (!reached.contains(b)) {
                gone.add(b);
            }
        }
        for (Block b : gone) {
            for (Block s : b.successors()) {
                int at = s.predecessors().indexOf(b);
                if (at >= 0) {
                    s.predecessors().remove(at);
                    for (Instruction phi : s.phis()) {
                        phi.removeOperand(at);
                    }
                }
            }
        }
        for (Block b : gone) {
            f.removeBlock(b);
        }
    }
}
