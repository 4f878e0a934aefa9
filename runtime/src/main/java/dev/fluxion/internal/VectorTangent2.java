package dev.fluxion.internal;

/**
 * Bound to a generated two-lane tangent of {@code void f(double[] in, double[] out)} (vector
 * forward mode): {@code outK} receives {@code J inK} for each lane {@code K}.
 */
@FunctionalInterface
public interface VectorTangent2 {
    void tangent(double[] in, double[] out, double[] in0, double[] out0, double[] in1, double[] out1, Tape tape);
}
