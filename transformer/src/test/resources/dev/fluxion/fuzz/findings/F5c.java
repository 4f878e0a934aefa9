package dev.fluxion.fuzz.gen;

import dev.fluxion.Differentiable;
import dev.fluxion.ScalarFunction;
import java.util.Arrays;

/** Program 1260 of seed 7: x has length 2. */
@SuppressWarnings("all")
public final class F5c {
    public static ScalarFunction entry() {
        return F5c::f;
    }

    @Differentiable
    public static double f(double[] x) {
        double[] a0 = new double[5];
        double[][] m1 = {{1.0, 1.0}, x.clone()};
        for (double e11 : a0) {
            m1[0][0] = h1(m1, m1[1], 1.0);
        }
        return m1[1][1];
    }

    /** Small: Fluxion inlines it. */
    @Differentiable
    static double h1(double[][] p0, double[] p1, double p2) {
        double[][] m0 = {p1, p1.clone()};
        return 1.0;
    }
}
