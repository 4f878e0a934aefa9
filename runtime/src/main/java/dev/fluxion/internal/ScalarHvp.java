package dev.fluxion.internal;

/**
 * Bound to a generated {@code fluxion$hvp$f} of a {@code double f(double[])}: adds
 * {@code seed * H(x) v} into {@code xBar} and returns {@code grad f(x) . v}; {@code vBar} receives
 * {@code seed * grad f(x)}.
 */
@FunctionalInterface
public interface ScalarHvp {
    double hvp(double[] x, double[] v, double[] xBar, double[] vBar, double seed, Tape tape);
}
