package dev.fluxion.benchmarks.checkpoint;

import dev.fluxion.Checkpointed;
import dev.fluxion.Differentiable;

/**
 * Two time-stepping simulations, each differentiated three ways: as it is (the tape records every
 * step), and {@code @Checkpointed} with the default number of snapshots (the base-2 logarithm of
 * the steps) and with 100. The simulation is a plain helper that Fluxion inlines into each entry
 * point, so all three differentiate the same code; the steps are read from {@link #steps} when a
 * simulation starts, as a run-time bound.
 */
public final class TimeStepping {
    /** The simulations' steps, set by the benchmark before it runs. */
    public static int steps = 10_000;
    /** Masses of the chain. */
    public static final int MASSES = 16;

    private TimeStepping() {
    }

    /** A damped oscillator by explicit Euler, from (p[0], p[1]) with stiffness p[2] and damping p[3]: the final energy. */
    static double oscillator(double[] p, int n) {
        double x = p[0];
        double v = p[1];
        double k = p[2];
        double c = p[3];
        double dt = 0.01;
        for (int i = 0; i < n; i++) {
            double a = -k * x - c * v;
            x += dt * v;
            v += dt * a;
        }
        return 0.5 * (k * x * x + v * v);
    }

    public static double[] oscillatorInput() {
        return new double[] {1.0, 0.0, 4.0, 0.042};
    }

    @Differentiable
    public static double oscillatorPlain(double[] p) {
        return oscillator(p, steps);
    }

    @Differentiable
    @Checkpointed
    public static double oscillatorCheckpointed(double[] p) {
        return oscillator(p, steps);
    }

    @Differentiable
    @Checkpointed(snapshots = 100)
    public static double oscillatorCheckpointed100(double[] p) {
        return oscillator(p, steps);
    }

    /**
     * A chain of masses on springs of stiffness p[j], fixed to a wall, the last mass pulled out and
     * let go; semi-implicit Euler with a little damping. The final positions' squares, weighted.
     */
    static double chain(double[] p, int n) {
        int m = p.length;
        double[] x = new double[m];
        double[] v = new double[m];
        double[] f = new double[m];
        x[m - 1] = 0.5;
        double dt = 0.01;
        double damping = 0.005;
        for (int step = 0; step < n; step++) {
            for (int j = 0; j < m; j++) {
                double left = j == 0 ? 0 : x[j - 1];
                double force = -p[j] * (x[j] - left);
                if (j + 1 < m) {
                    force += p[j + 1] * (x[j + 1] - x[j]);
                }
                f[j] = force - damping * v[j];
            }
            for (int j = 0; j < m; j++) {
                v[j] += dt * f[j];
                x[j] += dt * v[j];
            }
        }
        double e = 0;
        for (int j = 0; j < m; j++) {
            e += (j + 1) * x[j] * x[j];
        }
        return e;
    }

    public static double[] chainInput() {
        double[] p = new double[MASSES];
        for (int j = 0; j < MASSES; j++) {
            p[j] = 2 + Math.sin(j);
        }
        return p;
    }

    @Differentiable
    public static double chainPlain(double[] p) {
        return chain(p, steps);
    }

    @Differentiable
    @Checkpointed
    public static double chainCheckpointed(double[] p) {
        return chain(p, steps);
    }

    @Differentiable
    @Checkpointed(snapshots = 100)
    public static double chainCheckpointed100(double[] p) {
        return chain(p, steps);
    }
}
