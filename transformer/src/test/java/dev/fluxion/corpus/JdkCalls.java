package dev.fluxion.corpus;

import dev.fluxion.Differentiable;
import java.util.Arrays;

/**
 * JDK calls that numerical code makes on differentiated values: {@code Arrays.sort}, whose
 * derivative follows the permutation it applies (order statistics, trimmed losses, medians).
 */
public final class JdkCalls {
    /** The data of {@link #leastTrimmedSquares}: a line y = 1 + 2x with one gross outlier (x = 4). */
    static final double[] XS = {0, 1, 2, 3, 4, 5};
    static final double[] YS = {1.1, 2.9, 5.2, 7.1, 30, 10.8};
    /** How many of the smallest squared residuals {@link #leastTrimmedSquares} keeps. */
    static final int KEPT = 4;

    private JdkCalls() {
    }

    /** A least-trimmed-squares loss of the line c[0] + c[1] x: the KEPT smallest squared residuals, found by sorting them. */
    @Differentiable
    public static double leastTrimmedSquares(double[] c) {
        double[] squares = new double[XS.length];
        for (int i = 0; i < XS.length; i++) {
            double r = YS[i] - (c[0] + c[1] * XS[i]);
            squares[i] = r * r;
        }
        Arrays.sort(squares);
        double loss = 0;
        for (int i = 0; i < KEPT; i++) {
            loss += squares[i];
        }
        return loss;
    }

    /** The median of x (odd length) times its smallest value, on a sorted copy; x itself is not changed. */
    @Differentiable
    public static double medianTimesMinimum(double[] x) {
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] * sorted[0];
    }

    /** Sorts x in place from index 1 on (x[0] stays), then weighs the positions: sum (i + 1) x_sorted[i]. */
    @Differentiable
    public static double weightedTailInPlace(double[] x) {
        Arrays.sort(x, 1, x.length);
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += (i + 1) * x[i] * x[i];
        }
        return s;
    }

    /** A float array sorted, then the largest minus twice the smallest. */
    @Differentiable
    public static double floatSpread(double[] x) {
        float[] f = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            f[i] = (float) (x[i] * x[i]);
        }
        Arrays.sort(f);
        return f[f.length - 1] - 2 * f[0];
    }
}
