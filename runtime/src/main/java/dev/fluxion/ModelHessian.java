package dev.fluxion;

import dev.fluxion.internal.ModelHvp;
import dev.fluxion.internal.Models;

/**
 * Second derivatives of a {@link ModelFunction} with respect to the model's numbers, reverse over
 * forward as {@link Hessian}: a Hessian-vector product {@code H v}, with {@code v} an object of the
 * model's class and shape, comes back in that shape too (its fields hold {@code H v} at the same
 * fields), at a small multiple of the cost of the loss. Fields the loss does not read get zeros;
 * fields that are not numbers are the model's. The model and {@code v} are never changed;
 * thread-safe and re-entrant. For Newton-type methods on vectors, {@link ModelVectors} lays the
 * model, {@code v} and {@code H v} out as {@code double[]}.
 *
 * @param <M> the model's class
 */
public final class ModelHessian<M> {
    private final ModelHvp hvp;

    ModelHessian(ModelHvp hvp) {
        this.hvp = hvp;
    }

    /**
     * Writes {@code H v} at {@code model} into {@code hvpOut}, an object of the model's shape other
     * than the model and {@code v}: its arrays at the fields the loss reads are overwritten, and so
     * are its scalar fields, except a record's components, which nothing can write: for those,
     * {@link #hvp(Object, Object)}. Returns the derivative of the loss along {@code v}.
     */
    public double hvp(M model, M v, M hvpOut) {
        if (hvpOut == model || hvpOut == v) {
            throw new IllegalArgumentException("hvpOut must be neither the model nor v");
        }
        double along = Models.sweep(hvpOut, tape -> hvp.hvp(model, v, hvpOut, 1.0, tape));
        Models.endReceiving(hvpOut, "object for H v", "hvp(model, v)");
        return along;
    }

    /** {@code H v} at {@code model}, in a new object of the model's shape (records in it made by their canonical constructors). */
    public M hvp(M model, M v) {
        M out = Models.zeroCopy(model);
        Models.sweep(out, tape -> hvp.hvp(model, v, out, 1.0, tape));
        return Models.endReceiving(out, null, null);
    }
}
