package dev.fluxion.benchmarks;

import dev.fluxion.Differentiable;
import org.hipparchus.analysis.differentiation.Gradient;

/**
 * A time-stepping simulation: the Lotka-Volterra predator-prey model
 * {@code x' = a x - b x y, y' = -c y + d x y}, integrated by classical RK4 over {@link #STEPS} steps.
 * The inputs are theta = (a, b, c, d, x0, y0); the loss is the squared distance of the final state
 * to a target. The gradient by reverse mode needs the whole trajectory (or recomputation): the hand
 * adjoint keeps the state of every step and recomputes the stages, the discrete adjoint of RK4.
 */
public final class LotkaVolterra {
    public static final int STEPS = 4000;
    static final double H = 10.0 / STEPS;
    static final double TARGET_X = 1.0;
    static final double TARGET_Y = 2.0;

    private LotkaVolterra() {
    }

    public static double[] initialTheta() {
        return new double[] {1.5, 1.0, 3.0, 1.0, 1.0, 1.0};
    }

    @Differentiable
    public static double loss(double[] theta) {
        double[] s = {theta[4], theta[5]};
        double[] k1 = new double[2];
        double[] k2 = new double[2];
        double[] k3 = new double[2];
        double[] k4 = new double[2];
        double[] stage = new double[2];
        for (int step = 0; step < STEPS; step++) {
            rhs(theta, s, k1);
            for (int a = 0; a < 2; a++) {
                stage[a] = s[a] + 0.5 * H * k1[a];
            }
            rhs(theta, stage, k2);
            for (int a = 0; a < 2; a++) {
                stage[a] = s[a] + 0.5 * H * k2[a];
            }
            rhs(theta, stage, k3);
            for (int a = 0; a < 2; a++) {
                stage[a] = s[a] + H * k3[a];
            }
            rhs(theta, stage, k4);
            for (int a = 0; a < 2; a++) {
                s[a] += H / 6 * (k1[a] + 2 * k2[a] + 2 * k3[a] + k4[a]);
            }
        }
        double dx = s[0] - TARGET_X;
        double dy = s[1] - TARGET_Y;
        return dx * dx + dy * dy;
    }

    /** The right-hand side f(theta, s), written into out. */
    @Differentiable
    static void rhs(double[] theta, double[] s, double[] out) {
        out[0] = theta[0] * s[0] - theta[1] * s[0] * s[1];
        out[1] = -theta[2] * s[1] + theta[3] * s[0] * s[1];
    }

    /** The hand-written discrete adjoint (the "manual" column). */
    public static final class Manual {
        private final double[] trajectory = new double[2 * (STEPS + 1)];

        public double valueAndGradient(double[] theta, double[] grad) {
            double a = theta[0];
            double b = theta[1];
            double c = theta[2];
            double d = theta[3];
            double x = theta[4];
            double y = theta[5];
            for (int step = 0; step < STEPS; step++) {
                trajectory[2 * step] = x;
                trajectory[2 * step + 1] = y;
                double k1x = a * x - b * x * y;
                double k1y = -c * y + d * x * y;
                double u2x = x + 0.5 * H * k1x;
                double u2y = y + 0.5 * H * k1y;
                double k2x = a * u2x - b * u2x * u2y;
                double k2y = -c * u2y + d * u2x * u2y;
                double u3x = x + 0.5 * H * k2x;
                double u3y = y + 0.5 * H * k2y;
                double k3x = a * u3x - b * u3x * u3y;
                double k3y = -c * u3y + d * u3x * u3y;
                double u4x = x + H * k3x;
                double u4y = y + H * k3y;
                double k4x = a * u4x - b * u4x * u4y;
                double k4y = -c * u4y + d * u4x * u4y;
                x += H / 6 * (k1x + 2 * k2x + 2 * k3x + k4x);
                y += H / 6 * (k1y + 2 * k2y + 2 * k3y + k4y);
            }
            double dx = x - TARGET_X;
            double dy = y - TARGET_Y;
            double loss = dx * dx + dy * dy;

            double xBar = 2 * dx;
            double yBar = 2 * dy;
            double[] pBar = new double[4]; // (a, b, c, d): 32 bytes, kept simple
            double[] uBar = new double[2];
            for (int step = STEPS - 1; step >= 0; step--) {
                x = trajectory[2 * step];
                y = trajectory[2 * step + 1];
                // recompute the stage inputs of this step
                double k1x = a * x - b * x * y;
                double k1y = -c * y + d * x * y;
                double u2x = x + 0.5 * H * k1x;
                double u2y = y + 0.5 * H * k1y;
                double k2x = a * u2x - b * u2x * u2y;
                double k2y = -c * u2y + d * u2x * u2y;
                double u3x = x + 0.5 * H * k2x;
                double u3y = y + 0.5 * H * k2y;
                double k3x = a * u3x - b * u3x * u3y;
                double k3y = -c * u3y + d * u3x * u3y;
                double u4x = x + H * k3x;
                double u4y = y + H * k3y;
                // s' = s + H/6 (k1 + 2 k2 + 2 k3 + k4)
                double k4xBar = H / 6 * xBar;
                double k4yBar = H / 6 * yBar;
                double k3xBar = H / 3 * xBar;
                double k3yBar = H / 3 * yBar;
                double k2xBar = H / 3 * xBar;
                double k2yBar = H / 3 * yBar;
                double k1xBar = H / 6 * xBar;
                double k1yBar = H / 6 * yBar;
                rhsAdjoint(theta, u4x, u4y, k4xBar, k4yBar, uBar, pBar);   // u4 = s + H k3
                xBar += uBar[0];
                yBar += uBar[1];
                k3xBar += H * uBar[0];
                k3yBar += H * uBar[1];
                rhsAdjoint(theta, u3x, u3y, k3xBar, k3yBar, uBar, pBar);   // u3 = s + H/2 k2
                xBar += uBar[0];
                yBar += uBar[1];
                k2xBar += 0.5 * H * uBar[0];
                k2yBar += 0.5 * H * uBar[1];
                rhsAdjoint(theta, u2x, u2y, k2xBar, k2yBar, uBar, pBar);   // u2 = s + H/2 k1
                xBar += uBar[0];
                yBar += uBar[1];
                k1xBar += 0.5 * H * uBar[0];
                k1yBar += 0.5 * H * uBar[1];
                rhsAdjoint(theta, x, y, k1xBar, k1yBar, uBar, pBar);       // u1 = s
                xBar += uBar[0];
                yBar += uBar[1];
            }
            System.arraycopy(pBar, 0, grad, 0, 4);
            grad[4] = xBar;
            grad[5] = yBar;
            return loss;
        }

