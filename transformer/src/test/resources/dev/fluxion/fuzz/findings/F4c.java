package dev.fluxion.fuzz.gen;

import dev.fluxion.Differentiable;
import dev.fluxion.ScalarFunction;

/** x has length 5. */
public final class F4c {
    public static ScalarFunction entry() {
        return F4c::f;
    }

    @Differentiable
    public static double f(double[] x) {
        double[] m = x.clone();
        double s = 0;
        for (int r = 0; r < 1; r++) {
            s += h(m);
        }
        return s - x[1];
    }

    @Differentiable
    static double h(double[] a) {
        for (double e : a) {
            for (int i = 0; i < a.length; i++) {
                if (i % 2 != 0) {
                    return a[i] * a[i];
                }
            }
            a[1] = Math.cos(e);
        }
        return a[0];
    }
}
