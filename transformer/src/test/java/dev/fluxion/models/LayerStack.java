package dev.fluxion.models;

import dev.fluxion.Differentiable;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A perceptron kept as lists of arrays, as code ported from a numerical library often keeps it: the
 * weight matrices in an unmodifiable {@code List<double[][]>}, the bias vectors in an
 * {@code ArrayList<double[]>}, read with {@code get(l)} and a for-each loop.
 */
public class LayerStack {
    static final double[][] X = {{0.1, 0.9}, {0.8, 0.2}, {0.5, 0.5}};
    static final double[] Y = {0.3, -0.4, 0.1};

    public final List<double[][]> weights;
    public final List<double[]> biases = new ArrayList<>();
    public double scale = 1.3;

    public LayerStack(Random rnd, int... sizes) {
        List<double[][]> ws = new ArrayList<>();
        for (int l = 0; l + 1 < sizes.length; l++) {
            double[][] w = new double[sizes[l + 1]][sizes[l]];
            double[] b = new double[sizes[l + 1]];
            for (int i = 0; i < w.length; i++) {
                b[i] = rnd.nextGaussian() * 0.1;
                for (int j = 0; j < w[i].length; j++) {
                    w[i][j] = rnd.nextGaussian() * 0.7;
                }
            }
            ws.add(w);
            biases.add(b);
        }
        weights = List.copyOf(ws);
    }

    /** Squared error of {@code scale} times the network's output, and a small penalty on the biases. */
    @Differentiable
    public double loss() {
        double total = 0;
        for (int n = 0; n < X.length; n++) {
            double[] x = X[n];
            for (int l = 0; l < weights.size(); l++) {
                x = layer(weights.get(l), biases.get(l), x);
            }
            double r = scale * x[0] - Y[n];
            total += r * r;
        }
        for (double[] b : biases) {
            for (double v : b) {
                total += 0.01 * v * v;
            }
        }
        return total;
    }

    private static double[] layer(double[][] w, double[] b, double[] x) {
        double[] y = new double[b.length];
        for (int i = 0; i < y.length; i++) {
            double s = b[i];
            for (int j = 0; j < x.length; j++) {
                s += w[i][j] * x[j];
            }
            y[i] = Math.tanh(s);
        }
        return y;
    }
}
