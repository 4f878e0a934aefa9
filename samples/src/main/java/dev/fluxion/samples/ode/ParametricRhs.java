package dev.fluxion.samples.ode;

/**
 * A right-hand side that takes its parameters as an argument, y' = f(t, y; p), so that a plain
 * static method can be the model: {@code Rk4.trajectory(PredatorPreyVariants::lotkaVolterra, params, ...)},
 * as SciPy's {@code odeint(f, y0, t, args=(p,))}.
 */
@FunctionalInterface
interface ParametricRhs {
    /** Writes f(t, y; p) into {@code dydt}, which has the length of {@code y}. */
    void derivative(double[] p, double t, double[] y, double[] dydt);
}
