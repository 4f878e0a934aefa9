package dev.fluxion.samples;

import dev.fluxion.Differentiable;
import dev.fluxion.Fluxion;
import dev.fluxion.GradientFunction;
import java.util.Arrays;

/**
 * Minimises the extended Rosenbrock function in 10 dimensions by gradient descent with a
 * backtracking (Armijo) line search. The gradient comes from Fluxion; the function itself is plain
 * Java. The minimum is at x = (1, ..., 1), where f = 0.
 *
 * <p>Plain gradient descent is a slow method for this banana-shaped valley; it is here to show the
 * gradient at work, not to compete with quasi-Newton methods.
 */
public final class RosenbrockDescent {
    static final int N = 10;
    static final int MAX_ITERATIONS = 50_000;
    static final int REPORT_EVERY = 2_500;
    static final double GRADIENT_TOLERANCE = 1e-6;
    /** Sufficient-decrease constant of the Armijo condition. */
    static final double ARMIJO_C = 1e-4;

    private RosenbrockDescent() {
    }

    /** f(x) = sum over pairs (x[2i], x[2i+1]) of 100 (x[2i+1] - x[2i]^2)^2 + (1 - x[2i])^2. */
    @Differentiable
    static double rosenbrock(double[] x) {
        double f = 0;
        for (int i = 0; i + 1 < x.length; i += 2) {
            double valley = x[i + 1] - x[i] * x[i];
            double slope = 1 - x[i];
            f += 100 * valley * valley + slope * slope;
        }
        return f;
    }

    public static void main(String[] args) {
        GradientFunction gradient = Fluxion.gradient(RosenbrockDescent::rosenbrock);
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = i % 2 == 0 ? -1.2 : 1.0;
        }
        double[] g = new double[N];
        double[] trial = new double[N];
        long start = System.nanoTime();

        double f = gradient.valueAndGradient(x, g);
        double step = 1e-3;
        int iteration = 0;
        int evaluations = 1;
        double gradNorm = norm(g);
        System.out.printf("%8s  %-22s  %s%n", "iter", "f", "|grad f|");
        while (gradNorm > GRADIENT_TOLERANCE && iteration < MAX_ITERATIONS) {
            if (iteration % REPORT_EVERY == 0) {
                System.out.printf("%8d  %-22.15e  %.3e%n", iteration, f, gradNorm);
            }
            // Backtracking line search along -g, starting a little beyond the last accepted step.
            step *= 2;
            double fTrial;
            while (true) {
                for (int i = 0; i < N; i++) {
                    trial[i] = x[i] - step * g[i];
                }
                fTrial = rosenbrock(trial);
                evaluations++;
                if (fTrial <= f - ARMIJO_C * step * gradNorm * gradNorm || step < 1e-16) {
                    break;
                }
                step *= 0.5;
            }
            double[] swap = x;
            x = trial;
            trial = swap;
            f = gradient.valueAndGradient(x, g);
            evaluations++;
            gradNorm = norm(g);
            iteration++;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%8d  %-22.15e  %.3e%n", iteration, f, gradNorm);
        System.out.printf("%s after %d iterations, %d evaluations, %.2f s%n",
                gradNorm <= GRADIENT_TOLERANCE ? "converged" : "stopped", iteration, evaluations, seconds);
        System.out.println("x = " + Arrays.toString(x));
        double maxError = 0;
        for (double xi : x) {
            maxError = Math.max(maxError, Math.abs(xi - 1));
        }
        System.out.printf("max |x_i - 1| = %.3e%n", maxError);
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double vi : v) {
            s += vi * vi;
        }
        return Math.sqrt(s);
    }
}
