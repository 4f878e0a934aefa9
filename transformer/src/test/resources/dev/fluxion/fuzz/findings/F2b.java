package dev.fluxion.fuzz.gen;

import dev.fluxion.Differentiable;
import dev.fluxion.ScalarFunction;

/** x has length 3. */
public final class F2b {
    public static ScalarFunction entry() {
        return F2b::f;
    }

    @Differentiable
    public static double f(double[] x) {
        double[][] m = {x.clone(), {x[0] * x[1], 2}};
        return h(m);
    }

    /** Swaps the rows of a copy of the matrix it is given (the copy is its own outer array). */
    @Differentiable
    static double h(double[][] p) {
        double[][] w = p.clone();
        double[] t = w[0];
        w[0] = w[1];
        w[1] = t;
        return w[0][0] * w[1][1];
    }
}
