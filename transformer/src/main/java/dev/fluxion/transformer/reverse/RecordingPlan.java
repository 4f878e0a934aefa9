package dev.fluxion.transformer.reverse;

import dev.fluxion.transformer.analysis.ControlFlow;
import dev.fluxion.transformer.ir.Block;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.IrFunction;
import dev.fluxion.transformer.ir.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides what the forward sweep records. The reverse sweep of block C needs some primal values
 * (those {@link LocalAdjoints#needs} names for C's active instructions). Such a value is pushed at the
 * end of C, and popped at the start of C's reverse, only if its defining block may run again
 * after C, i.e. if C reaches that block; otherwise its local still holds the right value when the
 * reverse sweep returns to C. So values defined once, outside loops, are never recorded, and
 * neither are parameters and constants.
 */
final class RecordingPlan {
    private final Map<Block, List<Instruction>> recorded = new HashMap<>();
    private final Set<Value> neededAnywhere = new LinkedHashSet<>();

    RecordingPlan(IrFunction primal, ControlFlow cfg, LocalAdjoints rules) {
        for (Block b : primal.blocks()) {
            Set<Value> needed = new LinkedHashSet<>();
            for (Instruction insn : b.body()) {
                needed.addAll(rules.needs(insn));
            }
            neededAnywhere.addAll(needed);
            List<Instruction> saved = new ArrayList<>();
            for (Value v : needed) {
                if (v instanceof Instruction def && cfg.reaches(b, def.block())) {
                    saved.add(def);
                }
            }
            recorded.put(b, saved);
        }
    }

    /** The values block {@code b} pushes at its end, in push order. */
    List<Instruction> recordedBy(Block b) {
        return recorded.getOrDefault(b, List.of());
    }

    /** Whether some reverse sweep reads the primal value of {@code v}. */
    boolean isNeeded(Value v) {
        return neededAnywhere.contains(v);
    }
}
