package dev.fluxion.models;

import dev.fluxion.Differentiable;
import dev.fluxion.NoDerivative;

/**
 * An autoencoder with tied weights, as one is written in Java: the decoder is built on the
 * encoder's own matrix ({@code new Dense(encoder.w, ..., true)}) and applies its transpose, so the
 * model holds one weight array in two places, {@code encoder.w} and {@code decoder.w}.
 */
public class TiedAutoencoder {
    @NoDerivative
    final double[][] samples = {{0.5, -0.2, 0.9}, {-0.7, 0.4, 0.1}, {0.3, 0.8, -0.6}, {0.0, -0.5, 0.2}};

    public final Dense encoder;
    public final Dense decoder;

    public TiedAutoencoder(double shift) {
        double[][] w = {{0.4 + shift, -0.3, 0.2}, {0.1, 0.5, -0.6 + shift}};
        encoder = new Dense(w, new double[] {0.05, -0.1}, false);
        decoder = new Dense(encoder.w, new double[] {0.0, 0.1, -0.05}, true); // tied: the same matrix, transposed
    }

    /** {@code w x + b}, or {@code w^T x + b} for a decoder tied to an encoder's matrix. */
    public static final class Dense {
        public final double[][] w;
        public final double[] b;
        final boolean transposed;

        Dense(double[][] w, double[] b, boolean transposed) {
            this.w = w;
            this.b = b;
            this.transposed = transposed;
        }

        double[] forward(double[] x) {
            double[] y = b.clone();
            for (int i = 0; i < w.length; i++) {
                for (int j = 0; j < w[i].length; j++) {
                    if (transposed) {
                        y[j] += w[i][j] * x[i];
                    } else {
                        y[i] += w[i][j] * x[j];
                    }
                }
            }
            return y;
        }
    }

    @Differentiable
    public double loss() {
        double total = 0;
        for (double[] x : samples) {
            double[] code = encoder.forward(x);
            for (int i = 0; i < code.length; i++) {
                code[i] = Math.tanh(code[i]);
            }
            double[] back = decoder.forward(code);
            for (int i = 0; i < x.length; i++) {
                total += (back[i] - x[i]) * (back[i] - x[i]);
            }
        }
        return total;
    }
}
