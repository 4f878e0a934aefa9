package dev.fluxion.corpus;

import dev.fluxion.Differentiable;

/** Array helpers in a class of their own: calls to them from other classes are not inlined. */
public final class ArrayHelpers {
    private ArrayHelpers() {
    }

    @Differentiable
    public static void addSquares(double[] from, double[] to) {
        for (int i = 0; i < to.length; i++) {
            to[i] += from[i] * from[i];
        }
    }
}
