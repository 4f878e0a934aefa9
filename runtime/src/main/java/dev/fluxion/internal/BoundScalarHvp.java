package dev.fluxion.internal;

/**
 * Bound, through {@code LambdaMetafactory}, to the Hessian-vector product of an instance method
 * {@code double f(double[])}: static, with the receiver first (see {@link ScalarHvp}).
 */
@FunctionalInterface
public interface BoundScalarHvp {
    double hvp(Object receiver, double[] x, double[] v, double[] xBar, double[] vBar, double seed, Tape tape);
}
