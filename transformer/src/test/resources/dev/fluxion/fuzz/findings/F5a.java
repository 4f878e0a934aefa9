package dev.fluxion.fuzz.gen;

import dev.fluxion.Differentiable;
import dev.fluxion.ScalarFunction;
import java.util.Arrays;

/** Program 847 of seed 7: x has length 4. */
@SuppressWarnings("all")
public final class F5a {
    public static ScalarFunction entry() {
        return F5a::f;
    }

    @Differentiable
    public static double f(double[] x) {
        double[][] m4 = {{1.0, 1.0}, {1.0, 1.0}, x.clone()};
        double acc5 = 0;
        for (int r6 = 0; r6 < 1; r6++) {
            acc5 += h0(1.0, m4, m4[1], 1);
        }
        return h1(m4[2]);
    }

    /** Recursive (depth d): reversed jointly through its own adjoint. */
    @Differentiable
    static double h0(double p0, double[][] p1, double[] p2, int d) {
        if (d <= 0) {
            return 1.0;
        }
        double[][] m0 = {p2, p2, p2.clone()};
        return h0(1.0, p1, p2, d - 1);
    }

    /** Small: Fluxion inlines it. */
    @Differentiable
    static double h1(double[] p0) {
        return p0[1];
    }
}