        /** (uBar, pBar) := J_f(u)^T (fxBar, fyBar); pBar accumulates. */
        private static void rhsAdjoint(double[] p, double x, double y, double fxBar, double fyBar, double[] uBar, double[] pBar) {
            uBar[0] = fxBar * (p[0] - p[1] * y) + fyBar * p[3] * y;
            uBar[1] = -fxBar * p[1] * x + fyBar * (p[3] * x - p[2]);
            pBar[0] += fxBar * x;
            pBar[1] -= fxBar * x * y;
            pBar[2] -= fyBar * y;
            pBar[3] += fyBar * x * y;
        }
    }

    /** The same simulation over Hipparchus {@link Gradient}s (6 derivative slots). */
    public static double hipparchus(double[] theta, double[] grad) {
        Gradient[] p = new Gradient[6];
        for (int i = 0; i < 6; i++) {
            p[i] = Gradient.variable(6, i, theta[i]);
        }
        Gradient x = p[4];
        Gradient y = p[5];
        for (int step = 0; step < STEPS; step++) {
            Gradient k1x = p[0].multiply(x).subtract(p[1].multiply(x).multiply(y));
            Gradient k1y = p[3].multiply(x).multiply(y).subtract(p[2].multiply(y));
            Gradient u2x = x.add(k1x.multiply(0.5 * H));
            Gradient u2y = y.add(k1y.multiply(0.5 * H));
            Gradient k2x = p[0].multiply(u2x).subtract(p[1].multiply(u2x).multiply(u2y));
            Gradient k2y = p[3].multiply(u2x).multiply(u2y).subtract(p[2].multiply(u2y));
            Gradient u3x = x.add(k2x.multiply(0.5 * H));
            Gradient u3y = y.add(k2y.multiply(0.5 * H));
            Gradient k3x = p[0].multiply(u3x).subtract(p[1].multiply(u3x).multiply(u3y));
            Gradient k3y = p[3].multiply(u3x).multiply(u3y).subtract(p[2].multiply(u3y));
            Gradient u4x = x.add(k3x.multiply(H));
            Gradient u4y = y.add(k3y.multiply(H));
            Gradient k4x = p[0].multiply(u4x).subtract(p[1].multiply(u4x).multiply(u4y));
            Gradient k4y = p[3].multiply(u4x).multiply(u4y).subtract(p[2].multiply(u4y));
            x = x.add(k1x.add(k2x.multiply(2)).add(k3x.multiply(2)).add(k4x).multiply(H / 6));
            y = y.add(k1y.add(k2y.multiply(2)).add(k3y.multiply(2)).add(k4y).multiply(H / 6));
        }
        Gradient dx = x.subtract(TARGET_X);
        Gradient dy = y.subtract(TARGET_Y);
        Gradient loss = dx.square().add(dy.square());
        System.arraycopy(loss.getGradient(), 0, grad, 0, 6);
        return loss.getValue();
    }
}
