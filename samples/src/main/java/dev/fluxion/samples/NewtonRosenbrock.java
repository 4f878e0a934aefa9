package dev.fluxion.samples;

import dev.fluxion.Fluxion;
import dev.fluxion.GradientFunction;
import dev.fluxion.Hessian;
import dev.fluxion.TangentFunction;

/**
 * Minimises {@link RosenbrockDescent}'s 10-dimensional Rosenbrock function, by Newton's
 * method with a backtracking line search: second derivatives from Fluxion ({@link Fluxion#hessian},
 * reverse mode over the generated forward mode), where gradient descent needs thousands of steps.
 * It also shows forward mode ({@link Fluxion#tangent}): the slope along the Newton direction, by
 * one tangent sweep, equals {@code grad f . d} from reverse mode.
 */
public final class NewtonRosenbrock {
    static final int N = 10;

    private NewtonRosenbrock() {
    }

    public static void main(String[] args) {
        GradientFunction gradient = Fluxion.gradient(RosenbrockDescent::rosenbrock);
        Hessian hessian = Fluxion.hessian(RosenbrockDescent::rosenbrock);
        TangentFunction tangent = Fluxion.tangent(RosenbrockDescent::rosenbrock);
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = i % 2 == 0 ? -1.2 : 1.0;
        }
        double[] g = new double[N];
        double f = gradient.valueAndGradient(x, g);
        System.out.printf("%5s  %-22s  %-10s  %s%n", "iter", "f", "|grad f|", "slope along d: forward / reverse");
        int iteration = 0;
        while (norm(g) > 1e-10 && iteration < 100) {
            double[] d = solve(hessian.at(x), g); // H d = g; step -d
            for (int i = 0; i < N; i++) {
                d[i] = -d[i];
            }
            double forwardSlope = tangent.jvp(x, d);
            double reverseSlope = dot(g, d);
            System.out.printf("%5d  %-22.15e  %.3e  %.15g / %.15g%n", iteration, f, norm(g), forwardSlope, reverseSlope);
            double t = 1;
            double[] trial = new double[N];
            double ft;
            while (true) { // Armijo backtracking; the full Newton step near the minimum
                for (int i = 0; i < N; i++) {
                    trial[i] = x[i] + t * d[i];
                }
                ft = RosenbrockDescent.rosenbrock(trial);
                if (ft <= f + 1e-4 * t * reverseSlope || t < 1e-10) {
                    break;
                }
                t /= 2;
            }
            x = trial;
            f = gradient.valueAndGradient(x, g);
            iteration++;
        }
        System.out.printf("%5d  %-22.15e  %.3e%n", iteration, f, norm(g));
        double worst = 0;
        for (double v : x) {
            worst = Math.max(worst, Math.abs(v - 1));
        }
        System.out.printf("Newton with Fluxion's Hessians: %d iterations, max |x_i - 1| = %.1e%n", iteration, worst);
    }

    /** Gaussian elimination with partial pivoting: the solution of {@code a y = b} ({@code a} is overwritten). */
    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[] y = b.clone();
        for (int k = 0; k < n; k++) {
            int p = k;
            for (int i = k + 1; i < n; i++) {
                if (Math.abs(a[i][k]) > Math.abs(a[p][k])) {
                    p = i;
                }
            }
            double[] row = a[k];
            a[k] = a[p];
            a[p] = row;
            double t = y[k];
            y[k] = y[p];
            y[p] = t;
            for (int i = k + 1; i < n; i++) {
                double m = a[i][k] / a[k][k];
                for (int j = k; j < n; j++) {
                    a[i][j] -= m * a[k][j];
                }
                y[i] -= m * y[k];
            }
        }
        for (int k = n - 1; k >= 0; k--) {
            double s = y[k];
            for (int j = k + 1; j < n; j++) {
                s -= a[k][j] * y[j];
            }
            y[k] = s / a[k][k];
        }
        return y;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double norm(double[] v) {
        return Math.sqrt(dot(v, v));
    }
}
