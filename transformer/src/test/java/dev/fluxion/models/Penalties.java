package dev.fluxion.models;

import dev.fluxion.Differentiable;

/** Penalties the models share, in a class of their own. */
public final class Penalties {
    private Penalties() {
    }

    /** The pseudo-Huber penalty: {@code r^2 / 2} near 0, {@code delta |r|} far from it, smooth everywhere. */
    @Differentiable
    public static double pseudoHuber(double r, double delta) {
        double q = r / delta;
        return delta * delta * (Math.sqrt(1 + q * q) - 1);
    }
}
