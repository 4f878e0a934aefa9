package dev.fluxion.models;

import dev.fluxion.Differentiable;
import java.util.ArrayList;
import java.util.List;

/**
 * A stack of layers sharing parameters, as Java code shares them by passing one object to several
 * constructors: the first and the last layer use one bias array, and every layer one {@link Temperature}
 * object, whose {@code double} is thus a single parameter used by each layer.
 */
public class SharedBiasNet {
    static final double[][] XS = {{0.3, -0.8}, {1.1, 0.4}, {-0.6, 0.9}};
    static final double[] YS = {0.2, -0.5, 0.7};

    public final List<Layer> layers = new ArrayList<>();
    public final Temperature temperature = new Temperature(1.3);

    public SharedBiasNet(double shift) {
        double[] shared = {0.1 + shift, -0.2};
        layers.add(new Layer(new double[][] {{0.5, -0.4}, {0.3, 0.8 + shift}}, shared, temperature));
        layers.add(new Layer(new double[][] {{-0.7, 0.2}, {0.6, 0.1}}, new double[] {0.05, 0.0}, temperature));
        layers.add(new Layer(new double[][] {{0.4, 0.9 - shift}, {-0.2, 0.3}}, shared, temperature));
    }

    public static final class Temperature {
        public double t;

        Temperature(double t) {
            this.t = t;
        }
    }

    public static final class Layer {
        public final double[][] w;
        public final double[] b;
        public final Temperature temperature;

        Layer(double[][] w, double[] b, Temperature temperature) {
            this.w = w;
            this.b = b;
            this.temperature = temperature;
        }

        double[] forward(double[] x) {
            double[] y = new double[b.length];
            for (int i = 0; i < y.length; i++) {
                double s = b[i];
                for (int j = 0; j < x.length; j++) {
                    s += w[i][j] * x[j];
                }
                y[i] = Math.tanh(s / temperature.t);
            }
            return y;
        }
    }

    @Differentiable
    public double loss() {
        double total = 0;
        for (int n = 0; n < XS.length; n++) {
            double[] x = XS[n];
            for (Layer layer : layers) {
                x = layer.forward(x);
            }
            total += (x[0] + x[1] - YS[n]) * (x[0] + x[1] - YS[n]);
        }
        return total;
    }
}
