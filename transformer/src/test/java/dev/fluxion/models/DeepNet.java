package dev.fluxion.models;

import dev.fluxion.Differentiable;
import java.util.Random;

/**
 * A network as an array of layers, each with a weight matrix and a gain: the gradient object holds
 * an array of layers of derivatives.
 */
public class DeepNet {
    static final double[][] INPUTS = {{0.2, -0.4}, {0.7, 0.1}, {-0.5, 0.9}};
    static final double[] TARGETS = {0.3, -0.2, 0.5};

    public final Layer[] layers;

    public DeepNet(Random rnd, int depth) {
        layers = new Layer[depth];
        for (int l = 0; l < depth; l++) {
            layers[l] = new Layer(rnd);
        }
    }

    /** A square layer y = gain * tanh(w x). */
    public static class Layer {
        public final double[][] w = new double[2][2];
        public double gain = 1.1;

        Layer(Random rnd) {
            for (double[] row : w) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = rnd.nextGaussian() * 0.8;
                }
            }
        }

        private double[] apply(double[] x) {
            double[] y = new double[w.length];
            for (int i = 0; i < y.length; i++) {
                double s = 0;
                for (int j = 0; j < x.length; j++) {
                    s += w[i][j] * x[j];
                }
                y[i] = gain * Math.tanh(s);
            }
            return y;
        }
    }

    @Differentiable
    public double loss() {
        double total = 0;
        for (int n = 0; n < INPUTS.length; n++) {
            double[] x = INPUTS[n];
            for (Layer layer : layers) {
                x = layer.apply(x);
            }
            double r = x[0] + x[1] - TARGETS[n];
            total += r * r;
        }
        return total;
    }
}
