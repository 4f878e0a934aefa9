package com.acme;

import dev.fluxion.Differentiable;

/** A @Differentiable method in the test sources: transformed by the transform-tests goal. */
final class TestModel {
    private TestModel() {
    }

    @Differentiable
    static double h(double[] x) {
        return x[0] * x[1] + F.f(x);
    }
}
