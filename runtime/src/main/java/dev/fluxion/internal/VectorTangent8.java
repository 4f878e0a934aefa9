package dev.fluxion.internal;

/**
 * Bound to a generated eight-lane tangent of {@code void f(double[] in, double[] out)} (vector
 * forward mode): {@code outK} receives {@code J inK} for each lane {@code K}.
 */
@FunctionalInterface
public interface VectorTangent8 {
    void tangent(double[] in, double[] out, double[] in0, double[] out0, double[] in1, double[] out1, double[] in2,
            double[] out2, double[] in3, double[] out3, double[] in4, double[] out4, double[] in5, double[] out5,
            double[] in6, double[] out6, double[] in7, double[] out7, Tape tape);
}
