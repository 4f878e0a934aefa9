package dev.fluxion.transformer.reverse;

import dev.fluxion.transformer.analysis.ActivityAnalysis;
import dev.fluxion.transformer.analysis.ArrayFamilies;
import dev.fluxion.transformer.analysis.ArrayOps;
import dev.fluxion.transformer.analysis.Callees;
import dev.fluxion.transformer.analysis.ControlFlow;
import dev.fluxion.transformer.ir.Block;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.IrFunction;
import dev.fluxion.transformer.ir.Op;
import dev.fluxion.transformer.ir.Types;
import dev.fluxion.transformer.ir.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Decides what the forward sweep records. The reverse sweep of block C needs some primal values
 * (those {@link LocalAdjoints#needs} names for C's active instructions). Such a value must be saved
 * only if its defining block may run again after C, i.e. if C reaches that block; otherwise its
 * local still holds the right value when the reverse sweep returns to C. So values defined once,
 * outside loops, are never recorded, and neither are parameters and constants.
 *
 * <p>A value defined outside a counted loop and needed in its reverse is the same throughout one
 * execution of the loop: it is recorded once, when the loop exits, not in every iteration.
 *
 * <p>Shadows of arrays follow the same rules: a block whose reverse needs the shadow of an array
 * allocated (or a row loaded) in a block that may run again records the shadow's reference, unless
 * it is a row that stays in place, whose shadow is read again from its holder's shadow.
 *
 * <p>Some values that must be saved are <em>rematerialised</em> instead. An element of an array
 * that nothing writes after the read is re-read, so only the index (and the array, if not at hand) is needed, an {@code int} instead of a {@code double},
 * and usually one already recorded. Integer arithmetic such as {@code i + 1} is recomputed from its
 * operands, and so is cheap floating-point arithmetic whose operands need no recording at all
 * ({@code 1 - x[i]}, {@code x[i + 1] - x[i] * x[i]}). Such a value, if it is defined outside a
 * counted loop and needed in its reverse, is recomputed once per execution of the loop, at the start
 * of the reverse of the blocks the loop exits to, not in every iteration.
 */
final class RecordingPlan {
    private final Map<Block, Set<Instruction>> recorded = new HashMap<>();
    private final Map<Block, Set<Instruction>> rematerialized = new HashMap<>();
    private final Map<Block, List<Instruction>> recordedShadows = new HashMap<>();
    private final Map<Block, List<Instruction>> rereadShadows = new HashMap<>();
    private final Set<Value> shadowsNeeded = new LinkedHashSet<>();
    private final Set<Value> neededAnywhere = new LinkedHashSet<>();
    private final Map<Instruction, Block> inductionHeader = new HashMap<>();
    /** Values, and arrays' shadows, recorded once per execution of a counted loop, by its header. */
    private final Map<Block, Set<Instruction>> perLoop = new HashMap<>();
    private final Map<Block, Set<Instruction>> shadowsPerLoop = new HashMap<>();
    /** Floating-point values defined outside a counted loop that its reverse recomputes once per execution, by header. */
    private final Map<Block, Set<Instruction>> recomputedPerLoop = new HashMap<>();
    private final Set<Instruction> invariantLoads = new java.util.HashSet<>();
    /** Arrays recorded whole once per execution of a counted loop, by header ({@link #snapshotLoop}). */
    private final Map<Block, Set<Value>> snapshots = new HashMap<>();
    private final Map<Instruction, Block> snapshotReads = new HashMap<>();
    private final Set<Block> computedCounts = new java.util.HashSet<>();
    /** Running indices the reverse sweep steps back instead of recording ({@link InvertedIndices}), by the inner loop's header. */
    private final InvertedIndices inverted;
    private final Set<Instruction> steppedBack = new LinkedHashSet<>();
    private final ControlFlow cfg;
    private final ActivityAnalysis activity;
    private final CountedLoops countedLoops;
    private final Callees callees;
    private final JoinDecisions decisions;

    RecordingPlan(IrFunction primal, ControlFlow cfg, ActivityAnalysis activity, LocalAdjoints rules,
            CountedLoops countedLoops, Callees callees) {
        this.callees = callees;
        this.cfg = cfg;
        this.activity = activity;
        this.countedLoops = countedLoops;
        this.decisions = new JoinDecisions(primal, cfg, countedLoops, (b, v) -> isAtHand(b, v, 0));
        this.inverted = new InvertedIndices(primal, countedLoops, this::inductionStep);
        // an index stepped back where its latch's reverse needs it before the step is recorded after all
        for (Set<Instruction> late = planAll(primal, rules); !late.isEmpty(); late = planAll(primal, rules)) {
            inverted.exclude(late);
        }
    }

    /** Plans every block; returns the stepped-back indices some latch's reverse needs before it steps them back. */
    private Set<Instruction> planAll(IrFunction primal, LocalAdjoints rules) {
        for (Map<?, ?> m : List.of(recorded, rematerialized, recordedShadows, rereadShadows, inductionHeader, perLoop,
                shadowsPerLoop, recomputedPerLoop)) {
            m.clear();
        }
        shadowsNeeded.clear();
        neededAnywhere.clear();
        invariantLoads.clear();
        computedCounts.clear();
        steppedBack.clear();
        Map<Block, Set<Value>> neededBy = new HashMap<>();
        for (Block b : primal.blocks()) {
            Set<Value> needed = new LinkedHashSet<>();
            for (Instruction insn : b.body()) {
                needed.addAll(rules.needs(insn));
            }
            needed.addAll(decisions.operandsFor(b));
            Set<Instruction> saved = recorded.computeIfAbsent(b, k -> new LinkedHashSet<>());
            Set<Instruction> recomputed = rematerialized.computeIfAbsent(b, k -> new LinkedHashSet<>());
            for (Value v : List.copyOf(needed)) {
                plan(b, v, needed, saved, recomputed);
            }
            for (Block header : countedLoops.countsPushedAt(b)) {
                Value[] bounds = countedLoops.countBounds(header);
                if (bounds != null && isFreeToRecompute(b, bounds[0], 0, saved, recomputed)
                        && isFreeToRecompute(b, bounds[1], 0, saved, recomputed)) {
                    computedCounts.add(header); // b's reverse recomputes the count from the bounds
                    plan(b, bounds[0], needed, saved, recomputed);
                    plan(b, bounds[1], needed, saved, recomputed);
                }
            }
            neededBy.put(b, needed);
            Set<Instruction> shadows = new LinkedHashSet<>();
            Set<Instruction> reread = new LinkedHashSet<>();
            for (Instruction insn : b.instructions()) {
                for (Value array : rules.shadowNeeds(insn)) {
                    planShadow(b, array, needed, saved, recomputed, shadows, reread);
                }
            }
            recordedShadows.put(b, new ArrayList<>(shadows));
            rereadShadows.put(b, new ArrayList<>(reread));
        }
        // values a loop's reverse recomputes once per execution, at the start of the reverse of the
        // blocks it exits to (where its count is); planning them there may defer more to outer loops
        Set<List<Object>> placed = new java.util.HashSet<>();
        for (boolean more = true; more; ) {
            more = false;
            for (Block b : primal.blocks()) {
                for (Block header : countedLoops.countsPushedAt(b)) {
                    for (Instruction v : List.copyOf(recomputedPerLoop.getOrDefault(header, Set.of()))) {
                        if (placed.add(List.of(b, v))) {
                            plan(b, v, neededBy.get(b), recorded.get(b), rematerialized.get(b));
                            more = true;
                        }
                    }
                }
            }
        }
        for (Set<Value> needed : neededBy.values()) {
            neededAnywhere.addAll(needed);
        }
        Set<Instruction> late = new LinkedHashSet<>();
        for (Instruction index : steppedBack) {
            if (neededBy.getOrDefault(inverted.latch(index), Set.of()).contains(index)) {
                late.add(index);
            }
        }
        return late;
    }

    /** Saves {@code v} for block {@code b}'s reverse, or plans to recompute it from its operands. */
    private void plan(Block b, Value v, Set<Value> needed, Set<Instruction> saved, Set<Instruction> recomputed) {
        needed.add(v);
        if (!mustSave(b, v) || saved.contains(v) || recomputed.contains(v)) {
            return;
        }
        Instruction insn = (Instruction) v;
        Block outer = inverted.loopStepping(insn, b);
        if (outer != null) {
            // stepped back in the reverse of each iteration; its value where the loop exits is recorded once per execution
            perLoop.computeIfAbsent(outer, k -> new LinkedHashSet<>()).add(insn);
            steppedBack.add(insn);
            return;
        }
        Value start = inductionStart(b, insn);
        Block snapshotLoop = snapshotLoop(b, insn);
        if (snapshotLoop != null) {
            // read again from a copy of the whole array, recorded once per execution of the loop
            snapshots.computeIfAbsent(snapshotLoop, k -> new LinkedHashSet<>()).add(insn.operand(0));
            snapshotReads.put(insn, snapshotLoop);
            plan(b, insn.operand(1), needed, saved, recomputed);
            recomputed.add(insn);
        } else if (start != null) {
            plan(b, start, needed, saved, recomputed);
            inductionHeader.put(insn, insn.block());
            recomputed.add(insn);
        } else if (insn.isFloating() && countedLoops.outermostLoopWithout(b, insn.block()) != null
                && isFreeToRecompute(b, insn, 0, saved, recomputed)) {
            // the same in every iteration of that loop: recomputed once, where its reverse starts
            recomputedPerLoop.computeIfAbsent(countedLoops.outermostLoopWithout(b, insn.block()),
                    k -> new LinkedHashSet<>()).add(insn);
        } else if (isFreeToRecompute(b, insn, 0, saved, recomputed)) {
            for (Value operand : insn.operands()) {
                plan(b, operand, needed, saved, recomputed);
            }
            recomputed.add(insn);
        } else if (isRereadable(insn)) {
            plan(b, insn.operand(0), needed, saved, recomputed);
            plan(b, insn.operand(1), needed, saved, recomputed);
            recomputed.add(insn); // after its operands: the reverse sweep recomputes in this order
        } else if (isCheapIntegerArithmetic(insn)) {
            for (Value operand : insn.operands()) {
                plan(b, operand, needed, saved, recomputed);
            }
            recomputed.add(insn);
        } else if (invariantLoadLoop(b, insn) != null) {
            // the same element of an array the loop does not write: recorded once, at the loop's exit
            perLoop.computeIfAbsent(invariantLoadLoop(b, insn), k -> new LinkedHashSet<>()).add(insn);
            invariantLoads.add(insn);
            plan(b, insn.operand(0), needed, saved, recomputed);
            plan(b, insn.operand(1), needed, saved, recomputed);
        } else {
            Block loop = countedLoops.outermostLoopWithout(b, insn.block());
            if (loop != null) {
                perLoop.computeIfAbsent(loop, k -> new LinkedHashSet<>()).add(insn);
            } else {
                saved.add(insn);
            }
        }
    }

    /**
     * Makes the shadow of {@code array} available to {@code b}'s reverse: still in its local, recorded
     * once per execution of a loop, re-read as a row of its holder's shadow ({@link #hasRereadableShadow}),
     * or recorded by {@code b}.
     */
    private void planShadow(Block b, Value array, Set<Value> needed, Set<Instruction> saved, Set<Instruction> recomputed,
            Set<Instruction> shadows, Set<Instruction> reread) {
        shadowsNeeded.add(array);
        if (!mustSave(b, array) || shadows.contains(array) || reread.contains(array)) {
            return;
        }
        Instruction insn = (Instruction) array;
        Block loop = countedLoops.outermostLoopWithout(b, insn.block());
        if (loop != null) {
            shadowsPerLoop.computeIfAbsent(loop, k -> new LinkedHashSet<>()).add(insn);
        } else if (hasRereadableShadow(insn)) {
            plan(b, insn.operand(1), needed, saved, recomputed);
            planShadow(b, insn.operand(0), needed, saved, recomputed, shadows, reread);
            reread.add(insn); // after its holder's shadow: the reverse sweep reads them in this order
        } else {
            shadows.add(insn);
        }
    }

    /**
     * Whether {@code array} is a row whose shadow the reverse sweep can read again from its holder's
     * shadow, by the same index: the forward sweep took it from there ({@link ShadowAllocation}; not
     * so a row of data read from a field, whose shadow is fresh zeros), and nothing may put another
     * row in its place after the read. The row's numbers may change, a simulation's state written in
     * place; which array holds them does not, so an {@code int} index (usually recomputed) replaces a
     * reference on the tape.
     */
    private boolean hasRereadableShadow(Instruction array) {
        if (array.op() != Op.ARRAY_LOAD || array.operand(0) instanceof Instruction holder && holder.op() == Op.FIELD_GET) {
            return false;
        }
        for (Instruction w : activity.families().writers(array.operand(0))) {
            if (mayReplaceRows(w) && isAfter(array, w)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a writer of a family may store a reference into an array of rows: a row store, an
     * {@code arraycopy} into an array of rows, a call that may move the rows of an array of rows it
     * is given. Stores of numbers and fills of a {@code double[]} only change numbers.
     */
    private boolean mayReplaceRows(Instruction w) {
        if (w.op() == Op.ARRAY_STORE) {
            return !Types.isFloating(w.operand(2).type());
        }
        ArrayOps op = ArrayOps.of(w);
        if (op == ArrayOps.FILL) {
            return false;
        }
        if (op == ArrayOps.ARRAYCOPY) {
            return !isOneDimensional(w.operand(2).type());
        }
        for (int j = 0; j < w.operands().size(); j++) {
            Value v = w.operand(j);
            if (ArrayFamilies.isMember(v) && !isOneDimensional(v.type()) && callees.mayMoveRows(w.member(), j)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isOneDimensional(Type t) {
        return Types.isFloatingArray(t) && t.getDimensions() == 1;
    }

    /**
     * Whether {@code v} can be recomputed in {@code b}'s reverse without recording anything more:
     * arithmetic (no division) over parameters, constants, values still in their locals, values
     * this block records or recomputes anyway, re-readable array elements and reads of final fields
     * (a data array read from an object inside a loop), a few operations deep. Recomputation repeats the
     * same IEEE operations on the same operands, so it gives the very value the forward sweep had.
     */
    private boolean isFreeToRecompute(Block b, Value v, int depth, Set<Instruction> saved, Set<Instruction> recomputed) {
        if (!mustSave(b, v) || saved.contains(v) || recomputed.contains(v)) {
            return true;
        }
        if (depth > MAX_RECOMPUTE_DEPTH || !(v instanceof Instruction insn)) {
            return false;
        }
        Value start = inductionStart(b, insn);
        if (start != null) {
            return isFreeToRecompute(b, start, depth + 1, saved, recomputed); // from the loop's trip count
        }
        if (isRereadable(insn)) {
            return isFreeToRecompute(b, insn.operand(0), depth + 1, saved, recomputed)
                    && isFreeToRecompute(b, insn.operand(1), depth + 1, saved, recomputed);
        }
        if (snapshotLoop(b, insn) != null) { // read again from the copy of its array
            return isFreeToRecompute(b, insn.operand(1), depth + 1, saved, recomputed);
        }
        if (insn.op() == Op.FIELD_GET && callees.isFinalField(insn.member())) { // it reads what it read
            return insn.operands().isEmpty() || isFreeToRecompute(b, insn.operand(0), depth + 1, saved, recomputed);
        }
        if (insn.op() != Op.ARITHMETIC || !isCheapArithmetic(insn.opcode())) {
            return false;
        }
        for (Value operand : insn.operands()) {
            if (!isFreeToRecompute(b, operand, depth + 1, saved, recomputed)) {
                return false;
            }
        }
        return true;
    }

    private static final int MAX_RECOMPUTE_DEPTH = 6;

    /**
     * Whether {@code b}'s reverse has the integer {@code v} without recording anything: a parameter, a
     * constant, a value still in its local, an index recomputed from a trip count, or cheap integer
     * arithmetic of those ({@link JoinDecisions}, which must add nothing to the tape).
     */
    private boolean isAtHand(Block b, Value v, int depth) {
        if (!mustSave(b, v)) {
            return true;
        }
        if (depth > MAX_RECOMPUTE_DEPTH || !(v instanceof Instruction insn)) {
            return false;
        }
        Value start = inductionStart(b, insn);
        if (start != null) {
            return isAtHand(b, start, depth + 1);
        }
        if (!isCheapIntegerArithmetic(insn)) {
            return false;
        }
        for (Value operand : insn.operands()) {
            if (!isAtHand(b, operand, depth + 1)) {
                return false;
            }
        }
        return true;
    }

    /** For a floating-point element read that a counted loop around {@code b} repeats unchanged: that loop, else {@code null}. */
    private Block invariantLoadLoop(Block b, Instruction insn) {
        if (insn.op() != Op.ARRAY_LOAD || !ArrayFamilies.isMember(insn.operand(0)) || !insn.isFloating()
                || insn.operand(0).type().getDimensions() != 1) {
            return null;
        }
        return countedLoops.outermostLoopWhereInvariant(b, insn, activity.families());
    }

    /**
     * For an element of a {@code double[]} read in {@code b}, inside loops, that must be saved (or an
     * operand of a value that must be, {@code 0.5 * x[i]}, recomputed from it): the
     * counted loop whose executions record the whole array once (an <em>array snapshot</em>), from
     * which the reverse sweep reads the element again by its index; else {@code null}. The loop is
     * the outermost one that keeps the array as it is ({@link CountedLoops#outermostLoopKeepingArray}),
     * and the read is worth replacing: it is inside a counted loop nested in that loop, and its index
     * does not depend on that loop's iteration, so each iteration of the loop reads the same elements
     * again (a matrix-vector product's {@code s += w[o][i] * x[i]} over rows {@code o} reads all of
     * {@code x} per row: {@code x.length} numbers per product recorded instead of one per
     * multiplication). The reverse of the inner loop then pops nothing, a plain loop over arrays that
     * the JIT unrolls and vectorises like a hand-written backpropagation.
     */
    private Block snapshotLoop(Block b, Instruction insn) {
        if (insn.op() != Op.ARRAY_LOAD || insn.type().getSort() != Type.DOUBLE || !ArrayFamilies.isMember(insn.operand(0))
                || !insn.operand(0).type().equals(Type.getType(double[].class)) || isRereadable(insn)
                || invariantLoadLoop(b, insn) != null) {
            return null; // re-read from the array itself, or recorded once per loop: cheaper
        }
        Block loop = countedLoops.outermostLoopKeepingArray(b, insn, activity.families());
        if (loop == null || dependsOnIteration(insn.operand(1), loop, new java.util.HashSet<>())) {
            return null;
        }
        for (Block inner : countedLoops.loopsAround(insn.block())) {
            if (countedLoops.isNestedIn(inner, loop)) {
                return loop;
            }
        }
        return null;
    }

    /**
     * Whether the integer {@code v} may differ from one iteration of the counted loop {@code loop} to
     * the next: it is (or is computed from) a phi of that loop other than an induction variable of a
     * counted loop nested in it whose start does not differ either. Values defined outside the loop,
     * and constants, do not.
     */
    private boolean dependsOnIteration(Value v, Block loop, Set<Value> seen) {
        if (!(v instanceof Instruction insn) || !countedLoops.contains(loop, insn.block()) || !seen.add(v)) {
            return false; // outside the loop, a constant, or a cycle through a nested loop's latch
        }
        if (insn.isPhi() && !(countedLoops.isNestedIn(insn.block(), loop) && inductionStep(insn) != null)) {
            return true;
        }
        if (!insn.isPhi() && (insn.op() != Op.ARITHMETIC || insn.type().getSort() != Type.INT)) {
            return true; // a value read or returned: it may change
        }
        for (Value operand : insn.operands()) {
            if (dependsOnIteration(operand, loop, seen)) {
                return true;
            }
        }
        return false;
    }

    /** The counted loop whose snapshot of the array the reverse sweep reads {@code load} from ({@link #snapshotLoop}), or {@code null}. */
    Block snapshotOf(Instruction load) {
        return snapshotReads.get(load);
    }

    /**
     * The arrays the forward sweep records whole once per execution of the counted loop with this
     * header, at its exits, with its count; the reverse sweep reads elements of them again.
     */
    List<Value> snapshotsPerLoop(Block header) {
        return new ArrayList<>(snapshots.getOrDefault(header, Set.of()));
    }

    /**
     * Whether {@code v}, recorded once per loop execution, is an element read inside the loop: the
     * forward sweep records it by reading the element again at the loop's exit (see
     * {@code Tape.pushElement}), where the read itself is not at hand.
     */
    boolean isInvariantLoad(Instruction v) {
        return invariantLoads.contains(v);
    }

    /**
     * If {@code v} is a basic induction variable of a counted loop around {@code b}, {@code i = phi
     * [start, i + c]}: that start. In the reverse sweep its value is {@code start + c * trips}, from
     * the trip count the loop's reversal keeps anyway, so the loop records no index at all; a start
     * that itself needs recording (an inner loop's, computed by the outer loop) is recorded once per
     * execution of the loop, or recomputed, like any value the reverse sweep needs.
     *
     * <p>Only inside the loop ({@code b} in its body): the reverse of a block the loop exits to
     * (and of any block after it, in a loop around both) runs before that block pops the count, so
     * there the trip count is still the previous execution's (fuzzer finding F4: an index read after
     * {@code break outer;}, or {@code x[i]} after {@code for (i = 0; i < 3; i++)}, taken as 0). There
     * the index is recorded like any other value.
     */
    private Value inductionStart(Block b, Instruction v) {
        Block h = v.block();
        if (!v.isPhi() || v.type().getSort() != Type.INT || !countedLoops.isCounted(h) || !countedLoops.contains(h, b)) {
            return null;
        }
        int fromLatch = h.predecessors().indexOf(countedLoops.latch(h));
        Value start = v.operand(1 - fromLatch);
        if (inductionStep(v) == null || start instanceof Instruction s && countedLoops.contains(h, s.block())) {
            return null;
        }
        return start; // if it must be saved, it is the same for the whole loop: recorded once per execution of it
    }

    /** The constant {@code c} of an induction variable {@code i = phi [start, i + c]}, or {@code null}. */
    Integer inductionStep(Instruction phi) {
        Block h = phi.block();
        Value next = phi.operand(h.predecessors().indexOf(countedLoops.latch(h)));
        if (next instanceof Instruction add && add.op() == Op.ARITHMETIC && add.opcode() == Opcodes.IADD
                && add.operand(0) == phi && add.operand(1) instanceof dev.fluxion.transformer.ir.Constant c) {
            return (Integer) c.value();
        }
        return null;
    }

    /** For an induction variable that block reverses recompute from the trip count: its loop header, else {@code null}. */
    Block inductionHeader(Instruction v) {
        return inductionHeader.get(v);
    }

    /** The start value of an induction variable (see {@link #inductionHeader}). */
    Value inductionStart(Instruction phi) {
        Block h = phi.block();
        return phi.operand(1 - h.predecessors().indexOf(countedLoops.latch(h)));
    }

    private static boolean isCheapArithmetic(int opcode) {
        int base = Types.intOpcode(opcode);
        return base == Opcodes.IADD || base == Opcodes.ISUB || base == Opcodes.IMUL || base == Opcodes.INEG;
    }

    /** {@code i + 1} and the like: recomputing costs less than a push and a pop. */
    private static boolean isCheapIntegerArithmetic(Instruction insn) {
        return insn.op() == Op.ARITHMETIC && insn.type().getSort() == Type.INT
                && switch (insn.opcode()) {
                    case Opcodes.IADD, Opcodes.ISUB, Opcodes.IMUL,
                            Opcodes.ISHL, Opcodes.IAND -> true;
                    default -> false;
                };
    }

    private boolean mustSave(Block b, Value v) {
        return v instanceof Instruction def && cfg.reaches(b, def.block());
    }

    /**
     * An element (or row) of a floating-point array that nothing writes after the read (a parameter,
     * a data table, rows of a matrix, a table filled earlier): reading it again in the reverse sweep
     * gives the value the forward sweep read.
     */
    private boolean isRereadable(Value v) {
        return v instanceof Instruction insn && insn.op() == Op.ARRAY_LOAD
                && ArrayFamilies.isMember(insn.operand(0)) && !isWrittenAfter(insn);
    }

    /**
     * Whether anything may write the array a load reads after the load: if not, the array still
     * holds the loaded element when the reverse sweep gets back to it (the reverse sweep writes no
     * primal array), so the element is re-read, not recorded. Arrays filled once and then only read
     * (a table computed before the main loop) qualify as well as arrays nothing writes.
     */
    private boolean isWrittenAfter(Instruction load) {
        for (Instruction w : activity.families().writers(load.operand(0))) {
            if (isAfter(load, w)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code later} may run after {@code insn}: later in its block, or in a block it reaches. */
    private boolean isAfter(Instruction insn, Instruction later) {
        Block at = insn.block();
        Block wb = later.block();
        return wb == at ? cfg.inLoop(at) || at.body().indexOf(later) > at.body().indexOf(insn) : cfg.reaches(at, wb);
    }

    /**
     * The running indices that the reverse of the loop whose inner loop has this header steps back,
     * by that inner loop's trip count times its step, where it has the count ({@link InvertedIndices}).
     */
    List<Instruction> steppedBackWith(Block innerHeader) {
        List<Instruction> out = new ArrayList<>();
        for (Instruction index : steppedBack) {
            if (inverted.innerHeader(index) == innerHeader) {
                out.add(index);
            }
        }
        return out;
    }

    /** The constant step of the inner induction variable by which {@code index} runs (see {@link #steppedBackWith}). */
    int innerStep(Instruction index) {
        return inductionStep(inverted.inner(index));
    }

    /** The values block {@code b} pushes at its end, in push order. */
    List<Instruction> recordedBy(Block b) {
        return List.copyOf(recorded.getOrDefault(b, Set.of()));
    }

    /**
     * Values that the reverse sweep of {@code b} recomputes instead of popping (array elements it
     * re-reads, integer arithmetic on indices), operands before the values that use them.
     */
    List<Instruction> recomputedBy(Block b) {
        return List.copyOf(rematerialized.getOrDefault(b, Set.of()));
    }

    /**
     * Values defined outside the counted loop with this header, and needed in its reverse: pushed
     * once per execution of the loop, with its trip count, at the start of the blocks it exits to.
     */
    List<Instruction> recordedPerLoop(Block header) {
        return new ArrayList<>(perLoop.getOrDefault(header, Set.of()));
    }

    /** Shadows recorded once per execution of the counted loop with this header, like {@link #recordedPerLoop}. */
    List<Instruction> recordedShadowsPerLoop(Block header) {
        return new ArrayList<>(shadowsPerLoop.getOrDefault(header, Set.of()));
    }

    /**
     * Rows whose shadows the reverse sweep of {@code b} reads again from their holders' shadows, after
     * it has recomputed or popped the indices, holders before their rows.
     */
    List<Instruction> rereadShadowsBy(Block b) {
        return rereadShadows.getOrDefault(b, List.of());
    }

    /** Arrays whose shadows block {@code b} pushes at its end (references), in push order. */
    List<Instruction> recordedShadowsBy(Block b) {
        return recordedShadows.getOrDefault(b, List.of());
    }

    /** Whether some reverse sweep reads the shadow of {@code array}. */
    boolean isShadowNeeded(Value array) {
        return shadowsNeeded.contains(array);
    }

    /**
     * Whether the trip count of the counted loop with this header is recomputed from its bounds
     * ({@code CountedLoops.countBounds}) in the reverse sweep, not recorded: the bounds are still in
     * their locals where the loop exits.
     */
    boolean isCountComputed(Block header) {
        return computedCounts.contains(header);
    }

    /** The joins whose entry edge the reverse sweep decides again. */
    JoinDecisions decisions() {
        return decisions;
    }

    /** Whether some reverse sweep reads the primal value of {@code v}. */
    boolean isNeeded(Value v) {
        return neededAnywhere.contains(v);
    }
}
