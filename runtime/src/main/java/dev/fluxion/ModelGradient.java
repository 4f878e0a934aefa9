package dev.fluxion;

import dev.fluxion.internal.ModelAdjoint;
import dev.fluxion.internal.Models;
import dev.fluxion.internal.Tape;

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
     * the loss reads are overwritten (zeroed, then filled), and so are its scalar fields.
     */
    public double valueAndGradient(M model, M gradOut) {
        if (model == gradOut) {
            throw new IllegalArgumentException("gradOut must not be the model");
        }
        Tape tape = Tape.current();
        tape.enter();
        try {
            return adjoint.adjoint(model, gradOut, 1.0, tape);
        } catch (RuntimeException | Error e) {
            tape.unwindToMark();
            throw e;
        } finally {
            tape.leave();
        }
    }

    /** A new gradient object of the model's shape (see {@link Models#zeroCopy}) holding the derivatives at {@code model}. */
    public M gradient(M model) {
        M g = Models.zeroCopy(model);
        valueAndGradient(model, g);
        return g;
    }
}
