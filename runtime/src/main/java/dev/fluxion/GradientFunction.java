package dev.fluxion;

/**
 * The gradient of a {@link ScalarFunction}, computed by reverse-mode (adjoint) code that Fluxion
 * generated from the function's bytecode. Instances are immutable, thread-safe and re-entrant.
 */
public interface GradientFunction {

    /**
     * Evaluates the function and its gradient in one sweep.
     *
     * @param x the point; never modified
     * @param gradOut receives the gradient (overwritten, not accumulated); same length as {@code x}
     * @return the function value at {@code x}
     */
    double valueAndGradient(double[] x, double[] gradOut);

    /** Returns the gradient at {@code x} in a new array. */
    default double[] gradient(double[] x) {
        double[] g = new double[x.length];
        valueAndGradient(x, g);
        return g;
    }
}
