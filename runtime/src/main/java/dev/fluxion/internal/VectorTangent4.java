package dev.fluxion.internal;

/**
 * Bound to a generated four-lane tangent of {@code void f(double[] in, double[] out)} (vector
 * forward mode): {@code outK} receives {@code J inK} for each lane {@code K}.
 */
@FunctionalInterface
public interface VectorTangent4 {
    void tangent(double[] in, double[] out, double[] in0, double[] out0, double[] in1, double[] out1, double[] in2,
            double[] out2, double[] in3, double[] out3, Tape tape);
}
