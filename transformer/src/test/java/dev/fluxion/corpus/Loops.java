package dev.fluxion.corpus;

import dev.fluxion.Differentiable;

/**
 * for/while/do loops, including trip counts that depend on the input (locally constant at the
 * test points), break/continue, a labelled break out of nested loops, early returns inside loops,
 * values that the loop overwrites and the reverse sweep needs, static constant tables and local
 * arrays holding only inactive values.
 */
public final class Loops {
    /** Weights read inside loops. */
    static final double[] W = {0.5, -1.25, 2.0, 0.75};
    /** Polynomial coefficients, highest degree first: 0.5 x^5 - x^4 + 2 x^3 + 0.25 x^2 - 3 x + 1. */
    static final double[] C = {0.5, -1.0, 2.0, 0.25, -3.0, 1.0};

    private Loops() {
    }

    /** Trip count depends on x: while (s < 10) s = s * 1.5 + x[0]^2. */
    @Differentiable
    public static double whileGrowth(double[] x) {
        double s = 1;
        while (s < 10) {
            s = s * 1.5 + x[0] * x[0];
        }
        return s * x[1];
    }

    /** Newton's iteration for sqrt(x[1]) from x[0]: a do-while with a fixed trip count. */
    @Differentiable
    public static double newtonSqrt(double[] x) {
        double y = x[0];
        int k = 0;
        do {
            y = 0.5 * (y + x[1] / y);
            k++;
        } while (k < 4);
        return y;
    }

    /** A do-while whose trip count depends on x. */
    @Differentiable
    public static double doWhileDecay(double[] x) {
        double r = x[0] * x[0] + 10;
        int n = 0;
        do {
            r = r * 0.6 + x[1];
            n++;
        } while (r > 4 && n < 20);
        return r * n;
    }

    /** s = s * sin(x[i]): each multiply needs the overwritten previous s in the reverse sweep. */
    @Differentiable
    public static double sinProduct(double[] x) {
        double s = 1;
        for (int i = 0; i < x.length; i++) {
            s = s * Math.sin(x[i]);
        }
        return s;
    }

    /** s = s * x[i] + cos(s): the overwritten s feeds both terms. */
    @Differentiable
    public static double nonlinearRecurrence(double[] x) {
        double s = 0.5;
        for (int i = 0; i < x.length; i++) {
            s = s * x[i] + Math.cos(s);
        }
        return s;
    }

