package dev.fluxion.fuzz.gen;

import dev.fluxion.Differentiable;
import dev.fluxion.ScalarFunction;

/** x has length 3. */
public final class F3b {
    public static ScalarFunction entry() {
        return F3b::f;
    }

    @Differentiable
    public static double f(double[] x) {
        double[] c = {1.0, 2.0};
        double[][] m = {{1.0, 1.0}, {1.0, x[1]}};
        m[0] = java.util.Arrays.copyOf(c, 2);
        return m[0][0] + m[1][1] * m[1][1];
    }
}
