package dev.fluxion.transformer.analysis;

import dev.fluxion.transformer.ir.MemberRef;

/** Tells the passes which called methods are themselves {@code @Differentiable}, and what they may write. */
@FunctionalInterface
public interface Callees {
    boolean isDifferentiable(MemberRef method);

    /**
     * Whether a call may write elements of the array passed as argument {@code index}. The default
     * is the safe answer; a precise one spares the adjoint recording arrays that do not change.
     */
    default boolean mayWriteArgument(MemberRef method, int index) {
        return true;
    }

    /** Whether the array a call returns may be the array passed as argument {@code index}, or a row of it. */
    default boolean mayReturnArgument(MemberRef method, int index) {
        return true;
    }
}
