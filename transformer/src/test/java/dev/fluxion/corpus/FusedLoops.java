package dev.fluxion.corpus;

import dev.fluxion.Differentiable;

/**
 * A loop that only reads, after a loop over the same range: the shapes loop fusion joins (GMM's
 * squared norm of Q x after the triangle that computes it), and the near misses it must leave apart
 * because a later iteration of the first loop writes what an earlier iteration of the second reads.
 * Each near miss is built so that fusing it gives a different value. z = M x for a triangular M
 * with M[a][a] = a + 2 and M[row][col] = 0.5 (row + 1) - col off the diagonal.
 */
public final class FusedLoops {
    private FusedLoops() {
    }

    /** |L x|^2, L lower triangular: the triangle writes z[row] for row > col only, so the norm's z[a] is final. */
    @Differentiable
    public static double lowerTriangleThenNorm(double[] x) {
        int n = x.length;
        double[] z = new double[n];
        for (int a = 0; a < n; a++) {
            z[a] = (a + 2) * x[a];
        }
        for (int col = 0; col < n; col++) {
            for (int row = col + 1; row < n; row++) {
                z[row] += off(row, col) * x[col];
            }
        }
        double s = 0;
        for (int a = 0; a < n; a++) {
            s += z[a] * z[a];
        }
        return s;
    }

    /** |U x|^2, U upper triangular: the triangle's column b writes z[row] for row < b, which a fused norm read too early. */
    @Differentiable
    public static double upperTriangleThenNorm(double[] x) {
        int n = x.length;
        double[] z = new double[n];
        for (int a = 0; a < n; a++) {
            z[a] = (a + 2) * x[a];
        }
        for (int col = 0; col < n; col++) {
            for (int row = 0; row < col; row++) {
                z[row] += off(row, col) * x[col];
            }
        }
        double s = 0;
        for (int a = 0; a < n; a++) {
            s += z[a] * z[a];
        }
        return s;
    }

    /** sum_a t[a + 1] t[a], t[0] = 1 and t[b + 1] = x_b^2 by the first loop: iteration a reads what iterations a and a - 1 wrote. */
    @Differentiable
    public static double readsWhatWasWritten(double[] x) {
        int n = x.length;
        double[] t = new double[n + 1];
        t[0] = 1;
        for (int b = 0; b < n; b++) {
            t[b + 1] = x[b] * x[b];
        }
        double s = 0;
        for (int a = 0; a < n; a++) {
            s += t[a + 1] * t[a];
        }
        return s;
    }

    /** sum_a t[a + 1] t[a], t[b] = x_b^2 by the first loop and t[n] = 1: iteration a reads what iteration a + 1 writes. */
    @Differentiable
    public static double readsAheadOfTheWrites(double[] x) {
        int n = x.length;
        double[] t = new double[n + 1];
        t[n] = 1;
        for (int b = 0; b < n; b++) {
            t[b] = x[b] * x[b];
        }
        double s = 0;
        for (int a = 0; a < n; a++) {
            s += t[a + 1] * t[a];
        }
        return s;
    }

    static double off(int row, int col) {
        return 0.5 * (row + 1) - col;
    }

    /** 2 M^T M x for the triangular M of the two norms above. */
    public static double[] normGradient(double[] x, boolean lower) {
        int n = x.length;
        double[] z = new double[n];
        for (int row = 0; row < n; row++) {
            for (int col = 0; col < n; col++) {
                z[row] += entry(row, col, lower) * x[col];
            }
        }
        double[] g = new double[n];
        for (int col = 0; col < n; col++) {
            for (int row = 0; row < n; row++) {
                g[col] += 2 * entry(row, col, lower) * z[row];
            }
        }
        return g;
    }

    private static double entry(int row, int col, boolean lower) {
        if (row == col) {
            return row + 2;
        }
        return (lower ? row > col : row < col) ? off(row, col) : 0;
    }

    /** d/dx_b of sum_a t[a + 1] t[a] with t[0] = 1, t[b + 1] = x_b^2: 2 x_b (t[b] + t[b + 2]). */
    public static double[] readsWhatWasWrittenGradient(double[] x) {
        int n = x.length;
        double[] g = new double[n];
        for (int b = 0; b < n; b++) {
            double before = b == 0 ? 1 : x[b - 1] * x[b - 1];
            double after = b + 1 < n ? x[b + 1] * x[b + 1] : 0;
            g[b] = 2 * x[b] * (before + after);
        }
        return g;
    }

    /** d/dx_b of sum_a t[a + 1] t[a] with t[b] = x_b^2, t[n] = 1: 2 x_b (t[b + 1] + t[b - 1]). */
    public static double[] readsAheadOfTheWritesGradient(double[] x) {
        int n = x.length;
        double[] g = new double[n];
        for (int b = 0; b < n; b++) {
            double after = b + 1 < n ? x[b + 1] * x[b + 1] : 1;
            double before = b > 0 ? x[b - 1] * x[b - 1] : 0;
            g[b] = 2 * x[b] * (after + before);
        }
        return g;
    }
}
