package dev.fluxion.samples.ode;

/**
 * Adam (Kingma and Ba, 2015) on one parameter array, updated in place, with the step size decayed
 * as {@code rate / (1 + steps / halfLife)} so that it settles instead of rattling around the
 * minimum.
 */
final class Adam {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final double rate;
    private final double halfLife;
    private final double[] m;
    private final double[] v;
    private int steps;

    Adam(int dimension, double rate, double halfLife) {
        this.rate = rate;
        this.halfLife = halfLife;
        this.m = new double[dimension];
        this.v = new double[dimension];
    }

    /** One step of {@code p} down the gradient {@code g}. */
    void step(double[] p, double[] g) {
        double stepSize = rate / (1 + steps / halfLife);
        steps++;
        double correction1 = 1 - Math.pow(BETA1, steps);
        double correction2 = 1 - Math.pow(BETA2, steps);
        for (int i = 0; i < p.length; i++) {
            m[i] = BETA1 * m[i] + (1 - BETA1) * g[i];
            v[i] = BETA2 * v[i] + (1 - BETA2) * g[i] * g[i];
            p[i] -= stepSize * (m[i] / correction1) / (Math.sqrt(v[i] / correction2) + EPSILON);
        }
    }
}
