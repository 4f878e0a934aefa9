package dev.fluxion.models;

import dev.fluxion.Differentiable;

/** scale * |center - TARGET|^2, with a closed-form gradient; the loss a static method of another class. */
public final class Quadratic {
    static final double[] TARGET = {1.0, -2.0, 0.5};
    public double[] center = {0.3, 0.4, -1.1};
    public double scale = 1.7;
    public String name = "bowl"; // data: shared with the gradient object
    /** A hyper-parameter: read by the loss, not differentiated. */
    @dev.fluxion.NoDerivative
    public double[] weights = {1.0, 1.0, 2.0};

    public static final class Losses {
        private Losses() {
        }

        @Differentiable
        public static double loss(Quadratic q) {
            double s = 0;
            for (int i = 0; i < q.center.length; i++) {
                double d = q.center[i] - TARGET[i];
                s += q.weights[i] * d * d;
            }
            return q.scale * s;
        }
    }
}
