package dev.fluxion.models;

import dev.fluxion.Differentiable;

/** A scale fixed at construction (a final field) beside weights: both get derivatives. */
public final class Scaled {
    final double scale;
    final double[] w;

    Scaled(double scale, double[] w) {
        this.scale = scale;
        this.w = w;
    }

    @Differentiable
    public double loss() {
        return scale * (w[0] * w[0] + w[1]) + Math.sin(scale);
    }
}
