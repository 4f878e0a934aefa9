package dev.fluxion.internal;

/**
 * The Hessian-vector product of a loss over a model object, reverse over forward, bound by the
 * generated {@code fluxion$bindhvpmodel$f()}: accumulates {@code seed} times {@code H v} into the
 * fields of {@code out} (their arrays zeroed first, scalar fields overwritten) and returns the
 * derivative of the loss along {@code v}. See {@link Naming#MODEL_TANGENT_BRIDGE_PREFIX}.
 */
@FunctionalInterface
public interface ModelHvp {
    double hvp(Object model, Object v, Object out, double seed, Tape tape);
}
