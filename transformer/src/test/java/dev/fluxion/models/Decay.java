package dev.fluxion.models;

import dev.fluxion.Differentiable;

/**
 * A model whose parameter is a field and whose dynamics are its own method, which it also holds in
 * a field as a function ({@code final Rhs rhs = this::derivative}): the function is data, shared by
 * the gradient object, not a reason to fail making it.
 */
public final class Decay {
    interface Rhs {
        double slope(double y);
    }

    double rate = 0.7;
    final Rhs rhs = this::slope;

    private double slope(double y) {
        return -rate * y;
    }

    /** y(1) of y' = -rate y, y(0) = 1, by 10 Euler steps: (1 - rate / 10)^10. */
    @Differentiable
    public double finalValue() {
        return euler(this::slope, 1.0, 10, 0.1);
    }

    private static double euler(Rhs f, double y0, int steps, double h) {
        double y = y0;
        for (int i = 0; i < steps; i++) {
            y += h * f.slope(y);
        }
        return y;
    }
}
