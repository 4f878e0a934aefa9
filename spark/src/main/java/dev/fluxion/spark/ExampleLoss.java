package dev.fluxion.spark;

import java.io.Serializable;

/**
 * A loss of one example, {@code double loss(double[] params, double[] example)}: pass a method
 * reference to a {@code @Differentiable} static method of that shape ({@code Model::loss}). Being
 * {@link Serializable} lets Fluxion read which method the reference names, and what it ships to
 * Spark's executors is that name, not the derivative.
 *
 * <p>The loss is differentiated with respect to {@code params}; {@code example} is data. For MLlib
 * ({@link FluxionGradient}) {@code example[0]} is the label and {@code example[1..]} the features.
 */
@FunctionalInterface
public interface ExampleLoss extends Serializable {
    double apply(double[] params, double[] example);
}
