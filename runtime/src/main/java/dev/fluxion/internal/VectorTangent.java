package dev.fluxion.internal;

/**
 * Bound to a generated {@code void f(double[] in, double[] out)} tangent: writes {@code out} as the
 * primal does and {@code outDot} with {@code J inDot} (the Jacobian-vector product).
 */
@FunctionalInterface
public interface VectorTangent {
    void tangent(double[] in, double[] out, double[] inDot, double[] outDot, Tape tape);
}
