package dev.fluxion;

import java.io.Serializable;

/**
 * A vector-valued function {@code R^n -> R^m} in the shape {@code void f(double[] in, double[] out)}:
 * it reads {@code in} and writes its results into {@code out}. Pass a method reference to a
 * {@code @Differentiable} static method of that shape to {@link Fluxion#jacobian} or
 * {@link Fluxion#vjp}.
 */
@FunctionalInterface
public interface VectorFunction extends Serializable {
    void apply(double[] in, double[] out);
}
