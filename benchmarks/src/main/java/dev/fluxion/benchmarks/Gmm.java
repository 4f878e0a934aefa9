package dev.fluxion.benchmarks;

import dev.fluxion.Differentiable;
import dev.fluxion.Fluxion;
import dev.fluxion.GradientOf;

/**
 * ADBench's GMM objective: the negative log-likelihood of n points under a mixture of k Gaussians,
 * plus a Wishart prior on the precision matrices, written as plain {@code @Differentiable} Java (the
 * way a user would: loops, local arrays, calls), from ADBench's published definition.
 *
 * <p>Component j has weight logits alpha_j, mean mu_j and precision Q_j^T Q_j, where Q_j is lower
 * triangular with diagonal exp(q_j) and strictly lower part L_j (the packed "icf"). Then
 * <pre>
 *   E = -n d/2 log 2pi + sum_i logsumexp_j(alpha_j + sum(q_j) - |Q_j (x_i - mu_j)|^2 / 2)
 *       - n logsumexp(alpha) + sum_j (gamma^2/2 (|exp(q_j)|^2 + |L_j|^2) - m sum(q_j)) - k C(d, gamma, m)
 * </pre>
 */
public final class Gmm {
    /** ADBench's truncated constant (its defs.h): the reference outputs were computed with it. */
    static final double PI = 3.14159265359;

    private final int d;
    private final int k;
    private final double[] x;
    private final double gamma;
    private final int m;

    public Gmm(GmmInput input) {
        this.d = input.d();
        this.k = input.k();
        this.x = input.x();
        this.gamma = input.gamma();
        this.m = input.m();
    }

    /** The objective as a function of theta alone, for {@code Fluxion.gradient(gmm::objective)}. */
    @Differentiable
    public double objective(double[] theta) {
        return objective(theta, x, d, k, gamma, m);
    }

    @Differentiable
    public static double objective(double[] theta, double[] x, int d, int k, double gamma, int m) {
        int n = x.length / d;
        int icfSize = d * (d + 1) / 2;
        int meansAt = k;
        int icfAt = k + k * d;

        // per component: the sum of the log-diagonal, and the diagonal itself
        double[] sumQs = new double[k];
        double[] qDiags = new double[k * d];
        for (int j = 0; j < k; j++) {
            for (int a = 0; a < d; a++) {
                double q = theta[icfAt + j * icfSize + a];
                sumQs[j] += q;
                qDiags[j * d + a] = Math.exp(q);
            }
        }

        double[] centered = new double[d];
        double[] qCentered = new double[d];
        double[] mainTerm = new double[k];
        double sumLse = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                for (int a = 0; a < d; a++) {
                    centered[a] = x[i * d + a] - theta[meansAt + j * d + a];
                }
                qTimesX(d, qDiags, j * d, theta, icfAt + j * icfSize + d, centered, qCentered);
                mainTerm[j] = theta[j] + sumQs[j] - 0.5 * squaredNorm(qCentered, 0, d);
            }
            sumLse += logSumExp(mainTerm, 0, k);
        }
        double constant = -n * d * 0.5 * Math.log(2 * PI);
        double lseAlphas = logSumExp(theta, 0, k);
        return constant + sumLse - n * lseAlphas + logWishartPrior(theta, qDiags, sumQs, d, k, gamma, m);
    }

    /**
     * The gradient with respect to theta alone, declared for Fluxion to fill in: the points and the
     * prior's parameters are data, so no shadow is allocated for them and nothing of theirs is
     * differentiated (compare {@code Fluxion.gradient(gmm::objective)}, see BENCHMARKS.md).
     */
    @GradientOf(value = "objective", wrt = 0)
    public static double objectiveGradient(double[] theta, double[] x, int d, int k, double gamma, int m, double[] thetaBar) {
        throw Fluxion.notTransformed();
    }

    /** out = Q x for the lower-triangular Q given by its diagonal and packed strictly lower part. */
    @Differentiable
    static void qTimesX(int d, double[] diag, int diagAt, double[] lower, int lowerAt, double[] x, double[] out) {
        for (int a = 0; a < d; a++) {
            out[a] = diag[diagAt + a] * x[a];
        }
        int l = lowerAt;
        for (int col = 0; col < d; col++) {
            for (int row = col + 1; row < d; row++) {
                out[row] += lower[l] * x[col];
                l++;
            }
        }
    }

    @Differentiable
    static double logWishartPrior(double[] theta, double[] qDiags, double[] sumQs, int d, int k, double gamma, int m) {
        int icfSize = d * (d + 1) / 2;
        int icfAt = k + k * d;
        double out = 0;
        for (int j = 0; j < k; j++) {
            double frobenius = squaredNorm(qDiags, j * d, d)
                    + squaredNorm(theta, icfAt + j * icfSize + d, icfSize - d);
            out += 0.5 * gamma * gamma * frobenius - m * sumQs[j];
        }
        return out - k * wishartConstant(d, gamma, m);
    }

    @Differentiable
    static double squaredNorm(double[] v, int from, int length) {
        double s = 0;
        for (int a = from; a < from + length; a++) {
            s += v[a] * v[a];
        }
        return s;
    }

    /** log(sum exp(v)), shifted by the maximum so that exp never overflows. */
    @Differentiable
    static double logSumExp(double[] v, int from, int length) {
        double max = v[from];
        for (int a = from + 1; a < from + length; a++) {
            max = Math.max(max, v[a]);
        }
        double s = 0;
        for (int a = from; a < from + length; a++) {
            s += Math.exp(v[a] - max);
        }
        return Math.log(s) + max;
    }

    /**
     * The Wishart normalising constant C(d, gamma, m). Constant data, but {@code @Differentiable}:
     * Fluxion's activity analysis is per method, so gamma, a {@code double} parameter of the
     * callers, counts as active there and may only be passed to differentiable methods.
     */
    @Differentiable
    static double wishartConstant(int d, double gamma, int m) {
        int n = d + m + 1;
        return n * d * (Math.log(gamma) - 0.5 * Math.log(2)) - logMultivariateGamma(0.5 * n, d);
    }

    /** log Gamma_p(a), the multivariate gamma function. */
    @Differentiable
    static double logMultivariateGamma(double a, int p) {
        double out = 0.25 * p * (p - 1) * Math.log(PI);
        for (int j = 1; j <= p; j++) {
            out += logGamma(a + 0.5 * (1 - j));
        }
        return out;
    }

    /** log Gamma(x) for x > 0 (Lanczos, g = 7, 9 terms: about 1e-15 relative), as C's lgamma. */
    @Differentiable
    static double logGamma(double x) {
        if (x < 0.5) { // reflection
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        double[] c = LANCZOS;
        x -= 1;
        double a = c[0];
        double t = x + 7.5;
        for (int i = 1; i < 9; i++) {
            a += c[i] / (x + i);
        }
        return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
    }

    private static final double[] LANCZOS = {
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
        1.5056327351493116e-7};
}
