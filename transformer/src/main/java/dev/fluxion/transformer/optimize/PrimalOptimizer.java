package dev.fluxion.transformer.optimize;

import dev.fluxion.transformer.analysis.Callees;
import dev.fluxion.transformer.ir.ExceptionEdges;
import dev.fluxion.transformer.ir.IrFunction;

/**
 * Rewrites of the primal SSA, after inlining and before activity analysis, that compute the same
 * values (the same IEEE operations on the same operands) with fewer of them for the reverse sweep
 * to record; one ({@link ShiftedLogSumExp}) also leaves out derivatives that cancel exactly. Each
 * is a classic compiler optimisation chosen for what it saves the adjoint, which is why they run
 * here and not only in the JIT: the JIT sees the derivative after the tape pushes are written,
 * when it is too late to leave them out.
 */
public final class PrimalOptimizer {
    private PrimalOptimizer() {
    }

    /**
     * Optimises {@code f} in place; returns whether anything changed. A function with try blocks is
     * left as it is: the rewrites move and drop reads that may throw, which would change where (and
     * whether) an exception reaches its handler.
     */
    public static boolean optimize(IrFunction f, Callees callees) {
        if (ExceptionEdges.any(f)) {
            return false;
        }
        boolean changed = LoopExits.split(f);
        changed |= ReceiverFields.hoist(f, callees);
        changed |= ConstantFolding.fold(f);
        changed |= InvariantLoopBounds.hoist(f);
        changed |= FlatArrays.flatten(f);
        changed |= IntegerIdentities.fold(f);
        changed |= SmallArrays.replace(f);
        changed |= RedundantLoads.eliminate(f);
        changed |= LoopForwarding.forward(f, callees);
        changed |= DeadTemporaries.remove(f);
        changed |= SubsumedLoops.remove(f);
        changed |= LoopFusion.fuse(f, callees);
        changed |= MinMaxSelectors.rewrite(f);
        changed |= ShiftedLogSumExp.rewrite(f);
        return changed;
    }
}
