package dev.fluxion.internal;

/**
 * The adjoint of a loss over a model object, bound by the generated {@code fluxion$bindmodel$f()}:
 * accumulates {@code seed} times the derivatives with respect to the model's numbers into the
 * same fields of {@code gradOut} (their arrays zeroed first, scalar fields overwritten) and returns
 * the loss. See {@link Naming#MODEL_BRIDGE_PREFIX}.
 */
@FunctionalInterface
public interface ModelAdjoint {
    double adjoint(Object model, Object gradOut, double seed, Tape tape);
}
