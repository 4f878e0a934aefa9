package dev.fluxion.samples;

import dev.fluxion.Differentiable;
import dev.fluxion.Fluxion;
import dev.fluxion.GradientFunction;
import java.util.Random;

/**
 * Fits y = a exp(-b t) + c to noisy synthetic data by minimising the mean squared error with Adam.
 * The loss reads the data from static final tables; its gradient with respect to the parameters
 * p = (a, b, c) comes from Fluxion.
 */
public final class CurveFit {
    static final double TRUE_A = 2.5;
    static final double TRUE_B = 1.3;
    static final double TRUE_C = 0.5;
    static final double NOISE = 0.02;
    static final int SAMPLES = 60;

    /** Sample times 0, 0.1, ..., 5.9. */
    static final double[] T = times();
    /** Noisy observations of the true curve at {@link #T}. */
    static final double[] Y = observations();

    static final int ITERATIONS = 400;
    static final int REPORT_EVERY = 25;
    static final double LEARNING_RATE = 0.05;
    static final double BETA1 = 0.9;
    static final double BETA2 = 0.999;
    static final double EPSILON = 1e-8;

    private CurveFit() {
    }

    /** The model, a exp(-b t) + c. */
    @Differentiable
    static double model(double a, double b, double c, double t) {
        return a * Math.exp(-b * t) + c;
    }

    /** Mean squared error of the model with parameters p = (a, b, c) over the data. */
    @Differentiable
    static double loss(double[] p) {
        double sum = 0;
        for (int k = 0; k < T.length; k++) {
            double r = model(p[0], p[1], p[2], T[k]) - Y[k];
            sum += r * r;
        }
        return sum / T.length;
    }

    public static void main(String[] args) {
        GradientFunction gradient = Fluxion.gradient(CurveFit::loss);
        double[] p = {1.0, 0.5, 0.0};
        double[] g = new double[p.length];
        double[] m = new double[p.length]; // Adam's first moment
        double[] v = new double[p.length]; // Adam's second moment
        long start = System.nanoTime();

        System.out.printf("%6s  %-12s  %-8s %-8s %-8s%n", "iter", "loss", "a", "b", "c");
        double loss = 0;
        for (int it = 1; it <= ITERATIONS; it++) {
            loss = gradient.valueAndGradient(p, g);
            if (it == 1 || it % REPORT_EVERY == 0) {
                System.out.printf("%6d  %-12.6e  %-8.5f %-8.5f %-8.5f%n", it, loss, p[0], p[1], p[2]);
            }
            double correction1 = 1 - Math.pow(BETA1, it);
            double correction2 = 1 - Math.pow(BETA2, it);
            for (int i = 0; i < p.length; i++) {
                m[i] = BETA1 * m[i] + (1 - BETA1) * g[i];
                v[i] = BETA2 * v[i] + (1 - BETA2) * g[i] * g[i];
                p[i] -= LEARNING_RATE * (m[i] / correction1) / (Math.sqrt(v[i] / correction2) + EPSILON);
            }
        }
        loss = loss(p);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("final loss %.6e after %d iterations (%.2f s); noise variance %.1e%n", loss, ITERATIONS, seconds,
                NOISE * NOISE);
        System.out.printf("%-10s %-10s %-10s%n", "parameter", "fitted", "true");
        System.out.printf("%-10s %-10.5f %-10.5f%n", "a", p[0], TRUE_A);
        System.out.printf("%-10s %-10.5f %-10.5f%n", "b", p[1], TRUE_B);
        System.out.printf("%-10s %-10.5f %-10.5f%n", "c", p[2], TRUE_C);
    }

    private static double[] times() {
        double[] t = new double[SAMPLES];
        for (int k = 0; k < SAMPLES; k++) {
            t[k] = 0.1 * k;
        }
        return t;
    }

    private static double[] observations() {
        Random noise = new Random(42);
        double[] y = new double[SAMPLES];
        for (int k = 0; k < SAMPLES; k++) {
            y[k] = TRUE_A * Math.exp(-TRUE_B * T[k]) + TRUE_C + NOISE * noise.nextGaussian();
        }
        return y;
    }
}
