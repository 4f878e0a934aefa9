package dev.fluxion.internal;

/** Bound, through {@code LambdaMetafactory}, to a generated {@code double f(double[])} adjoint. */
@FunctionalInterface
public interface ScalarAdjoint {
    double adjoint(double[] x, double[] xBar, double seed, Tape tape);
}
