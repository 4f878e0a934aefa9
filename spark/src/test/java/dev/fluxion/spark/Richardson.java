package dev.fluxion.spark;

import java.util.function.ToDoubleFunction;

/** Richardson-extrapolated central differences: the independent reference for gradients without a closed form. */
final class Richardson {
    private Richardson() {
    }

    /** {@code d f / d x[k]} by {@code (4 D(h/2) - D(h)) / 3}, {@code D} the central difference: error O(h^4). */
    static double partial(ToDoubleFunction<double[]> f, double[] x, int k, double h) {
        return (4 * central(f, x, k, h / 2) - central(f, x, k, h)) / 3;
    }

    static double[] gradient(ToDoubleFunction<double[]> f, double[] x, double h) {
        double[] g = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            g[k] = partial(f, x, k, h);
        }
        return g;
    }

    private static double central(ToDoubleFunction<double[]> f, double[] x, int k, double h) {
        double[] plus = x.clone();
        double[] minus = x.clone();
        plus[k] += h;
        minus[k] -= h;
        return (f.applyAsDouble(plus) - f.applyAsDouble(minus)) / (2 * h);
    }
}
