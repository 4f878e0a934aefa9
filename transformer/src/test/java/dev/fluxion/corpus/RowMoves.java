package dev.fluxion.corpus;

import dev.fluxion.Differentiable;

/**
 * Rows of a matrix moved after a callee that is not inlined (recursive here) has read them: a row
 * replaced by another ({@code m[1] = m[0]}), two rows swapped in a loop, rows shifted by
 * {@code arraycopy}, a fresh row stored, and the same one level deeper in a {@code double[][][]}.
 * The callee's adjoint runs in the reverse sweep and recomputes the call, so it must see the rows,
 * and their shadows, as they were at the call (issue 22: it read the moved rows' values and sent
 * their adjoints to the wrong rows).
 */
public final class RowMoves {
    private RowMoves() {
    }

    /** {@code sum_r (r + 1) m[r][0] m[r][1]} over rows {@code r >= i}, one call per row. */
    @Differentiable
    static double weightedRows(double[][] m, int i) {
        if (i >= m.length) {
            return 0.0;
        }
        return (i + 1) * m[i][0] * m[i][1] + weightedRows(m, i + 1);
    }

    /** {@code sum_i (i + 1) weightedRows(c[i])} over slices {@code i >= k}. */
    @Differentiable
    static double weightedSlices(double[][][] c, int k) {
        if (k >= c.length) {
            return 0.0;
        }
        return (k + 1) * weightedRows(c[k], 0) + weightedSlices(c, k + 1);
    }

    /** The reproduction: {@code x0 x1 + 2 x2 x3}, then row 1 replaced by row 0. */
    @Differentiable
    public static double rowReplacedAfterTheCall(double[] x) {
        double[][] m = {{x[0], x[1]}, {x[2], x[3]}};
        double a = weightedRows(m, 0);
        m[1] = m[0];
        return a;
    }

    /** Three calls with the two rows swapped between them: {@code 8 x0 x1 + 10 x2 x3}. */
    @Differentiable
    public static double rowsSwappedInALoop(double[] x) {
        double[][] m = {{x[0], x[1]}, {x[2], x[3]}};
        double s = 0;
        for (int k = 0; k < 3; k++) {
            s += (k + 1) * weightedRows(m, 0);
            double[] t = m[1];
            m[1] = m[0];
            m[0] = t;
        }
        return s;
    }

    /** Rows shifted down by {@code arraycopy}, then a new first row: {@code 9 x0 x1 + 11 x2 x3 + 3 x0 x3 + 3 x1^2}. */
    @Differentiable
    public static double rowsShiftedAndReplaced(double[] x) {
        double[][] m = {{x[0], x[1]}, {x[2], x[3]}, {x[0], x[3]}};
        double s = weightedRows(m, 0);
        System.arraycopy(m, 0, m, 1, 2);
        s += 2 * weightedRows(m, 0);
        m[0] = new double[] {x[1] * x[1], 3};
        return s + weightedRows(m, 0);
    }

    /**
     * Slices of a {@code double[][][]}: a row of one slice stored into another, the slices swapped,
     * an element of a moved row overwritten: {@code 7 x0 x1 + 2 x2 x3 + 22 x1 x2 + 12 x3 x0 + 10 x0^2}.
     */
    @Differentiable
    public static double slicesMoved(double[] x) {
        double[][][] c = {{{x[0], x[1]}, {x[2], x[3]}}, {{x[1], x[2]}, {x[3], x[0]}}};
        double s = weightedSlices(c, 0);
        c[0][1] = c[1][0];
        double[][] t = c[0];
        c[0] = c[1];
        c[1] = t;
        s += 3 * weightedSlices(c, 0);
        c[1][0][1] = 5 * x[0];
        return s + weightedSlices(c, 0);
    }
}
