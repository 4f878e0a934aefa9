package dev.fluxion.benchmarks;

import dev.fluxion.Differentiable;
import org.hipparchus.analysis.differentiation.Gradient;

/** The extended Rosenbrock function, sum of 100 (x_{i+1} - x_i^2)^2 + (1 - x_i)^2, and its gradients. */
public final class Rosenbrock {
    private Rosenbrock() {
    }

    /** The classic starting point (-1.2, 1, -1.2, 1, ...). */
    public static double[] start(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i % 2 == 0 ? -1.2 : 1.0;
        }
        return x;
    }

    @Differentiable
    public static double objective(double[] x) {
        double s = 0;
        for (int i = 0; i + 1 < x.length; i++) {
            double a = x[i + 1] - x[i] * x[i];
            double b = 1 - x[i];
            s += 100 * a * a + b * b;
        }
        return s;
    }

    /** The gradient as one would write it by hand. */
    public static double manual(double[] x, double[] g) {
        java.util.Arrays.fill(g, 0);
        double s = 0;
        for (int i = 0; i + 1 < x.length; i++) {
            double a = x[i + 1] - x[i] * x[i];
            double b = 1 - x[i];
            s += 100 * a * a + b * b;
            g[i] += -400 * a * x[i] - 2 * b;
            g[i + 1] += 200 * a;
        }
        return s;
    }

    /** Hipparchus forward mode: n derivative slots per operation, O(n^2) in all. */
    public static double hipparchus(double[] x, double[] g) {
        int n = x.length;
        Gradient s = Gradient.constant(n, 0);
        Gradient next = Gradient.variable(n, 0, x[0]);
        for (int i = 0; i + 1 < n; i++) {
            Gradient xi = next;
            next = Gradient.variable(n, i + 1, x[i + 1]);
            Gradient a = next.subtract(xi.square());
            Gradient b = xi.negate().add(1);
            s = s.add(a.square().multiply(100)).add(b.square());
        }
        System.arraycopy(s.getGradient(), 0, g, 0, n);
        return s.getValue();
    }
}
