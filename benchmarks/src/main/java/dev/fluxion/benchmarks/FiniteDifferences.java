package dev.fluxion.benchmarks;

import dev.fluxion.ScalarFunction;

/**
 * Central finite differences, (f(x + h e_i) - f(x - h e_i)) / 2h with h = 1e-6 max(1, |x_i|): two
 * objective evaluations per input, so only sensible for a few dozen inputs; about 1e-8 accurate.
 */
public final class FiniteDifferences {
    private FiniteDifferences() {
    }

    /** Fills {@code grad} and returns f(x); {@code work} is a scratch array of x's length. */
    public static double valueAndGradient(ScalarFunction f, double[] x, double[] grad, double[] work) {
        System.arraycopy(x, 0, work, 0, x.length);
        for (int i = 0; i < x.length; i++) {
            double h = 1e-6 * Math.max(1, Math.abs(x[i]));
            work[i] = x[i] + h;
            double plus = f.apply(work);
            work[i] = x[i] - h;
            double minus = f.apply(work);
            work[i] = x[i];
            grad[i] = (plus - minus) / (2 * h);
        }
        return f.apply(x);
    }
}
