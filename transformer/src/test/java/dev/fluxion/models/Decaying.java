package dev.fluxion.models;

import dev.fluxion.Differentiable;

/** A model holding a record of parameters that the loss reads through its accessors, and a mutable offset. */
public class Decaying {
    static final double[] TS = {0.0, 0.5, 1.0, 2.0};
    static final double[] YS = {1.9, 1.2, 0.8, 0.35};

    public final Params params;
    public double offset = 0.1;

    public Decaying(double rate, double... weights) {
        params = new Params(rate, weights);
    }

    /** Squared error of sum_k w_k exp(-rate k t) + offset. */
    @Differentiable
    public double loss() {
        double s = 0;
        for (int n = 0; n < TS.length; n++) {
            double y = offset;
            for (int k = 0; k < params.weights().length; k++) {
                y += params.weights()[k] * Math.exp(-params.rate() * (k + 1) * TS[n]);
            }
            s += (y - YS[n]) * (y - YS[n]);
        }
        return s;
    }
}
