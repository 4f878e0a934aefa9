package dev.fluxion.transformer.reverse;

import dev.fluxion.internal.Naming;
import dev.fluxion.transformer.analysis.ActivityAnalysis;
import dev.fluxion.transformer.analysis.ArrayFamilies;
import dev.fluxion.transformer.analysis.Callees;
import dev.fluxion.transformer.derivatives.DerivativeRequest;
import dev.fluxion.transformer.analysis.ForLoops;
import dev.fluxion.transformer.analysis.ForLoops.ForLoop;
import dev.fluxion.transformer.ir.Block;
import dev.fluxion.transformer.ir.BlockCopier;
import dev.fluxion.transformer.ir.Constant;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.IrFunction;
import dev.fluxion.transformer.ir.MemberRef;
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
import java.util.function.ToIntFunction;
import org.objectweb.asm.Type;

/**
 * Adjoints too large for the JIT, split. HotSpot does not compile a method of more than 8000 bytes of
 * bytecode: it stays interpreted, some 20 times slower. Inlining every helper (a ray tracer's
 * {@code radiance}, {@code shade}, {@code hit}) into one method can give an adjoint that large. Then
 * the body of a loop is outlined into a method of its own, a <em>part</em>, which the caller calls
 * as it would call a {@code @Differentiable} method: its forward sweep runs the part, its reverse
 * sweep the part's adjoint, which runs the part again and reverses it (Tapenade's joint mode of
 * a subroutine). The adjoints are then each below the limit, and compiled.
 *
 * <p>A loop goes by its body (a part called once per iteration) when it is a {@link ForLoops for
 * loop} left only by its test (or by a failed check that throws), carries no floating-point value or
 * reference from one iteration to the next (its header's phis are integers whose next values the
 * caller can recompute: {@code i + 1}), and its body neither returns nor stores into a field; the
 * body's values from outside are the part's parameters. A counted loop that carries numbers (a ray
 * tracer's loop over objects carrying the nearest hit) goes whole, if {@link TimeLoops} could
 * checkpoint it: the loop method of {@link TimeLoopOutliner}, called once, its numbers packed in an
 * array it reads and writes back. Innermost loops are outlined first, the largest first, a round at a
 * time until every adjoint is small enough; a part may itself be split so (a loop outlined whole
 * carries nothing but its counter in its own method, so its body may go next).
 *
 * <p>The caller sees each part through {@link Callees}: differentiable, writing only the arrays its
 * body writes, and reading only those it reads: an array a part only writes (a pixel of an image) is
 * not saved before each call, since running the part again does not depend on it.
 */
public final class OutlinedBodies {
    private static final String PART_PREFIX = Naming.GENERATED_PREFIX + "part$";
    /** Parts at most per method: each round outlines one loop. */
    private static final int MAX_PARTS = 8;

    private final GeneratedCallees withParts;
    /** The parts' primals, in the order they were outlined. */
    private final Map<MemberRef, IrFunction> parts = new LinkedHashMap<>();

    private OutlinedBodies(Callees callees) {
        this.withParts = new GeneratedCallees(callees);
    }

    /**
     * The adjoint of {@code primal}, named {@code name}, and the adjoints of the loop bodies
     * {@link IndependentIterations} outlines, followed by the parts' primals and their adjoints, if
     * outlining makes every adjoint {@code size} measures at most {@code limit}; else {@code null}.
     */
    public static List<IrFunction> adjoints(IrFunction primal, Callees callees, Set<Integer> inputs, String name,
            ToIntFunction<IrFunction> size, int limit) {
        OutlinedBodies split = new OutlinedBodies(callees);
        IrFunction caller = BlockCopier.copy(primal);
        String partPrefix = PART_PREFIX + primal.name() + "$";
        for (int round = 0; round <= MAX_PARTS; round++) {
            Map<IrFunction, List<IrFunction>> adjoints = new LinkedHashMap<>();
            adjoints.put(caller, IndependentIterations.adjoints(caller, ActivityAnalysis.of(caller, split.withParts, inputs),
                    split.withParts, inputs, name));
            for (Map.Entry<MemberRef, IrFunction> e : split.parts.entrySet()) {
                IrFunction p = e.getValue();
                String adjoint = split.withParts.derivatives().member(DerivativeRequest.adjoint(e.getKey(), p.descriptor())).name();
                adjoints.put(p, IndependentIterations.adjoints(p, ActivityAnalysis.of(p, split.withParts, null),
                        split.withParts, null, adjoint));
            }
            IrFunction largest = null;
            int largestSize = limit;
            for (Map.Entry<IrFunction, List<IrFunction>> e : adjoints.entrySet()) {
                for (IrFunction adjoint : e.getValue()) {
                    int s = size.applyAsInt(adjoint);
                    if (s > largestSize) {
                        largest = e.getKey();
                        largestSize = s;
                    }
                }
            }
            if (largest == null) {
                List<IrFunction> out = new ArrayList<>(adjoints.remove(caller));
                for (Map.Entry<IrFunction, List<IrFunction>> e : adjoints.entrySet()) {
                    out.add(e.getKey());
                    out.addAll(e.getValue());
                }
                return out;
            }
            Set<Integer> largestInputs = largest == caller ? inputs : null;
            if (round == MAX_PARTS || !split.outlineOneLoop(largest, largestInputs, partPrefix + split.parts.size())) {
                return null;
            }
        }
        return null;
    }

