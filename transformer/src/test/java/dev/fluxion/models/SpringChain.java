package dev.fluxion.models;

import dev.fluxion.Differentiable;

/**
 * Masses on a line joined by springs, integrated by semi-implicit Euler for a fixed number of
 * steps; the loss is the squared distance of the last mass from a goal. Parameters: the springs'
 * rest lengths, their stiffness, and a damping object holding per-mass coefficients.
 */
public class SpringChain {
    public static final class Damping {
        public final double[] coefficients;

        public Damping(int masses) {
            coefficients = new double[masses];
            java.util.Arrays.fill(coefficients, 0.2);
        }
    }

    public final double[] rest = {1.0, 0.8, 1.2};
    public double stiffness = 3.0;
    public final Damping damping = new Damping(4);
    public int steps = 60; // data

    private double springForce(double stretch) {
        return -stiffness * stretch;
    }

    @Differentiable
    public static double loss(SpringChain c) {
        int n = c.rest.length + 1;
        double[] x = new double[n];
        double[] v = new double[n];
        for (int i = 1; i < n; i++) {
            x[i] = x[i - 1] + 1.0;
        }
        x[n - 1] += 0.5;
        double dt = 0.05;
        for (int step = 0; step < c.steps; step++) {
            double[] f = new double[n];
            for (int i = 0; i + 1 < n; i++) {
                double force = c.springForce(x[i + 1] - x[i] - c.rest[i]);
                f[i] -= force;
                f[i + 1] += force;
            }
            for (int i = 1; i < n; i++) { // mass 0 is fixed
                v[i] += dt * (f[i] - c.damping.coefficients[i] * v[i]);
                x[i] += dt * v[i];
            }
        }
        double miss = x[n - 1] - 3.5;
        return miss * miss;
    }
}
