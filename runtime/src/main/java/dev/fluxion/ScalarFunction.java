package dev.fluxion;

import java.io.Serializable;

/**
 * A function from a vector to a scalar, {@code double[] -> double}. Pass a method reference to a
 * {@code @Differentiable} static method; being {@link Serializable} lets Fluxion read which method
 * the reference names.
 */
@FunctionalInterface
public interface ScalarFunction extends Serializable {
    double apply(double[] x);
}
