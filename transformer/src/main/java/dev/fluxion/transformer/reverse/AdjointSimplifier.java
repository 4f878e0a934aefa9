package dev.fluxion.transformer.reverse;

import static org.objectweb.asm.Opcodes.DADD;
import static org.objectweb.asm.Opcodes.FADD;

import dev.fluxion.internal.Naming;
import dev.fluxion.transformer.analysis.ControlFlow;
import dev.fluxion.transformer.ir.Block;
import dev.fluxion.transformer.ir.Constant;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.IrBuilder;
import dev.fluxion.transformer.ir.IrFunction;
import dev.fluxion.transformer.ir.Op;
import dev.fluxion.transformer.ir.Value;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Removes {@code 0 + x} from an adjoint. The generator folds it where it can see the zero, but an
 * adjoint read in a block that was not yet sealed is a phi that becomes zero only later. The JIT
 * will not fold it for us: in IEEE arithmetic {@code 0.0 + -0.0} is {@code 0.0}, not {@code x}.
 * For an adjoint the sign of a zero carries no meaning, so here the rewrite is exact.
 *
 * <p>The zero may also hide in a cycle of phis: the adjoint of a value used inside a loop is reset
 * to zero after each use, so at the reverse loop's header it is {@code phi [zero from outside,
 * zero from the latch]}, and around nested loops such phis feed each other. Each phi alone has two
 * different operands; only together are they zero. They are found optimistically (assume every
 * floating-point phi is zero, drop those with an operand that is not, until nothing changes) and
 * replaced by zero, so the JIT neither carries them around the loops nor adds them.
 *
 * <p>It also takes a shadow nobody reads ({@code tape.sink(x)}, passed to a callee for data it only
 * reads) once, before the loop that makes the call, when {@code x} is defined outside every loop:
 * the body of a sum over points, reversed one iteration at a time, is such a callee, and the lookup
 * per point cost GMM's gradient about 1.5% of its time. And it drops the mark of the tape's peak
 * from a function that records nothing.
 */
final class AdjointSimplifier {
    private AdjointSimplifier() {
    }

    static void simplify(IrFunction adjoint) {
        removeZeroPhis(adjoint);
        hoistSinks(adjoint);
        removeUnneededPeakMarks(adjoint);
        for (Block b : adjoint.blocks()) {
            for (Instruction insn : List.copyOf(b.body())) {
                if (insn.op() == Op.ARITHMETIC && (insn.opcode() == DADD || insn.opcode() == FADD)) {
                    if (IrBuilder.isZero(insn.operand(0))) {
                        insn.replaceAllUsesWith(insn.operand(1));
                        b.remove(insn);
                    } else if (IrBuilder.isZero(insn.operand(1))) {
                        insn.replaceAllUsesWith(insn.operand(0));
                        b.remove(insn);
                    }
                }
            }
        }
    }

    private static void removeZeroPhis(IrFunction f) {
        Set<Instruction> zero = new LinkedHashSet<>();
        for (Block b : f.blocks()) {
            for (Instruction phi : b.phis()) {
                if (phi.isFloating()) {
                    zero.add(phi);
                }
            }
        }
        for (boolean changed = true; changed; ) {
            changed = zero.removeIf(phi -> !phi.operands().stream().allMatch(v -> zero.contains(v) || isPositiveZero(v)));
        }
        for (Instruction phi : zero) {
            phi.replaceAllUsesWith(Constant.zero(phi.type()));
        }
        for (Instruction phi : zero) {
            phi.block().removePhi(phi);
        }
    }

    /**
     * Moves each {@code tape.sink(x)} made in a loop to right after the definition of {@code x} (or
     * to the entry, for parameters), when that is outside every loop. The sink is a lookup by length
     * with no effect but, at worst, allocating the array, so running it where the loop's call would
     * not run costs nothing that matters.
     */
    private static void hoistSinks(IrFunction f) {
        ControlFlow cfg = new ControlFlow(f);
        for (Block b : f.blocks()) {
            if (!cfg.inLoop(b)) {
                continue;
            }
            for (Instruction sink : List.copyOf(b.body())) {
                if (!isSink(sink)) {
                    continue;
                }
                Instruction after = null; // the operand defined last, or null if all are parameters
                boolean movable = true;
                for (Value operand : sink.operands()) {
                    if (operand instanceof Instruction def) {
                        movable &= !cfg.inLoop(def.block()) && (after == null || after.block() == def.block());
                        after = after == null || position(after) < position(def) ? def : after;
                    }
                }
                if (movable) {
                    Instruction copy = sink.copyWithoutOperands();
                    sink.operands().forEach(copy::addOperand);
                    insertAfter(after, f.entry(), copy);
                    sink.replaceAllUsesWith(copy);
                    b.remove(sink);
                }
            }
        }
    }

    /**
     * Removes the mark of the tape's peak where the forward sweep ends if the function records
     * nothing itself: the peaks of its callees' recordings are theirs to mark. Rosenbrock's term,
     * reversed one at a time, records nothing, and the mark per term made its gradient 37% slower.
     */
    private static void removeUnneededPeakMarks(IrFunction f) {
        List<Instruction> marks = new ArrayList<>();
        for (Block b : f.blocks()) {
            for (Instruction insn : b.body()) {
                if (isTapeCall(insn)) {
                    String name = insn.member().name();
                    if (name.equals("markPeak")) {
                        marks.add(insn);
                    } else if (name.startsWith("push") || name.equals("saveContents")) {
                        return;
                    }
                }
            }
        }
        for (Instruction mark : marks) {
            mark.block().remove(mark);
        }
    }

    private static boolean isTapeCall(Instruction insn) {
        return insn.op() == Op.INVOKE && insn.member() != null && insn.member().owner().equals(Naming.TAPE_INTERNAL_NAME);
    }

    private static boolean isSink(Instruction insn) {
        return isTapeCall(insn) && insn.member().name().equals("sink");
    }

    /** The place of {@code insn} in its block: phis first (-1), then the body in order. */
    private static int position(Instruction insn) {
        return insn.isPhi() ? -1 : insn.block().body().indexOf(insn);
    }

    /** Inserts {@code insn} right after {@code def}, or at the end of {@code entry}'s body if {@code def} is null. */
    private static void insertAfter(Instruction def, Block entry, Instruction insn) {
        if (def == null) {
            entry.append(insn);
            return;
        }
        Block at = def.block();
        List<Instruction> body = at.body();
        int next = position(def) + 1;
        if (next < body.size()) {
            at.insertBefore(body.get(next), insn);
        } else {
            at.append(insn);
        }
    }

    /** {@code +0.0}: a phi of such constants alone is exactly {@code +0.0}, primal or adjoint. */
    private static boolean isPositiveZero(Object v) {
        return v instanceof Constant c && (c.value() instanceof Double d && Double.doubleToRawLongBits(d) == 0
                || c.value() instanceof Float x && Float.floatToRawIntBits(x) == 0);
    }
}
