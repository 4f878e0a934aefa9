package dev.fluxion.internal;

/**
 * Bound to a generated four-lane tangent of {@code double f(double[])} (vector forward mode):
 * returns {@code f(x)} and leaves the derivatives along {@code d0 .. d3} on the tape, {@code d3}'s on top.
 */
@FunctionalInterface
public interface ScalarTangent4 {
    double tangent(double[] x, double[] d0, double[] d1, double[] d2, double[] d3, Tape tape);
}
