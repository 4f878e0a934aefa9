package dev.fluxion.corpus;

import dev.fluxion.Differentiable;

/**
 * Arrays passed to {@code @Differentiable} callees that write them (output buffers, in-place
 * updates inside loops, the caller's own input), and aliasing: two names for one array, a phi of
 * two arrays, one array reached through two rows (one array passed twice to a callee that writes
 * it is a transformation error, see {@code DiagnosticsTest}).
 */
public final class ArrayCalls {
    private ArrayCalls() {
    }

    /** Softmax of {@code in} into the output buffer {@code out}. */
    @Differentiable
    public static void softmax(double[] in, double[] out) {
        double m = in[0];
        for (int i = 1; i < in.length; i++) {
            m = Math.max(m, in[i]);
        }
        double z = 0;
        for (int i = 0; i < in.length; i++) {
            out[i] = Math.exp(in[i] - m);
            z += out[i];
        }
        for (int i = 0; i < in.length; i++) {
            out[i] /= z;
        }
    }

    /** Negative entropy of softmax(x), through a callee filling a temporary. */
    @Differentiable
    public static double softmaxEntropy(double[] x) {
        double[] p = new double[x.length];
        softmax(x, p);
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            s += p[i] * Math.log(p[i]);
        }
        return s;
    }

    /** One in-place Gauss-Seidel smoothing pass over the interior of {@code a}, with weight {@code w}. */
    @Differentiable
    public static void smooth(double[] a, double w) {
        for (int i = 1; i + 1 < a.length; i++) {
            a[i] = a[i] + w * (a[i - 1] - 2 * a[i] + a[i + 1]) + 0.01 * a[i] * a[i];
        }
    }

    /** A callee updating an array in place, called 20 times in a loop with an active weight. */
    @Differentiable
    public static double repeatedSmoothing(double[] x) {
        double[] a = x.clone();
        double w = 0.2 + 0.05 * x[0];
        for (int k = 0; k < 20; k++) {
            smooth(a, w);
        }
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (i + 1) * a[i] * a[i];
        }
        return s;
    }

    /** A callee writing into the function's own input array. */
    @Differentiable
    public static double calleeWritesInput(double[] x) {
        smooth(x, 0.3);
        smooth(x, x[0] * 0.1);
        return x[1] * x[x.length - 2] + x[0];
    }

    /** y[i] += c * z[i]. */
    @Differentiable
    public static void axpy(double[] y, double[] z, double c) {
        for (int i = 0; i < y.length; i++) {
            y[i] += c * z[i];
        }
    }

    /** Two copies of the input passed to a callee that writes one and reads the other (one array twice is rejected). */
    @Differentiable
    public static double distinctArguments(double[] x) {
        double[] a = x.clone();
        double[] b = x.clone();
        axpy(a, b, x[0]);
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * a[i];
        }
        return s;
    }

    /** {@code b = a}, then writes through b and reads through a, in a loop. */
    @Differentiable
    public static double twoNames(double[] x) {
        double[] a = x.clone();
        double[] b = a;
        for (int i = 1; i < a.length; i++) {
            b[i] = a[i - 1] * b[i] + a[i];
            b[i - 1] = Math.sin(a[i - 1]);
        }
        return a[0] + 2 * a[a.length - 1] + b[1];
    }

    /** A phi of two arrays: the one written is chosen by the data. */
    @Differentiable
    public static double phiOfArrays(double[] x) {
        double[] a = {x[0], x[1]};
        double[] b = {x[2], x[3]};
        double s = 0;
        for (int k = 0; k < 4; k++) {
            double[] t = (k % 2 == 0) == (x[0] > x[2]) ? a : b;
            t[0] = t[0] * t[1] + 0.5;
            t[1] = Math.cos(t[0]);
            s += a[0] * b[1];
        }
        return s + a[1] * b[0];
    }

    /** One array reached through two rows of a 2-D array: written through one, read through the other. */
    @Differentiable
    public static double aliasedRows(double[] x) {
        double[] a = x.clone();
        double[][] m = {a, a, x};
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            m[0][i] = m[1][i] * m[2][i] + 1;
            s += m[1][i] * a[i];
        }
        return s;
    }

    /** a[i] = a[i - 1] * c + a[i], then recursion on i + 1: a recursive callee writing an array. */
    @Differentiable
    static void recursiveFill(double[] a, int i, double c) {
        if (i >= a.length) {
            return;
        }
        a[i] = a[i - 1] * c + a[i];
        recursiveFill(a, i + 1, c);
    }

    @Differentiable
    public static double recursiveWrites(double[] x) {
        double[] a = x.clone();
        recursiveFill(a, 1, x[0]);
        return a[a.length - 1] * a[1];
    }

    /** a[i] *= c. */
    @Differentiable
    static void scale(double[] a, double c) {
        for (int i = 0; i < a.length; i++) {
            a[i] *= c;
        }
    }

    /** Rows of a 2-D array passed to a callee that scales them by an element of the other row. */
    @Differentiable
    public static double rowsToCallee(double[] x) {
        double[][] m = {x.clone(), x.clone()};
        for (int k = 0; k < 3; k++) {
            scale(m[k % 2], m[1 - k % 2][0]);
        }
        return m[0][1] + m[1][2] * m[0][0];
    }

    /** Scales a in place and returns the sum of squares: result and array both carry derivatives. */
    @Differentiable
    static double scaleAndSum(double[] a, double c) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            a[i] *= c;
            s += a[i] * a[i];
        }
        return s;
    }

    @Differentiable
    public static double writesAndReturns(double[] x) {
        double[] a = x.clone();
        double s = 0;
        for (int k = 0; k < 3; k++) {
            s += scaleAndSum(a, x[k]);
        }
        return s * a[0];
    }

    /** Writes both of its array parameters. */
    @Differentiable
    static void crossUpdate(double[] y, double[] z) {
        for (int i = 0; i < y.length; i++) {
            y[i] += z[i] * z[i];
            z[i] = y[i] * 0.5;
        }
    }

    /** A callee writing both of the distinct arrays it is given, twice. */
    @Differentiable
    public static double bothParametersWritten(double[] x) {
        double[] a = x.clone();
        double[] b = x.clone();
        crossUpdate(a, b);
        crossUpdate(a, b);
        return a[0] * b[1] + a[2];
    }

    @Differentiable
    static void outerUpdate(double[] a, double c) {
        innerUpdate(a, c);
        innerUpdate(a, a[0]);
    }

    @Differentiable
    static void innerUpdate(double[] a, double c) {
        for (int i = 1; i < a.length; i++) {
            a[i] = a[i] * c + a[i - 1];
        }
    }

    /** A callee that writes an array through another callee, called in a loop. */
    @Differentiable
    public static double nestedCallees(double[] x) {
        double[] a = x.clone();
        for (int k = 0; k < 2; k++) {
            outerUpdate(a, x[1]);
        }
        return a[a.length - 1];
    }

    /** Scales row i by c, then the rows below by c / 2, recursively: a recursive callee writing the rows' elements. */
    @Differentiable
    static void scaleRows(double[][] m, int i, double c) {
        if (i == m.length) {
            return;
        }
        for (int j = 0; j < m[i].length; j++) {
            m[i][j] *= c;
        }
        scaleRows(m, i + 1, c * 0.5);
    }

    @Differentiable
    public static double recursiveRows(double[] x) {
        double[][] m = {x.clone(), x.clone(), {x[0] * x[1]}};
        scaleRows(m, 0, x[2]);
        return m[0][1] * m[1][0] + m[2][0] + m[1][2];
    }
}
