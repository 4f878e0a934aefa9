package dev.fluxion.spark.samples;

import dev.fluxion.Differentiable;
import java.util.Random;

/**
 * Logistic regression, one example at a time: {@code example = [y, x_0, ..., x_{d-1}]} with a label
 * {@code y} in {0, 1} (MLlib's layout: the label first), weights {@code w}, and the negative
 * log-likelihood {@code log(1 + exp(w.x)) - y w.x}. An intercept is a feature that is always 1.
 */
public final class LogisticRegression {
    private LogisticRegression() {
    }

    @Differentiable
    public static double loss(double[] w, double[] example) {
        double margin = 0;
        for (int j = 0; j < w.length; j++) {
            margin += w[j] * example[1 + j];
        }
        // log(1 + exp(m)) without overflow: m + log(1 + exp(-m)) for m > 0
        double softplus = margin > 0 ? margin + Math.log1p(Math.exp(-margin)) : Math.log1p(Math.exp(margin));
        return softplus - example[0] * margin;
    }

    /** The closed form of the gradient, {@code (sigmoid(w.x) - y) x}: the reference the tests check Fluxion's against. */
    public static double[] closedFormGradient(double[] w, double[] example) {
        double margin = 0;
        for (int j = 0; j < w.length; j++) {
            margin += w[j] * example[1 + j];
        }
        double residual = 1 / (1 + Math.exp(-margin)) - example[0];
        double[] g = new double[w.length];
        for (int j = 0; j < w.length; j++) {
            g[j] = residual * example[1 + j];
        }
        return g;
    }

    /**
     * {@code n} examples drawn from the model with weights {@code truth}: feature 0 is the intercept
     * (always 1), the others standard normal, and the label 1 with probability {@code sigmoid(truth.x)}.
     */
    public static double[][] examples(int n, double[] truth, long seed) {
        Random random = new Random(seed);
        double[][] examples = new double[n][truth.length + 1];
        for (double[] e : examples) {
            e[1] = 1;
            double margin = truth[0];
            for (int j = 1; j < truth.length; j++) {
                e[1 + j] = random.nextGaussian();
                margin += truth[j] * e[1 + j];
            }
            e[0] = random.nextDouble() < 1 / (1 + Math.exp(-margin)) ? 1 : 0;
        }
        return examples;
    }
}
