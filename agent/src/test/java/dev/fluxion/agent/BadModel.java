package dev.fluxion.agent;

import dev.fluxion.Differentiable;

/**
 * A class the agent must leave untouched: its method calls a helper Fluxion neither has derivatives
 * for nor differentiates through (it is recursive).
 */
public class BadModel {
    @Differentiable
    static double loss(double[] x) {
        return unknown(x[0]) * 2;
    }

    static double unknown(double v) {
        return v < 1 ? Math.sqrt(v) : unknown(v / 2);
    }
}
