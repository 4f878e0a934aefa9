package dev.fluxion.transformer.reverse;

import dev.fluxion.transformer.analysis.ActivityAnalysis;
import dev.fluxion.transformer.analysis.ArrayFamilies;
import dev.fluxion.transformer.analysis.ArrayOps;
import dev.fluxion.transformer.analysis.Callees;
import dev.fluxion.transformer.analysis.ControlFlow;
import dev.fluxion.transformer.analysis.ForLoops;
import dev.fluxion.transformer.analysis.ForLoops.ForLoop;
import dev.fluxion.transformer.diagnostics.JavaSyntax;
import dev.fluxion.transformer.diagnostics.Unsupported;
import dev.fluxion.transformer.ir.Block;
import dev.fluxion.transformer.ir.Constant;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.IrFunction;
import dev.fluxion.transformer.ir.Op;
import dev.fluxion.transformer.ir.Types;
import dev.fluxion.transformer.ir.Undef;
import dev.fluxion.transformer.ir.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The time loops of a {@code @Checkpointed} method, and why a loop cannot be one.
 *
 * <p>A time loop is an outermost loop whose body carries a differentiated state from one iteration
 * to the next: an active {@code double} or {@code float} its header merges that is not only a sum
 * ({@code s += term}, which a reduction over points carries and checkpointing would not help), or an
 * active array its body both reads and writes. Fill loops (which only write) and sums stay as they
 * are. A time loop must be a counted loop {@code for (i = start; i < limit; i++)} left only by its
 * test, so that the number of steps is known when it starts, and carry numbers, not references:
 * {@link StepEffects} checks what a step may do, so that running it again from a snapshot gives
 * what it gave the first time.
 */
final class TimeLoops {
    /**
     * A loop to checkpoint: its header's numeric phis other than the counter (the state the step
     * passes on), its phis of arrays (buffers it swaps) and the arrays from outside they may refer
     * to (the pool), the values from outside that the body uses, and the arrays from outside that it
     * writes (the rest of the state, snapshotted by copy; pool arrays among them); and the blocks
     * outside the loop that its body may jump to and that only throw (a failed check, the
     * {@code NoSuchElementException} of a list's iterator), which go with the step.
     */
    record TimeLoop(ForLoop loop, List<Instruction> state, List<Instruction> swapped, List<Value> pool,
            List<Value> liveIns, List<Value> watched, Set<Block> throwing) {
        /** The blocks of the loop but its header, and the blocks it throws in. */
        Set<Block> bodyBlocks() {
            Set<Block> body = new HashSet<>(loop.body());
            body.remove(loop.header());
            body.addAll(throwing);
            return body;
        }

        /** Whether {@code v} is defined in the loop, header included. */
        boolean defines(Value v) {
            return v instanceof Instruction i && loop.body().contains(i.block());
        }
    }

    private static final String COUNTED_ADVICE = "Count the steps before the loop (int steps = (int) Math.ceil((tEnd - t) "
            + "/ dt);) and write it as for (int i = 0; i < steps; i++), left only by its test: the reverse sweep plans its "
            + "snapshots from the number of steps, known when the loop starts.";

    private final IrFunction f;
    private final ActivityAnalysis activity;
    private final Callees callees;
    private final ForLoops forLoops;
    private final ControlFlow cfg;
    private final List<Unsupported> problems = new ArrayList<>();

    private TimeLoops(IrFunction f, ActivityAnalysis activity, Callees callees) {
        this.f = f;
        this.activity = activity;
        this.callees = callees;
        this.forLoops = new ForLoops(f);
        this.cfg = new ControlFlow(f);
    }

    /**
     * The time loops of {@code f}, in layout order.
     *
     * @param methodLine the method's first line, for the diagnostic of a method without one
     * @throws Unsupported listing every time loop that cannot be checkpointed, or if there is none
     */
    static List<TimeLoop> find(IrFunction f, ActivityAnalysis activity, Callees callees, int methodLine) {
        TimeLoops finder = new TimeLoops(f, activity, callees);
        List<TimeLoop> out = new ArrayList<>();
        int candidates = 0;
        for (Map.Entry<Block, Set<Block>> e : finder.outermostLoops().entrySet()) {
            if (finder.carriesState(e.getKey(), e.getValue())) {
                candidates++;
                TimeLoop loop = finder.check(e.getKey(), e.getValue());
                if (loop != null) {
                    out.add(loop);
                }
            }
        }
        if (candidates == 0) {
            finder.problems.add(new Unsupported(methodLine, "@Checkpointed, but no loop of the method carries a "
                    + "differentiated value from one iteration to the next", "Checkpointing is for a time loop, whose "
                            + "steps update a state; remove @Checkpointed, or put it on the method with the time loop."));
        }
        if (!finder.problems.isEmpty()) {
            throw Unsupported.all(finder.problems);
        }
        return out;
    }

