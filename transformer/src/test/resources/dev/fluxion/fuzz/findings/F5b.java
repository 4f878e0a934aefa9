package dev.fluxion.fuzz.gen;

import dev.fluxion.Differentiable;
import dev.fluxion.ScalarFunction;
import java.util.Arrays;

/** Program 1173 of seed 7: x has length 2. */
@SuppressWarnings("all")
public final class F5b {
    public static ScalarFunction entry() {
        return F5b::f;
    }

    @Differentiable
    public static double f(double[] x) {
        double[] r2 = h0(x, x);
        return 1.0;
    }

    /** Large: too big to inline, reversed jointly through its own adjoint. */
    @Differentiable
    static double[] h0(double[] p0, double[] p1) {
        for (double e1 : p1) {
            for (double e2 : p0) {
                double[][] m3 = {p1.clone(), p1, p1.clone()};
            }
        }
        return new double[] {1.0, 1.0};
    }
}
