package dev.fluxion.ondemand;

import dev.fluxion.Differentiable;

/**
 * One method whose derivative calls {@code super.factor(2)}, which a class of its own cannot do, and
 * one that needs nothing of the kind: on demand, the second gets its derivative, the first says why not.
 */
public class WithSuper extends ScaleBase {
    @Override
    double factor(int k) {
        return k;
    }

    @Differentiable
    public double scaled(double[] x) {
        return x[0] * super.factor(2);
    }

    @Differentiable
    public double product(double[] x) {
        return x[0] * x[1];
    }
}

class ScaleBase {
    double factor(int k) {
        return 1.5 * k;
    }
}
