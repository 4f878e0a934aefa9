package dev.fluxion.fuzz.gen;

import dev.fluxion.Differentiable;
import dev.fluxion.ScalarFunction;

/** x has length 3. */
public final class F2a {
    public static ScalarFunction entry() {
        return F2a::f;
    }

    @Differentiable
    public static double f(double[] x) {
        double[][] m = {x.clone(), {x[0] * x[1], 2}};
        return h(m);
    }

    /** Builds a new matrix of the rows of the one it is given; moves no row of that one. */
    @Differentiable
    static double h(double[][] p) {
        double[][] w = {p[1], p[0]};
        return w[0][0] * w[1][1];
    }
}
