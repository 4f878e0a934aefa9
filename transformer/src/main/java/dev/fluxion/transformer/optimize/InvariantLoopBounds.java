package dev.fluxion.transformer.optimize;

import dev.fluxion.transformer.analysis.ControlFlow;
import dev.fluxion.transformer.ir.Block;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.IrFunction;
import dev.fluxion.transformer.ir.Op;
import dev.fluxion.transformer.ir.Types;
import dev.fluxion.transformer.ir.Value;
import java.util.List;
import java.util.Set;

/**
 * Moves a loop's bound out of its header when the loop does not change it: {@code i < x.length},
 * {@code i < from + length}. javac computes the bound in the header, once per iteration; there the
 * loop is no {@link dev.fluxion.transformer.analysis.ForLoops for loop}, so the reverse sweep
 * records its trip count instead of computing it, and the optimisations and per-iteration reversal
 * that need one pass it by. Loop-invariant code motion, restricted to what a bound is made of:
 * array lengths and integer arithmetic on values defined before the loop. Only a prefix of the
 * header is moved, into the block that enters the loop and does nothing else afterwards, so that
 * an exception (a null array, a division by zero) is thrown where it was, before anything else.
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
                }
            }
        }
        return changed;
    }

    private static boolean hoistPrefix(Block h, Block pre, Set<Block> loop) {
        boolean changed = false;
        for (Instruction insn : List.copyOf(h.body())) {
            if (!isBoundArithmetic(insn) || insn.operands().stream().anyMatch(v -> isDefinedIn(v, loop))) {
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

    private static boolean isBoundArithmetic(Instruction insn) {
        return insn.op() == Op.ARRAY_LENGTH || insn.op() == Op.ARITHMETIC && !Types.isFloating(insn.type());
    }

    private static boolean isDefinedIn(Value v, Set<Block> loop) {
        return v instanceof Instruction i && loop.contains(i.block());
    }
}
