package dev.fluxion.corpus;

import dev.fluxion.Checkpointed;
import dev.fluxion.Differentiable;
import dev.fluxion.ScalarFunction;

/**
 * Time-stepping simulations as a Java developer writes them, for binomial checkpointing
 * ({@code @Checkpointed}). Each simulation is a plain helper, which Fluxion inlines into two
 * {@code @Differentiable} entry points: one {@code @Checkpointed}, one not, so a test compares the
 * two gradients of the same code. Where the gradient can be written by hand, it is: the tangent
 * recurrence carried along the loop, one direction at a time.
 */
public final class Simulations {
    /** Steps of the time loops, read when a simulation starts; a test of long loops sets it. */
    public static int steps = 400;

    private Simulations() {
    }

    /**
     * An entry point by name, as a method reference made in this class: in a class loader that
     * transforms it, the transformed method.
     */
    /** A vector function by name, as {@link #function} does for scalar ones. */
    public static dev.fluxion.VectorFunction vectorFunction(String name) {
        return switch (name) {
            case "oscillatorEnd" -> Simulations::oscillatorEnd;
            case "oscillatorEndCheckpointed" -> Simulations::oscillatorEndCheckpointed;
            default -> throw new IllegalArgumentException(name);
        };
    }

    public static ScalarFunction function(String name) {
        return switch (name) {
            case "oscillatorEnergy" -> Simulations::oscillatorEnergy;
            case "oscillatorEnergyCheckpointed" -> Simulations::oscillatorEnergyCheckpointed;
            case "duffingEnd" -> Simulations::duffingEnd;
            case "duffingEndCheckpointed" -> Simulations::duffingEndCheckpointed;
            case "chainEnd" -> Simulations::chainEnd;
            case "chainEndCheckpointed" -> Simulations::chainEndCheckpointed;
            case "heatEnd" -> Simulations::heatEnd;
            case "heatEndCheckpointed" -> Simulations::heatEndCheckpointed;
            case "reactionDiffusionEnd" -> Simulations::reactionDiffusionEnd;
            case "reactionDiffusionEndCheckpointed" -> Simulations::reactionDiffusionEndCheckpointed;
            case "kickedEnd" -> Simulations::kickedEnd;
            case "kickedEndCheckpointed" -> Simulations::kickedEndCheckpointed;
            default -> throw new IllegalArgumentException(name);
        };
    }

    // ================================================================== damped oscillator, explicit Euler

