package dev.fluxion.fuzz.gen;

import dev.fluxion.Differentiable;
import dev.fluxion.ScalarFunction;
import java.util.Arrays;

/** Program 5725 of seed 4242 (shrunk), x has length 4: a plain helper given only a literal returns an array later written with differentiated values. */
@SuppressWarnings("all")
public final class F8a {
    public static ScalarFunction entry() {
        return F8a::f;
    }

    @Differentiable
    public static double f(double[] x) {
        double[] a0 = h0(1, (-2.0));
        double[] t1 = new double[x.length];
        double s2 = 0;
        for (int i4 = 0; i4 < x.length; i4++) {
            t1[i4] = a0[1];
        }
        for (int j5 = 0; j5 < x.length; j5++) {
            s2 += x[1];
        }
        for (int q6 = 0; q6 < x.length; q6++) {
            s2 += t1[q6] * t1[q6];
        }
        a0[1] = s2;
        return s2;
    }

    /** Small, not annotated: Fluxion differentiates through it. */
    static double[] h0(int p0, double p1) {
        return new double[] {0.1, 1.0};
    }
}
