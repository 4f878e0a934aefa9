package dev.fluxion.corpus;

import dev.fluxion.Differentiable;

/** Nested counted loops with bounds that depend on the outer index: each loop is reversed by its own trip count. */
public final class NestedLoops {
    private NestedLoops() {
    }

    /** sum_{j < i} x_i x_j. */
    @Differentiable
    public static double triangle(double[] x) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < i; j++) {
                s += x[i] * x[j];
            }
        }
        return s;
    }

    /** sum_i sum_{j <= i} sum_{k < j} sin(x_k) x_i, three loops deep, a product carried through. */
    @Differentiable
    public static double threeDeep(double[] x) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j <= i; j++) {
                for (int k = 0; k < j; k++) {
                    s += Math.sin(x[k]) * x[i];
                }
            }
        }
        return s;
    }
}
