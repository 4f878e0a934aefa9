package dev.fluxion;

import java.io.Serializable;

/**
 * A scalar function of a model object, to differentiate with respect to the model's numbers:
 * {@code Model::loss} for an instance method {@code double loss()} of the model's class, or for a
 * {@code static double loss(Model m)}. Serializable, so that a method reference names its target.
 *
 * @param <M> the model's class
 */
@FunctionalInterface
public interface ModelFunction<M> extends Serializable {
    double apply(M model);
}
