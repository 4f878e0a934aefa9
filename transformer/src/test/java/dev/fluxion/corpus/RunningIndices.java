package dev.fluxion.corpus;

import dev.fluxion.Differentiable;

/**
 * Running indices: an index that a loop carries from one iteration to the next and an inner loop
 * advances, as code walking packed storage writes it. The reverse sweep steps such an index back by
 * the inner loop's trip count instead of recording it ({@code InvertedIndices}), and records it where
 * its reverse needs it before it has the count.
 */
public final class RunningIndices {
    private RunningIndices() {
    }

    /** x^T S x for a symmetric S kept as its packed lower triangle, row by row. */
    @Differentiable
    public static double packedQuadraticForm(double[] x) {
        int n = x.length;
        double[] packed = new double[n * (n + 1) / 2];
        for (int k = 0; k < packed.length; k++) {
            packed[k] = Math.sin(0.5 * k + x[k % n]);
        }
        double s = 0;
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double term = packed[k] * x[i] * x[j];
                s += i == j ? term : 2 * term;
                k++;
            }
        }
        return s;
    }

    /** Rows of lengths 1, 2, 3, ... stored back to back, until the storage runs out: a break out of the loop over rows. */
    @Differentiable
    public static double rowsUntilStorageEnds(double[] x) {
        double[] values = new double[12];
        for (int e = 0; e < values.length; e++) {
            values[e] = x[e % x.length] * (1 + 0.1 * e);
        }
        double total = 0;
        int k = 0;
        for (int r = 0; r < 100; r++) {
            if (k + r + 1 > values.length) {
                break;
            }
            double row = 0;
            for (int j = 0; j <= r; j++) {
                row += Math.sin(values[k]);
                k++;
            }
            total += row * row;
        }
        return total + values[k - 1] * values[0];
    }

    /** Every other element of rows of lengths 2, 0, 3, 1, 0: a step of 2, and rows with no element. */
    @Differentiable
    public static double everyOtherElement(double[] x) {
        int[] lengths = {2, 0, 3, 1, 0};
        double[] values = new double[16];
        for (int e = 0; e < values.length; e++) {
            values[e] = Math.cos(0.3 * e) * x[e % x.length];
        }
        double s = 0;
        int k = 0;
        for (int r = 0; r < lengths.length; r++) {
            double row = 1;
            for (int j = 0; j < lengths[r]; j++) {
                row *= 1 + values[k];
                k += 2;
            }
            s += Math.log(1 + row * row);
        }
        return s;
    }

    /** Blocks weighted by their first element: the loop's last block needs the running index of the block's start. */
    @Differentiable
    public static double blocksWeightedByTheirFirst(double[] x) {
        double[] values = new double[20];
        for (int e = 0; e < values.length; e++) {
            values[e] = Math.sin(e + x[e % x.length]);
        }
        double s = 0;
        int k = 0;
        for (int b = 0; b < 6; b++) {
            int first = k;
            double block = 0;
            for (int j = 0; j < b % 3 + 1; j++) {
                block += values[k] * x[j % x.length];
                k++;
            }
            s += block * values[first];
        }
        return s;
    }

    /** Rows given by where each ends, walked with a while loop: the inner loop's bound depends on the running index. */
    @Differentiable
    public static double rowsGivenByTheirEnds(double[] x) {
        int[] ends = {3, 4, 4, 8, 11};
        double[] values = new double[11];
        for (int e = 0; e < values.length; e++) {
            values[e] = 0.5 + 0.1 * e * x[e % x.length];
        }
        double s = 0;
        int k = 0;
        for (int r = 0; r < ends.length; r++) {
            double row = 0;
            while (k < ends[r]) {
                row += values[k] * x[(k + r) % x.length];
                k++;
            }
            s += Math.sin(row);
        }
        return s;
    }
}