    /**
     * The loops of {@code f} that qualify as time loops, by header: counted loops left only by their
     * test, whose steps can run again as they ran. For {@link OutlinedBodies}, which outlines such a
     * loop whole to split an adjoint too large for the JIT, and needs no diagnostic.
     */
    static Map<Block, TimeLoop> outlinable(IrFunction f, ActivityAnalysis activity, Callees callees) {
        TimeLoops finder = new TimeLoops(f, activity, callees);
        Map<Block, TimeLoop> out = new LinkedHashMap<>();
        finder.loops().forEach((header, body) -> {
            TimeLoop loop = finder.check(header, body);
            if (finder.problems.isEmpty() && loop != null) {
                out.put(header, loop);
            }
            finder.problems.clear();
        });
        return out;
    }

    /** The loops, by header (in layout order), with their blocks. */
    private Map<Block, Set<Block>> loops() {
        Map<Block, Set<Block>> loops = new LinkedHashMap<>();
        for (Block h : f.blocks()) {
            for (Block p : h.predecessors()) {
                Set<Block> body = ControlFlow.naturalLoop(f, h, p);
                if (body != null) {
                    loops.computeIfAbsent(h, k -> new HashSet<>()).addAll(body);
                }
            }
        }
        return loops;
    }

    /** The loops in no other loop, by header (in layout order), with their blocks. */
    private Map<Block, Set<Block>> outermostLoops() {
        Map<Block, Set<Block>> loops = loops();
        Map<Block, Set<Block>> outermost = new LinkedHashMap<>();
        loops.forEach((h, body) -> {
            if (loops.entrySet().stream().noneMatch(o -> o.getKey() != h && o.getValue().contains(h))) {
                outermost.put(h, body);
            }
        });
        return outermost;
    }

    private boolean carriesState(Block header, Set<Block> body) {
        for (Instruction phi : header.phis()) {
            if (activity.isActive(phi) && (ArrayFamilies.isMember(phi) || !isSum(phi, body))) {
                return true;
            }
        }
        Set<Value> read = new HashSet<>();
        Set<Value> written = new HashSet<>();
        for (Block b : body) {
            for (Instruction insn : b.body()) {
                if (insn.op() == Op.ARRAY_LOAD && ArrayFamilies.isMember(insn.operand(0))) {
                    read.add(activity.families().find(insn.operand(0)));
                }
                if (insn.op() == Op.INVOKE) {
                    for (Value v : insn.operands()) {
                        if (ArrayFamilies.isMember(v) && ArrayOps.of(insn) != ArrayOps.FILL) {
                            read.add(activity.families().find(v)); // a copy's source, a callee's argument
                        }
                    }
                }
                Value w = ActivityAnalysis.writtenArray(insn);
                if (w != null && activity.isActive(w)) {
                    written.add(activity.families().find(w));
                }
                if (activity.isDifferentiableCall(insn)) {
                    for (int j = 0; j < insn.operands().size(); j++) {
                        Value v = insn.operand(j);
                        if (ArrayFamilies.isMember(v) && activity.isActive(v) && callees.mayWriteArgument(insn.member(), j)) {
                            written.add(activity.families().find(v));
                        }
                    }
                }
            }
        }
        written.retainAll(read);
        return !written.isEmpty();
    }

    /** Whether {@code b} only throws: it has no phis, and ends in {@code athrow}. */
    private static boolean onlyThrows(Block b) {
        return b.terminator().op() == Op.THROW && b.phis().isEmpty();
    }

    /** Whether a header phi only collects terms, {@code s = s + t} or {@code s - t}, and the loop uses it nowhere else. */
    private static boolean isSum(Instruction phi, Set<Block> body) {
        Instruction next = phi.operands().stream().filter(v -> v instanceof Instruction i && body.contains(i.block()))
                .map(Instruction.class::cast).findFirst().orElse(null);
        if (next == null || next.op() != Op.ARITHMETIC || next.operands().size() != 2) {
            return false;
        }
        int add = Types.intOpcode(next.opcode());
        boolean shape = add == Opcodes.IADD && (next.operand(0) == phi) != (next.operand(1) == phi)
                || add == Opcodes.ISUB && next.operand(0) == phi && next.operand(1) != phi;
        return shape && phi.users().stream().allMatch(u -> u == next || u == phi || !body.contains(u.block()));
    }

