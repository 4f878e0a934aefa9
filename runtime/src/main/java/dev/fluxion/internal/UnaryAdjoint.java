package dev.fluxion.internal;

/**
 * Bound, through {@code LambdaMetafactory}, to a generated {@code double f(double)} adjoint. It
 * returns f(x) and leaves df/dx (times the seed) on the tape.
 */
@FunctionalInterface
public interface UnaryAdjoint {
    double adjoint(double x, double seed, Tape tape);
}
