package dev.fluxion.benchmarks;

import dev.fluxion.Differentiable;
import dev.fluxion.Fluxion;
import dev.fluxion.GradientOf;

/**
 * ADBench's diagonal LSTM loss as plain {@code @Differentiable} Java: every gate of cell j reads
 * only input j and hidden state j (diagonal weights). Each step predicts the next input of the
 * sequence through the l layers and scores it with a log-softmax; the loss is minus the mean score.
 * As ADBench's, the log-sum-exp adds 2 to the sum of exponentials.
 */
public final class Lstm {
    private final int l;
    private final int c;
    private final int b;
    private final double[] state;
    private final double[] sequence;

    public Lstm(LstmInput input) {
        l = input.l();
        c = input.c();
        b = input.b();
        state = input.state();
        sequence = input.sequence();
    }

    @Differentiable
    public double objective(double[] theta) {
        return objective(theta, l, c, b, state, sequence);
    }

    @Differentiable
    public static double objective(double[] theta, int l, int c, int b, double[] initialState, double[] sequence) {
        int extraAt = 2 * l * 4 * b;
        double[] state = initialState.clone();
        double[] input = new double[b];
        double[] prediction = new double[b];
        double total = 0;
        int count = 0;
        for (int t = 0; t < c - 1; t++) {
            for (int i = 0; i < b; i++) {
                input[i] = sequence[t * b + i] * theta[extraAt + i];
            }
            for (int layer = 0; layer < l; layer++) {
                int wAt = layer * 8 * b;
                lstmModel(b, theta, wAt, wAt + 4 * b, state, layer * 2 * b, input);
                for (int i = 0; i < b; i++) { // the next layer's input is this layer's hidden state
                    input[i] = state[layer * 2 * b + i];
                }
            }
            for (int i = 0; i < b; i++) {
                prediction[i] = input[i] * theta[extraAt + b + i] + theta[extraAt + 2 * b + i];
            }
            double lse = logSumExpPlus2(prediction, b);
            for (int i = 0; i < b; i++) {
                total += sequence[(t + 1) * b + i] * (prediction[i] - lse);
            }
            count += b;
        }
        return -total / count;
    }

    /** The gradient with respect to theta alone, declared for Fluxion to fill in (the rest is data). */
    @GradientOf(value = "objective", wrt = 0)
    public static double objectiveGradient(double[] theta, int l, int c, int b, double[] initialState, double[] sequence,
            double[] thetaBar) {
        throw Fluxion.notTransformed();
    }

    /** One layer's step: updates its hidden state (at hAt) and cell state (at hAt + b) in place. */
    @Differentiable
    static void lstmModel(int b, double[] theta, int wAt, int biasAt, double[] state, int hAt, double[] input) {
        for (int i = 0; i < b; i++) {
            double hidden = state[hAt + i];
            double forget = sigmoid(input[i] * theta[wAt + i] + theta[biasAt + i]);
            double inGate = sigmoid(hidden * theta[wAt + b + i] + theta[biasAt + b + i]);
            double outGate = sigmoid(input[i] * theta[wAt + 2 * b + i] + theta[biasAt + 2 * b + i]);
            double change = Math.tanh(hidden * theta[wAt + 3 * b + i] + theta[biasAt + 3 * b + i]);
            double cell = state[hAt + b + i] * forget + inGate * change;
            state[hAt + b + i] = cell;
            state[hAt + i] = outGate * Math.tanh(cell);
        }
    }

    @Differentiable
    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** ADBench's LSTM log-sum-exp: log(2 + sum exp(v)), unshifted. */
    @Differentiable
    static double logSumExpPlus2(double[] v, int length) {
        double s = 0;
        for (int i = 0; i < length; i++) {
            s += Math.exp(v[i]);
        }
        return Math.log(s + 2);
    }
}
