package dev.fluxion.transformer.reverse;

import dev.fluxion.transformer.analysis.ActivityAnalysis;
import dev.fluxion.transformer.analysis.ControlFlow;
import dev.fluxion.transformer.ir.Block;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.IrFunction;
import dev.fluxion.transformer.ir.Op;
import dev.fluxion.transformer.ir.Param;
import dev.fluxion.transformer.ir.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides what the forward sweep records. The reverse sweep of block C needs some primal values
 * (those {@link LocalAdjoints#needs} names for C's active instructions). Such a value must be saved
 * only if its defining block may run again after C, i.e. if C reaches that block; otherwise its
 * local still holds the right value when the reverse sweep returns to C. So values defined once,
 * outside loops, are never recorded, and neither are parameters and constants.
 *
 * <p>A value that must be saved but is an element of a differentiated array parameter is
 * <em>rematerialised</em> instead: such arrays are never written (the differentiability check
 * guarantees it), so C's reverse re-reads the element, and only the index is saved if the index
 * itself must be. An {@code int} instead of a {@code double}, and usually one already recorded.
 */
final class RecordingPlan {
    private final Map<Block, List<Instruction>> recorded = new HashMap<>();
    private final Map<Block, List<Instruction>> rematerialized = new HashMap<>();
    private final Set<Value> neededAnywhere = new LinkedHashSet<>();
    private final ControlFlow cfg;
    private final ActivityAnalysis activity;

    RecordingPlan(IrFunction primal, ControlFlow cfg, ActivityAnalysis activity, LocalAdjoints rules) {
        this.cfg = cfg;
        this.activity = activity;
        for (Block b : primal.blocks()) {
            Set<Value> needed = new LinkedHashSet<>();
            for (Instruction insn : b.body()) {
                needed.addAll(rules.needs(insn));
            }
            List<Instruction> reloads = new ArrayList<>();
            for (Value v : needed) {
                if (mustSave(b, v) && isRereadable(v)) {
                    reloads.add((Instruction) v);
                }
            }
            for (Instruction load : reloads) {
                needed.add(load.operand(1));
            }
            List<Instruction> saved = new ArrayList<>();
            for (Value v : needed) {
                if (mustSave(b, v) && !reloads.contains(v)) {
                    saved.add((Instruction) v);
                }
            }
            neededAnywhere.addAll(needed);
            recorded.put(b, saved);
            rematerialized.put(b, reloads);
        }
    }

    private boolean mustSave(Block b, Value v) {
        return v instanceof Instruction def && cfg.reaches(b, def.block());
    }

    private boolean isRereadable(Value v) {
        return v instanceof Instruction insn && insn.op() == Op.ARRAY_LOAD && insn.operand(0) instanceof Param p
                && activity.isVaried(p);
    }

    /** The values block {@code b} pushes at its end, in push order. */
    List<Instruction> recordedBy(Block b) {
        return recorded.getOrDefault(b, List.of());
    }

    /** Array elements that the reverse sweep of {@code b} re-reads instead of popping. */
    List<Instruction> rereadBy(Block b) {
        return rematerialized.getOrDefault(b, List.of());
    }

    /** Whether some reverse sweep reads the primal value of {@code v}. */
    boolean isNeeded(Value v) {
        return neededAnywhere.contains(v);
    }
}
