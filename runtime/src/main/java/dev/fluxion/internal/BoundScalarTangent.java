package dev.fluxion.internal;

/**
 * Bound, through {@code LambdaMetafactory}, to the tangent of an instance method
 * {@code double f(double[])}: the tangent is static, with the receiver first.
 */
@FunctionalInterface
public interface BoundScalarTangent {
    double tangent(Object receiver, double[] x, double[] xDot, Tape tape);
}
