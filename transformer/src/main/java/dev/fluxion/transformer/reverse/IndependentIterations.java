package dev.fluxion.transformer.reverse;

import dev.fluxion.transformer.analysis.ActivityAnalysis;
import dev.fluxion.transformer.analysis.ArrayFamilies;
import dev.fluxion.transformer.analysis.Callees;
import dev.fluxion.transformer.analysis.ControlFlow;
import dev.fluxion.transformer.analysis.ForLoops;
import dev.fluxion.transformer.analysis.ForLoops.ForLoop;
import dev.fluxion.transformer.derivatives.IterationBody;
import dev.fluxion.transformer.ir.Block;
import dev.fluxion.transformer.ir.BlockCopier;
import dev.fluxion.transformer.ir.Constant;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.IrBuilder;
import dev.fluxion.transformer.ir.IrFunction;
import dev.fluxion.transformer.ir.MemberRef;
import dev.fluxion.transformer.ir.Op;
import dev.fluxion.transformer.ir.Types;
import dev.fluxion.transformer.ir.Undef;
import dev.fluxion.transformer.ir.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Reverses a reduction loop one iteration at a time, in the forward sweep: Tapenade's {@code II-LOOP}
 * (independent iterations) directive, found by analysis instead of declared.
 *
 * <p>The common shape of an objective is a sum over data points, {@code for (i...) s += term(i)},
 * whose result reaches the method's result by additions: {@code return prior + s;}. The adjoint of
 * every term is then the caller's seed (negated where the sum is subtracted, scaled where it is
 * scaled by a value known before the loop, {@code s / n}), known before the forward sweep starts,
 * as a tail call's is. If no iteration hands an active value to a later one,
 * except through the sum, each iteration's adjoint can run as soon as its forward sweep has: the
 * body is outlined into a method of its own, and the caller's forward sweep calls that method's
 * adjoint, with the seed, in place of the body. An iteration's recordings then live and die within
 * the call, in cache, instead of piling up for every point on the tape (ADBench's GMM at K = 200
 * records about 7 KB a point), and the caller's reverse sweep has nothing to do for the loop.
 *
 * <p>A loop qualifies when, with {@code H} its header:
 * <ul>
 *   <li>it is a {@link ForLoops for loop}, left only by its test, and in no other loop (a body of a
 *       few operations, Rosenbrock's, gets an adjoint small enough for the JIT to inline the call:
 *       one pass over the data instead of a forward and a reverse one, 8-10% faster at n = 1000);
 *   <li>{@code H}'s only floating-point phi is the sum, {@code s' = s + t} or {@code s - t} with
 *       {@code t} computed in the body, {@code s} used nowhere else in the loop, and after the loop
 *       used once, on a chain of additions, subtractions, negations, and products with or
 *       quotients by values known before the loop ({@code s / n}), to the method's one
 *       {@code return};
 *   <li>an active scalar the body uses from outside is defined before the loop (its adjoints from
 *       the iterations are summed in the forward sweep, and added to its own in the reverse sweep);
 *   <li>each active array the body uses from outside is either only read, and written nowhere
 *       after the loop (the shadow it is given adjoints early must not be consumed by a later
 *       store's reverse), or private to an iteration: a {@code new double[n]} used only in the body
 *       and written there completely, by a loop {@code for (a = 0; a < n; a++) x[a] = ...}, before
 *       any element is read, so no iteration reads what another wrote.
 * </ul>
 */
public final class IndependentIterations {
    /** The outlined bodies' names begin so. */
    private static final String BODY_PREFIX = "fluxion$body$";

    /** A loop to outline, with what the rewrite needs. */
    private record Candidate(ForLoop loop, Instruction sum, Instruction next, Value term, List<IterationBody.SeedStep> seed,
            List<Value> liveIns, Set<Value> privates) {
    }

    private final IrFunction f;
    private final ActivityAnalysis activity;
    private final ControlFlow cfg;
    private final ForLoops loops;

    private IndependentIterations(IrFunction f, ActivityAnalysis activity) {
        this.f = f;
        this.activity = activity;
        this.cfg = new ControlFlow(f);
        this.loops = new ForLoops(f);
    }

    /**
     * The adjoint of {@code primal}, named {@code name}, followed by the adjoints of the loop bodies
     * it outlines (none if no loop qualifies).
     *
     * @param inputs the parameters differentiated with respect to ({@code null}: all), as for
     *     {@link ActivityAnalysis#of(IrFunction, Callees, Set)}
     */
    public static List<IrFunction> adjoints(IrFunction primal, ActivityAnalysis activity, Callees callees,
            Set<Integer> inputs, String name) {
        if (new IndependentIterations(primal, activity).find() == null) {
            return List.of(AdjointGenerator.generate(primal, activity, callees, name));
        }
        IrFunction caller = BlockCopier.copy(primal); // the primal itself serves the tangents
        GeneratedCallees outlined = new GeneratedCallees(callees);
        List<IrFunction> out = new ArrayList<>();
        out.add(null);
        ActivityAnalysis callerActivity = ActivityAnalysis.of(caller, outlined, inputs);
        while (true) {
            IndependentIterations pass = new IndependentIterations(caller, callerActivity);
            Candidate c = pass.find();
            if (c == null) {
                break;
            }
            List<IterationBody.SeedStep> seed = pass.hoistConversions(c);
            String adjointName = name + "$iteration" + outlined.members().size();
            IrFunction body = outlineBody(caller, c, BODY_PREFIX + adjointName);
            Set<Integer> bodyInputs = new HashSet<>();
            Set<Integer> bodyWrites = new HashSet<>();
            for (int j = 0; j < c.liveIns().size(); j++) {
                Value in = c.liveIns().get(j);
                if (ActivityAnalysis.canCarry(in) && callerActivity.isActive(in)) {
                    bodyInputs.add(j);
                }
                if (c.privates().contains(in)) {
                    bodyWrites.add(j);
                }
            }
            MemberRef ref = new MemberRef(caller.owner(), body.name(), body.descriptor());
            rewriteCaller(caller, c, ref);
            // a body writes only its private arrays, and moves no rows
            outlined.add(ref, new GeneratedCallees.Member(bodyWrites, null, Set.of(),
                    new IterationBody(adjointName, seed)));
            ActivityAnalysis bodyActivity = ActivityAnalysis.of(body, callees, bodyInputs);
            out.add(AdjointGenerator.generate(body, bodyActivity, callees, adjointName));
            callerActivity = ActivityAnalysis.of(caller, outlined, inputs);
        }
        out.set(0, AdjointGenerator.generate(caller, callerActivity, outlined, name));
        return out;
    }

    /** The first loop, in layout order, that qualifies; {@code null} if none does. */
    private Candidate find() {
        if (f.returnType().getSort() != Type.DOUBLE) {
            return null;
        }
        Instruction ret = null;
        for (Block b : f.blocks()) {
            if (b.terminator().op() == Op.RETURN) {
                if (ret != null) {
                    return null; // which return the sum reaches would depend on the path
                }
                ret = b.terminator();
            }
        }
        for (Block h : f.blocks()) {
            ForLoop loop = loops.ofHeader(h);
            if (loop != null) {
                Candidate c = candidate(loop, ret);
                if (c != null) {
                    return c;
                }
            }
        }
        return null;
    }

    private Candidate candidate(ForLoop loop, Instruction ret) {
        Block h = loop.header();
        Set<Block> body = new HashSet<>(loop.body());
        body.remove(h);
        if (!loop.leftOnlyByHeader() || isInOuterLoop(loop) || callsAnOutlinedBody(body)) {
            return null;
        }
        int fromLatch = h.predecessors().indexOf(loop.latch());
        Instruction sum = null;
        for (Instruction phi : h.phis()) {
            if (Types.isFloating(phi.type()) || phi.type().getSort() >= Type.ARRAY) {
                if (sum != null || phi.type().getSort() != Type.DOUBLE) {
                    return null; // another value carried from one iteration to the next
                }
                sum = phi;
            }
        }
        if (sum == null || !activity.isActive(sum) || !(sum.operand(fromLatch) instanceof Instruction next)
                || !body.contains(next.block()) || next.users().size() != 1) {
            return null;
        }
        Value term;
        boolean negated;
        if (next.opcode() == Opcodes.DADD && next.operand(0) == sum && next.operand(1) != sum) {
            term = next.operand(1);
            negated = false;
        } else if (next.opcode() == Opcodes.DADD && next.operand(1) == sum && next.operand(0) != sum) {
            term = next.operand(0);
            negated = false;
        } else if (next.opcode() == Opcodes.DSUB && next.operand(0) == sum && next.operand(1) != sum) {
            term = next.operand(1);
            negated = true;
        } else {
            return null;
        }
        List<IterationBody.SeedStep> seed = chainToReturn(sum, loop, ret, negated);
        if (!(term instanceof Instruction t) || !body.contains(t.block()) || !activity.isActive(t) || seed == null) {
            return null;
        }
        for (Block b : h.successors()) {
            if (body.contains(b) && b.predecessors().size() != 1) {
                return null;
            }
        }
        for (Instruction phi : h.phis()) {
            if (phi != sum && !recomputable(phi.operand(fromLatch), body)) {
                return null;
            }
        }
        List<Value> liveIns = new ArrayList<>();
        Set<Value> privates = new HashSet<>();
        for (Block b : f.blocks()) {
            if (!body.contains(b)) {
                continue;
            }
            for (Instruction insn : b.instructions()) {
                if (insn.op() == Op.RETURN || insn.op() == Op.THROW || insn.op() == Op.FIELD_PUT) {
                    return null;
                }
                if (insn == next) {
                    continue;
                }
                for (Value v : insn.operands()) {
                    if (v instanceof Constant || v instanceof Undef || liveIns.contains(v)
                            || v instanceof Instruction i && body.contains(i.block())) {
                        continue;
                    }
                    if (v == sum || !isUsable(v, loop, body, privates)) {
                        return null;
                    }
                    liveIns.add(v);
                }
            }
        }
        return new Candidate(loop, sum, next, term, seed, liveIns, privates);
    }

    /** Whether the body is already an outlined one's call, which would outline it again and again. */
    private static boolean callsAnOutlinedBody(Set<Block> body) {
        for (Block b : body) {
            for (Instruction insn : b.body()) {
                if (insn.op() == Op.INVOKE && insn.member().name().startsWith(BODY_PREFIX)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a block outside the loop both reaches its header and is reached from it. */
    private boolean isInOuterLoop(ForLoop loop) {
        for (Block b : f.blocks()) {
            if (!loop.body().contains(b) && cfg.reaches(loop.header(), b) && cfg.reaches(b, loop.header())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The way from the caller's seed to the term's, if the sum's one use after the loop starts a
     * chain of single-use additions, subtractions, negations, and products with or quotients by
     * values the loop's header already has ({@code 0.5 * s}, {@code s / n}), ending in the
     * method's return; {@code null} if not. The steps run from the return back to the sum, then
     * {@code termNegated} for {@code s -= t}.
     */
    private List<IterationBody.SeedStep> chainToReturn(Instruction sum, ForLoop loop, Instruction ret, boolean termNegated) {
        List<Instruction> after = sum.users().stream().filter(u -> !loop.body().contains(u.block())).toList();
        if (after.size() != 1 || sum.users().size() != 2) {
            return null;
        }
        List<IterationBody.SeedStep> steps = new ArrayList<>();
        boolean negated = termNegated;
        Value v = sum;
        Instruction u = after.get(0);
        while (u != ret) {
            if (u.op() != Op.ARITHMETIC || u.users().size() != 1
                    || u.operands().size() == 2 && u.operand(0) == u.operand(1)) {
                return null;
            }
            Value other = u.operands().size() == 2 ? u.operand(u.operand(0) == v ? 1 : 0) : null;
            switch (u.opcode()) {
                case Opcodes.DADD -> {
                }
                case Opcodes.DSUB -> negated ^= u.operand(1) == v;
                case Opcodes.DNEG -> negated = !negated;
                case Opcodes.DMUL, Opcodes.DDIV -> {
                    if (u.opcode() == Opcodes.DDIV && u.operand(0) != v || !isKnownBefore(other, loop)) {
                        return null;
                    }
                    steps.add(0, new IterationBody.SeedStep(u.opcode(), other));
                }
                default -> {
                    return null;
                }
            }
            v = u;
            u = u.users().get(0);
        }
        if (negated) {
            steps.add(new IterationBody.SeedStep(Opcodes.DNEG, null));
        }
        return steps;
    }

    /**
     * Whether {@code v} is defined before the loop's header, so the forward sweep has it at the loop
     * (active or not: the caller's reverse sweep still differentiates the product), or is a
     * conversion of such a value ({@code s / n} converts {@code n} after the loop), which
     * {@link #hoistConversions} moves before the loop.
     */
    private boolean isKnownBefore(Value v, ForLoop loop) {
        if (!(v instanceof Instruction i)) {
            return true;
        }
        if (i.op() == Op.CONVERT && !loop.body().contains(i.block())) {
            return isKnownBefore(i.operand(0), loop);
        }
        return !loop.body().contains(i.block()) && loops.dominates(i.block(), loop.header());
    }

    /** The seed's steps, with each conversion they divide or multiply by moved to the loop's entry. */
    private List<IterationBody.SeedStep> hoistConversions(Candidate c) {
        Block h = c.loop().header();
        Block entry = h.predecessors().get(1 - h.predecessors().indexOf(c.loop().latch()));
        List<IterationBody.SeedStep> out = new ArrayList<>();
        for (IterationBody.SeedStep step : c.seed()) {
            if (step.operand() instanceof Instruction i && i.op() == Op.CONVERT && cfg.reaches(h, i.block())) {
                Instruction moved = i.copyWithoutOperands();
                moved.addOperand(i.operand(0));
                entry.append(moved);
                i.replaceAllUsesWith(moved);
                i.block().remove(i);
                step = new IterationBody.SeedStep(step.opcode(), moved);
            }
            out.add(step);
        }
        return out;
    }

    /**
     * Whether the value a header phi gets from the latch can be computed after the outlined call:
     * defined outside the body, or integer arithmetic on such values.
     */
    static boolean recomputable(Value v, Set<Block> body) {
        if (!(v instanceof Instruction i) || !body.contains(i.block())) {
            return true;
        }
        if (i.op() != Op.ARITHMETIC || Types.isFloating(i.type())) {
            return false;
        }
        for (Value operand : i.operands()) {
            if (!recomputable(operand, body)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the body may use {@code v}, defined outside it, as an argument; collects private arrays. */
    private boolean isUsable(Value v, ForLoop loop, Set<Block> body, Set<Value> privates) {
        if (Types.isFloating(v.type())) {
            // an active scalar from before the loop: the body's adjoint gives its adjoint per iteration,
            // which the caller's forward sweep sums (not one the header computes: it is per iteration)
            return !activity.isActive(v) || !(v instanceof Instruction i) || !loop.body().contains(i.block());
        }
        if (!ArrayFamilies.isMember(v) || !activity.isActive(v)) {
            return true;
        }
        boolean writtenInBody = false;
        for (Instruction w : activity.families().writers(v)) {
            if (body.contains(w.block())) {
                writtenInBody = true;
            } else if (loop.body().contains(w.block()) || cfg.reaches(loop.header(), w.block())) {
                return false;
            }
        }
        if (!writtenInBody) {
            return true;
        }
        if (isPrivate(v, loop, body)) {
            privates.add(v);
            return true;
        }
        return false;
    }

    /**
     * Whether {@code v} is a {@code new double[n]} used only in the body, by element reads, writes
     * and its length, and written there at every index by a loop from 0 to {@code n} that has
     * completed before any read, or that reads each element it wrote in the same iteration.
     */
    private boolean isPrivate(Value v, ForLoop loop, Set<Block> body) {
        if (!(v instanceof Instruction array) || array.op() != Op.NEW_ARRAY || array.opcode() != Opcodes.NEWARRAY
                || loop.body().contains(array.block())) {
            return false;
        }
        List<Instruction> reads = new ArrayList<>();
        List<Instruction> writes = new ArrayList<>();
        for (Instruction u : array.users()) {
            if (!body.contains(u.block())) {
                return false;
            }
            switch (u.op()) {
                case ARRAY_LOAD -> reads.add(u);
                case ARRAY_STORE -> {
                    if (u.operand(0) != array || u.operand(2) == array) {
                        return false;
                    }
                    writes.add(u);
                }
                case ARRAY_LENGTH -> {
                }
                default -> {
                    return false;
                }
            }
        }
        for (Instruction w : writes) {
            ForLoop fill = loops.ofInductionVariable(w.operand(1));
            if (fill != null && body.contains(fill.header()) && fill.start() instanceof Constant c
                    && Integer.valueOf(0).equals(c.value()) && isLengthOf(fill.limit(), array)
                    && fill.leftOnlyByHeader() && fill.body().contains(w.block())
                    && loops.dominates(w.block(), fill.latch())
                    && reads.stream().allMatch(r -> loops.dominates(fill.exit(), r.block()) || readAfterIn(fill, w, r))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code read} gets the element {@code write} stored in the same iteration of {@code
     * fill}: it reads at the loop's index, after the store (a loop fused into the filling one reads so).
     */
    private boolean readAfterIn(ForLoop fill, Instruction write, Instruction read) {
        if (read.operand(1) != fill.iv() || !fill.body().contains(read.block()) || read.block() == fill.header()) {
            return false;
        }
        if (read.block() == write.block()) {
            return read.block().body().indexOf(write) < read.block().body().indexOf(read);
        }
        return loops.dominates(write.block(), read.block());
    }

    /** Whether {@code v} is the length of {@code array}: the length it was created with, or {@code array.length}. */
    private static boolean isLengthOf(Value v, Instruction array) {
        return v == array.operand(0)
                || v instanceof Instruction i && i.op() == Op.ARRAY_LENGTH && i.operand(0) == array;
    }

    /**
     * The loop's body, from the header's successor inside the loop to the latch, as a method of its
     * own: its parameters the values it uses from outside, its result the term it adds to the sum.
     */
    private static IrFunction outlineBody(IrFunction caller, Candidate c, String name) {
        return outlineBody(caller, c.loop(), Set.of(), c.liveIns(), c.sum(), c.next(), c.term(), name);
    }

    /**
     * A method whose parameters are {@code liveIns} and whose body is the loop's, returning the
     * term of the sum {@code sum} (its next value {@code next} left to the caller), or, with no sum
     * ({@code null}s), returning nothing. {@code throwing}: blocks outside the loop that the body
     * may jump to and that only throw, copied with it.
     */
    static IrFunction outlineBody(IrFunction caller, ForLoop loop, Set<Block> throwing, List<Value> liveIns,
            Instruction sum, Instruction sumNext, Value term, String name) {
        StringBuilder descriptor = new StringBuilder("(");
        for (Value in : liveIns) {
            descriptor.append(in.type().getDescriptor());
        }
        descriptor.append(sum == null ? ")V" : ")D");
        IrFunction body = new IrFunction(caller.owner(), name, descriptor.toString());
        Block entry = body.newBlock();
        Block h = loop.header();
        List<Block> blocks = caller.blocks().stream()
                .filter(b -> b != h && loop.body().contains(b) || throwing.contains(b)).toList();
        BlockCopier copier = new BlockCopier();
        copier.copy(blocks, body, v -> v == sum ? Constant.ofDouble(0) : body.params().get(liveIns.indexOf(v)),
                b -> b != loop.latch() ? null : sum == null
                        ? new Instruction(Op.RETURN, Opcodes.RETURN, Type.VOID_TYPE).withLine(b.terminator().line())
                        : new Instruction(Op.RETURN, Opcodes.DRETURN, Type.VOID_TYPE, copier.value(term))
                                .withLine(b.terminator().line()));
        for (Block t : throwing) {
            copier.block(t).predecessors().removeIf(p -> !body.blocks().contains(p)); // the caller's own stay there
        }
        if (sum != null) {
            Instruction next = (Instruction) copier.value(sumNext);
            next.block().remove(next); // the sum stays with the caller
        }
        Block first = copier.block(h.successors().stream().filter(blocks::contains).findFirst().orElseThrow());
        entry.terminate(new Instruction(Op.GOTO, Opcodes.GOTO, Type.VOID_TYPE));
        entry.terminator().targets().add(first);
        first.predecessors().set(first.predecessors().indexOf(h), entry);
        return body;
    }

    private static void rewriteCaller(IrFunction caller, Candidate c, MemberRef outlined) {
        rewriteCaller(caller, c.loop(), Set.of(), c.liveIns(), c.term(), outlined, c.next().line());
    }

    /**
     * Replaces the loop's body in {@code caller} by one block: the call to the outlined body, the
     * sum (whose {@code term} the call returns, if there is one), and the values the header's other
     * phis take from the latch; {@code throwing} blocks only the body jumped to go with it.
     */
    static void rewriteCaller(IrFunction caller, ForLoop loop, Set<Block> throwing, List<Value> liveIns, Value term,
            MemberRef outlined, int line) {
        Block h = loop.header();
        int fromLatch = h.predecessors().indexOf(loop.latch());
        Block call = caller.newBlockAfter(h);
        IrBuilder ir = new IrBuilder();
        ir.setBlock(call);
        ir.setLine(line);
        Instruction result = ir.invokeStatic(outlined, liveIns.toArray(Value[]::new));
        Map<Value, Value> recomputed = new LinkedHashMap<>();
        if (term != null) {
            recomputed.put(term, result);
        }
        Set<Block> body = new HashSet<>(loop.body());
        body.remove(h);
        for (Instruction phi : h.phis()) {
            phi.setOperand(fromLatch, recompute(phi.operand(fromLatch), body, recomputed, ir));
        }
        Block first = h.successors().stream().filter(body::contains).findFirst().orElseThrow();
        Instruction jump = new Instruction(Op.GOTO, Opcodes.GOTO, Type.VOID_TYPE).withLine(line);
        jump.targets().add(h);
        h.predecessors().remove(loop.latch());
        call.terminate(jump); // appends the block to h's predecessors: move it to the latch's place
        h.predecessors().remove(call);
        h.predecessors().add(fromLatch, call);
        List<Block> targets = h.terminator().targets();
        targets.set(targets.indexOf(first), call);
        call.predecessors().add(h);
        for (Block b : List.copyOf(caller.blocks())) {
            if (body.contains(b)) {
                caller.removeBlock(b);
            }
        }
        for (Block t : throwing) {
            t.predecessors().removeIf(body::contains);
            if (t.predecessors().isEmpty()) {
                caller.removeBlock(t);
            }
        }
    }

    /** {@code v} in the call's block: itself if defined outside the body, else a copy of its computation. */
    private static Value recompute(Value v, Set<Block> body, Map<Value, Value> done, IrBuilder ir) {
        if (done.containsKey(v)) {
            return done.get(v);
        }
        if (!(v instanceof Instruction i) || !body.contains(i.block())) {
            return v;
        }
        Instruction copy = i.copyWithoutOperands();
        for (Value operand : i.operands()) {
            copy.addOperand(recompute(operand, body, done, ir));
        }
        ir.append(copy);
        done.put(v, copy);
        return copy;
    }
}
