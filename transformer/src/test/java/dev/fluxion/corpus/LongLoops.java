package dev.fluxion.corpus;

import dev.fluxion.Differentiable;
import dev.fluxion.ScalarFunction;

/**
 * Loops of 10^6 iterations for the memory tests ({@code TapeMemoryTest}): what the gradient
 * records per iteration is what the reverse sweep needs, no more.
 */
public final class LongLoops {
    public static final int ITERATIONS = 1_000_000;

    private LongLoops() {
    }

    /**
     * s = s * c + x[i % n] with an active c. Per iteration the reverse sweep needs the s that the
     * multiply overwrote (c's adjoint gets sBar * s), a double, and the index i % n of the element
     * read, an int recorded today (i itself is recomputed from the trip count). 12 bytes.
     */
    @Differentiable
    public static double recurrence(double[] x) {
        int n = x.length;
        double c = 0.5 + 0.1 * x[0];
        double s = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            s = s * c + x[i % n];
        }
        return s;
    }

    /**
     * The same recurrence kept in an array overwritten in place: a[k] = a[k] * c + x[k] with
     * k = i % n. Per iteration: the old a[k] the write overwrites (it multiplies the active c) and
     * k. 12 bytes.
     */
    @Differentiable
    public static double overwrittenArray(double[] x) {
        int n = x.length;
        double c = 0.5 + 0.1 * x[0];
        double[] a = new double[n];
        for (int i = 0; i < ITERATIONS; i++) {
            int k = i % n;
            a[k] = a[k] * c + x[k];
        }
        double s = 0;
        for (int k = 0; k < n; k++) {
            s += a[k];
        }
        return s;
    }

    /** Points and steps of {@link #heatSteps}: 98 interior points times 10204 steps, about 10^6 inner iterations. */
    public static final int HEAT_POINTS = 100;
    public static final int HEAT_STEPS = 10_204;

    /**
     * Explicit steps of the 1-D heat equation on two swapped buffers. The update is linear with
     * constant coefficients and i is recomputed from the trip count, so the reverse sweep of an
     * inner iteration needs nothing recorded; the shadows of u and v change once per step.
     */
    @Differentiable
    public static double heatSteps(double[] x) {
        int n = HEAT_POINTS;
        double[] u = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = x[i % x.length] * (1 + i % 7);
        }
        double[] v = new double[n];
        for (int step = 0; step < HEAT_STEPS; step++) {
            for (int i = 1; i + 1 < n; i++) {
                v[i] = u[i] + 0.2 * (u[i - 1] - 2 * u[i] + u[i + 1]);
            }
            double[] t = u;
            u = v;
            v = t;
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += u[i] * u[i];
        }
        return s;
    }

    /** Cells and steps of {@link #rowsInPlace}: 100 cells times 10^4 steps, 10^6 inner iterations. */
    public static final int ROW_CELLS = 100;
    public static final int ROW_STEPS = 10_000;

    /**
     * A state of {@code double[n][2]} rows updated in place, step after step. The reverse of an
     * inner iteration needs the angle the sine read (8 bytes); the row's shadow is read again from
     * the matrix's shadow at the index, recomputed from the trip count, where the forward sweep
     * used to record its reference (4 bytes more).
     */
    @Differentiable
    public static double rowsInPlace(double[] x) {
        int n = ROW_CELLS;
        double[][] q = new double[n][2];
        for (int i = 0; i < n; i++) {
            q[i][0] = x[i % x.length];
            q[i][1] = 0.1 * i;
        }
        for (int step = 0; step < ROW_STEPS; step++) {
            for (int i = 0; i < n; i++) {
                double[] r = q[i];
                r[1] -= 0.01 * Math.sin(r[0]);
                r[0] += 0.01 * r[1];
            }
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += q[i][0] * q[i][1];
        }
        return s;
    }

    /** Side of {@link #paddedFilter}'s image and of its kernel: about 10^6 kernel taps in range of a row. */
    public static final int IMAGE = 200;
    public static final int KERNEL = 5;

    /**
     * A 5 x 5 filter (the kernel is x) over an image with zero padding written as {@code continue}
     * on a neighbour out of range, into an output that is then summed in squares. The inner loop's
     * exit and the {@code continue} of the outer test meet at the outer loop's latch; given an exit
     * of its own, the inner loop records no index and no entry edge per tap, and the reverse sweep
     * takes the padding's tests again rather than popping which way they went.
     */
    @Differentiable
    public static double paddedFilter(double[] x) {
        int n = IMAGE;
        double[] image = new double[n * n];
        for (int p = 0; p < n * n; p++) {
            image[p] = (p % 13) * 0.1 - 0.6;
        }
        double[] out = new double[n * n];
        for (int row = 0; row < n; row++) {
            for (int col = 0; col < n; col++) {
                double v = 0;
                for (int a = 0; a < KERNEL; a++) {
                    int r = row + a - 2;
                    if (r < 0 || r >= n) {
                        continue;
                    }
                    for (int b = 0; b < KERNEL; b++) {
                        int c = col + b - 2;
                        if (c < 0 || c >= n) {
                            continue;
                        }
                        v += x[a * KERNEL + b] * image[r * n + c];
                    }
                }
                out[row * n + col] = v;
            }
        }
        double s = 0;
        for (int p = 0; p < n * n; p++) {
            s += out[p] * out[p];
        }
        return s;
    }

    public static final int TRIANGLE = 60;
    public static final int TRIANGLE_REPEATS = 500;

    /**
     * GMM's triangular product: out = Q v for a lower-triangular Q given by a diagonal and a packed
     * strictly-lower part, both computed once from x and then only read, while v is rewritten for
     * every repetition. The inner loop's index starts where the outer one is, its packed index
     * continues from the previous column's, and it reads v[col], the same element all through:
     * the reverse of an inner iteration re-reads lower[l], recomputes row and l from the trip count
     * and gets v[col] recorded once per inner loop, so it needs nothing on the tape.
     */
    @Differentiable
    public static double triangularProducts(double[] x) {
        int n = TRIANGLE;
        double[] diag = new double[n];
        double[] lower = new double[n * (n - 1) / 2];
        for (int a = 0; a < n; a++) {
            diag[a] = Math.exp(0.01 * x[a % x.length]);
        }
        for (int l = 0; l < lower.length; l++) {
            lower[l] = 0.01 * x[l % x.length];
        }
        double[] v = new double[n];
        double[] out = new double[n];
        double s = 0;
        for (int r = 0; r < TRIANGLE_REPEATS; r++) {
            for (int a = 0; a < n; a++) {
                v[a] = x[(a + r) % x.length] - 0.5;
            }
            for (int a = 0; a < n; a++) {
                out[a] = diag[a] * v[a];
            }
            int l = 0;
            for (int col = 0; col < n; col++) {
                for (int row = col + 1; row < n; row++) {
                    out[row] += lower[l] * v[col];
                    l++;
                }
            }
            for (int a = 0; a < n; a++) {
                s += out[a] * out[a];
            }
        }
        return s;
    }

    /** The lengths of {@link #raggedRows}'s rows, in turn: at most 4, the length of its x. */
    static final int[] ROW_LENGTHS = {3, 1, 4, 2, 4};
    public static final int RAGGED_ROWS = 200_000;

    /**
     * A sparse matrix kept as rows of different lengths stored back to back, without row pointers:
     * row r's entries start where row r - 1's ended, so the entry index k runs on from one row to
     * the next. Each row's dot product with x goes through a sine. The reverse sweep steps k back by
     * each row's length ({@code InvertedIndices}) where it recorded k once per row.
     */
    @Differentiable
    public static double raggedRows(double[] x) {
        int entries = 0;
        for (int r = 0; r < RAGGED_ROWS; r++) {
            entries += ROW_LENGTHS[r % ROW_LENGTHS.length];
        }
        double[] values = new double[entries];
        for (int e = 0; e < entries; e++) {
            values[e] = Math.cos(0.37 * e);
        }
        double s = 0;
        int k = 0;
        for (int r = 0; r < RAGGED_ROWS; r++) {
            int length = ROW_LENGTHS[r % ROW_LENGTHS.length];
            double dot = 0;
            for (int j = 0; j < length; j++) {
                dot += values[k] * x[j];
                k++;
            }
            s += Math.sin(dot);
        }
        return s;
    }

    public static final int LAYER_SAMPLES = 10_000;
    public static final int LAYER_WIDTH = 16;

    /**
     * A dense layer over {@value #LAYER_SAMPLES} samples: a {@value #LAYER_WIDTH} x
     * {@value #LAYER_WIDTH} weight matrix filled from x once, then per sample a hidden vector
     * overwritten in place and multiplied by the matrix row by row ({@value #LAYER_WIDTH}^2
     * multiplications); the mean of the products' squares.
     */
    @Differentiable
    public static double denseLayers(double[] x) {
        int n = LAYER_WIDTH;
        double[] weights = new double[n * n];
        for (int k = 0; k < weights.length; k++) {
            weights[k] = x[k % x.length] / (1 + k % 5);
        }
        double[] hidden = new double[n];
        double[] out = new double[n];
        double total = 0;
        for (int e = 0; e < LAYER_SAMPLES; e++) {
            for (int i = 0; i < n; i++) {
                hidden[i] = Math.tanh(weights[i] + 0.001 * e);
            }
            for (int o = 0; o < n; o++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += weights[o * n + i] * hidden[i];
                }
                out[o] = s;
            }
            for (int o = 0; o < n; o++) {
                total += out[o] * out[o];
            }
        }
        return total / LAYER_SAMPLES;
    }

    public static ScalarFunction function(String name) {
        return switch (name) {
            case "triangularProducts" -> LongLoops::triangularProducts;
            case "raggedRows" -> LongLoops::raggedRows;
            case "heatSteps" -> LongLoops::heatSteps;
            case "rowsInPlace" -> LongLoops::rowsInPlace;
            case "paddedFilter" -> LongLoops::paddedFilter;
            case "recurrence" -> LongLoops::recurrence;
            case "overwrittenArray" -> LongLoops::overwrittenArray;
            case "denseLayers" -> LongLoops::denseLayers;
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** Forward-mode derivative of {@link #recurrence} along {@code dx}, by hand. */
    public static double recurrenceTangent(double[] x, double[] dx) {
        int n = x.length;
        double c = 0.5 + 0.1 * x[0];
        double dc = 0.1 * dx[0];
        double s = 0;
        double ds = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            ds = ds * c + s * dc + dx[i % n];
            s = s * c + x[i % n];
        }
        return ds;
    }
}
