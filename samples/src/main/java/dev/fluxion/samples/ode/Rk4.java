package dev.fluxion.samples.ode;

/**
 * The classical fourth-order Runge-Kutta method, written once for any {@link Rhs}. Nothing here is
 * annotated: a loss that calls it with a lambda capturing the parameters is differentiated through
 * it (the helper is inlined, each call of the lambda becomes its body).
 */
final class Rk4 {
    private Rk4() {
    }

    /**
     * Integrates y' = f(t, y) from {@code y0} at {@code times[0]} and returns the state at each of
     * {@code times} (a new array per time), taking {@code stepsPerInterval} equal steps between
     * consecutive times.
     */
    static double[][] trajectory(Rhs f, double[] y0, double[] times, int stepsPerInterval) {
        int n = y0.length;
        double[][] states = new double[times.length][];
        double[] y = y0.clone();
        double[] k1 = new double[n];
        double[] k2 = new double[n];
        double[] k3 = new double[n];
        double[] k4 = new double[n];
        double[] stage = new double[n];
        states[0] = y.clone();
        for (int k = 1; k < times.length; k++) {
            double h = (times[k] - times[k - 1]) / stepsPerInterval;
            for (int s = 0; s < stepsPerInterval; s++) {
                double t = times[k - 1] + s * h;
                f.derivative(t, y, k1);
                for (int i = 0; i < n; i++) stage[i] = y[i] + 0.5 * h * k1[i];
                f.derivative(t + 0.5 * h, stage, k2);
                for (int i = 0; i < n; i++) stage[i] = y[i] + 0.5 * h * k2[i];
                f.derivative(t + 0.5 * h, stage, k3);
                for (int i = 0; i < n; i++) stage[i] = y[i] + h * k3[i];
                f.derivative(t + h, stage, k4);
                for (int i = 0; i < n; i++) y[i] += h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
            }
            states[k] = y.clone();
        }
        return states;
    }

    /** The same for a right-hand side that takes its parameters {@code p} as an argument. */
    static double[][] trajectory(ParametricRhs f, double[] p, double[] y0, double[] times, int stepsPerInterval) {
        return trajectory((t, y, dydt) -> f.derivative(p, t, y, dydt), y0, times, stepsPerInterval);
    }
}
