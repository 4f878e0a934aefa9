package dev.fluxion.corpus;

import dev.fluxion.Differentiable;
import java.util.Arrays;

/**
 * One-dimensional arrays written by the differentiated code: prefix recurrences into temporaries
 * and into a copy of the input, in-place updates of the input itself, stencils, time stepping a
 * state array for thousands of steps, {@code arraycopy} shifts (overlapping too), {@code fill},
 * {@code copyOf}, {@code copyOfRange}, element swaps and data-dependent sorting, and arrays of
 * constants written beside active ones.
 */
public final class ArrayWrites {
    /** Weights read beside the written arrays. */
    static final double[] W = {1.0, -0.5, 2.0, 0.25};

    private ArrayWrites() {
    }

    /** p[i] = p[i - 1] + x[i] into a temporary, then a weighted sum of squares. */
    @Differentiable
    public static double prefixSums(double[] x) {
        double[] p = new double[x.length];
        p[0] = x[0];
        for (int i = 1; i < x.length; i++) {
            p[i] = p[i - 1] + x[i];
        }
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            s += (i + 1) * p[i] * p[i];
        }
        return s;
    }

    /** The example: a[i] = a[i - 1] * cos(a[i]) + a[i] on a clone; each write overwrites a needed value. */
    @Differentiable
    public static double cosineRecurrence(double[] x) {
        double[] a = x.clone();
        for (int i = 1; i < a.length; i++) {
            a[i] = a[i - 1] * Math.cos(a[i]) + a[i];
        }
        return a[a.length - 1] * a[0] + a[a.length / 2];
    }

    /** Writes into the input array itself; the gradient is with respect to its value on entry. */
    @Differentiable
    public static double updatesInput(double[] x) {
        for (int i = 1; i < x.length; i++) {
            x[i] = x[i] * x[i - 1] + Math.sin(x[i]);
        }
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s;
    }

    /** Five nonlinear Gauss-Seidel sweeps over the input array, in place. */
    @Differentiable
    public static double gaussSeidelSweeps(double[] x) {
        int n = x.length;
        for (int k = 0; k < 5; k++) {
            for (int i = 0; i < n; i++) {
                double left = i > 0 ? x[i - 1] : 0;
                double right = i + 1 < n ? x[i + 1] : 0;
                x[i] = 0.25 * (0.1 * x[i] * x[i] + left + right + 1);
            }
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += x[i] * x[i] * (i + 1);
        }
        return s;
    }

    /** A three-point stencil into a temporary (one-sided at the ends), then a weighted energy. */
    @Differentiable
    public static double laplacianEnergy(double[] x) {
        int n = x.length;
        double[] y = new double[n];
        y[0] = x[1] - x[0];
        for (int i = 1; i + 1 < n; i++) {
            y[i] = x[i - 1] - 2 * x[i] + x[i + 1];
        }
        y[n - 1] = x[n - 2] - x[n - 1];
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += W[i % W.length] * y[i] * y[i] + y[i] * x[i];
        }
        return s;
    }

    /** Number of explicit time steps of {@link #heatEquation}. */
    static final int HEAT_STEPS = 2000;
    static final double HEAT_R = 0.002;

    /**
     * The 1-D heat equation with insulated ends, 2000 explicit steps on two buffers that swap
     * roles every step (a phi of two arrays), then a nonlinear functional of the final state.
     */
    @Differentiable
    public static double heatEquation(double[] x) {
        int n = x.length;
        double[] u = x.clone();
        double[] v = new double[n];
        for (int step = 0; step < HEAT_STEPS; step++) {
            v[0] = u[0] + HEAT_R * (u[1] - u[0]);
            for (int i = 1; i + 1 < n; i++) {
                v[i] = u[i] + HEAT_R * (u[i - 1] - 2 * u[i] + u[i + 1]);
            }
            v[n - 1] = u[n - 1] + HEAT_R * (u[n - 2] - u[n - 1]);
            double[] t = u;
            u = v;
            v = t;
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += (i + 1) * u[i] + u[i] * u[i] * u[i];
        }
        return s;
    }

    static final int PENDULUM_STEPS = 3000;
    static final double PENDULUM_DT = 1e-3;

    /** A pendulum (theta, omega) stepped by explicit Euler 3000 times in a state array; x[2] is g / l. */
    @Differentiable
    public static double pendulumEuler(double[] x) {
        double[] s = {x[0], x[1]};
        double g = x[2];
        for (int k = 0; k < PENDULUM_STEPS; k++) {
            double th = s[0];
            double om = s[1];
            s[0] = th + PENDULUM_DT * om;
            s[1] = om - PENDULUM_DT * g * Math.sin(th);
        }
        return s[0] * s[0] + s[1];
    }

    /** Lotka-Volterra right-hand side: a callee filling an output buffer. */
    @Differentiable
    public static void lotkaVolterra(double[] s, double[] p, double[] out) {
        out[0] = p[0] * s[0] - p[1] * s[0] * s[1];
        out[1] = p[2] * s[0] * s[1] - p[3] * s[1];
    }

    static final int RK4_STEPS = 1000;

    /** Classical RK4, 1000 steps, stage buffers filled by a callee; x = (prey, predator, a, b, c, d). */
    @Differentiable
    public static double lotkaVolterraRk4(double[] x) {
        double[] s = {x[0], x[1]};
        double[] p = Arrays.copyOfRange(x, 2, 6);
        double[] k1 = new double[2];
        double[] k2 = new double[2];
        double[] k3 = new double[2];
        double[] k4 = new double[2];
        double[] tmp = new double[2];
        double h = 0.002;
        for (int step = 0; step < RK4_STEPS; step++) {
            lotkaVolterra(s, p, k1);
            for (int i = 0; i < 2; i++) {
                tmp[i] = s[i] + 0.5 * h * k1[i];
            }
            lotkaVolterra(tmp, p, k2);
            for (int i = 0; i < 2; i++) {
                tmp[i] = s[i] + 0.5 * h * k2[i];
            }
            lotkaVolterra(tmp, p, k3);
            for (int i = 0; i < 2; i++) {
                tmp[i] = s[i] + h * k3[i];
            }
            lotkaVolterra(tmp, p, k4);
            for (int i = 0; i < 2; i++) {
                s[i] += h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
            }
        }
        return s[0] + 2 * s[1];
    }

    /** An overlapping arraycopy shifts a grown copy right by one; the freed slot gets x[n-1] * x[0]. */
    @Differentiable
    public static double shiftRight(double[] x) {
        int n = x.length;
        double[] a = Arrays.copyOf(x, n + 1);
        System.arraycopy(a, 0, a, 1, n);
        a[0] = a[n] * a[1];
        double s = 0;
        for (int i = 0; i <= n; i++) {
            s += (i + 1) * a[i] * a[i];
        }
        return s;
    }

    /** A delay line: 3n overlapping left shifts of a buffer, fed back through a nonlinearity. */
    @Differentiable
    public static double delayLine(double[] x) {
        int n = x.length;
        double[] buf = x.clone();
        double y = 0;
        for (int k = 0; k < 3 * n; k++) {
            double out = buf[0];
            System.arraycopy(buf, 1, buf, 0, n - 1);
            buf[n - 1] = 0.5 * out + 0.3 * Math.sin(out);
            y += out * (k + 1);
        }
        return y;
    }

    /** copyOf growing (zero padding) and truncating, with writes into the grown part. */
    @Differentiable
    public static double copyOfGrowAndTruncate(double[] x) {
        int n = x.length;
        double[] a = Arrays.copyOf(x, n + 2);
        a[n] = a[0] * a[1];
        a[n + 1] = a[n] + a[n - 1];
        double[] b = Arrays.copyOf(a, 3);
        b[1] = b[1] * b[2];
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * a[i];
        }
        return s + b[0] * b[1];
    }

    /** Windows of three by copyOfRange, the last ones running past the end (zero padded). */
    @Differentiable
    public static double slidingWindows(double[] x) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double[] w = Arrays.copyOfRange(x, i, i + 3);
            w[0] = w[0] * w[1] + w[2];
            s += w[0] * (i + 1);
        }
        return s;
    }

    /** Arrays.fill of the whole array and of a range with active values, then element writes. */
    @Differentiable
    public static double fillThenWrite(double[] x) {
        int n = x.length;
        double[] a = new double[n + 2];
        Arrays.fill(a, 0.5 * x[0]);
        Arrays.fill(a, 1, 3, x[1] * x[2]);
        a[n + 1] = x[n - 1];
        a[2] = a[2] * a[0];
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (i + 1) * a[i] * a[i];
        }
        return s;
    }

    /** The array reversed in place by swapping elements, then a prefix recurrence over it. */
    @Differentiable
    public static double reverseInPlace(double[] x) {
        double[] a = x.clone();
        int n = a.length;
        for (int i = 0; i < n / 2; i++) {
            double t = a[i];
            a[i] = a[n - 1 - i];
            a[n - 1 - i] = t;
        }
        for (int i = 1; i < n; i++) {
            a[i] = a[i] * 0.5 + a[i - 1] * a[i - 1];
        }
        return a[n - 1];
    }

    /** Bubble sort of a copy: data-dependent swaps; the result weights the sorted values. */
    @Differentiable
    public static double sortedWeights(double[] x) {
        double[] a = x.clone();
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j + 1 < a.length - i; j++) {
                if (a[j] > a[j + 1]) {
                    double t = a[j];
                    a[j] = a[j + 1];
                    a[j + 1] = t;
                }
            }
        }
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (i + 1) * a[i] * a[i];
        }
        return s;
    }

    /** The square of a polynomial, c[i + j] += a[i] * a[j]: read-modify-write of an accumulator. */
    @Differentiable
    public static double polynomialSquare(double[] x) {
        int n = x.length;
        double[] c = new double[2 * n - 1];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                c[i + j] += x[i] * x[j];
            }
        }
        double s = 0;
        for (int k = 0; k < c.length; k++) {
            s += c[k] * c[k] * W[k % W.length];
        }
        return s;
    }

    /** Tridiagonal solve (Thomas algorithm) with a diagonal from x; two temporaries overwritten in place. */
    @Differentiable
    public static double thomasSolve(double[] x) {
        int n = x.length;
        double[] c = new double[n];
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = -1;
            d[i] = i + 1.0;
        }
        double[] diag = new double[n];
        for (int i = 0; i < n; i++) {
            diag[i] = 4 + x[i] * x[i];
        }
        c[0] = c[0] / diag[0];
        d[0] = d[0] / diag[0];
        for (int i = 1; i < n; i++) {
            double m = diag[i] + c[i - 1];
            c[i] = c[i] / m;
            d[i] = (d[i] + d[i - 1]) / m;
        }
        for (int i = n - 2; i >= 0; i--) {
            d[i] = d[i] - c[i] * d[i + 1];
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += d[i] * x[i];
        }
        return s;
    }

    /** Cumulative products from the right, in place on a copy. */
    @Differentiable
    public static double suffixProducts(double[] x) {
        double[] a = x.clone();
        for (int i = a.length - 2; i >= 0; i--) {
            a[i] *= a[i + 1];
        }
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s;
    }

    /** An array initialiser holding active values and a constant. */
    @Differentiable
    public static double activeInitialiser(double[] x) {
        double[] a = {x[0] * x[1], Math.sin(x[2]), 3.0};
        a[2] = a[2] * a[0] + a[1];
        return a[0] * a[1] * a[2];
    }

    /**
     * Arrays of constants written beside active ones: a local table updated with constants and
     * loop counters, an int permutation, a static table; only the active temporary has a shadow.
     */
    @Differentiable
    public static double constantsBesideActive(double[] x) {
        int n = x.length;
        double[] c = {1.5, -2.0, 0.5, 3.0};
        int[] perm = new int[n];
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            c[i % 4] = c[i % 4] * 0.5 + i;
            perm[i] = (i * 3 + 1) % n;
            a[i] = x[i] * c[i % 4];
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            a[perm[i]] += a[i] * W[i % W.length];
            s += a[perm[i]] * x[i];
        }
        return s;
    }

    /** Element updates at indices computed from the data (truncation: derivative 0 through the index). */
    @Differentiable
    public static double dataDependentIndex(double[] x) {
        double[] a = new double[4];
        for (int k = 0; k < x.length; k++) {
            int j = (int) Math.abs(x[k] * 3) % 4;
            a[j] += x[k] * a[(j + 1) % 4] + x[k];
        }
        return a[0] + 2 * a[1] + 3 * a[2] + 4 * a[3];
    }

    /** A while loop whose condition reads the array the loop overwrites. */
    @Differentiable
    public static double whileOnContents(double[] x) {
        double[] a = x.clone();
        int n = 0;
        while (a[0] < 5 && n < 100) {
            a[0] = a[0] * 1.5 + a[1] * a[1];
            a[1] = a[1] * 0.9;
            n++;
        }
        return a[0] + a[1];
    }

    /** arraycopy from a constant table into an active array: the overwritten elements lose their derivatives. */
    @Differentiable
    public static double copyConstantsIn(double[] x) {
        double[] a = x.clone();
        a[0] = a[0] * a[1];
        System.arraycopy(W, 1, a, 1, 2);
        return a[0] * a[1] + a[2] * a[3];
    }
}
