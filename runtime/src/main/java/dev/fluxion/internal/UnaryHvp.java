package dev.fluxion.internal;

/**
 * Bound to a generated {@code fluxion$hvp$f} of a {@code double f(double)}: returns
 * {@code f'(x) v} and leaves on the tape the adjoints of {@code x} ({@code seed f''(x) v}) and,
 * on top, of {@code v} ({@code seed f'(x)}).
 */
@FunctionalInterface
public interface UnaryHvp {
    double hvp(double x, double v, double seed, Tape tape);
}
