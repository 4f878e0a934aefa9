package dev.fluxion.corpus;

import dev.fluxion.Differentiable;

/**
 * Vector-valued functions {@code void f(double[] in, double[] out)}: residual vectors of the
 * Moré–Garbow–Hillstrom test problems (ACM TOMS 7, 1981), numbered as there, and one that fills
 * its output through a temporary and a callee.
 */
public final class VectorFunctions {
    private VectorFunctions() {
    }

    /** (1) Rosenbrock: n = m = 2. */
    @Differentiable
    public static void rosenbrock(double[] x, double[] f) {
        f[0] = 10 * (x[1] - x[0] * x[0]);
        f[1] = 1 - x[0];
    }

    /** (2) Freudenstein and Roth: n = m = 2. */
    @Differentiable
    public static void freudensteinRoth(double[] x, double[] f) {
        f[0] = -13 + x[0] + ((5 - x[1]) * x[1] - 2) * x[1];
        f[1] = -29 + x[0] + ((x[1] + 1) * x[1] - 14) * x[1];
    }

    /** (4) Powell badly scaled: n = m = 2. */
    @Differentiable
    public static void powellBadlyScaled(double[] x, double[] f) {
        f[0] = 1e4 * x[0] * x[1] - 1;
        f[1] = Math.exp(-x[0]) + Math.exp(-x[1]) - 1.0001;
    }

    /** (5) Brown badly scaled: n = 2, m = 3. */
    @Differentiable
    public static void brownBadlyScaled(double[] x, double[] f) {
        f[0] = x[0] - 1e6;
        f[1] = x[1] - 2e-6;
        f[2] = x[0] * x[1] - 2;
    }

    static final double[] BEALE_Y = {1.5, 2.25, 2.625};

    /** (6) Beale: n = 2, m = 3; the powers of x[1] kept in a running product. */
    @Differentiable
    public static void beale(double[] x, double[] f) {
        double p = 1;
        for (int i = 0; i < 3; i++) {
            p *= x[1];
            f[i] = BEALE_Y[i] - x[0] * (1 - p);
        }
    }

    /** (7) Helical valley: n = m = 3, with the problem's branch on the sign of x[0]. */
    @Differentiable
    public static void helicalValley(double[] x, double[] f) {
        double theta = Math.atan(x[1] / x[0]) / (2 * Math.PI);
        if (x[0] < 0) {
            theta += 0.5;
        }
        f[0] = 10 * (x[2] - 10 * theta);
        f[1] = 10 * (Math.sqrt(x[0] * x[0] + x[1] * x[1]) - 1);
        f[2] = x[2];
    }

    /** (13) Powell singular: n = m = 4. */
    @Differentiable
    public static void powellSingular(double[] x, double[] f) {
        f[0] = x[0] + 10 * x[1];
        f[1] = Math.sqrt(5) * (x[2] - x[3]);
        double a = x[1] - 2 * x[2];
        f[2] = a * a;
        double b = x[0] - x[3];
        f[3] = Math.sqrt(10) * b * b;
    }

    /** (20) Watson: n = x.length, m = 31; t_i = i / 29. */
    @Differentiable
    public static void watson(double[] x, double[] f) {
        int n = x.length;
        for (int i = 0; i < 29; i++) {
            double t = (i + 1) / 29.0;
            double s1 = 0;
            double tp = 1;
            for (int j = 1; j < n; j++) {
                s1 += j * x[j] * tp;
                tp *= t;
            }
            double s2 = 0;
            tp = 1;
            for (int j = 0; j < n; j++) {
                s2 += x[j] * tp;
                tp *= t;
            }
            f[i] = s1 - s2 * s2 - 1;
        }
        f[29] = x[0];
        f[30] = x[1] - x[0] * x[0] - 1;
    }

    /** The cube of (v + t + 1), halved: the nonlinear term of the discrete boundary value problem. */
    @Differentiable
    static void cubes(double[] v, double[] t, double[] out) {
        for (int i = 0; i < v.length; i++) {
            double s = v[i] + t[i] + 1;
            out[i] = 0.5 * s * s * s;
        }
    }

    /**
     * (28) Discrete boundary value: n = m; the boundary-padded state in a temporary, the
     * nonlinear term filled by a callee into a second temporary.
     */
    @Differentiable
    public static void discreteBoundaryValue(double[] x, double[] f) {
        int n = x.length;
        double h = 1.0 / (n + 1);
        double[] u = new double[n + 2];
        System.arraycopy(x, 0, u, 1, n);
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = (i + 1) * h;
        }
        double[] c = new double[n];
        cubes(x, t, c);
        for (int i = 0; i < n; i++) {
            f[i] = 2 * u[i + 1] - u[i] - u[i + 2] + h * h * c[i];
        }
    }

    /**
     * Overwrites its input (a running product, in place) and reads back outputs it has written:
     * f[i] = prod_{k <= i} x[k], then f[n] = f[0] * f[n - 1] and a final f[i] += x[i] sweep.
     */
    @Differentiable
    public static void prefixProducts(double[] x, double[] f) {
        int n = x.length;
        for (int i = 1; i < n; i++) {
            x[i] *= x[i - 1];
        }
        for (int i = 0; i < n; i++) {
            f[i] = x[i];
        }
        f[n] = f[0] * f[n - 1];
        for (int i = 0; i < n; i++) {
            f[i] += f[n] * 0.5;
        }
    }

    /**
     * Rosenbrock's residuals scaled by a constant that a plain helper computes with a Jacobian of
     * its own, of the same shape, while this function's Jacobian is being taken: the inner entry
     * point must not work in the outer one's buffers (its copy of the input, its seed).
     */
    @Differentiable
    public static void scaledByANestedJacobian(double[] x, double[] f) {
        double c = slopeFromAJacobian(x.length);
        f[0] = c * (x[1] - x[0] * x[0]);
        f[1] = 1 - x[0];
    }

    /** d f0 / d x0 of {@link #rosenbrock} at (2, 2, ...): -40. Not differentiable; data to its caller. */
    static double slopeFromAJacobian(int n) {
        double[] at = new double[n];
        java.util.Arrays.fill(at, 2.0);
        return dev.fluxion.Fluxion.jacobian(VectorFunctions::rosenbrock, 2).at(at)[0][0];
    }
}
