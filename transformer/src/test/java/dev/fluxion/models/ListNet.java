package dev.fluxion.models;

import dev.fluxion.Differentiable;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A perceptron as a list of layers, the way it is naturally written in Java: an {@code ArrayList}
 * filled by the constructor, each layer a weight matrix, a bias vector and a gain, read with a
 * for-each loop in {@link #loss} and with {@code get} and {@code size} in {@link #lastLayerLoss}.
 */
public class ListNet {
    static final double[][] X = {{0.1, 0.9}, {0.8, 0.2}, {0.5, 0.5}};
    static final double[] Y = {0.3, -0.4, 0.1};

    public final List<Layer> layers = new ArrayList<>();
    public double offset = 0.05;

    public ListNet(Random rnd, int... sizes) {
        for (int l = 0; l + 1 < sizes.length; l++) {
            layers.add(new Layer(sizes[l], sizes[l + 1], rnd));
        }
    }

    /** A dense layer, {@code gain * tanh(w x + b)}. */
    public static final class Layer {
        public final double[][] w;
        public final double[] b;
        public double gain = 0.9;

        Layer(int in, int out, Random rnd) {
            w = new double[out][in];
            b = new double[out];
            for (int i = 0; i < out; i++) {
                b[i] = rnd.nextGaussian() * 0.1;
                for (int j = 0; j < in; j++) {
                    w[i][j] = rnd.nextGaussian() * 0.7;
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
                y[i] = gain * Math.tanh(s);
            }
            return y;
        }
    }

    /** Squared error of the network's single output over the data set. */
    @Differentiable
    public double loss() {
        double total = 0;
        for (int n = 0; n < X.length; n++) {
            // a row of data, then the layers' arrays: once rejected by Hessians as a write into X (the
            // tangent's zeros for X were taken for a call that may write it)
            double[] x = X[n];
            for (Layer layer : layers) {
                x = layer.forward(x);
            }
            double r = x[0] + offset - Y[n];
            total += r * r;
        }
        return total;
    }

    /** The same through {@code get(i)} and {@code size()}, plus the squared weights of the last layer. */
    @Differentiable
    public double lastLayerLoss() {
        double total = 0;
        for (int n = 0; n < X.length; n++) {
            double[] x = X[n];
            for (int l = 0; l < layers.size(); l++) {
                x = layers.get(l).forward(x);
            }
            double r = x[0] + offset - Y[n];
            total += r * r;
        }
        Layer last = layers.get(layers.size() - 1);
        for (double[] row : last.w) {
            for (double v : row) {
                total += 0.01 * v * v;
            }
        }
        return total;
    }
}
