package dev.fluxion.ondemand;

import dev.fluxion.Differentiable;

/**
 * A method whose derivative calls {@code super.factor(2)}, which only the class itself may do (on
 * demand, the derivatives live in a class of their own, which calls it through a method handle), one
 * that calls the override, and one that needs nothing of the kind.
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
    public double overridden(double[] x) {
        return x[0] * factor(2);
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
