package dev.fluxion.fuzz.gen;

import dev.fluxion.Differentiable;
import dev.fluxion.ScalarFunction;

/** x has length 3. */
public final class F3a {
    public static ScalarFunction entry() {
        return F3a::f;
    }

    @Differentiable
    public static double f(double[] x) {
        double[] zeros = new double[3];
        double[] b = zeros.clone();
        b[0] = x[0] * x[1];
        return b[0] * b[0];
    }
}
