package dev.fluxion.transformer.analysis;

import dev.fluxion.transformer.ir.MemberRef;

/** Tells the passes which called methods are themselves {@code @Differentiable}, and what they may write. */
@FunctionalInterface
public interface Callees {
    boolean isDifferentiable(MemberRef method);

    /**
     * Whether a call may write elements of arrays passed to it. The default is the safe answer;
     * a precise one lets the adjoint re-read arrays instead of recording their elements.
     */
    default boolean mayWriteArrays(MemberRef method) {
        return true;
    }
}
