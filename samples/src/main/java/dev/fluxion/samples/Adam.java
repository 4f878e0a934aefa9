package dev.fluxion.samples;

import java.util.ArrayList;
import java.util.List;

/**
 * Adam (Kingma and Ba, 2015) over parameter arrays updated in place, the one optimiser the samples
 * share. Its step size may decay as {@code rate / (1 + steps / halfLife)}, so that it settles instead
 * of rattling around the minimum (the ODE fits); without a half-life it stays {@code rate}.
 */
public final class Adam {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final double rate;
    private final double halfLife;
    private final List<double[]> m = new ArrayList<>(); // first moments, one array per parameter array
    private final List<double[]> v = new ArrayList<>(); // second moments
    private int steps;

    /** Adam over one parameter array of {@code dimension} numbers, at a constant step size. */
    public Adam(int dimension, double rate) {
        this(dimension, rate, Double.POSITIVE_INFINITY);
    }

    /** Adam over one parameter array, the step size decayed with {@code halfLife} steps. */
    public Adam(int dimension, double rate, double halfLife) {
        this(List.of(new double[dimension]), rate, halfLife);
    }

    /** Adam over the arrays {@code parameters} (their shapes), at a constant step size. */
    public Adam(List<double[]> parameters, double rate) {
        this(parameters, rate, Double.POSITIVE_INFINITY);
    }

    private Adam(List<double[]> parameters, double rate, double halfLife) {
        this.rate = rate;
        this.halfLife = halfLife;
        for (double[] p : parameters) {
            m.add(new double[p.length]);
            v.add(new double[p.length]);
        }
    }

    /** One step of {@code p} down the gradient {@code g}. */
    public void step(double[] p, double[] g) {
        step(List.of(p), List.of(g));
    }

    /** One step down the gradient: {@code gradients.get(k)} holds the derivatives of {@code parameters.get(k)}. */
    public void step(List<double[]> parameters, List<double[]> gradients) {
        double stepSize = rate / (1 + steps / halfLife);
        steps++;
        double correction1 = 1 - Math.pow(BETA1, steps);
        double correction2 = 1 - Math.pow(BETA2, steps);
        for (int k = 0; k < parameters.size(); k++) {
            double[] p = parameters.get(k);
            double[] g = gradients.get(k);
            double[] mk = m.get(k);
            double[] vk = v.get(k);
            for (int i = 0; i < p.length; i++) {
                mk[i] = BETA1 * mk[i] + (1 - BETA1) * g[i];
                vk[i] = BETA2 * vk[i] + (1 - BETA2) * g[i] * g[i];
                p[i] -= stepSize * (mk[i] / correction1) / (Math.sqrt(vk[i] / correction2) + EPSILON);
            }
        }
    }
}
