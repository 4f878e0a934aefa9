package dev.fluxion.transformer.frontend;

import dev.fluxion.transformer.analysis.SideChannels;
import dev.fluxion.transformer.ir.Block;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.IrFunction;
import dev.fluxion.transformer.ir.MemberRef;
import dev.fluxion.transformer.ir.Op;
import dev.fluxion.transformer.ir.Value;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Null checks of objects that cannot be null: Kotlin checks every object parameter of a method
 * ({@code Intrinsics.checkNotNullParameter(o, "o")} in {@code operator fun plus(o: Vec2)}), javac
 * checks the receiver of a bound method reference ({@code Objects.requireNonNull(model)} before
 * {@code model::derivative}), and {@link ReadableCallees} the receiver of an inlined instance
 * method; where the object is one created by {@code new}, the check can never throw. It goes before the objects are replaced by their numbers ({@link ValueObjects},
 * {@link LocalObjects}), to which it would be a use that lets the object escape.
 */
final class NullChecks {
    private NullChecks() {
    }

    private static final MemberRef REQUIRE_NON_NULL =
            new MemberRef("java/util/Objects", "requireNonNull", "(Ljava/lang/Object;)Ljava/lang/Object;", false);

    /**
     * Removes the checks ({@link SideChannels#isCheck}, {@code Objects.requireNonNull(o)}) of values
     * that are allocations, or phis and casts of them only; the object itself takes the place of
     * what {@code requireNonNull} returns.
     */
    static void removeOfNewObjects(IrFunction f) {
        for (Block b : f.blocks()) {
            for (Instruction insn : List.copyOf(b.body())) {
                boolean check = insn.op() == Op.INVOKE && (SideChannels.isCheck(insn.member())
                        || insn.member().equals(REQUIRE_NON_NULL));
                if (check && !insn.operands().isEmpty() && isNewObject(insn.operand(0), new HashSet<>())) {
                    if (insn.hasValue()) {
                        insn.replaceAllUsesWith(insn.operand(0));
                    }
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