    /** x'' = -k x - c x', from (x0, v0) = (p[0], p[1]) with k = p[2], c = p[3]; the final energy. */
    public static double oscillator(double[] p, int n) {
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

    @Differentiable
    public static double oscillatorEnergy(double[] p) {
        return oscillator(p, steps);
    }

    @Differentiable
    @Checkpointed(snapshots = 6)
    public static double oscillatorEnergyCheckpointed(double[] p) {
        return oscillator(p, steps);
    }

    /** {@link #oscillator}'s final state as a vector function of the same parameters: (x, v). */
    public static void oscillatorState(double[] p, double[] out, int n) {
        double x = p[0];
        double v = p[1];
        double dt = 0.01;
        for (int i = 0; i < n; i++) {
            double a = -p[2] * x - p[3] * v;
            x += dt * v;
            v += dt * a;
        }
        out[0] = x;
        out[1] = v;
    }

    @Differentiable
    public static void oscillatorEnd(double[] p, double[] out) {
        oscillatorState(p, out, steps);
    }

    @Differentiable
    @Checkpointed(snapshots = 5)
    public static void oscillatorEndCheckpointed(double[] p, double[] out) {
        oscillatorState(p, out, steps);
    }

    /** The gradient of {@link #oscillator} by hand: each direction's tangent carried along the loop. */
    public static double[] oscillatorGradient(double[] p, int n) {
        double[] g = new double[4];
        for (int j = 0; j < 4; j++) {
            double x = p[0];
            double v = p[1];
            double k = p[2];
            double c = p[3];
            double dx = j == 0 ? 1 : 0;
            double dv = j == 1 ? 1 : 0;
            double dk = j == 2 ? 1 : 0;
            double dc = j == 3 ? 1 : 0;
            double dt = 0.01;
            for (int i = 0; i < n; i++) {
                double a = -k * x - c * v;
                double da = -dk * x - k * dx - dc * v - c * dv;
                x += dt * v;
                dx += dt * dv;
                v += dt * a;
                dv += dt * da;
            }
            g[j] = 0.5 * dk * x * x + k * x * dx + v * dv;
        }
        return g;
    }

    // ================================================================== Duffing oscillator, RK4, time carried

    /** The Duffing oscillator's acceleration at (t, x, v): x'' + d x' + a x + b x^3 = g cos(1.2 t). */
    private static double duffingAcceleration(double t, double x, double v, double d, double a, double b, double g) {
        return g * Math.cos(1.2 * t) - d * v - a * x - b * x * x * x;
    }

    /** RK4 over the Duffing oscillator from (p[0], p[1]) with d, a, b, g = p[2..5]: x(T)^2 + v(T). */
    public static double duffing(double[] p, int n) {
        double x = p[0];
        double v = p[1];
        double h = 0.01;
        double t = 0;
        for (int i = 0; i < n; i++) {
            double k1x = v;
            double k1v = duffingAcceleration(t, x, v, p[2], p[3], p[4], p[5]);
            double k2x = v + 0.5 * h * k1v;
            double k2v = duffingAcceleration(t + 0.5 * h, x + 0.5 * h * k1x, k2x, p[2], p[3], p[4], p[5]);
            double k3x = v + 0.5 * h * k2v;
            double k3v = duffingAcceleration(t + 0.5 * h, x + 0.5 * h * k2x, k3x, p[2], p[3], p[4], p[5]);
            double k4x = v + h * k3v;
            double k4v = duffingAcceleration(t + h, x + h * k3x, k4x, p[2], p[3], p[4], p[5]);
            x += h / 6 * (k1x + 2 * k2x + 2 * k3x + k4x);
            v += h / 6 * (k1v + 2 * k2v + 2 * k3v + k4v);
            t += h;
        }
        return x * x + v;
    }

    @Differentiable
    public static double duffingEnd(double[] p) {
        return duffing(p, steps);
    }

    @Differentiable
    @Checkpointed
    public static double duffingEndCheckpointed(double[] p) {
        return duffing(p, steps);
    }

    // ================================================================== mass-spring chain over arrays

    /**
     * A chain of masses on springs of stiffness p[j], fixed to a wall on the left, the last mass
     * pulled out and let go; semi-implicit Euler with damping. The final positions' squares, weighted.
     */
    public static double chain(double[] p, int n) {
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

    @Differentiable
    public static double chainEnd(double[] p) {
        return chain(p, steps);
    }

    @Differentiable
    @Checkpointed(snapshots = 5)
    public static double chainEndCheckpointed(double[] p) {
        return chain(p, steps);
    }

    /** The gradient of {@link #chain} by hand: the tangents of x, v and f for each stiffness. */
    public static double[] chainGradient(double[] p, int n) {
        int m = p.length;
        double[] g = new double[m];
        for (int d = 0; d < m; d++) {
            double[] x = new double[m];
            double[] v = new double[m];
            double[] f = new double[m];
            double[] dx = new double[m];
            double[] dv = new double[m];
            double[] df = new double[m];
            x[m - 1] = 0.5;
            double dt = 0.01;
            double damping = 0.005;
            for (int step = 0; step < n; step++) {
                for (int j = 0; j < m; j++) {
                    double left = j == 0 ? 0 : x[j - 1];
                    double dleft = j == 0 ? 0 : dx[j - 1];
                    double force = -p[j] * (x[j] - left);
                    double dforce = -(j == d ? 1 : 0) * (x[j] - left) - p[j] * (dx[j] - dleft);
                    if (j + 1 < m) {
                        force += p[j + 1] * (x[j + 1] - x[j]);
                        dforce += (j + 1 == d ? 1 : 0) * (x[j + 1] - x[j]) + p[j + 1] * (dx[j + 1] - dx[j]);
                    }
                    f[j] = force - damping * v[j];
                    df[j] = dforce - damping * dv[j];
                }
                for (int j = 0; j < m; j++) {
                    v[j] += dt * f[j];
                    dv[j] += dt * df[j];
                    x[j] += dt * v[j];
                    dx[j] += dt * dv[j];
                }
            }
            for (int j = 0; j < m; j++) {
                g[d] += 2 * (j + 1) * x[j] * dx[j];
            }
        }
        return g;
    }

    // ================================================================== heat equation, copied back in place

    /**
     * Explicit steps of the 1-D heat equation from the temperatures p, ends held fixed; each step
     * computes the next temperatures into a buffer and copies them back. A weighted sum of squares.
     */
    public static double heat(double[] p, int n) {
        int m = p.length;
        double[] u = p.clone();
        double[] next = new double[m];
        double r = 0.002; // slow: after 10^4 steps the temperatures are still far from the steady state
        for (int s = 0; s < n; s++) {
            next[0] = u[0];
            next[m - 1] = u[m - 1];
            for (int j = 1; j < m - 1; j++) {
                next[j] = u[j] + r * (u[j - 1] - 2 * u[j] + u[j + 1]);
            }
            System.arraycopy(next, 0, u, 0, m);
        }
        double e = 0;
        for (int j = 0; j < m; j++) {
            e += (j + 1) * u[j] * u[j];
        }
        return e;
    }

    @Differentiable
    public static double heatEnd(double[] p) {
        return heat(p, steps);
    }

    @Differentiable
    @Checkpointed(maxBytes = 2000)
    public static double heatEndCheckpointed(double[] p) {
        return heat(p, steps);
    }

    /**
     * Reaction and diffusion, as a PDE solver often writes it: the next values into a second buffer,
     * then the two swapped. Nonlinear (a cubic reaction), so its adjoint needs every step's values.
     */
    public static double reactionDiffusion(double[] p, int n) {
        int m = p.length;
        double[] u = p.clone();
        double[] next = new double[m];
        for (int s = 0; s < n; s++) {
            next[0] = u[0];
            next[m - 1] = u[m - 1];
            for (int j = 1; j < m - 1; j++) {
                next[j] = u[j] + 0.002 * (u[j - 1] - 2 * u[j] + u[j + 1]) - 0.001 * u[j] * u[j] * u[j];
            }
            double[] swap = u;
            u = next;
            next = swap;
        }
        double e = 0;
        for (int j = 0; j < m; j++) {
            e += (j + 1) * u[j] * u[j];
        }
        return e;
    }

    @Differentiable
    public static double reactionDiffusionEnd(double[] p) {
        return reactionDiffusion(p, steps);
    }

    @Differentiable
    @Checkpointed(snapshots = 4)
    public static double reactionDiffusionEndCheckpointed(double[] p) {
        return reactionDiffusion(p, steps);
    }

    /** The gradient of {@link #heat} by hand: the steps are linear, so each direction's tangent takes them too. */
    public static double[] heatGradient(double[] p, int n) {
        int m = p.length;
        double[] g = new double[m];
        double[] u = p.clone();
        double[][] du = new double[m][m];
        for (int d = 0; d < m; d++) {
            du[d][d] = 1;
        }
        for (int s = 0; s < n; s++) {
            u = heatStep(u);
            for (int d = 0; d < m; d++) {
                du[d] = heatStep(du[d]);
            }
        }
        for (int d = 0; d < m; d++) {
            for (int j = 0; j < m; j++) {
                g[d] += 2 * (j + 1) * u[j] * du[d][j];
            }
        }
        return g;
    }

    private static double[] heatStep(double[] u) {
        int m = u.length;
        double[] next = u.clone();
        for (int j = 1; j < m - 1; j++) {
            next[j] = u[j] + 0.002 * (u[j - 1] - 2 * u[j] + u[j + 1]);
        }
        return next;
    }

    // ================================================================== a state of every kind

    private static final double[] FORCING = {0.3, -0.1, 0.25, 0.0, -0.2, 0.15, 0.05};

    /**
     * A forced oscillator whose loop carries a {@code long} (a linear congruential generator's
     * state, for a small deterministic kick), an {@code int} (which forcing of a table comes next),
     * a {@code float} (an energy tally) and a {@code double} time, besides x and v.
     */
    public static double kicked(double[] p, int n) {
        double x = p[0];
        double v = p[1];
        double c = p[2];
        long seed = 12345L;
        int phase = 0;
        float tally = 0;
        double t = 0;
        double dt = 0.01;
        for (int i = 0; i < n; i++) {
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            double kick = ((seed >>> 11) * 0x1.0p-53 - 0.5) * 0.01;
            phase = (phase + 3) % FORCING.length;
            double a = -x - c * v + FORCING[phase] * Math.sin(t) + kick;
            x += dt * v;
            v += dt * a;
            tally += (float) (dt * v * v);
            t += dt;
        }
        return x * x + v * v + 1e-6 * tally; // small: its derivative is carried in float
    }

    @Differentiable
    public static double kickedEnd(double[] p) {
        return kicked(p, steps);
    }

    @Differentiable
    @Checkpointed(snapshots = 3)
    public static double kickedEndCheckpointed(double[] p) {
        return kicked(p, steps);
    }
}
