package dev.fluxion.fuzz.gen;

import dev.fluxion.Differentiable;
import dev.fluxion.ScalarFunction;

/** x has length 5. */
public final class F4a {
    public static ScalarFunction entry() {
        return F4a::f;
    }

    @Differentiable
    public static double f(double[] x) {
        double[] a = x.clone();
        double s = 0;
        for (int r = 0; r < 1; r++) {
            double t = 0;
            outer:
            for (int k = 0; k < 2; k++) {
                for (int i = 0; i < a.length; i++) {
                    if (i == 1) {
                        t = a[i] * a[i];
                        break outer;
                    }
                }
                a[1] = Math.cos(a[0]); // never runs: the loop above leaves both loops first
            }
            s += t;
        }
        return s - x[1];
    }
}
