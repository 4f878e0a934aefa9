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
                if (check && !insn.operands().isEmpty() && isNewObject(f, insn.operand(0), new HashSet<>())) {
                    if (insn.hasValue()) {
                        insn.replaceAllUsesWith(insn.operand(0));
                    }
                    b.remove(insn);
                }
            }
        }
    }

    private static boolean isNewObject(IrFunction f, Value v, Set<Value> seen) {
        if (!seen.add(v)) {
            return true; // around a loop: non-null if what enters it is
        }
        if (!(v instanceof Instruction i)) {
            return false;
        }
        return switch (i.op()) {
            case NEW_OBJECT, NEW_ARRAY -> true;
            case PHI, CHECKCAST -> i.operands().stream().allMatch(o -> isNewObject(f, o, seen));
            case FIELD_GET -> i.operands().size() == 1 && isStoredNewObject(f, i, seen);
            default -> false;
        };
    }

    /**
     * A field of an object made here that is given a new object once, before it is read: a ray's
     * origin, read by the body of {@code sphere.intersect(ray)} inlined ({@code ray.origin().minus(c)},
     * whose receiver {@link ReadableCallees} checks, as it cannot yet tell it is the {@code new Vec3}
     * the ray was made with).
     */
    private static boolean isStoredNewObject(IrFunction f, Instruction read, Set<Value> seen) {
        if (!(read.operand(0) instanceof Instruction object) || object.op() != Op.NEW_OBJECT) {
            return false;
        }
        List<Instruction> stores = object.users().stream().filter(u -> u.op() == Op.FIELD_PUT && u.operand(0) == object
                && u.member().name().equals(read.member().name())).toList();
        return stores.size() == 1 && ValueObjects.dominates(f, stores.get(0), read)
                && isNewObject(f, stores.get(0).operand(1), seen);
    }
}
