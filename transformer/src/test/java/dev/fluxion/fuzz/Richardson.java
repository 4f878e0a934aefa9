package dev.fluxion.fuzz;

import java.util.function.DoubleFunction;

/**
 * Richardson extrapolation of central differences, as {@link dev.fluxion.testing.GradientCheck}
 * does it for the primal (steps h, h/2, h/4, two levels: error O(h^6)), for a vector-valued
 * function of one variable: all components of the gradient along a direction from the same six
 * gradient evaluations.
 */
final class Richardson {
    private Richardson() {
    }

    /** The derivative at 0 of {@code g}, a function of {@code t} with {@code m} components, from base step {@code h}. */
    static double[] derivative(DoubleFunction<double[]> g, int m, double h) {
        double[] d1 = central(g, m, h);
        double[] d2 = central(g, m, h / 2);
        double[] d3 = central(g, m, h / 4);
        double[] r = new double[m];
        for (int i = 0; i < m; i++) {
            double r1a = (4 * d2[i] - d1[i]) / 3;
            double r1b = (4 * d3[i] - d2[i]) / 3;
            r[i] = (16 * r1b - r1a) / 15;
        }
        return r;
    }

    private static double[] central(DoubleFunction<double[]> g, int m, double h) {
        double[] plus = g.apply(h);
        double[] minus = g.apply(-h);
        double[] d = new double[m];
        for (int i = 0; i < m; i++) {
            d[i] = (plus[i] - minus[i]) / (2 * h);
        }
        return d;
    }
}
