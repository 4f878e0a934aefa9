package dev.fluxion.transformer.optimize;

import dev.fluxion.transformer.analysis.ControlFlow;
import dev.fluxion.transformer.ir.Block;
import dev.fluxion.transformer.ir.Constant;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.IrFunction;
import dev.fluxion.transformer.ir.Op;
import dev.fluxion.transformer.ir.Types;
import dev.fluxion.transformer.ir.Value;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Moves a loop's bound out of its header when the loop does not change it: {@code i < x.length},
 * {@code i < from + length}. javac computes the bound in the header, once per iteration; there the
 * loop is no {@link dev.fluxion.transformer.analysis.ForLoops for loop}, so the reverse sweep
 * records its trip count instead of computing it, and the optimisations and per-iteration reversal
 * that need one pass it by. Loop-invariant code motion, restricted to what a bound is made of:
 * array lengths and integer arithmetic on values defined before the loop. They move from the start
 * of the header, past arithmetic that stays there but cannot throw, into the block that enters the
 * loop and does nothing else afterwards, so that an exception (a null array, a division by zero) is
 * thrown where it was, before anything else.
 *
 * <p>A test {@code i + c < x.length} (javac's form of a loop that reads {@code x[i + 1]}, as
 * Rosenbrock's) becomes {@code i < x.length - c}, the difference computed before the loop: for a
 * count up from a non-negative constant and a constant {@code c >= 0} the two agree, since neither
 * side overflows ({@code x.length - c >= -c}, and {@code i + c} never passes the length).
 */
final class InvariantLoopBounds {
    private InvariantLoopBounds() {
    }

    static boolean hoist(IrFunction f) {
        boolean changed = false;
        for (Block h : f.blocks()) {
            if (h.predecessors().size() != 2) {
                continue;
            }
            for (int entering = 0; entering < 2; entering++) {
                Block pre = h.predecessors().get(entering);
                Set<Block> loop = ControlFlow.naturalLoop(f, h, h.predecessors().get(1 - entering));
                if (loop != null && !loop.contains(pre) && pre.successors().equals(List.of(h))) {
                    changed |= hoistPrefix(h, pre, loop);
                    changed |= testWithoutOffset(h, pre, entering, loop);
                }
            }
        }
        return changed;
    }

    private static boolean hoistPrefix(Block h, Block pre, Set<Block> loop) {
        boolean changed = false;
        for (Instruction insn : List.copyOf(h.body())) {
            if (!isBoundArithmetic(insn)) {
                break;
            }
            if (insn.operands().stream().anyMatch(v -> isDefinedIn(v, loop))) {
                if (cannotThrow(insn)) {
                    continue; // stays, and what follows may still move before it
                }
                break;
            }
            Instruction moved = insn.copyWithoutOperands();
            for (Value v : insn.operands()) {
                moved.addOperand(v);
            }
            pre.append(moved);
            insn.replaceAllUsesWith(moved);
            h.remove(insn);
            changed = true;
        }
        return changed;
    }

    /** Rewrites the header's test {@code i + c >= length} to {@code i >= length - c} (see above). */
    private static boolean testWithoutOffset(Block h, Block pre, int entering, Set<Block> loop) {
        Instruction test = h.terminator();
        if (test == null || test.op() != Op.IF || test.opcode() != Opcodes.IF_ICMPGE
                || !(test.operand(0) instanceof Instruction sum) || sum.block() != h || sum.op() != Op.ARITHMETIC
                || sum.opcode() != Opcodes.IADD || !(test.operand(1) instanceof Instruction length)
                || length.op() != Op.ARRAY_LENGTH || isDefinedIn(length, loop)) {
            return false;
        }
        int counter = sum.operand(0) instanceof Constant ? 1 : 0;
        Integer offset = nonNegative(sum.operand(1 - counter));
        if (offset == null || !(sum.operand(counter) instanceof Instruction i) || !i.isPhi() || i.block() != h) {
            return false;
        }
        Integer start = nonNegative(i.operand(entering));
        if (start == null || (long) start + offset > Integer.MAX_VALUE
                || !(i.operand(1 - entering) instanceof Instruction next) || next.op() != Op.ARITHMETIC
                || next.opcode() != Opcodes.IADD || next.operand(0) != i
                || !Integer.valueOf(1).equals(nonNegative(next.operand(1)))) {
            return false;
        }
        Instruction limit = pre.append(new Instruction(Op.ARITHMETIC, Opcodes.ISUB, Type.INT_TYPE, length,
                Constant.ofInt(offset)).withLine(sum.line()));
        test.setOperand(0, i);
        test.setOperand(1, limit);
        if (sum.users().isEmpty()) {
            h.remove(sum);
        }
        return true;
    }

    private static Integer nonNegative(Value v) {
        return v instanceof Constant c && c.value() instanceof Integer n && n >= 0 ? n : null;
    }

    private static boolean cannotThrow(Instruction insn) {
        return insn.op() == Op.ARITHMETIC && switch (insn.opcode()) {
            case Opcodes.IDIV, Opcodes.IREM, Opcodes.LDIV, Opcodes.LREM -> false;
            default -> true;
        };
    }

    private static boolean isBoundArithmetic(Instruction insn) {
        return insn.op() == Op.ARRAY_LENGTH || insn.op() == Op.ARITHMETIC && !Types.isFloating(insn.type());
    }

    private static boolean isDefinedIn(Value v, Set<Block> loop) {
        return v instanceof Instruction i && loop.contains(i.block());
    }
}
