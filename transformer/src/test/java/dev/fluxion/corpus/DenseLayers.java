package dev.fluxion.corpus;

import dev.fluxion.Differentiable;

/**
 * Dense layers as one writes them without a library: a matrix-vector product per layer into a
 * buffer that the next sample overwrites. The product reads the whole input vector once per output
 * row, so the reverse sweep reads it from one copy recorded per product (an array snapshot), not
 * from a value recorded per multiplication.
 */
public final class DenseLayers {
    private DenseLayers() {
    }

    /** Three samples of two inputs. */
    static final double[][] SAMPLES = {{0.5, -0.3}, {0.1, 0.8}, {-0.6, 0.2}};

    /**
     * A 2-3-2 network, tanh in the hidden layer, the weights in {@code x} (the first layer's 3 x 2
     * matrix row by row, then the second's 2 x 3): the sum over the samples of the outputs' squares.
     */
    @Differentiable
    public static double network(double[] x) {
        double[] hidden = new double[3];
        double[] out = new double[2];
        double loss = 0;
        for (double[] sample : SAMPLES) {
            layer(x, 0, sample, hidden);
            for (int i = 0; i < hidden.length; i++) {
                hidden[i] = Math.tanh(hidden[i]);
            }
            layer(x, 6, hidden, out);
            for (double o : out) {
                loss += o * o;
            }
        }
        return loss;
    }

    /** out = W in, W ({@code out.length} x {@code in.length}) row by row in {@code w} from {@code at}. */
    private static void layer(double[] w, int at, double[] in, double[] out) {
        for (int o = 0; o < out.length; o++) {
            double s = 0;
            for (int i = 0; i < in.length; i++) {
                s += w[at + o * in.length + i] * in[i];
            }
            out[o] = s;
        }
    }

    /**
     * Vectors of changing lengths (1, 3, 5, 2, 4 for five parameters): each filled from x, then
     * multiplied by a circulant matrix of x row by row; the sum of the products' squares. The copies
     * the reverse sweep reads are of different lengths from one product to the next.
     */
    @Differentiable
    public static double changingLengths(double[] x) {
        int m = x.length;
        double total = 0;
        for (int k = 0; k < m; k++) {
            int n = 1 + (2 * k) % m;
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = Math.sin(x[i % m] * (k + 1));
            }
            for (int r = 0; r < m; r++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += x[(r + i) % m] * v[i];
                }
                total += s * s;
            }
        }
        return total;
    }

    /**
     * One buffer reused for every row of a table of data, then read whole for each of the rows of
     * a matrix in x: {@code sum_k sum_r (sum_i x[r * 3 + i] * b_i)^2} where the buffer b holds
     * {@code exp(0.1 * x_i * d_k)}. A {@code break} ends the rows' loop early for the last row of
     * data, so the loop that reads the buffer has two exits.
     */
    @Differentiable
    public static double sharedBuffer(double[] x) {
        double[] buffer = new double[3];
        double total = 0;
        for (int k = 0; k < SAMPLES.length; k++) {
            for (int i = 0; i < 3; i++) {
                buffer[i] = Math.exp(0.1 * x[i] * SAMPLES[k][i % 2]);
            }
            for (int r = 0; r < 3; r++) {
                if (k == SAMPLES.length - 1 && r == 2) {
                    break;
                }
                double s = 0;
                for (int i = 0; i < 3; i++) {
                    s += x[r * 3 + i] * buffer[i];
                }
                total += s * s;
            }
        }
        return total;
    }
}
