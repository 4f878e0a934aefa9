package dev.fluxion.models;

import dev.fluxion.Differentiable;
import dev.fluxion.NoDerivative;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A network of residual blocks, as a Java developer structures one: a {@code List<Block>}, each
 * block a {@code List<Layer>} of its own (and a scalar mixing weight), each layer a weight matrix,
 * a bias vector and a gain; the data held by the model, marked {@code @NoDerivative}. The loss walks
 * the blocks with a for-each loop and each block's layers with {@code get(i)}.
 */
public class BlockNet {
    @NoDerivative
    final double[][] inputs = {{0.2, -0.7}, {0.9, 0.1}, {-0.4, 0.5}};
    @NoDerivative
    final double[] targets = {0.4, -0.3, 0.25};

    public final List<Block> blocks = new ArrayList<>();
    public double[] readout = {0.6, -0.5};

    public BlockNet(Random rnd, int blocks, int layersPerBlock) {
        for (int k = 0; k < blocks; k++) {
            this.blocks.add(new Block(rnd, layersPerBlock));
        }
    }

    /** {@code x + mix * (layers ... x)}: a residual block of square layers. */
    public static final class Block {
        public final List<Layer> layers = new ArrayList<>();
        public double mix;

        Block(Random rnd, int n) {
            for (int l = 0; l < n; l++) {
                layers.add(new Layer(rnd));
            }
            mix = 0.5 + 0.3 * rnd.nextDouble();
        }

        double[] forward(double[] x) {
            double[] h = x;
            for (int l = 0; l < layers.size(); l++) {
                h = layers.get(l).forward(h);
            }
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                y[i] = x[i] + mix * h[i];
            }
            return y;
        }
    }

    /** {@code gain * tanh(w x + b)}, 2 by 2. */
    public static final class Layer {
        public final double[][] w = new double[2][2];
        public final double[] b = new double[2];
        public double gain;

        Layer(Random rnd) {
            for (int i = 0; i < 2; i++) {
                b[i] = 0.1 * rnd.nextGaussian();
                for (int j = 0; j < 2; j++) {
                    w[i][j] = 0.8 * rnd.nextGaussian();
                }
            }
            gain = 0.9 + 0.2 * rnd.nextDouble();
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

    @Differentiable
    public double loss() {
        double total = 0;
        for (int n = 0; n < inputs.length; n++) {
            double[] x = inputs[n];
            for (Block block : blocks) {
                x = block.forward(x);
            }
            double r = readout[0] * x[0] + readout[1] * x[1] - targets[n];
            total += r * r;
        }
        return total;
    }
}
