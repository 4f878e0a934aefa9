package dev.fluxion.corpus;

import dev.fluxion.Differentiable;

/** Functions whose second derivatives are checked (see {@code Corpus.hessians()}): loops, branches, arrays, calls. */
public final class SecondOrder {
    private SecondOrder() {
    }

    @Differentiable
    public static double rosenbrock(double[] x) {
        double s = 0;
        for (int i = 0; i + 1 < x.length; i++) {
            double a = x[i + 1] - x[i] * x[i];
            double b = 1 - x[i];
            s += 100 * a * a + b * b;
        }
        return s;
    }

    /** 0.5 x^T A x + sin(x_0) with A[i][j] = 1 / (1 + i + j), a Hilbert-like matrix built in a local 2-D array. */
    @Differentiable
    public static double quadraticForm(double[] x) {
        int n = x.length;
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = 1.0 / (1 + i + j);
            }
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            double row = 0;
            for (int j = 0; j < n; j++) {
                row += a[i][j] * x[j];
            }
            s += 0.5 * x[i] * row;
        }
        return s + Math.sin(x[0]);
    }

    /** log(sum exp(x_i)), stabilised by the maximum (a data-dependent branch in the loop). */
    @Differentiable
    public static double logSumExp(double[] x) {
        double m = x[0];
        for (int i = 1; i < x.length; i++) {
            if (x[i] > m) {
                m = x[i];
            }
        }
        double s = 0;
        for (double v : x) {
            s += Math.exp(v - m);
        }
        return m + Math.log(s);
    }

    /** Piecewise: a different smooth formula on each side of x0 = 0. */
    @Differentiable
    public static double branches(double[] x) {
        if (x[0] > 0) {
            return x[0] * x[0] * x[1] + Math.exp(x[1]);
        }
        return Math.cos(x[0]) * x[1] * x[1];
    }

    /** Prefix products written into a local array, then summed with weights. */
    @Differentiable
    public static double prefixProducts(double[] x) {
        double[] p = new double[x.length];
        p[0] = x[0];
        for (int i = 1; i < x.length; i++) {
            p[i] = p[i - 1] * x[i];
        }
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            s += (i + 1) * p[i];
        }
        return s;
    }

    /** A two-layer tanh network's output in the weights' place: s = sum tanh(w_i * tanh(w_{i+1})). */
    @Differentiable
    public static double tanhChain(double[] w) {
        double s = 0;
        for (int i = 0; i + 1 < w.length; i++) {
            s += Math.tanh(w[i] * Math.tanh(w[i + 1]));
        }
        return s;
    }

    /** pow, sqrt, atan2 and hypot together. */
    @Differentiable
    public static double special(double[] x) {
        return Math.pow(x[0], 3.5) + Math.sqrt(x[0] * x[1]) + Math.atan2(x[1], x[0]) + Math.hypot(x[0], x[1])
                + Math.log1p(x[1] * x[1]);
    }

    /** Calls a small @Differentiable helper of this class (inlined before differentiation). */
    @Differentiable
    public static double withCalls(double[] x) {
        return sq(x[0] - x[1]) + x[2] * sq(x[0]) + Math.exp(sq(x[2]) / 4);
    }

    @Differentiable
    static double sq(double v) {
        return v * v;
    }

    /** An explicit Euler simulation of a damped oscillator, 200 steps, parameters (k, c, x0). */
    @Differentiable
    public static double oscillator(double[] p) {
        double x = p[2];
        double v = 0;
        double dt = 0.01;
        for (int step = 0; step < 200; step++) {
            double a = -p[0] * x - p[1] * v;
            x += dt * v;
            v += dt * a;
        }
        return x * x + 0.5 * v * v;
    }

    /** asin, acos, atan, sinh, cosh, log10, cbrt, expm1, tan. */
    @Differentiable
    public static double moreFunctions(double[] x) {
        return Math.asin(x[0]) * Math.acos(x[1]) + Math.atan(x[0] * x[1]) + Math.sinh(x[0]) * Math.cosh(x[1])
                + Math.log10(2 + x[0]) + Math.cbrt(3 + x[1]) + Math.expm1(x[0] * x[1]) + Math.tan(x[1]);
    }

    /** An instance method: 0.5 x^T A x + sum_i exp(b_i x_i), with A and b fields of the model (constants). */
    public static final class Model {
        private final double[][] a;
        private final double[] b;

        public Model(double[][] a, double[] b) {
            this.a = a;
            this.b = b;
        }

        @Differentiable
        public double loss(double[] x) {
            double s = 0;
            for (int i = 0; i < x.length; i++) {
                double row = 0;
                for (int j = 0; j < x.length; j++) {
                    row += a[i][j] * x[j];
                }
                s += 0.5 * x[i] * row + Math.exp(b[i] * x[i]);
            }
            return s;
        }
    }

    @Differentiable
    public static double unarySinExp(double x) {
        return Math.sin(x) * Math.exp(x);
    }

    /** A loop and a branch in a univariate function: x^k summed, k up to 5, doubled where x > 1. */
    @Differentiable
    public static double unaryLoop(double x) {
        double s = 0;
        double p = 1;
        for (int k = 1; k <= 5; k++) {
            p *= x;
            s += p / k;
        }
        return x > 1 ? 2 * s : s;
    }
}
