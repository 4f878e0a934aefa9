package dev.fluxion.internal;

/**
 * Bound, through {@code LambdaMetafactory}, to the adjoint of an instance method
 * {@code double f(double[])}: the adjoint is static, with the receiver first.
 */
@FunctionalInterface
public interface BoundScalarAdjoint {
    double adjoint(Object receiver, double[] x, double[] xBar, double seed, Tape tape);
}
