package dev.fluxion.internal;

/**
 * Bound, through {@code LambdaMetafactory}, to a generated {@code void f(double[] in, double[] out)}
 * adjoint: {@code outBar} holds the seed on entry; on return {@code inBar} has {@code J^T seed}
 * added to it.
 */
@FunctionalInterface
public interface VectorAdjoint {
    void adjoint(double[] in, double[] out, double[] inBar, double[] outBar, Tape tape);
}
