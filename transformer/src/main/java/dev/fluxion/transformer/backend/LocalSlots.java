package dev.fluxion.transformer.backend;

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
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The locals of a function's values: values that are never live at the same time share one.
 *
 * <p>Not for speed (the JIT allocates registers itself) but for size. An adjoint that inlines a ray
 * tracer has a thousand values; one local each puts most of them above slot 255, where every load
 * and store takes the four-byte {@code wide} form, and the method over HotSpot's 8000-byte limit
 * for compilation. Shared, they fit in a few dozen locals.
 *
 * <p>Liveness is computed on the SSA form, with a phi's incoming values used at the end of their
 * edge and the phi defined there: the edge's copies load every incoming value before they store
 * any phi, so a phi need not stay clear of the values the copies read. A landing's phis are defined
 * where its guard ends, and they and what the landing reads stay live through the code that may
 * throw into it (the verifier merges every state of a try range into the handler's). Two values interfere when
 * one is live where the other is defined; the values are then given the lowest locals free of
 * their interfering neighbours, in order of definition, a phi and its incoming values preferring
 * one local, which makes their copy vanish. Parameters keep their own locals, which stay theirs:
 * the tape's registers read the {@code Tape} parameter anywhere.
 */
final class LocalSlots {
    private final IrFunction f;
    private final Predicate<Instruction> onStack;
    /** The values that need a local, by index: parameters, and instructions whose value is used or that are phis. */
    private final List<Value> values = new ArrayList<>();
    private final Map<Value, Integer> index = new HashMap<>();
    /** By value index, the indices of the values it interferes with. */
    private final List<BitSet> interference = new ArrayList<>();
    /** By value index, the phis it is an incoming value of, or the incoming values of the phi it is. */
    private final Map<Integer, Set<Integer>> related = new HashMap<>();
    private final Map<Value, Integer> slot = new HashMap<>();
    private int params;
    private int size;

    private LocalSlots(IrFunction f, Predicate<Instruction> onStack) {
        this.f = f;
        this.onStack = onStack;
    }

    /**
     * The local of each value of {@code f} that needs one, but those {@code onStack} says go
     * straight to their user on the operand stack; {@link #size()} the locals they take.
     */
    static LocalSlots of(IrFunction f, Predicate<Instruction> onStack) {
        LocalSlots s = new LocalSlots(f, onStack);
        s.collect();
        s.interfere(s.liveOut());
        s.color();
        return s;
    }

    /** The value's local, or {@code null} if it needs none. */
    Integer slot(Value v) {
        return slot.get(v);
    }

    /** The number of locals the values take: the first free one. */
    int size() {
        return size;
    }

    private boolean needsSlot(Instruction insn) {
        return insn.hasValue() && (!insn.users().isEmpty() || insn.isPhi()) && !onStack.test(insn);
    }

    /** The value's index, or -1 for a constant or an undefined value, which need no local. */
    private int indexOf(Value v) {
        Integer i = index.get(v);
        return i == null ? -1 : i;
    }

    private void add(Value v) {
        index.put(v, values.size());
        values.add(v);
        interference.add(new BitSet());
    }

    private void collect() {
        for (Param p : f.params()) {
            add(p);
        }
        params = values.size();
        for (Block b : f.blocks()) {
            for (Instruction insn : b.instructions()) {
                if (needsSlot(insn)) {
                    add(insn);
                }
            }
        }
        for (Block b : f.blocks()) {
            for (Instruction phi : b.phis()) {
                for (Value v : phi.operands()) {
                    int i = indexOf(v);
                    if (i >= 0 && v != phi) {
                        related.computeIfAbsent(indexOf(phi), k -> new LinkedHashSet<>()).add(i);
                        related.computeIfAbsent(i, k -> new LinkedHashSet<>()).add(indexOf(phi));
                    }
                }
            }
        }
    }

    /** The values live at the end of each block, before the copies onto its outgoing edges. */
    private Map<Block, BitSet> liveOut() {
        Map<Block, BitSet> in = new HashMap<>();
        Map<Block, BitSet> out = new HashMap<>();
        for (Block b : f.blocks()) {
            in.put(b, new BitSet());
            out.put(b, new BitSet());
        }
        List<Block> reversed = new ArrayList<>(f.blocks());
        Collections.reverse(reversed);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Block b : reversed) {
                BitSet live = new BitSet();
                for (Block s : b.successors()) {
                    live.or(in.get(s));
                    live.or(incoming(b, s));
                }
                Block guard = ExceptionEdges.guardOf(b);
                if (guard != null) {
                    // code that may throw into a landing: what the landing reads, and its phis, which the
                    // guard set, keep their locals all through it (the verifier merges its every state)
                    for (Block landing : ExceptionEdges.landings(guard)) {
                        live.or(in.get(landing));
                        live.or(phis(landing));
                    }
                }
                if (!live.equals(out.get(b))) {
                    out.put(b, (BitSet) live.clone());
                    changed = true;
                }
                BitSet liveIn = liveBefore(b, live, false);
                if (!liveIn.equals(in.get(b))) {
                    in.put(b, liveIn);
                    changed = true;
                }
            }
        }
        return out;
    }

    private BitSet phis(Block b) {
        BitSet phis = new BitSet();
        for (Instruction phi : b.phis()) {
            phis.set(indexOf(phi));
        }
        return phis;
    }

    /** The values {@code pred} passes to the phis of {@code succ}. */
    private BitSet incoming(Block pred, Block succ) {
        BitSet values = new BitSet();
        int at = succ.predecessors().indexOf(pred);
        for (Instruction phi : succ.phis()) {
            int i = indexOf(phi.operand(at));
            if (i >= 0) {
                values.set(i);
            }
        }
        return values;
    }

    /**
     * The values live at the top of {@code b} (its phis excluded: they are defined on the edges
     * into it), walking back from {@code liveAtEnd} at its end; if {@code record}, noting the
     * interference of each definition on the way.
     */
    private BitSet liveBefore(Block b, BitSet liveAtEnd, boolean record) {
        BitSet live = (BitSet) liveAtEnd.clone();
        if (b.terminator().op() == Op.TRY) {
            // the copies onto the edges into the landings, at the guard's end, define their phis
            for (Block landing : ExceptionEdges.landings(b)) {
                BitSet defined = phis(landing);
                live.andNot(defined);
                if (record) {
                    for (int d = defined.nextSetBit(0); d >= 0; d = defined.nextSetBit(d + 1)) {
                        interfere(d, live);
                        interfere(d, defined);
                    }
                }
                live.or(incoming(b, landing));
            }
        }
        List<Instruction> body = b.body();
        for (int k = body.size(); k >= 0; k--) {
            Instruction insn = k == body.size() ? b.terminator() : body.get(k);
            int d = indexOf(insn);
            if (d >= 0) {
                live.clear(d);
                if (record) {
                    interfere(d, live);
                }
            }
            for (Value v : insn.operands()) {
                int i = indexOf(v);
                if (i >= 0) {
                    live.set(i);
                }
            }
        }
        for (Instruction phi : b.phis()) {
            live.clear(indexOf(phi));
        }
        return live;
    }

    private void interfere(Map<Block, BitSet> liveOut) {
        for (Block b : f.blocks()) {
            BitSet liveIn = liveBefore(b, liveOut.get(b), true);
            if (b.phis().isEmpty()) {
                continue;
            }
            // the phis are stored together, on each edge into b, where what b reads is live
            for (Instruction phi : b.phis()) {
                liveIn.set(indexOf(phi));
            }
            for (Instruction phi : b.phis()) {
                interfere(indexOf(phi), liveIn);
            }
        }
    }

    /** Notes that value {@code d}, being defined, interferes with every value in {@code live} but itself. */
    private void interfere(int d, BitSet live) {
        BitSet mine = interference.get(d);
        for (int v = live.nextSetBit(params); v >= 0; v = live.nextSetBit(v + 1)) {
            if (v != d) {
                mine.set(v);
                interference.get(v).set(d);
            }
        }
    }

    private void color() {
        int next = 0;
        for (int i = 0; i < params; i++) {
            slot.put(values.get(i), next);
            next += values.get(i).type().getSize();
        }
        int firstShared = next;
        size = next;
        for (int i = params; i < values.size(); i++) {
            Value v = values.get(i);
            int width = v.type().getSize();
            BitSet taken = taken(i);
            Integer chosen = null;
            for (int r : related.getOrDefault(i, Set.of())) {
                Integer s = slot.get(values.get(r));
                if (s != null && s >= firstShared && values.get(r).type().getSize() == width
                        && taken.nextSetBit(s) >= s + width) {
                    chosen = s;
                    break;
                }
            }
            if (chosen == null) {
                int s = taken.nextClearBit(firstShared);
                while (taken.nextSetBit(s) >= 0 && taken.nextSetBit(s) < s + width) {
                    s = taken.nextClearBit(s + 1);
                }
                chosen = s;
            }
            slot.put(v, chosen);
            size = Math.max(size, chosen + width);
        }
    }

    /** The locals that values interfering with value {@code i} already hold. */
    private BitSet taken(int i) {
        BitSet taken = new BitSet();
        BitSet neighbours = interference.get(i);
        for (int n = neighbours.nextSetBit(0); n >= 0; n = neighbours.nextSetBit(n + 1)) {
            Value v = values.get(n);
            Integer t = slot.get(v);
            if (t != null) {
                taken.set(t, t + v.type().getSize());
            }
        }
        return taken;
    }
}
