package dev.fluxion.corpus;

import dev.fluxion.Differentiable;

/** The example function from the specification, verbatim, with its helper. */
public final class SpecExample {
    private SpecExample() {
    }

    @Differentiable
    static double f(double[] x) {
        double s = 0;
        for (int i = 0; i + 1 < x.length; i++) {
            double a = x[i + 1] - x[i] * x[i];
            s += a > 0 ? 100 * a * a : Math.exp(a) - 1 - a;
            if (s > 1e6) return s;
        }
        return s + helper(x[0], x.length);
    }

    @Differentiable
    static double helper(double v, int n) {
        return n == 0 ? v : Math.sin(v) * helper(v * 0.5, n - 1);
    }
}