    @Differentiable
    public static double breakContinue(double[] x) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] < 0) {
                continue;
            }
            if (x[i] > 5) {
                break;
            }
            s += x[i] * x[i] * (i + 1);
        }
        return s;
    }

    /** A labelled break out of two nested loops. */
    @Differentiable
    public static double labelledBreak(double[] x) {
        double s = 0;
        outer:
        for (int i = 0; i < x.length; i++) {
            for (int j = i; j < x.length; j++) {
                double p = x[i] * x[j];
                if (p > 8) {
                    break outer;
                }
                s += p;
            }
        }
        return s;
    }

    /**
     * Inverse-CDF lookups: for each quartile, the first bin whose running total of squares reaches
     * it; the search loop's index is read after the loop (left by its break or by its condition),
     * inside a loop over the quartiles. Reverse mode once read that index as the previous pass's.
     */
    @Differentiable
    public static double quartileLookups(double[] x) {
        double total = 0;
        for (double v : x) {
            total += v * v;
        }
        double s = 0;
        for (int q = 1; q <= 3; q++) {
            double target = total * q / 4;
            double running = 0;
            int i;
            for (i = 0; i < x.length - 1; i++) {
                running += x[i] * x[i];
                if (running >= target) {
                    break;
                }
            }
            s += x[i] * q;
        }
        return s;
    }

    /** Knots of a piecewise-linear curve, and the points it is sampled at. */
    static final double[] KNOTS = {0, 1, 2.5, 4, 6};
    static final double[] SAMPLES = {0.5, 1.7, 3.1, 5.2};

    /**
     * The square of the sum of a piecewise-linear curve through (KNOTS[i], y[i]) at SAMPLES: a search
     * loop left only by its condition finds each sample's interval, and its index is read after it.
     * Reverse mode once took that index from the previous sample's search.
     */
    @Differentiable
    public static double interpolatedSum(double[] y) {
        double s = 0;
        for (double t : SAMPLES) {
            int i = 0;
            while (KNOTS[i + 1] < t) {
                i++;
            }
            double w = (t - KNOTS[i]) / (KNOTS[i + 1] - KNOTS[i]);
            s += (1 - w) * y[i] + w * y[i + 1];
        }
        return s * s;
    }

    /**
     * For each threshold, the first pair whose product exceeds it, found by a labelled break out of
     * two nested loops inside a third (fuzzer finding F4).
     */
    @Differentiable
    public static double firstPairsAbove(double[] x) {
        double s = 0;
        for (int t = 1; t <= 3; t++) {
            double found = 0;
            search:
            for (int i = 0; i < x.length; i++) {
                for (int j = i + 1; j < x.length; j++) {
                    if (x[i] * x[j] > t) {
                        found = x[i] * x[j];
                        break search;
                    }
                }
            }
            s += found * t;
        }
        return s;
    }

    /** An early return inside a loop. */
    @Differentiable
    public static double earlyReturn(double[] x) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += Math.exp(x[i]);
            if (s > 5) {
                return s * x[0];
            }
        }
        return -s;
    }

    /** Nested loops reading a static constant table. */
    @Differentiable
    public static double nestedWeighted(double[] x) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j <= i; j++) {
                s += W[(i + j) % W.length] * x[i] * x[j];
            }
        }
        return s;
    }

    /** A static final double[] table read inside a loop. */
    @Differentiable
    public static double weightedSines(double[] x) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += W[i % W.length] * Math.sin(x[i]);
        }
        return s;
    }

    /** Local arrays holding only inactive values: coefficients and a permutation of indices. */
    @Differentiable
    public static double localTables(double[] x) {
        double[] c = {1.5, 2.25, -0.5};
        int[] idx = {2, 0, 1};
        double s = 0;
        for (int k = 0; k < c.length; k++) {
            s += c[k] * x[idx[k]] * x[k];
        }
        return s;
    }

    /** Softmax-style log-sum-exp, shifted by the maximum (found with a data-dependent if). */
    @Differentiable
    public static double logSumExp(double[] x) {
        double m = x[0];
        for (int i = 1; i < x.length; i++) {
            if (x[i] > m) {
                m = x[i];
            }
        }
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += Math.exp(x[i] - m);
        }
        return m + Math.log(s);
    }

    /** A for loop whose trip count is a truncated input. */
    @Differentiable
    public static double truncatedTripCount(double[] x) {
        int n = (int) (x[0] * 3) + 2;
        double s = x[0];
        for (int k = 0; k < n; k++) {
            s = s * 0.9 + x[1] * k;
        }
        return s;
    }

    /** A bound computed in the loop's header from a value the body changes: it stays in the header. */
    @Differentiable
    public static double boundChangedInTheLoop(double[] x) {
        double s = 0;
        int m = x.length * 4;
        for (int i = 0; i < m / 2; i++) {
            s += x[i % x.length] * (i + 1);
            m -= 1;
        }
        return s;
    }

    public static double[] boundChangedInTheLoopGradient(double[] x) {
        double[] g = new double[x.length];
        int m = x.length * 4;
        for (int i = 0; i < m / 2; i++) { // the same iterations: each adds (i + 1) dx[i % n]
            g[i % x.length] += i + 1;
            m -= 1;
        }
        return g;
    }

    /**
     * {@code i + 1 < x.length} counted from a start computed at run time: tested as javac wrote it,
     * since for a start near {@code Integer.MAX_VALUE} {@code i + 1} would overflow where
     * {@code x.length - 1} does not.
     */
    @Differentiable
    public static double offsetFromAComputedStart(double[] x) {
        double s = 0;
        for (int i = (int) (x[0] * x[0]); i + 1 < x.length; i++) {
            s += x[i] * x[i + 1];
        }
        return s;
    }

    public static double[] offsetFromAComputedStartGradient(double[] x) {
        double[] g = new double[x.length];
        for (int i = (int) (x[0] * x[0]); i + 1 < x.length; i++) {
            g[i] += x[i + 1];
            g[i + 1] += x[i];
        }
        return g;
    }

    /** A loop running backwards with stride 2. */
    @Differentiable
    public static double strideBackwards(double[] x) {
        double s = 0;
        for (int i = x.length - 1; i >= 0; i -= 2) {
            s = s * 0.5 + x[i] * x[i] * x[i];
        }
        return s;
    }

    /** A polynomial by Horner's rule, coefficients from a static table. */
    @Differentiable
    public static double horner(double x) {
        double p = 0;
        for (int i = 0; i < C.length; i++) {
            p = p * x + C[i];
        }
        return p;
    }
}
