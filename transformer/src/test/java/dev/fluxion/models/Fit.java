package dev.fluxion.models;

import dev.fluxion.Differentiable;

/** A line's slope and intercept as a record's components: its gradient is a Fit of derivatives. */
public record Fit(double slope, double intercept) {
    static final double[] XS = {0.0, 1.0, 2.0, 3.0};
    static final double[] YS = {1.1, 2.9, 5.2, 6.8};

    @Differentiable
    public double loss() {
        double s = 0;
        for (int i = 0; i < XS.length; i++) {
            double r = slope * XS[i] + intercept - YS[i];
            s += r * r;
        }
        return s;
    }
}
