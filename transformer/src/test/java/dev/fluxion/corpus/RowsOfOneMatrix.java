package dev.fluxion.corpus;

import dev.fluxion.Differentiable;

/**
 * Rows of one matrix passed to a callee (in another class, so it stays a call) that writes one and
 * reads the other: one alias family, so Fluxion checks when the call runs that they are distinct rows.
 */
public final class RowsOfOneMatrix {
    private RowsOfOneMatrix() {
    }

    /** m = {x, 0}; m[1] += m[0]^2 twice: sum is 2 sum x_i^2. */
    @Differentiable
    public static double distinctRows(double[] x) {
        double[][] m = {x.clone(), new double[x.length]};
        ArrayHelpers.addSquares(m[0], m[1]);
        ArrayHelpers.addSquares(m[0], m[1]);
        double s = 0;
        for (double v : m[1]) {
            s += v;
        }
        return s;
    }

    /** The same row, by two indices that happen to be equal: an error when the call runs. */
    @Differentiable
    public static double sameRowTwice(double[] x) {
        double[][] m = {x.clone(), new double[x.length]};
        int i = x.length > 100 ? 1 : 0;
        ArrayHelpers.addSquares(m[0], m[i]);
        return m[0][0];
    }
}
