package dev.fluxion.agent;

import dev.fluxion.Differentiable;

/** A class the agent must leave untouched: its method calls code Fluxion cannot see. */
public class BadModel {
    @Differentiable
    static double loss(double[] x) {
        return unknown(x[0]) * 2;
    }

    static double unknown(double v) {
        return Math.sqrt(v);
    }
}
