package dev.fluxion.benchmarks.realistic;

import dev.fluxion.Differentiable;

/**
 * A small classifier as one would write it without a library: two hidden tanh layers
 * ({@value #INPUTS} - {@value #HIDDEN} - {@value #HIDDEN} - {@value #CLASSES}), weights and biases in
 * one flat {@code double[]} (each layer's weight matrix row by row, then its biases), a batch of
 * {@value #BATCH} examples as a {@code double[][]}, softmax cross-entropy averaged over the batch.
 */
public final class Mlp {
    public static final int INPUTS = 8;
    public static final int HIDDEN = 32;
    public static final int CLASSES = 4;
    public static final int BATCH = 64;
    static final int LAYER1 = 0;
    static final int LAYER2 = LAYER1 + HIDDEN * INPUTS + HIDDEN;
    static final int LAYER3 = LAYER2 + HIDDEN * HIDDEN + HIDDEN;
    public static final int PARAMETERS = LAYER3 + CLASSES * HIDDEN + CLASSES;

    private final double[][] inputs;
    private final int[] labels;

    public Mlp() {
        Lcg r = new Lcg(4);
        inputs = new double[BATCH][INPUTS];
        labels = new int[BATCH];
        for (int e = 0; e < BATCH; e++) {
            for (int i = 0; i < INPUTS; i++) {
                inputs[e][i] = r.uniform(-1, 1);
            }
            labels[e] = (int) (r.next() * CLASSES);
        }
    }

    public static double[] initialParameters() {
        Lcg r = new Lcg(5);
        double[] p = new double[PARAMETERS];
        for (int i = 0; i < PARAMETERS; i++) {
            p[i] = r.uniform(-0.5, 0.5);
        }
        return p;
    }

    @Differentiable
    public double loss(double[] params) {
        double[] h1 = new double[HIDDEN];
        double[] h2 = new double[HIDDEN];
        double[] logits = new double[CLASSES];
        double total = 0;
        for (int e = 0; e < BATCH; e++) {
            dense(params, LAYER1, inputs[e], INPUTS, HIDDEN, h1);
            tanh(h1);
            dense(params, LAYER2, h1, HIDDEN, HIDDEN, h2);
            tanh(h2);
            dense(params, LAYER3, h2, HIDDEN, CLASSES, logits);
            total += crossEntropy(logits, labels[e]);
        }
        return total / BATCH;
    }

    /** out = W in + b, W (nOut x nIn) row by row at {@code at}, b after it. */
    private static void dense(double[] params, int at, double[] in, int nIn, int nOut, double[] out) {
        int biasAt = at + nOut * nIn;
        for (int o = 0; o < nOut; o++) {
            double s = params[biasAt + o];
            for (int i = 0; i < nIn; i++) {
                s += params[at + o * nIn + i] * in[i];
            }
            out[o] = s;
        }
    }

    private static void tanh(double[] v) {
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.tanh(v[i]);
        }
    }

    /** -log softmax(logits)[label], shifted by the largest logit. */
    private static double crossEntropy(double[] logits, int label) {
        double max = logits[0];
        for (int i = 1; i < logits.length; i++) {
            max = Math.max(max, logits[i]);
        }
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            sum += Math.exp(logits[i] - max);
        }
        return Math.log(sum) + max - logits[label];
    }

    private final double[] h1 = new double[HIDDEN];
    private final double[] h2 = new double[HIDDEN];
    private final double[] logits = new double[CLASSES];
    private final double[] h1Bar = new double[HIDDEN];
    private final double[] h2Bar = new double[HIDDEN];
    private final double[] logitsBar = new double[CLASSES];

    /** Backpropagation written by hand: each example forward, then backward, into the gradient. */
    public double manualGradient(double[] params, double[] grad) {
        java.util.Arrays.fill(grad, 0);
        double total = 0;
        for (int e = 0; e < BATCH; e++) {
            double[] x = inputs[e];
            dense(params, LAYER1, x, INPUTS, HIDDEN, h1);
            tanh(h1);
            dense(params, LAYER2, h1, HIDDEN, HIDDEN, h2);
            tanh(h2);
            dense(params, LAYER3, h2, HIDDEN, CLASSES, logits);
            double max = logits[0];
            for (int i = 1; i < CLASSES; i++) {
                max = Math.max(max, logits[i]);
            }
            double sum = 0;
            for (int i = 0; i < CLASSES; i++) {
                sum += Math.exp(logits[i] - max);
            }
            total += Math.log(sum) + max - logits[labels[e]];
            for (int i = 0; i < CLASSES; i++) {
                logitsBar[i] = Math.exp(logits[i] - max) / sum / BATCH;
            }
            logitsBar[labels[e]] -= 1.0 / BATCH;
            denseBackward(params, LAYER3, h2, HIDDEN, CLASSES, logitsBar, h2Bar, grad);
            for (int i = 0; i < HIDDEN; i++) {
                h2Bar[i] *= 1 - h2[i] * h2[i];
            }
            denseBackward(params, LAYER2, h1, HIDDEN, HIDDEN, h2Bar, h1Bar, grad);
            for (int i = 0; i < HIDDEN; i++) {
                h1Bar[i] *= 1 - h1[i] * h1[i];
            }
            denseBackward(params, LAYER1, x, INPUTS, HIDDEN, h1Bar, null, grad);
        }
        return total / BATCH;
    }

    private static void denseBackward(double[] params, int at, double[] in, int nIn, int nOut, double[] outBar,
            double[] inBar, double[] grad) {
        int biasAt = at + nOut * nIn;
        if (inBar != null) {
            java.util.Arrays.fill(inBar, 0);
        }
        for (int o = 0; o < nOut; o++) {
            double g = outBar[o];
            grad[biasAt + o] += g;
            for (int i = 0; i < nIn; i++) {
                grad[at + o * nIn + i] += g * in[i];
                if (inBar != null) {
                    inBar[i] += g * params[at + o * nIn + i];
                }
            }
        }
    }
}
