package dev.fluxion.corpus;

/** A classical Runge-Kutta integrator written once for any right-hand side, as a library would. */
public final class Ode {
    private Ode() {
    }

    /** The right-hand side of y' = f(t, y): writes f(t, y) into dy. */
    public interface Rhs {
        void eval(double t, double[] y, double[] dy);
    }

    /** Integrates y in place over {@code steps} steps of size h from t = 0. */
    public static void rk4(Rhs f, double[] y, double h, int steps) {
        int n = y.length;
        double[] k1 = new double[n];
        double[] k2 = new double[n];
        double[] k3 = new double[n];
        double[] k4 = new double[n];
        double[] tmp = new double[n];
        double t = 0;
        for (int s = 0; s < steps; s++) {
            f.eval(t, y, k1);
            for (int i = 0; i < n; i++) {
                tmp[i] = y[i] + 0.5 * h * k1[i];
            }
            f.eval(t + 0.5 * h, tmp, k2);
            for (int i = 0; i < n; i++) {
                tmp[i] = y[i] + 0.5 * h * k2[i];
            }
            f.eval(t + 0.5 * h, tmp, k3);
            for (int i = 0; i < n; i++) {
                tmp[i] = y[i] + h * k3[i];
            }
            f.eval(t + h, tmp, k4);
            for (int i = 0; i < n; i++) {
                y[i] += h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
            }
            t += h;
        }
    }
}
