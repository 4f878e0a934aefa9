package dev.fluxion.models;

import dev.fluxion.Differentiable;
import dev.fluxion.NoDerivative;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A perceptron whose layers are immutable objects, as a Java developer who likes final fields writes
 * them: a {@code List<Layer>}, each layer a final weight matrix, a final {@link Bias} object holding
 * its vector, and a final gain; the data held by the model itself, marked {@code @NoDerivative}, each
 * input row fed through the layers in one variable ({@code x = inputs[n]; x = layer.forward(x)}).
 */
public class NestedNet {
    @NoDerivative
    final double[][] inputs = {{0.1, 0.9}, {0.8, 0.2}, {0.5, 0.5}, {-0.3, 0.4}};
    @NoDerivative
    final double[] targets = {0.3, -0.4, 0.1, 0.2};

    public final List<Layer> layers = new ArrayList<>();
    public double offset = 0.05;

    public NestedNet(Random rnd, int... sizes) {
        for (int l = 0; l + 1 < sizes.length; l++) {
            layers.add(new Layer(sizes[l], sizes[l + 1], rnd));
        }
    }

    /** A bias vector, an object of its own. */
    public static final class Bias {
        public final double[] b;

        Bias(double[] b) {
            this.b = b;
        }
    }

    /** {@code gain * tanh(w x + bias.b)}. */
    public static final class Layer {
        public final double[][] w;
        public final Bias bias;
        public final double gain;

        Layer(int in, int out, Random rnd) {
            w = new double[out][in];
            double[] b = new double[out];
            for (int i = 0; i < out; i++) {
                b[i] = rnd.nextGaussian() * 0.1;
                for (int j = 0; j < in; j++) {
                    w[i][j] = rnd.nextGaussian() * 0.7;
                }
            }
            bias = new Bias(b);
            gain = 0.8 + 0.2 * rnd.nextDouble();
        }

        double[] forward(double[] x) {
            double[] y = new double[w.length];
            for (int i = 0; i < y.length; i++) {
                double s = bias.b[i];
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
        for (int n = 0; n < inputs.length; n++) {
            double[] x = inputs[n];
            for (Layer layer : layers) {
                x = layer.forward(x);
            }
            double r = x[0] + offset - targets[n];
            total += r * r;
        }
        return total;
    }
}
