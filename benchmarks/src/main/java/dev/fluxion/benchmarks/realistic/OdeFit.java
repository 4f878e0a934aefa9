package dev.fluxion.benchmarks.realistic;

import dev.fluxion.Differentiable;

/**
 * Fitting an ODE to observations, as one would write it: a damped, driven oscillator
 * {@code x'' = -k x - c x' + A cos(w t)} integrated by a general RK4 stepper (a right-hand side that
 * writes into an output buffer, stage buffers, the observed positions written into a buffer of their
 * own), 1000 steps of 0.01, the position observed every 10 steps. The loss is the mean squared error
 * against noisy observations of the true motion; the parameters are {@code p = k, c, A, w, x0, v0}.
 */
public final class OdeFit {
    public static final int STEPS = 1000;
    public static final int EVERY = 10;
    public static final int OBSERVATIONS = STEPS / EVERY;
    static final double H = 0.01;

    private final double[] observed;
    private final double[] xs = new double[STEPS + 1];
    private final double[] vs = new double[STEPS + 1];
    private final double[] times = new double[STEPS + 1];

    public OdeFit() {
        observed = new double[OBSERVATIONS];
        simulate(new double[] {4.0, 0.3, 1.0, 1.7, 1.0, 0.0}, observed);
        Lcg noise = new Lcg(2);
        for (int i = 0; i < OBSERVATIONS; i++) {
            observed[i] += noise.uniform(-0.05, 0.05);
        }
    }

    public static double[] initialParameters() {
        return new double[] {3.5, 0.5, 0.8, 1.5, 0.9, 0.1};
    }

    @Differentiable
    public double loss(double[] p) {
        double[] positions = new double[OBSERVATIONS];
        simulate(p, positions);
        double sum = 0;
        for (int i = 0; i < OBSERVATIONS; i++) {
            double r = positions[i] - observed[i];
            sum += r * r;
        }
        return sum / OBSERVATIONS;
    }

    /** Integrates from (x0, v0) and writes the position at every observation time into out. */
    @Differentiable // Fluxion rejected it unannotated
    static void simulate(double[] p, double[] out) {
        double[] y = {p[4], p[5]};
        double[] k1 = new double[2];
        double[] k2 = new double[2];
        double[] k3 = new double[2];
        double[] k4 = new double[2];
        double[] tmp = new double[2];
        double t = 0;
        int next = 0;
        for (int step = 1; step <= STEPS; step++) {
            rk4Step(p, t, H, y, k1, k2, k3, k4, tmp);
            t += H;
            if (step % EVERY == 0) {
                out[next++] = y[0];
            }
        }
    }

    /** One classical RK4 step of y' = f(t, y), in place. */
    static void rk4Step(double[] p, double t, double h, double[] y, double[] k1, double[] k2, double[] k3, double[] k4,
            double[] tmp) {
        int n = y.length;
        derivative(p, t, y, k1);
        for (int i = 0; i < n; i++) {
            tmp[i] = y[i] + 0.5 * h * k1[i];
        }
        derivative(p, t + 0.5 * h, tmp, k2);
        for (int i = 0; i < n; i++) {
            tmp[i] = y[i] + 0.5 * h * k2[i];
        }
        derivative(p, t + 0.5 * h, tmp, k3);
        for (int i = 0; i < n; i++) {
            tmp[i] = y[i] + h * k3[i];
        }
        derivative(p, t + h, tmp, k4);
        for (int i = 0; i < n; i++) {
            y[i] += h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
        }
    }

    static void derivative(double[] p, double t, double[] y, double[] dy) {
        dy[0] = y[1];
        dy[1] = -p[0] * y[0] - p[1] * y[1] + p[2] * Math.cos(p[3] * t);
    }

