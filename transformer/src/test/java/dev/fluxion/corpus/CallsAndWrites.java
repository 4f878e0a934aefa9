package dev.fluxion.corpus;

import dev.fluxion.Differentiable;

/**
 * Calls that read an array which the caller writes before, or after, the call: the callee's
 * adjoint recomputes the call, and must see the array as it was at the call.
 */
public final class CallsAndWrites {
    private CallsAndWrites() {
    }

    @Differentiable
    static double sumOfSquares(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v * v;
        }
        return s;
    }

    /** Three rounds of s += |a|^2, then a[0] = 2 a[0] + a[1]: the call's array changes after it. */
    @Differentiable
    public static double writtenAfterTheCall(double[] x) {
        double[] a = x.clone();
        double s = 0;
        for (int k = 0; k < 3; k++) {
            s += sumOfSquares(a);
            a[0] = 2 * a[0] + a[1];
        }
        return s;
    }

    /** a is filled once, then only read by the calls: nothing needs saving. */
    @Differentiable
    public static double writtenOnlyBefore(double[] x) {
        double[] a = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            a[i] = x[i] * (i + 1);
        }
        double s = 0;
        for (int k = 1; k <= 3; k++) {
            s += k * sumOfSquares(a);
        }
        return s;
    }
}
