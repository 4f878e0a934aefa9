package dev.fluxion.corpus;

import dev.fluxion.Differentiable;

/**
 * {@code @Differentiable} instance methods: the object's fields are constants of the computation
 * (a scale, a weight table), and instance methods call private and final instance helpers.
 */
public class InstanceModel {
    private final double scale;
    private final double[] weights;

    public InstanceModel(double scale, double[] weights) {
        this.scale = scale;
        this.weights = weights;
    }

    @Differentiable
    private double term(double v, int i) {
        return weights[i % weights.length] * v * v;
    }

    @Differentiable
    private double weighted(double v, int i) {
        return term(v, i) + Math.sin(v) * scale;
    }

    @Differentiable
    public final double affine(double v) {
        return scale * v + 1;
    }

    /** sum_i (w_i x_i^2 + scale sin x_i) * (scale x_0 + 1). */
    @Differentiable
    public double loss(double[] x) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += weighted(x[i], i);
        }
        return s * affine(x[0]);
    }
}
