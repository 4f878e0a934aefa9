package dev.fluxion.samples.ode;

/** The right-hand side of an ordinary differential equation y' = f(t, y). */
@FunctionalInterface
interface Rhs {
    /** Writes f(t, y) into {@code dydt}, which has the length of {@code y}. */
    void derivative(double t, double[] y, double[] dydt);
}
