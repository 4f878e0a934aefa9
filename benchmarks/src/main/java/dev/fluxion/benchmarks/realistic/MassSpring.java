package dev.fluxion.benchmarks.realistic;

import dev.fluxion.Differentiable;

/**
 * A hanging chain as one would simulate it: {@value #MASSES} point masses in the plane joined by
 * springs, the first one pinned, gravity and linear damping, {@value #STEPS} steps of semi-implicit
 * (symplectic) Euler over {@code double[][]} positions, velocities and forces. The parameters are
 * each spring's stiffness and the damping coefficient; the loss is the squared distance of the final
 * positions to those of a chain with other parameters.
 */
public final class MassSpring {
    public static final int MASSES = 16;
    public static final int SPRINGS = MASSES - 1;
    public static final int STEPS = 200;
    static final double DT = 0.005;
    static final double MASS = 0.1;
    static final double REST = 0.25;
    static final double GRAVITY = 9.81;

    private final double[][] target;

    public MassSpring() {
        target = simulate(targetParameters());
    }

    public static double[] initialParameters() {
        double[] p = new double[SPRINGS + 1];
        for (int s = 0; s < SPRINGS; s++) {
            p[s] = 40 + 2 * s;
        }
        p[SPRINGS] = 0.05;
        return p;
    }

    static double[] targetParameters() {
        double[] p = new double[SPRINGS + 1];
        Lcg r = new Lcg(3);
        for (int s = 0; s < SPRINGS; s++) {
            p[s] = r.uniform(30, 80);
        }
        p[SPRINGS] = 0.08;
        return p;
    }

    @Differentiable
    public double loss(double[] params) {
        double[][] pos = simulate(params);
        double sum = 0;
        for (int i = 0; i < MASSES; i++) {
            double dx = pos[i][0] - target[i][0];
            double dy = pos[i][1] - target[i][1];
            sum += dx * dx + dy * dy;
        }
        return sum;
    }

    /** The positions after {@link #STEPS} steps from rest, the chain laid out horizontally. */
    public static double[][] simulate(double[] params) {
        double[][] pos = new double[MASSES][2];
        double[][] vel = new double[MASSES][2];
        double[][] force = new double[MASSES][2];
        for (int i = 0; i < MASSES; i++) {
            pos[i][0] = i * REST;
        }
        for (int step = 0; step < STEPS; step++) {
            computeForces(params, pos, vel, force);
            for (int i = 1; i < MASSES; i++) { // mass 0 is pinned
                vel[i][0] += DT * force[i][0] / MASS;
                vel[i][1] += DT * force[i][1] / MASS;
                pos[i][0] += DT * vel[i][0];
                pos[i][1] += DT * vel[i][1];
            }
        }
        return pos;
    }

    static void computeForces(double[] params, double[][] pos, double[][] vel, double[][] force) {
        double damping = params[SPRINGS];
        for (int i = 0; i < MASSES; i++) {
            force[i][0] = -damping * vel[i][0];
            force[i][1] = -damping * vel[i][1] - MASS * GRAVITY;
        }
        for (int s = 0; s < SPRINGS; s++) {
            double dx = pos[s + 1][0] - pos[s][0];
            double dy = pos[s + 1][1] - pos[s][1];
            double length = Math.sqrt(dx * dx + dy * dy);
            double f = params[s] * (length - REST) / length;
            force[s][0] += f * dx;
            force[s][1] += f * dy;
            force[s + 1][0] -= f * dx;
            force[s + 1][1] -= f * dy;
        }
    }

    private final double[] xs = new double[(STEPS + 1) * MASSES * 2];
    private final double[] vs = new double[(STEPS + 1) * MASSES * 2];
    private final double[] posBar = new double[MASSES * 2];
    private final double[] velBar = new double[MASSES * 2];
    private final double[] forceBar = new double[MASSES * 2];

    /** The adjoint derived by hand: every step's state kept (flat), the steps reversed one by one. */
    public double manualGradient(double[] params, double[] grad) {
        int n2 = MASSES * 2;
        double[] x = xs;
        double[] v = vs;
        java.util.Arrays.fill(v, 0, n2, 0);
        for (int i = 0; i < MASSES; i++) {
            x[2 * i] = i * REST;
            x[2 * i + 1] = 0;
        }
        double damping = params[SPRINGS];
        double[] f = forceBar; // the forward sweep's forces, then the reverse sweep's adjoints
        for (int step = 0; step < STEPS; step++) {
            int at = step * n2;
            int next = at + n2;
            for (int i = 0; i < MASSES; i++) {
                f[2 * i] = -damping * v[at + 2 * i];
                f[2 * i + 1] = -damping * v[at + 2 * i + 1] - MASS * GRAVITY;
            }
            for (int s = 0; s < SPRINGS; s++) {
                double dx = x[at + 2 * s + 2] - x[at + 2 * s];
                double dy = x[at + 2 * s + 3] - x[at + 2 * s + 1];
                double length = Math.sqrt(dx * dx + dy * dy);
                double fs = params[s] * (length - REST) / length;
                f[2 * s] += fs * dx;
                f[2 * s + 1] += fs * dy;
                f[2 * s + 2] -= fs * dx;
                f[2 * s + 3] -= fs * dy;
            }
            x[next] = x[at];
            x[next + 1] = x[at + 1];
            v[next] = v[at];
            v[next + 1] = v[at + 1];
            for (int j = 2; j < n2; j++) {
                v[next + j] = v[at + j] + DT * f[j] / MASS;
                x[next + j] = x[at + j] + DT * v[next + j];
            }
        }
        int last = STEPS * n2;
        double sum = 0;
        for (int j = 0; j < n2; j++) {
            double d = x[last + j] - target[j / 2][j % 2];
            sum += d * d;
            posBar[j] = 2 * d;
            velBar[j] = 0;
        }
        java.util.Arrays.fill(grad, 0);
        double dampingBar = 0;
        for (int step = STEPS - 1; step >= 0; step--) {
            int at = step * n2;
            // pos' = pos + DT vel', vel' = vel + DT force / MASS (masses 1..), force = F(pos, vel)
            for (int j = 2; j < n2; j++) {
                velBar[j] += DT * posBar[j];
                forceBar[j] = DT / MASS * velBar[j];
            }
            forceBar[0] = 0;
            forceBar[1] = 0;
            for (int s = 0; s < SPRINGS; s++) {
                double dx = x[at + 2 * s + 2] - x[at + 2 * s];
                double dy = x[at + 2 * s + 3] - x[at + 2 * s + 1];
                double length = Math.sqrt(dx * dx + dy * dy);
                double fs = params[s] * (length - REST) / length;
                double gxBar = forceBar[2 * s] - forceBar[2 * s + 2];
                double gyBar = forceBar[2 * s + 1] - forceBar[2 * s + 3];
                double fsBar = gxBar * dx + gyBar * dy;
                grad[s] += fsBar * (length - REST) / length;
                double lengthBar = fsBar * params[s] * REST / (length * length);
                double dxBar = fs * gxBar + lengthBar * dx / length;
                double dyBar = fs * gyBar + lengthBar * dy / length;
                posBar[2 * s + 2] += dxBar;
                posBar[2 * s + 3] += dyBar;
                posBar[2 * s] -= dxBar;
                posBar[2 * s + 1] -= dyBar;
            }
            for (int j = 0; j < n2; j++) {
                dampingBar -= v[at + j] * forceBar[j];
                velBar[j] -= damping * forceBar[j];
            }
        }
        grad[SPRINGS] = dampingBar;
        return sum;
    }
}
