package dev.fluxion.fuzz.gen;

import dev.fluxion.Differentiable;
import dev.fluxion.ScalarFunction;

/** x has length 3. */
public final class F1b {
    public static ScalarFunction entry() {
        return F1b::f;
    }

    @Differentiable
    public static double f(double[] x) {
        double[][] m = {{1, 2}, {3, 4}};
        m[1] = x;
        return h(x, m, 2);
    }

    /** Recursive, reads its arrays and writes neither. */
    @Differentiable
    static double h(double[] p, double[][] q, int d) {
        if (d <= 0) {
            return p[0] * q[1][1];
        }
        return h(p, q, d - 1);
    }
}
