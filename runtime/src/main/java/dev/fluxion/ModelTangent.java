package dev.fluxion;

import dev.fluxion.internal.ModelForward;
import dev.fluxion.internal.Tape;

/**
 * Forward mode with respect to a model object: the derivative of a {@link ModelFunction} along a
 * <em>direction</em>, an object of the model's class and shape whose numbers are the direction's
 * components (Swift's tangent vector, JAX's {@code jvp} with a tangent pytree), by one tangent sweep
 * at about the cost of the loss. The derivative equals {@code ModelVectors.flatten(gradient)}
 * dotted with {@code ModelVectors.flatten(direction)}; prefer it to the gradient for one direction
 * or few. The model and the direction are never changed; thread-safe and re-entrant.
 *
 * @param <M> the model's class
 */
public final class ModelTangent<M> {
    private final ModelForward tangent;

    ModelTangent(ModelForward tangent) {
        this.tangent = tangent;
    }

    /**
     * Evaluates the loss and its derivative along {@code direction} in one sweep.
     *
     * @param jvpOut receives the derivative in element 0
     * @return the loss at {@code model}
     */
    public double valueAndJvp(M model, M direction, double[] jvpOut) {
        Tape tape = Tape.current();
        tape.enter();
        try {
            double value = tangent.tangent(model, direction, tape);
            jvpOut[0] = tape.popDouble();
            return value;
        } catch (RuntimeException | Error e) {
            tape.unwindToMark();
            throw e;
        } finally {
            tape.leave();
        }
    }

    /** The derivative of the loss at {@code model} along {@code direction}. */
    public double jvp(M model, M direction) {
        double[] out = new double[1];
        valueAndJvp(model, direction, out);
        return out[0];
    }
}
