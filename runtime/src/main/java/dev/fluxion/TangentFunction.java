package dev.fluxion;

/**
 * The forward-mode derivative of a {@link ScalarFunction}, computed by tangent code that Fluxion
 * generated from the function's bytecode: one sweep gives the derivative along one direction, at
 * about the cost of the function itself. Prefer it to {@link GradientFunction} when there are few
 * inputs, or a single direction is wanted. Immutable, thread-safe and re-entrant; {@code x} and
 * {@code v} are never modified.
 */
public interface TangentFunction {
    /**
     * Evaluates the function and its directional derivative in one sweep.
     *
     * @param jvpOut receives the derivative along {@code v} in element 0
     * @return the function value at {@code x}
     */
    double valueAndJvp(double[] x, double[] v, double[] jvpOut);

    /** The directional derivative {@code grad f(x) . v} (a Jacobian-vector product with a 1-row Jacobian). */
    default double jvp(double[] x, double[] v) {
        double[] out = new double[1];
        valueAndJvp(x, v, out);
        return out[0];
    }

    /**
     * The gradient by forward sweeps along the unit directions: for small {@code n}, or to check
     * reverse mode. For a static method each sweep carries up to eight directions (vector forward
     * mode: as many lanes as the directions need, see docs/forward-and-second-order.md), so it takes
     * {@code ceil(n / 8)} sweeps.
     */
    default double[] gradient(double[] x) {
        double[] g = new double[x.length];
        double[] e = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            e[i] = 1.0;
            g[i] = jvp(x, e);
            e[i] = 0.0;
        }
        return g;
    }
}
