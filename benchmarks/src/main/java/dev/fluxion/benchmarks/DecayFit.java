package dev.fluxion.benchmarks;

import dev.fluxion.Differentiable;

/**
 * The residuals of a sum of exponential decays fitted to {@link #POINTS} observations, as a
 * Levenberg-Marquardt or Gauss-Newton solver asks for them: {@code r_i = y(t_i) - data_i} with
 * {@code y(t) = c + sum_j a_j exp(-k_j t)}, the parameters {@code (a_1, k_1, a_2, k_2, ...)},
 * preceded by the offset {@code c} when their number is odd. More residuals than parameters, so a
 * dense Jacobian is computed in forward mode, one column per parameter.
 */
public final class DecayFit {
    public static final int POINTS = 100;

    private DecayFit() {
    }

    @Differentiable
    public static void residuals(double[] p, double[] r) {
        int first = p.length % 2;
        double c = first == 1 ? p[0] : 0.0;
        for (int i = 0; i < r.length; i++) {
            double t = 0.05 * i;
            double y = c;
            for (int j = first; j + 1 < p.length; j += 2) {
                y += p[j] * Math.exp(-p[j + 1] * t);
            }
            r[i] = y - (1.5 * Math.exp(-0.7 * t) + 0.25 * Math.cos(t));
        }
    }

    /** A starting point of {@code n} parameters: amplitudes near 1, rates spread over (0.2, 2). */
    public static double[] start(int n) {
        double[] p = new double[n];
        int first = n % 2;
        if (first == 1) {
            p[0] = 0.1;
        }
        for (int j = first; j + 1 < n; j += 2) {
            p[j] = 1.0 / (1 + j);
            p[j + 1] = 0.2 + 1.8 * j / n;
        }
        return p;
    }
}
