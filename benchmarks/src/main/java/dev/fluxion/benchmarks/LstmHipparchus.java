package dev.fluxion.benchmarks;

import org.hipparchus.analysis.differentiation.Gradient;

/** {@link Lstm#objective} over Hipparchus {@link Gradient}s: one derivative slot per parameter. */
public final class LstmHipparchus {
    private LstmHipparchus() {
    }

    public static double valueAndGradient(LstmInput in, double[] theta, double[] grad) {
        int p = theta.length;
        Gradient[] w = new Gradient[p];
        for (int i = 0; i < p; i++) {
            w[i] = Gradient.variable(p, i, theta[i]);
        }
        int l = in.l();
        int b = in.b();
        int extraAt = in.extraAt();
        double[] sequence = in.sequence();
        Gradient[] state = new Gradient[2 * l * b];
        for (int i = 0; i < state.length; i++) {
            state[i] = Gradient.constant(p, in.state()[i]);
        }
        Gradient[] input = new Gradient[b];
        Gradient[] prediction = new Gradient[b];
        Gradient total = Gradient.constant(p, 0);
        for (int t = 0; t < in.c() - 1; t++) {
            for (int i = 0; i < b; i++) {
                input[i] = w[extraAt + i].multiply(sequence[t * b + i]);
            }
            for (int layer = 0; layer < l; layer++) {
                int wAt = layer * 8 * b;
                int biasAt = wAt + 4 * b;
                int hAt = layer * 2 * b;
                for (int i = 0; i < b; i++) {
                    Gradient hidden = state[hAt + i];
                    Gradient forget = sigmoid(input[i].multiply(w[wAt + i]).add(w[biasAt + i]));
                    Gradient inGate = sigmoid(hidden.multiply(w[wAt + b + i]).add(w[biasAt + b + i]));
                    Gradient outGate = sigmoid(input[i].multiply(w[wAt + 2 * b + i]).add(w[biasAt + 2 * b + i]));
                    Gradient change = hidden.multiply(w[wAt + 3 * b + i]).add(w[biasAt + 3 * b + i]).tanh();
                    Gradient cell = state[hAt + b + i].multiply(forget).add(inGate.multiply(change));
                    state[hAt + b + i] = cell;
                    state[hAt + i] = outGate.multiply(cell.tanh());
                }
                System.arraycopy(state, hAt, input, 0, b);
            }
            Gradient sum = Gradient.constant(p, 2);
            for (int i = 0; i < b; i++) {
                prediction[i] = input[i].multiply(w[extraAt + b + i]).add(w[extraAt + 2 * b + i]);
                sum = sum.add(prediction[i].exp());
            }
            Gradient lse = sum.log();
            for (int i = 0; i < b; i++) {
                total = total.add(prediction[i].subtract(lse).multiply(sequence[(t + 1) * b + i]));
            }
        }
        Gradient loss = total.divide(-(in.c() - 1) * b);
        System.arraycopy(loss.getGradient(), 0, grad, 0, p);
        return loss.getValue();
    }

    static Gradient sigmoid(Gradient x) {
        return x.negate().exp().add(1).reciprocal();
    }
}
