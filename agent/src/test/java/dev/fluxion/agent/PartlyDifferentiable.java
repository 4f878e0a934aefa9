package dev.fluxion.agent;

import dev.fluxion.Differentiable;

/**
 * One method that cannot be differentiated among three that can, and a caller of it: the agent gives
 * the class the derivatives of the others, and the two that fail say why, each in its own words.
 */
public class PartlyDifferentiable {
    static double last;

    @Differentiable
    static double good(double[] x) {
        return x[0] * x[1];
    }

    @Differentiable
    static double keepsInAField(double[] x) {
        last = x[0] * x[0]; // an active value written to a field
        return x[1];
    }

    @Differentiable
    static double callsTheOneThatFails(double[] x) {
        return keepsInAField(x) * 2;
    }

    @Differentiable
    static double callsAGoodOne(double[] x) {
        return good(x) + Math.sin(x[0]);
    }
}
