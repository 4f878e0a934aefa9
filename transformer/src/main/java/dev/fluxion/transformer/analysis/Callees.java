package dev.fluxion.transformer.analysis;

import dev.fluxion.transformer.ir.MemberRef;

/** Tells the passes which called methods are themselves {@code @Differentiable}. */
@FunctionalInterface
public interface Callees {
    boolean isDifferentiable(MemberRef method);
}
