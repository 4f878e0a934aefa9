package dev.fluxion;

import dev.fluxion.internal.ModelAdjoint;
import dev.fluxion.internal.Models;

/**
 * The gradient of a {@link ModelFunction} with respect to the model's numbers, in the model's own
 * structure: a gradient object of the model's class whose {@code double}, {@code double[]} and
 * {@code double[][]} fields (of the model, and of objects it holds in fields) hold the derivatives
 * of the loss with respect to the same fields of the model, as JAX returns a gradient with the
 * structure of its parameters and Swift a {@code TangentVector}. Fields the loss does not read get
 * zeros; fields that are not numbers (counts, names) are the model's. Thread-safe.
 *
 * @param <M> the model's class
 */
public final class ModelGradient<M> {
    private final ModelAdjoint adjoint;

    ModelGradient(ModelAdjoint adjoint) {
        this.adjoint = adjoint;
    }

    /**
     * The loss at {@code model}; writes its derivatives into {@code gradOut}, an object of the
     * model's shape (arrays of the same lengths), other than the model: the arrays of the fields
     * the loss reads are overwritten (zeroed, then filled), and so are its scalar fields, final ones
     * included, except a record's components, which nothing can write: for those, {@link #gradient}.
     */
    public double valueAndGradient(M model, M gradOut) {
        if (model == gradOut) {
            throw new IllegalArgumentException("gradOut must not be the model");
        }
        double[] value = new double[1];
        Models.endReceiving(run(model, gradOut, value), "gradient object", "gradient(model)");
        return value[0];
    }

    /**
     * A new gradient object of the model's shape (see {@link Models#zeroCopy}) holding the derivatives
     * at {@code model}. A record's components are final: a record in the gradient object whose
     * components receive derivatives is made by its canonical constructor, holding them.
     */
    public M gradient(M model) {
        return Models.endReceiving(run(model, Models.zeroCopy(model), new double[1]), null, null);
    }

    /** Runs the adjoint into {@code gradOut}, its value into {@code value[0]}; returns {@code gradOut}. */
    private M run(M model, M gradOut, double[] value) {
        value[0] = Models.sweep(gradOut, tape -> adjoint.adjoint(model, gradOut, 1.0, tape));
        return gradOut;
    }
}
