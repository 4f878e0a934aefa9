package dev.fluxion.fuzz.gen;

import dev.fluxion.Differentiable;
import dev.fluxion.ScalarFunction;

/** x has length 5. */
public final class F4b {
    public static ScalarFunction entry() {
        return F4b::f;
    }

    @Differentiable
    public static double f(double[] x) {
        double s = 0;
        for (int r = 0; r < 1; r++) {
            double t = 0;
            outer:
            for (int k = 0; k < 2; k++) {
                for (int i = 0; i < x.length; i++) {
                    if (i == 1) {
                        t = x[i] * x[i];
                        break outer;
                    }
                }
            }
            s += t;
        }
        return s;
    }
}
