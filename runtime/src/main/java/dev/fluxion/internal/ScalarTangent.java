package dev.fluxion.internal;

/**
 * Bound, through {@code LambdaMetafactory}, to a generated {@code double f(double[])} tangent:
 * returns {@code f(x)} and leaves the directional derivative along {@code xDot} on the tape.
 */
@FunctionalInterface
public interface ScalarTangent {
    double tangent(double[] x, double[] xDot, Tape tape);
}