    /** The discrete adjoint of RK4, derived by hand: the states kept, each step's stages recomputed in reverse. */
    public double manualGradient(double[] p, double[] grad) {
        double k = p[0];
        double c = p[1];
        double a = p[2];
        double w = p[3];
        double[] xs = this.xs;
        double[] vs = this.vs;
        double[] times = this.times;
        double[] ts = new double[4];
        double[] ux = new double[4];
        double[] uv = new double[4];
        double[] weights = {H / 6, H / 3, H / 3, H / 6};
        double[] feed = {0, 0.5 * H, 0.5 * H, H}; // u_{s+1} = y + feed[s+1] k_s
        double x = p[4];
        double v = p[5];
        double sum = 0;
        double t = 0;
        xs[0] = x;
        vs[0] = v;
        for (int step = 0; step < STEPS; step++) {
            double k1x = v;
            double k1v = -k * x - c * v + a * Math.cos(w * t);
            double k2x = v + 0.5 * H * k1v;
            double k2v = -k * (x + 0.5 * H * k1x) - c * k2x + a * Math.cos(w * (t + 0.5 * H));
            double k3x = v + 0.5 * H * k2v;
            double k3v = -k * (x + 0.5 * H * k2x) - c * k3x + a * Math.cos(w * (t + 0.5 * H));
            double k4x = v + H * k3v;
            double k4v = -k * (x + H * k3x) - c * k4x + a * Math.cos(w * (t + H));
            x += H / 6 * (k1x + 2 * k2x + 2 * k3x + k4x);
            v += H / 6 * (k1v + 2 * k2v + 2 * k3v + k4v);
            t += H;
            xs[step + 1] = x;
            vs[step + 1] = v;
            times[step + 1] = t;
            if ((step + 1) % EVERY == 0) {
                double r = x - observed[(step + 1) / EVERY - 1];
                sum += r * r;
            }
        }
        double kBar = 0;
        double cBar = 0;
        double aBar = 0;
        double wBar = 0;
        double xBar = 0;
        double vBar = 0;
        for (int step = STEPS - 1; step >= 0; step--) {
            if ((step + 1) % EVERY == 0) {
                xBar += 2 * (xs[step + 1] - observed[(step + 1) / EVERY - 1]) / OBSERVATIONS;
            }
            x = xs[step];
            v = vs[step];
            t = times[step];
            // the stages' inputs (u) and outputs (k), recomputed
            double u1x = x;
            double u1v = v;
            double k1v = -k * u1x - c * u1v + a * Math.cos(w * t);
            double u2x = x + 0.5 * H * v;
            double u2v = v + 0.5 * H * k1v;
            double k2x = u2v;
            double k2v = -k * u2x - c * u2v + a * Math.cos(w * (t + 0.5 * H));
            double u3x = x + 0.5 * H * k2x;
            double u3v = v + 0.5 * H * k2v;
            double k3x = u3v;
            double k3v = -k * u3x - c * u3v + a * Math.cos(w * (t + 0.5 * H));
            double u4x = x + H * k3x;
            double u4v = v + H * k3v;
            ts[0] = t;
            ts[1] = t + 0.5 * H;
            ts[2] = t + 0.5 * H;
            ts[3] = t + H;
            ux[0] = u1x;
            ux[1] = u2x;
            ux[2] = u3x;
            ux[3] = u4x;
            uv[0] = u1v;
            uv[1] = u2v;
            uv[2] = u3v;
            uv[3] = u4v;
            double kxBar = 0;
            double kvBar = 0;
            double newXBar = xBar;
            double newVBar = vBar;
            for (int s = 3; s >= 0; s--) {
                // k_s = f(t_s, u_s): its adjoint is the step's weight plus what u_{s+1} fed back
                double fxBar = weights[s] * xBar + kxBar;
                double fvBar = weights[s] * vBar + kvBar;
                // f(u) = (u_v, -k u_x - c u_v + a cos(w t))
                double uxBar = -k * fvBar;
                double uvBar = fxBar - c * fvBar;
                kBar -= ux[s] * fvBar;
                cBar -= uv[s] * fvBar;
                aBar += Math.cos(w * ts[s]) * fvBar;
                wBar -= a * ts[s] * Math.sin(w * ts[s]) * fvBar;
                // u_s = y + feed[s] k_{s-1}
                newXBar += uxBar;
                newVBar += uvBar;
                kxBar = feed[s] * uxBar;
                kvBar = feed[s] * uvBar;
            }
            xBar = newXBar;
            vBar = newVBar;
        }
        grad[0] = kBar;
        grad[1] = cBar;
        grad[2] = aBar;
        grad[3] = wBar;
        grad[4] = xBar;
        grad[5] = vBar;
        return sum / OBSERVATIONS;
    }
}
