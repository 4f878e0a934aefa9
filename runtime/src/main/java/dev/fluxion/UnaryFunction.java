package dev.fluxion;

import java.io.Serializable;

/**
 * A function from a scalar to a scalar, {@code double -> double}. Pass a method reference to a
 * {@code @Differentiable} static method; being {@link Serializable} lets Fluxion read which method
 * the reference names.
 */
@FunctionalInterface
public interface UnaryFunction extends Serializable {
    double apply(double x);
}
