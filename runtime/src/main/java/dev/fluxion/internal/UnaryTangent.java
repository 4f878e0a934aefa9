package dev.fluxion.internal;

/** Bound to a generated {@code double f(double)} tangent: returns {@code f(x)}, leaves {@code f'(x) xDot} on the tape. */
@FunctionalInterface
public interface UnaryTangent {
    double tangent(double x, double xDot, Tape tape);
}
