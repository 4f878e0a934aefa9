package dev.fluxion.corpus;

import dev.fluxion.Differentiable;

/** Lambert's continued fraction of {@code tan x}, {@code x / (1 - x^2 / (3 - x^2 / (5 - ...)))}, to a depth its object holds. */
public final class TanFraction {
    private final int depth;

    public TanFraction(int depth) {
        this.depth = depth;
    }

    @Differentiable
    public double at(double x) {
        return x / denominator(x * x, 0);
    }

    /** {@code (2 level + 1) - x^2 / (the next level's)}, recursively. */
    @Differentiable
    double denominator(double xSquared, int level) {
        if (level == depth) {
            return 2 * level + 1;
        }
        return 2 * level + 1 - xSquared / denominator(xSquared, level + 1);
    }
}
