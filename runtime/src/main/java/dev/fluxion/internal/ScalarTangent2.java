package dev.fluxion.internal;

/**
 * Bound to a generated two-lane tangent of {@code double f(double[])} (vector forward mode):
 * returns {@code f(x)} and leaves the derivatives along {@code d0 .. d1} on the tape, {@code d1}'s on top.
 */
@FunctionalInterface
public interface ScalarTangent2 {
    double tangent(double[] x, double[] d0, double[] d1, Tape tape);
}