    /** The loop as a {@link TimeLoop}, or {@code null} with its problems added. */
    private TimeLoop check(Block header, Set<Block> body) {
        int line = header.terminator().line();
        Set<Block> throwing = new HashSet<>();
        boolean leftElsewhere = false;
        for (Block b : body) {
            if (b != header) {
                leftElsewhere |= b.terminator().op() == Op.RETURN;
                for (Block next : b.successors()) {
                    if (!body.contains(next) && onlyThrows(next)) {
                        throwing.add(next);
                    } else {
                        leftElsewhere |= !body.contains(next);
                    }
                }
            }
        }
        if (leftElsewhere) {
            problems.add(new Unsupported(line, "the time loop is left by a break or a return, not only by its test",
                    COUNTED_ADVICE));
            return null;
        }
        ForLoop loop = forLoops.ofHeader(header);
        if (loop == null || !loop.body().equals(body) || loop.latch().terminator().op() != Op.GOTO) {
            problems.add(new Unsupported(line, "the time loop that @Checkpointed asks to checkpoint is not a counted loop "
                    + "for (int i = start; i < limit; i++)", COUNTED_ADVICE));
            return null;
        }
        int before = problems.size();
        List<Instruction> state = new ArrayList<>();
        List<Instruction> swapped = new ArrayList<>();
        for (Instruction phi : header.phis()) {
            int sort = phi.type().getSort();
            if (sort == Type.DOUBLE || sort == Type.FLOAT || sort == Type.INT || sort == Type.LONG) {
                if (phi != loop.iv()) {
                    state.add(phi);
                }
            } else if (Types.isFloatingArray(phi.type()) && phi.type().equals(header.phis().stream()
                    .filter(p -> Types.isReference(p.type())).findFirst().orElseThrow().type())) {
                swapped.add(phi);
            } else {
                problems.add(carriedReference(line, phi, "another array or object after a step"));
                return null; // once for the loop, however many it carries
            }
        }
        List<Value> pool = pool(loop, swapped, line);
        if (pool == null) {
            return null;
        }
        for (Instruction insn : header.body()) {
            for (Instruction user : insn.users()) {
                if (!body.contains(user.block())) {
                    problems.add(new Unsupported(insn.line(), "the test of the time loop computes a value used after "
                            + "the loop", "Compute it after the loop from the loop's variables."));
                    break;
                }
            }
        }
        if (problems.size() > before) {
            return null; // what a step does to arrays would be judged on a shape it cannot have
        }
        TimeLoop provisional = new TimeLoop(loop, state, swapped, pool, liveIns(loop, state, throwing), List.of(),
                throwing);
        List<Value> watched = new StepEffects(f, activity, callees, cfg, provisional, problems).watchedArrays();
        return problems.size() > before ? null
                : new TimeLoop(loop, state, swapped, pool, provisional.liveIns(), watched, throwing);
    }

    /**
     * The arrays from outside the loop that its phis of arrays may refer to: each starts as one, and
     * after a step is one of them again (a swap, a rotation of buffers), or one from outside. Then a
     * snapshot holds which array each phi refers to as an index into the pool, and the arrays'
     * contents. {@code null}, with a problem added, if a phi may refer to an array a step makes.
     */
    private List<Value> pool(ForLoop loop, List<Instruction> swapped, int line) {
        Block header = loop.header();
        int fromLatch = header.predecessors().indexOf(loop.latch());
        List<Value> pool = new ArrayList<>();
        for (int side : new int[] {1 - fromLatch, fromLatch}) {
            for (Instruction phi : swapped) {
                Value v = phi.operand(side);
                boolean fromOutside = !(v instanceof Constant) && !(v instanceof Undef)
                        && !(v instanceof Instruction i && loop.body().contains(i.block()));
                if (fromOutside && !pool.contains(v)) {
                    pool.add(v);
                } else if (!fromOutside && !swapped.contains(v)) {
                    problems.add(carriedReference(line, phi, "an array the step makes"));
                    return null;
                }
            }
        }
        return pool;
    }

    private static Unsupported carriedReference(int line, Instruction phi, String what) {
        return new Unsupported(line, "the time loop carries a reference to " + (ArrayFamilies.isMember(phi) ? "a " : "an "
                + "object of ") + JavaSyntax.type(phi.type()) + " from one step to the next that refers to " + what,
                "Copy the new values into place instead (System.arraycopy(next, 0, u, 0, n)), or swap arrays made before "
                        + "the loop: a snapshot copies the contents of the arrays, and which of them each variable refers "
                        + "to.");
    }

    /**
     * The values defined outside the loop that its body (the header's own instructions included) or
     * the numbers it passes on use, in the order the body uses them first; not the header's phis, nor
     * the pool of swapped arrays, which the step is given apart.
     */
    private List<Value> liveIns(ForLoop loop, List<Instruction> state, Set<Block> throwing) {
        Set<Value> in = new java.util.LinkedHashSet<>();
        int fromLatch = loop.header().predecessors().indexOf(loop.latch());
        List<Value> used = new ArrayList<>();
        for (Block b : f.blocks()) {
            if (!loop.body().contains(b) && !throwing.contains(b)) {
                continue;
            }
            // the header's phis are the state, and its test reads the counter and the bound
            for (Instruction insn : b == loop.header() ? b.body() : b.instructions()) {
                used.addAll(insn.operands());
            }
        }
        for (Instruction phi : state) {
            used.add(phi.operand(fromLatch));
        }

        for (Value v : used) {
            boolean inLoop = v instanceof Instruction i && (loop.body().contains(i.block()) || throwing.contains(i.block()));
            if (!inLoop && !(v instanceof Constant) && !(v instanceof Undef)) {
                in.add(v);
            }
        }
        return new ArrayList<>(in);
    }
}
