package dev.fluxion.corpus;

import dev.fluxion.Differentiable;

/** A callee in another class: a wide tangent calls the tangent of the same width here. */
public final class DirectionHelpers {
    private DirectionHelpers() {
    }

    @Differentiable
    public static double bond(double a, double b) {
        double d = a - b;
        double s = 0;
        for (int k = 1; k <= 3; k++) { // a loop keeps it from being inlined into small callers only
            s += Math.sin(k * d) / k;
        }
        return d * d * s + Math.sqrt(1 + a * a);
    }
}
