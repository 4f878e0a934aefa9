package com.acme;

import dev.fluxion.Differentiable;

public final class F {
    private F() {
    }

    /** f(x) = sum_i sin(x_i) x_{i+1} + x_0^3. */
    @Differentiable
    public static double f(double[] x) {
        double s = x[0] * x[0] * x[0];
        for (int i = 0; i + 1 < x.length; i++) {
            s += Math.sin(x[i]) * x[i + 1];
        }
        return s;
    }

    @Differentiable
    public static double g(double t) {
        return Math.exp(2 * t);
    }
}
