package dev.fluxion.smoke;

import dev.fluxion.Differentiable;

public class Smoke {
    @Differentiable
    public static double square(double x) {
        return x * x;
    }

    @Differentiable
    public static double prodSin(double[] x) {
        double s = 1;
        for (int i = 0; i < x.length; i++) {
            s = s * Math.sin(x[i]);
        }
        return s;
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
