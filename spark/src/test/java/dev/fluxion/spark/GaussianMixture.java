package dev.fluxion.spark;

import dev.fluxion.Differentiable;

/**
 * The negative log-likelihood of one point under a mixture of {@code K} axis-aligned Gaussians in
 * {@code D} dimensions: a loss with loops, a log-sum-exp and a helper, to check the per-example
 * gradient where no closed form is at hand. {@code params = [logits (K), means (K x D), log sigmas
 * (K x D)]}, {@code example} the point.
 */
final class GaussianMixture {
    static final int K = 3;
    static final int D = 2;
    static final int PARAMETERS = K + 2 * K * D;

    private GaussianMixture() {
    }

    @Differentiable
    static double loss(double[] params, double[] x) {
        double[] logJoint = new double[K];
        double max = Double.NEGATIVE_INFINITY;
        double logitMax = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < K; k++) {
            logitMax = Math.max(logitMax, params[k]);
        }
        double weightSum = 0;
        for (int k = 0; k < K; k++) {
            weightSum += Math.exp(params[k] - logitMax);
        }
        double logNormaliser = logitMax + Math.log(weightSum);
        for (int k = 0; k < K; k++) {
            double s = params[k] - logNormaliser;
            for (int d = 0; d < D; d++) {
                s += logDensity(x[d], params[K + k * D + d], params[K + K * D + k * D + d]);
            }
            logJoint[k] = s;
            max = Math.max(max, s);
        }
        double sum = 0;
        for (int k = 0; k < K; k++) {
            sum += Math.exp(logJoint[k] - max);
        }
        return -(max + Math.log(sum));
    }

    private static double logDensity(double x, double mean, double logSigma) {
        double z = (x - mean) * Math.exp(-logSigma);
        return -0.5 * z * z - logSigma - 0.5 * Math.log(2 * Math.PI);
    }
}
