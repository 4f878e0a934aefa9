package dev.fluxion.benchmarks.realistic;

import dev.fluxion.Differentiable;

/**
 * What Hamiltonian Monte Carlo evaluates at every leapfrog step of a Bayesian logistic regression:
 * the log posterior density (up to a constant) of the coefficients, a normal prior on each plus the
 * Bernoulli log-likelihood of {@value #POINTS} labelled points with {@value #FEATURES} features, as
 * one would write it: the linear predictor by a loop, the probability by a sigmoid, the label picking
 * {@code log p} or {@code log(1 - p)}. {@code beta = w_1..w_d, intercept}.
 */
public final class BayesianLogistic {
    public static final int FEATURES = 20;
    public static final int POINTS = 1000;
    static final double PRIOR_VARIANCE = 4.0;

    private final double[][] x;
    private final int[] y;

    public BayesianLogistic() {
        Lcg r = new Lcg(6);
        double[] truth = new double[FEATURES + 1];
        for (int j = 0; j <= FEATURES; j++) {
            truth[j] = r.uniform(-1, 1);
        }
        x = new double[POINTS][FEATURES];
        y = new int[POINTS];
        for (int i = 0; i < POINTS; i++) {
            double z = truth[FEATURES];
            for (int j = 0; j < FEATURES; j++) {
                x[i][j] = r.uniform(-1, 1);
                z += truth[j] * x[i][j];
            }
            y[i] = r.next() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
        }
    }

    public static double[] initialBeta() {
        Lcg r = new Lcg(7);
        double[] beta = new double[FEATURES + 1];
        for (int j = 0; j <= FEATURES; j++) {
            beta[j] = r.uniform(-0.5, 0.5);
        }
        return beta;
    }

    @Differentiable
    public double logDensity(double[] beta) {
        double logPrior = 0;
        for (double b : beta) {
            logPrior -= b * b / (2 * PRIOR_VARIANCE);
        }
        double logLikelihood = 0;
        for (int i = 0; i < POINTS; i++) {
            double z = beta[FEATURES];
            for (int j = 0; j < FEATURES; j++) {
                z += beta[j] * x[i][j];
            }
            double p = sigmoid(z);
            logLikelihood += y[i] == 1 ? Math.log(p) : Math.log(1 - p);
        }
        return logPrior + logLikelihood;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /** The gradient by hand: X^T (y - p) - beta / variance. */
    public double manualGradient(double[] beta, double[] grad) {
        double logPrior = 0;
        for (int j = 0; j <= FEATURES; j++) {
            logPrior -= beta[j] * beta[j] / (2 * PRIOR_VARIANCE);
            grad[j] = -beta[j] / PRIOR_VARIANCE;
        }
        double logLikelihood = 0;
        for (int i = 0; i < POINTS; i++) {
            double[] xi = x[i];
            double z = beta[FEATURES];
            for (int j = 0; j < FEATURES; j++) {
                z += beta[j] * xi[j];
            }
            double p = sigmoid(z);
            logLikelihood += y[i] == 1 ? Math.log(p) : Math.log(1 - p);
            double residual = y[i] - p;
            for (int j = 0; j < FEATURES; j++) {
                grad[j] += residual * xi[j];
            }
            grad[FEATURES] += residual;
        }
        return logPrior + logLikelihood;
    }
}
