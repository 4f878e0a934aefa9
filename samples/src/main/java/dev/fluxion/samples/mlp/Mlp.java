package dev.fluxion.samples.mlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A multilayer perceptron with one hidden layer of tanh units and a softmax over the classes,
 * written as plain Java objects. Nothing here is annotated: the loss that
 * {@link BreastCancerMlp#loss} computes from it is, and Fluxion differentiates through these
 * methods with respect to the layers' weights and biases.
 */
public final class Mlp {
    final Layer hidden;
    final Layer output;

    Mlp(int inputs, int hiddenUnits, int classes, Random random) {
        hidden = new Layer(inputs, hiddenUnits, random);
        output = new Layer(hiddenUnits, classes, random);
    }

    /** The unnormalised log-probabilities of the classes for the features {@code x}. */
    double[] logits(double[] x) {
        double[] h = hidden.forward(x);
        for (int i = 0; i < h.length; i++) {
            h[i] = Math.tanh(h[i]);
        }
        return output.forward(h);
    }

    /** {@code -log p(label | x)} under the softmax of the logits. */
    double crossEntropy(double[] x, int label) {
        double[] z = logits(x);
        double max = z[0];
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (double v : z) {
            sum += Math.exp(v - max);
        }
        return max + Math.log(sum) - z[label];
    }

    /** The most probable class. */
    int predict(double[] x) {
        double[] z = logits(x);
        int best = 0;
        for (int k = 1; k < z.length; k++) {
            if (z[k] > z[best]) {
                best = k;
            }
        }
        return best;
    }

    /** The fraction of the examples whose label is predicted. */
    double accuracy(Examples examples) {
        int right = 0;
        for (int n = 0; n < examples.size(); n++) {
            if (predict(examples.features()[n]) == examples.labels()[n]) {
                right++;
            }
        }
        return (double) right / examples.size();
    }

    /**
     * The network's numbers as arrays an optimiser updates in place: the rows of each layer's
     * weights, then its biases. A gradient object of the network lists its derivatives in the same
     * order.
     */
    List<double[]> parameters() {
        List<double[]> p = new ArrayList<>();
        for (Layer layer : List.of(hidden, output)) {
            p.addAll(List.of(layer.w));
            p.add(layer.b);
        }
        return p;
    }
}
