package dev.fluxion.lambdas;

import dev.fluxion.Differentiable;

/**
 * A method of the shape of a lambda's body, {@code static double f(Object, double[])}, that is no
 * lambda's body: it has the derivatives of any method, not a closure's Hessian-vector product, and
 * its class stays linkable.
 */
public final class ObjectAndPoint {
    private ObjectAndPoint() {
    }

    @Differentiable
    public static double weighted(Object data, double[] x) {
        return ((double[]) data)[0] * x[0] * x[1];
    }

    @Differentiable
    public static double product(double[] x) {
        return x[0] * x[1];
    }
}
