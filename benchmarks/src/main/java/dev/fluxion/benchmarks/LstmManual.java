package dev.fluxion.benchmarks;

import java.util.Arrays;

/**
 * The LSTM gradient derived and written by hand: a forward sweep that stores each cell's gate
 * values, input, previous hidden and cell state and tanh(cell) per step and layer (8 doubles per
 * cell: the tape, allocated once), then backpropagation through time.
 */
public final class LstmManual {
    private static final int IN = 0;
    private static final int HIDDEN = 1;
    private static final int CELL = 2;
    private static final int FORGET = 3;
    private static final int IN_GATE = 4;
    private static final int OUT_GATE = 5;
    private static final int CHANGE = 6;
    private static final int TANH_CELL = 7;
    private static final int RECORD = 8;

    private final LstmInput problem;
    private final double[] tape;
    private final double[] state;
    private final double[] prediction;
    private final double[] hiddenBar;
    private final double[] cellBar;

    public LstmManual(LstmInput problem) {
        this.problem = problem;
        int b = problem.b();
        tape = new double[(problem.c() - 1) * problem.l() * b * RECORD];
        state = new double[2 * problem.l() * b];
        prediction = new double[b];
        hiddenBar = new double[problem.l() * b];
        cellBar = new double[problem.l() * b];
    }

    private int record(int t, int layer, int i) {
        return ((t * problem.l() + layer) * problem.b() + i) * RECORD;
    }

    /** Fills {@code grad} (overwrites) and returns the loss. */
    public double valueAndGradient(double[] theta, double[] grad) {
        int l = problem.l();
        int b = problem.b();
        int steps = problem.c() - 1;
        int extraAt = problem.extraAt();
        double[] sequence = problem.sequence();
        System.arraycopy(problem.state(), 0, state, 0, state.length);

        double total = 0;
        for (int t = 0; t < steps; t++) {
            for (int layer = 0; layer < l; layer++) {
                int wAt = layer * 8 * b;
                int biasAt = wAt + 4 * b;
                int hAt = layer * 2 * b;
                for (int i = 0; i < b; i++) {
                    double in = layer == 0
                            ? sequence[t * b + i] * theta[extraAt + i]
                            : state[(layer - 1) * 2 * b + i];
                    double hidden = state[hAt + i];
                    double cell = state[hAt + b + i];
                    double forget = Lstm.sigmoid(in * theta[wAt + i] + theta[biasAt + i]);
                    double inGate = Lstm.sigmoid(hidden * theta[wAt + b + i] + theta[biasAt + b + i]);
                    double outGate = Lstm.sigmoid(in * theta[wAt + 2 * b + i] + theta[biasAt + 2 * b + i]);
                    double change = Math.tanh(hidden * theta[wAt + 3 * b + i] + theta[biasAt + 3 * b + i]);
                    double newCell = cell * forget + inGate * change;
                    double tanhCell = Math.tanh(newCell);
                    int r = record(t, layer, i);
                    tape[r + IN] = in;
                    tape[r + HIDDEN] = hidden;
                    tape[r + CELL] = cell;
                    tape[r + FORGET] = forget;
                    tape[r + IN_GATE] = inGate;
                    tape[r + OUT_GATE] = outGate;
                    tape[r + CHANGE] = change;
                    tape[r + TANH_CELL] = tanhCell;
                    state[hAt + b + i] = newCell;
                    state[hAt + i] = outGate * tanhCell;
                }
            }
            int lastAt = (l - 1) * 2 * b;
            double sumExp = 0;
            for (int i = 0; i < b; i++) {
                prediction[i] = state[lastAt + i] * theta[extraAt + b + i] + theta[extraAt + 2 * b + i];
                sumExp += Math.exp(prediction[i]);
            }
            double lse = Math.log(sumExp + 2);
            for (int i = 0; i < b; i++) {
                total += sequence[(t + 1) * b + i] * (prediction[i] - lse);
            }
        }
        int count = steps * b;
        double loss = -total / count;

        Arrays.fill(grad, 0);
        Arrays.fill(hiddenBar, 0);
        Arrays.fill(cellBar, 0);
        double totalBar = -1.0 / count;
        for (int t = steps - 1; t >= 0; t--) {
            // the score: total += target . (prediction - lse(prediction))
            double sumExp = 0;
            double targetSum = 0;
            for (int i = 0; i < b; i++) {
                int r = record(t, l - 1, i);
                prediction[i] = tape[r + OUT_GATE] * tape[r + TANH_CELL] * theta[extraAt + b + i] + theta[extraAt + 2 * b + i];
                sumExp += Math.exp(prediction[i]);
                targetSum += sequence[(t + 1) * b + i];
            }
            for (int i = 0; i < b; i++) {
                int r = record(t, l - 1, i);
                double predictionBar = totalBar * (sequence[(t + 1) * b + i] - targetSum * Math.exp(prediction[i]) / (sumExp + 2));
                double hidden = tape[r + OUT_GATE] * tape[r + TANH_CELL];
                grad[extraAt + b + i] += predictionBar * hidden;
                grad[extraAt + 2 * b + i] += predictionBar;
                hiddenBar[(l - 1) * b + i] += predictionBar * theta[extraAt + b + i];
            }
            for (int layer = l - 1; layer >= 0; layer--) {
                int wAt = layer * 8 * b;
                int biasAt = wAt + 4 * b;
                for (int i = 0; i < b; i++) {
                    int r = record(t, layer, i);
                    double forget = tape[r + FORGET];
                    double inGate = tape[r + IN_GATE];
                    double outGate = tape[r + OUT_GATE];
                    double change = tape[r + CHANGE];
                    double tanhCell = tape[r + TANH_CELL];
                    double in = tape[r + IN];
                    double hidden = tape[r + HIDDEN];
                    double hBar = hiddenBar[layer * b + i];
                    // hidden' = outGate tanh(cell'); cell' = cell forget + inGate change
                    double outGateBar = hBar * tanhCell;
                    double cBar = cellBar[layer * b + i] + hBar * outGate * (1 - tanhCell * tanhCell);
                    double aForget = cBar * tape[r + CELL] * forget * (1 - forget);
                    double aInGate = cBar * change * inGate * (1 - inGate);
                    double aOutGate = outGateBar * outGate * (1 - outGate);
                    double aChange = cBar * inGate * (1 - change * change);
                    grad[wAt + i] += aForget * in;
                    grad[biasAt + i] += aForget;
                    grad[wAt + b + i] += aInGate * hidden;
                    grad[biasAt + b + i] += aInGate;
                    grad[wAt + 2 * b + i] += aOutGate * in;
                    grad[biasAt + 2 * b + i] += aOutGate;
                    grad[wAt + 3 * b + i] += aChange * hidden;
                    grad[biasAt + 3 * b + i] += aChange;
                    double inBar = aForget * theta[wAt + i] + aOutGate * theta[wAt + 2 * b + i];
                    hiddenBar[layer * b + i] = aInGate * theta[wAt + b + i] + aChange * theta[wAt + 3 * b + i];
                    cellBar[layer * b + i] = cBar * forget;
                    if (layer > 0) { // the input was the layer below's new hidden state
                        hiddenBar[(layer - 1) * b + i] += inBar;
                    } else {
                        grad[extraAt + i] += inBar * sequence[t * b + i];
                    }
                }
            }
        }
        return loss;
    }
}
