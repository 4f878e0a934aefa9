package dev.fluxion.transformer.frontend;

import dev.fluxion.transformer.analysis.SideChannels;
import dev.fluxion.transformer.ir.Block;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.IrFunction;
import dev.fluxion.transformer.ir.Op;
import dev.fluxion.transformer.ir.Value;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Null checks of objects that cannot be null: Kotlin checks every object parameter of a method
 * ({@code Intrinsics.checkNotNullParameter(o, "o")} in {@code operator fun plus(o: Vec2)}), and once
 * such a method is inlined where {@code o} is an object created by {@code new}, the check can never
 * throw. It goes before the objects are replaced by their numbers ({@link ValueObjects},
 * {@link LocalObjects}), to which it would be a use that lets the object escape.
 */
final class NullChecks {
    private NullChecks() {
    }

    /** Removes the checks ({@link SideChannels#isCheck}) of values that are allocations, or phis and casts of them only. */
    static void removeOfNewObjects(IrFunction f) {
        for (Block b : f.blocks()) {
            for (Instruction insn : List.copyOf(b.body())) {
                if (insn.op() == Op.INVOKE && SideChannels.isCheck(insn.member()) && !insn.operands().isEmpty()
                        && isNewObject(insn.operand(0), new HashSet<>())) {
                    b.remove(insn);
                }
            }
        }
    }

    private static boolean isNewObject(Value v, Set<Value> seen) {
        if (!seen.add(v)) {
            return true; // around a loop: non-null if what enters it is
        }
        if (!(v instanceof Instruction i)) {
            return false;
        }
        return switch (i.op()) {
            case NEW_OBJECT, NEW_ARRAY -> true;
            case PHI, CHECKCAST -> i.operands().stream().allMatch(o -> isNewObject(o, seen));
            default -> false;
        };
    }
}
