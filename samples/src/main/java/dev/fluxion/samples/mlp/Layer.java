package dev.fluxion.samples.mlp;

import java.util.Random;

/** A dense layer, {@code y = w x + b}: weights {@code w[out][in]} and biases {@code b[out]}. */
public final class Layer {
    final double[][] w;
    final double[] b;

    /** Weights drawn from N(0, 1/in), so that a unit's input starts with about unit variance; biases zero. */
    Layer(int in, int out, Random random) {
        w = new double[out][in];
        b = new double[out];
        double scale = 1 / Math.sqrt(in);
        for (double[] row : w) {
            for (int j = 0; j < in; j++) {
                row[j] = scale * random.nextGaussian();
            }
        }
    }

    double[] forward(double[] x) {
        double[] y = new double[b.length];
        for (int i = 0; i < y.length; i++) {
            double s = b[i];
            for (int j = 0; j < x.length; j++) {
                s += w[i][j] * x[j];
            }
            y[i] = s;
        }
        return y;
    }

    /** The sum of the squared weights (not the biases), for weight decay. */
    double squaredWeights() {
        double s = 0;
        for (double[] row : w) {
            for (double v : row) {
                s += v * v;
            }
        }
        return s;
    }
}
