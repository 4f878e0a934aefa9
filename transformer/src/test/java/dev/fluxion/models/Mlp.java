package dev.fluxion.models;

import dev.fluxion.Differentiable;
import java.util.Random;

/**
 * A two-layer perceptron of {@code Layer} objects over a tiny data set, written as a Java developer
 * would (no no-argument constructors, final array fields, a mutable temperature): the gradient with
 * respect to the network is taken by {@code Fluxion.modelGradient(Mlp::loss)}.
 */
public class Mlp {
    static final double[][] X = {{0.1, 0.9}, {0.8, 0.2}, {0.5, 0.5}, {0.9, 0.7}};
    static final int[] Y = {0, 1, 1, 0};

    public final Layer hidden;
    public final Layer output;
    public double temperature = 1.5;
    public final int classes = 2; // data

    public Mlp(Random rnd) {
        hidden = new Layer(2, 3, rnd);
        output = new Layer(3, 2, rnd);
    }

    /** A dense layer: weights {@code w[out][in]} and biases {@code b[out]}. */
    public static final class Layer {
        public final double[][] w;
        public final double[] b;

        Layer(int in, int out, Random rnd) {
            w = new double[out][in];
            b = new double[out];
            for (double[] row : w) {
                for (int j = 0; j < in; j++) {
                    row[j] = rnd.nextGaussian() * 0.5;
                }
            }
        }

        double[] forward(double[] x, boolean squash) {
            double[] y = new double[b.length];
            for (int i = 0; i < y.length; i++) {
                double s = b[i];
                for (int j = 0; j < x.length; j++) {
                    s += w[i][j] * x[j];
                }
                y[i] = squash ? Math.tanh(s) : s;
            }
            return y;
        }
    }

    /** Mean cross-entropy of the softmax at this temperature, over the data set. */
    @Differentiable
    public double loss() {
        double total = 0;
        for (int n = 0; n < X.length; n++) {
            double[] h = hidden.forward(X[n], true);
            double[] z = output.forward(h, false);
            double m = Math.max(z[0], z[1]);
            double logSum = Math.log(Math.exp((z[0] - m) / temperature) + Math.exp((z[1] - m) / temperature));
            total += logSum - (z[Y[n]] - m) / temperature;
        }
        return total / X.length;
    }
}