    /**
     * Outlines the largest innermost loop of {@code f} that qualifies: its body, if it carries no
     * floating-point state, else the whole loop, if it is one {@link TimeLoops} could checkpoint (its
     * state then travels in an array, {@link TimeLoopOutliner}); whether there was one.
     *
     * @param inputs {@code f}'s differentiated parameters ({@code null}: all)
     */
    private boolean outlineOneLoop(IrFunction f, Set<Integer> inputs, String partName) {
        ForLoops loops = new ForLoops(f);
        ActivityAnalysis activity = ActivityAnalysis.of(f, withParts, inputs);
        Map<Block, TimeLoops.TimeLoop> wholes = TimeLoops.outlinable(f, activity, withParts);
        Map<ForLoop, Runnable> qualifying = new LinkedHashMap<>();
        for (Block h : f.blocks()) {
            ForLoop loop = loops.ofHeader(h);
            if (loop == null) {
                continue;
            }
            Set<Block> throwsTo = new HashSet<>();
            List<Value> in = liveIns(f, loop, throwsTo);
            TimeLoops.TimeLoop whole = in != null ? null : wholes.get(h);
            if (in != null) {
                qualifying.put(loop, () -> outlineBody(f, loop, throwsTo, in, partName));
            } else if (whole != null) {
                qualifying.put(loop, () -> outlineWhole(f, whole, activity, partName));
            }
        }
        ForLoop best = null;
        int bestSize = 0;
        for (ForLoop loop : qualifying.keySet()) {
            boolean innermost = qualifying.keySet().stream().noneMatch(o -> o != loop && loop.body().contains(o.header()));
            int s = loop.body().stream().mapToInt(b -> b.body().size()).sum();
            if (innermost && s > bestSize) {
                best = loop;
                bestSize = s;
            }
        }
        if (best == null) {
            return false;
        }
        qualifying.get(best).run();
        return true;
    }

    /** Outlines {@code loop}'s body into a part called once per iteration. */
    private void outlineBody(IrFunction f, ForLoop loop, Set<Block> throwing, List<Value> in, String partName) {
        IrFunction part = IndependentIterations.outlineBody(f, loop, throwing, in, null, null, null, partName);
        MemberRef ref = new MemberRef(f.owner(), part.name(), part.descriptor());
        IndependentIterations.rewriteCaller(f, loop, throwing, in, null, ref, loop.header().terminator().line());
        ArrayFamilies families = new ArrayFamilies(part, withParts);
        parts.put(ref, part);
        withParts.add(ref, new GeneratedCallees.Member(families.writtenParameters(part), read(part),
                families.rowsMovedParameters(part, withParts), null));
    }

    /**
     * Outlines a loop carrying state into a part that runs it whole, called once: the loop method of
     * {@link TimeLoopOutliner}, its numbers packed in an array it is given and writes back.
     */
    private void outlineWhole(IrFunction f, TimeLoops.TimeLoop loop, ActivityAnalysis activity, String partName) {
        TimeLoopOutliner.Outlined o = TimeLoopOutliner.outline(f, loop, activity, partName, partName + "$step");
        parts.put(o.loopRef(), o.loop());
        withParts.add(o.loopRef(), GeneratedCallees.Member.writing(o.written()));
    }

    /**
     * The values the loop's body uses from outside it, if the loop qualifies (see the class
     * comment); else {@code null}.
     */
    private static List<Value> liveIns(IrFunction f, ForLoop loop, Set<Block> throwing) {
        Block h = loop.header();
        Set<Block> body = new HashSet<>(loop.body());
        body.remove(h);
        if (body.isEmpty()) {
            return null;
        }
        for (Block b : body) {
            for (Block exit : b.successors()) {
                if (!loop.body().contains(exit)) {
                    if (!exit.successors().isEmpty() || exit.terminator().op() != Op.THROW || !exit.phis().isEmpty()) {
                        return null; // a break
                    }
                    throwing.add(exit); // a failed check: copied into the part
                }
            }
        }
        body.addAll(throwing);
        int fromLatch = h.predecessors().indexOf(loop.latch());
        for (Instruction phi : h.phis()) {
            if (Types.isFloating(phi.type()) || phi.type().getSort() >= Type.ARRAY
                    || !IndependentIterations.recomputable(phi.operand(fromLatch), body)) {
                return null;
            }
        }
        for (Block b : h.successors()) {
            if (loop.body().contains(b) && b.predecessors().size() != 1) {
                return null;
            }
        }
        List<Value> in = new ArrayList<>();
        for (Block b : f.blocks()) {
            if (!body.contains(b)) {
                continue;
            }
            for (Instruction insn : b.instructions()) {
                if (insn.op() == Op.RETURN || insn.op() == Op.FIELD_PUT) {
                    return null;
                }
                for (Value v : insn.operands()) {
                    if (!(v instanceof Constant) && !(v instanceof Undef) && !in.contains(v)
                            && !(v instanceof Instruction i && body.contains(i.block()))) {
                        in.add(v);
                    }
                }
            }
        }
        return in;
    }

    /**
     * The array parameters the part may read: all but those it only stores numbers into
     * ({@code image[k] = v}), which running it again does not need.
     */
    private static Set<Integer> read(IrFunction part) {
        Set<Integer> read = new HashSet<>();
        for (var p : part.params()) {
            if (p.type().getSort() != Type.ARRAY) {
                continue;
            }
            boolean onlyStored = p.type().getDimensions() == 1 && p.users().stream().allMatch(u -> u.op() == Op.ARRAY_STORE
                    && u.operand(0) == p && u.operand(2) != p);
            if (!onlyStored) {
                read.add(p.index());
            }
        }
        return read;
    }
}
