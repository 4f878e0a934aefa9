package dev.fluxion.models;

import dev.fluxion.Differentiable;

/** A loss that normalises a model's array in place, the array held in two fields: the copies it is differentiated on would part them. */
public class SharedScratch {
    public final double[] weights = {0.4, 1.2, -0.3};
    public final double[] alias = weights;

    @Differentiable
    public double loss() {
        double norm = 0;
        for (double w : weights) {
            norm += w * w;
        }
        for (int i = 0; i < weights.length; i++) {
            weights[i] /= Math.sqrt(norm);
        }
        return alias[0] * alias[1] + alias[2];
    }
}
