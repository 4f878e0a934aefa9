package dev.fluxion.samples;

import dev.fluxion.Differentiable;
import dev.fluxion.Fluxion;
import dev.fluxion.GradientOf;

/**
 * Recovers the diffusivity and the initial temperature bump of a rod from two measurements of its
 * temperature profile: the heat equation {@code u_t = kappa u_xx}, stepped explicitly 2000 times on
 * a state array that is overwritten every step, differentiated through the whole simulation. (One
 * measurement would not do: a wide bump diffusing slowly and a narrow one diffusing fast end alike.)
 * The gradient is a declared {@code @GradientOf} method: with respect to the parameters only, the
 * measurement is data.
 */
public final class HeatInversion {
    static final int N = 64;
    static final int STEPS = 2000;
    static final double DX = 1.0 / (N - 1);
    static final double DT = 1e-5;

    private HeatInversion() {
    }

    static final int EARLY = 200;

    /**
     * Temperatures after EARLY and after STEPS steps, into {@code early} and {@code u}, from the bump
     * a exp(-((x - 0.5) / w)^2), with diffusivity kappa.
     */
    @Differentiable
    static void simulate(double kappa, double a, double w, double[] early, double[] u) {
        for (int i = 0; i < N; i++) {
            double z = (i * DX - 0.5) / w;
            u[i] = a * Math.exp(-z * z);
        }
        double r = kappa * DT / (DX * DX);
        double[] next = new double[N];
        for (int step = 0; step < STEPS; step++) {
            for (int i = 1; i < N - 1; i++) {
                next[i] = u[i] + r * (u[i - 1] - 2 * u[i] + u[i + 1]);
            }
            System.arraycopy(next, 1, u, 1, N - 2);       // the ends stay at their initial temperature
            if (step == EARLY - 1) {
                System.arraycopy(u, 0, early, 0, N);
            }
        }
    }

    /** Mean squared misfit between simulated and measured temperatures (early ones, then late); p = (kappa, a, w). */
    @Differentiable
    static double misfit(double[] p, double[] measured) {
        double[] early = new double[N];
        double[] u = new double[N];
        simulate(p[0], p[1], p[2], early, u);
        double s = 0;
        for (int i = 0; i < N; i++) {
            double d = early[i] - measured[i];
            double e = u[i] - measured[N + i];
            s += d * d + e * e;
        }
        return s / N;
    }

    @GradientOf(value = "misfit", wrt = 0)
    static double misfitGradient(double[] p, double[] measured, double[] dp) {
        throw Fluxion.notTransformed();
    }

    public static void main(String[] args) {
        double[] truth = {0.6, 1.0, 0.08};
        double[] early = new double[N];
        double[] late = new double[N];
        simulate(truth[0], truth[1], truth[2], early, late);
        double[] measured = new double[2 * N];
        System.arraycopy(early, 0, measured, 0, N);
        System.arraycopy(late, 0, measured, N, N);

        double[] p = {0.2, 0.5, 0.15};
        double[] g = new double[3];
        double[] m = new double[3];
        double[] v = new double[3];
        long start = System.nanoTime();
        System.out.printf("%6s  %-12s  %-8s %-8s %-8s%n", "iter", "misfit", "kappa", "a", "w");
        double loss = 0;
        for (int it = 1; it <= 600; it++) {
            loss = misfitGradient(p, measured, g);
            double rate = 0.01 * Math.pow(0.997, it); // Adam with a decaying step
            for (int k = 0; k < 3; k++) { // Adam
                m[k] = 0.9 * m[k] + 0.1 * g[k];
                v[k] = 0.999 * v[k] + 0.001 * g[k] * g[k];
                double mHat = m[k] / (1 - Math.pow(0.9, it));
                double vHat = v[k] / (1 - Math.pow(0.999, it));
                p[k] -= rate * mHat / (Math.sqrt(vHat) + 1e-12);
            }
            if (it % 100 == 0) {
                System.out.printf("%6d  %-12.4e  %-8.5f %-8.5f %-8.5f%n", it, loss, p[0], p[1], p[2]);
            }
        }
        System.out.printf("true:                 %-8.5f %-8.5f %-8.5f   (%d gradients through %d time steps in %d ms)%n",
                truth[0], truth[1], truth[2], 600, STEPS, (System.nanoTime() - start) / 1_000_000);
    }
}
