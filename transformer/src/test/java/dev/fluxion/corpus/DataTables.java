package dev.fluxion.corpus;

import dev.fluxion.Differentiable;

/**
 * Constant tables in {@code static final} fields, read by differentiated code as data (issue 17:
 * each was rejected as "differentiated values written into the array in field ...", though nothing
 * writes them): a row of a table passed to a callee that reassigns its array variable, a table
 * passed down a recursion, and copies of a table, written after copying (whose second derivatives
 * failed on Fluxion's own helpers).
 */
public final class DataTables {
    static final double[][] TABLE = {{1, 2, 3}, {0.5, -1, 2}};
    static final double[] WEIGHTS = {1, 2, 3};

    private DataTables() {
    }

    /** Two layers {@code h <- tanh(h * w)} over a fresh array each; {@code h = x} at first, so x's family holds the new arrays. */
    @Differentiable
    static double twoLayers(double[] x, double[] w) {
        double[] h = x;
        for (int k = 0; k < 2; k++) {
            double[] next = new double[h.length];
            for (int i = 0; i < h.length; i++) {
                next[i] = Math.tanh(h[i] * w[i % w.length]);
            }
            h = next;
        }
        double s = 0;
        for (double v : h) {
            s += v;
        }
        if (s > 1e300) {
            return twoLayers(h, w); // never taken: keeps the callee a call
        }
        return s;
    }

    /** Rows of the table as weights for x, and as inputs weighted by x. */
    @Differentiable
    public static double rowsOfATable(double[] x) {
        return twoLayers(x, TABLE[1]) + twoLayers(TABLE[0], x);
    }

    /** {@code sum_k c[k] x[k] x[0]} for {@code k < n}, one level of recursion per term. */
    @Differentiable
    static double weightedTerms(double[] c, double[] x, int n) {
        if (n == 0) {
            return 0;
        }
        return c[n - 1] * x[n - 1] * x[0] + weightedTerms(c, x, n - 1);
    }

    /** {@code x0^2 + 2 x0 x1 + 3 x0 x2}. */
    @Differentiable
    public static double tableDownARecursion(double[] x) {
        return weightedTerms(WEIGHTS, x, 3);
    }

    /** Copies of the weights by clone and arraycopy, overwritten: {@code 2 x0 x1 + 3 x0 x1 x2}. */
    @Differentiable
    public static double copiesOfATable(double[] x) {
        double[] c = WEIGHTS.clone();
        double[] d = new double[3];
        System.arraycopy(WEIGHTS, 0, d, 0, 3);
        c[0] = x[0] * x[1];
        d[1] = c[0] * x[2];
        return c[0] * c[1] + d[1] * d[2];
    }

    /** Inputs fed through {@link #feedForwardFromRows}' layers. */
    static final double[][] INPUTS = {{0.2, -0.4}, {0.7, 0.1}, {-0.5, 0.9}};

    /**
     * Each data row fed through three layers of one 2 x 2 weight matrix w: the row starts a chain of
     * computed arrays in one variable ({@code x = row; x = layer(x, w)}), so the table shares a family
     * with them. Once rejected as writing into the table; its shadow is zeros, discarded. Its Hessian
     * was rejected so too (the tangent's zeros for the table taken for a call that may write it).
     */
    @Differentiable
    public static double feedForwardFromRows(double[] w) {
        double s = 0;
        for (double[] row : INPUTS) {
            double[] x = row;
            for (int l = 0; l < 3; l++) {
                x = layer(x, w);
            }
            s += x[0] * x[1];
        }
        return s;
    }

    /**
     * {@code sum_i WEIGHTS[i] x[i]^2}, the table itself starting a chain of computed arrays in one
     * variable. Its Hessian (reverse over the tangent) was rejected as a write into WEIGHTS: the
     * tangent's zeros for the table were taken for a call that may write it.
     */
    @Differentiable
    public static double weightedSquares(double[] x) {
        double[] h = WEIGHTS;
        for (int k = 0; k < 2; k++) {
            h = times(h, x);
        }
        return h[0] + h[1] + h[2];
    }

    private static double[] times(double[] h, double[] x) {
        double[] out = new double[h.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = h[i] * x[i];
        }
        return out;
    }

    private static double[] layer(double[] x, double[] w) {
        return new double[] {Math.tanh(w[0] * x[0] + w[1] * x[1]), Math.tanh(w[2] * x[0] + w[3] * x[1])};
    }
}
