package dev.fluxion.corpus;

import dev.fluxion.Differentiable;

/**
 * Arrays returned by {@code @Differentiable} callees: a fresh array, the callee's own argument
 * written in place, a row of an argument (aliasing across the call), and returned arrays carried
 * around a loop.
 */
public final class ReturnedArrays {
    /** A constant 2 x 4 weight matrix (inactive). */
    static final double[][] W = {{0.5, -0.25, 1.0, 0.1}, {0.3, 0.2, -0.7, 0.9}};

    private ReturnedArrays() {
    }

    @Differentiable
    static double[] layer(double[][] w, double[] x) {
        double[] h = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            double s = 0;
            for (int j = 0; j < x.length; j++) {
                s += w[i][j] * x[j];
            }
            h[i] = Math.tanh(s);
        }
        return h;
    }

    /** sum_i tanh((W x)_i)^2 through a callee that returns the hidden layer. */
    @Differentiable
    public static double layerNorm(double[] x) {
        double[] h = layer(W, x);
        double s = 0;
        for (double v : h) {
            s += v * v;
        }
        return s;
    }

    @Differentiable
    static double[] scaleInPlace(double[] v, double c) {
        for (int i = 0; i < v.length; i++) {
            v[i] *= c;
        }
        return v;
    }

    /** x0^2 x1 x2: the callee scales a copy of x by x0 in place and returns that same copy. */
    @Differentiable
    public static double returnsItsArgument(double[] x) {
        double[] v = scaleInPlace(x.clone(), x[0]);
        return v[1] * v[2];
    }

    @Differentiable
    static double[] row(double[][] m, int i) {
        return m[i];
    }

    /** 3 x0^2 + x1: writes through a row the callee returned, reads it through the matrix. */
    @Differentiable
    public static double writesThroughReturnedRow(double[] x) {
        double[][] m = {x.clone(), x.clone()};
        double[] r = row(m, 1);
        r[0] = r[0] * 3;
        return m[1][0] * m[0][0] + m[0][1];
    }

    @Differentiable
    static double[] step(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = 0.5 * v[i] + Math.sin(v[i]);
        }
        return out;
    }

    /** sum of y after 5 steps of y <- 0.5 y + sin y, each step a new array returned by a callee. */
    @Differentiable
    public static double iteratedSteps(double[] x) {
        double[] y = x;
        for (int k = 0; k < 5; k++) {
            y = step(y);
        }
        double s = 0;
        for (double v : y) {
            s += v;
        }
        return s;
    }
}
