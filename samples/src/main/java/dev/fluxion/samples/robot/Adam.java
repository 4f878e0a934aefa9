package dev.fluxion.samples.robot;

/** Adam (Kingma and Ba, 2015) over one parameter array, updated in place. */
final class Adam {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final double rate;
    private final double[] m;
    private final double[] v;
    private int steps;

    Adam(int parameters, double rate) {
        this.rate = rate;
        this.m = new double[parameters];
        this.v = new double[parameters];
    }

    /** One step down the gradient {@code g} of the parameters {@code p}. */
    void step(double[] p, double[] g) {
        steps++;
        double correction1 = 1 - Math.pow(BETA1, steps);
        double correction2 = 1 - Math.pow(BETA2, steps);
        for (int i = 0; i < p.length; i++) {
            m[i] = BETA1 * m[i] + (1 - BETA1) * g[i];
            v[i] = BETA2 * v[i] + (1 - BETA2) * g[i] * g[i];
            p[i] -= rate * (m[i] / correction1) / (Math.sqrt(v[i] / correction2) + EPSILON);
        }
    }
}
