package dev.fluxion.internal;

/**
 * Bound to a generated eight-lane tangent of {@code double f(double[])} (vector forward mode):
 * returns {@code f(x)} and leaves the derivatives along {@code d0 .. d7} on the tape, {@code d7}'s on top.
 */
@FunctionalInterface
public interface ScalarTangent8 {
    double tangent(double[] x, double[] d0, double[] d1, double[] d2, double[] d3, double[] d4, double[] d5,
            double[] d6, double[] d7, Tape tape);
}
