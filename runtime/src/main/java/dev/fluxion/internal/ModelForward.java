package dev.fluxion.internal;

/**
 * The tangent of a loss over a model object, bound by the generated
 * {@code fluxion$bindtangentmodel$f()}: returns the loss at {@code model} and leaves its derivative
 * along {@code direction}, an object of the model's shape, on the tape's stack of doubles. See
 * {@link Naming#MODEL_TANGENT_BRIDGE_PREFIX}.
 */
@FunctionalInterface
public interface ModelForward {
    double tangent(Object model, Object direction, Tape tape);
}
