package dev.fluxion.fuzz.gen;

import dev.fluxion.Differentiable;
import dev.fluxion.ScalarFunction;

/** x has length 3. */
public final class F1d {
    public static ScalarFunction entry() {
        return F1d::f;
    }

    @Differentiable
    public static double f(double[] x) {
        return g(x, x);
    }

    /** Not recursive, but calls a recursive helper; reads its arrays and writes neither. */
    @Differentiable
    static double g(double[] p, double[] q) {
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            s += p[i] * q[(i + 1) % q.length];
        }
        return s + h(p, 2);
    }

    @Differentiable
    static double h(double[] p, int d) {
        if (d <= 0) {
            return p[0];
        }
        return p[1] * h(p, d - 1);
    }
}
