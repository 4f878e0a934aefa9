package dev.fluxion.benchmarks;

/**
 * The GMM gradient derived and written by hand (the "manual" column): one pass over the points
 * that computes the objective and accumulates the adjoints, with the workspace allocated once.
 *
 * <p>With beta_ij = alpha_j + sum(q_j) - |z_ij|^2/2, z_ij = Q_j (x_i - mu_j) and p_ij = softmax_j(beta_i):
 * dE/dalpha_j = sum_i p_ij - n softmax(alpha)_j; dE/dmu_j = sum_i p_ij Q_j^T z_ij;
 * dE/dq_ja = sum_i p_ij (1 - z_ija exp(q_ja) c_ija) + gamma^2 exp(2 q_ja) - m;
 * dE/dL_j[row,col] = -sum_i p_ij z_ij,row c_ij,col + gamma^2 L_j[row,col], where c_ij = x_i - mu_j.
 */
public final class GmmManual {
    private final GmmInput input;
    private final double[] qDiags;
    private final double[] sumQs;
    private final double[] centered; // k x d, for the current point
    private final double[] z;        // k x d, Q_j (x_i - mu_j)
    private final double[] beta;

    public GmmManual(GmmInput input) {
        this.input = input;
        int d = input.d();
        int k = input.k();
        qDiags = new double[k * d];
        sumQs = new double[k];
        centered = new double[k * d];
        z = new double[k * d];
        beta = new double[k];
    }

    /** Fills {@code grad} (overwrites) with dE/dtheta and returns E(theta). */
    public double valueAndGradient(double[] theta, double[] grad) {
        int d = input.d();
        int k = input.k();
        int n = input.n();
        double[] x = input.x();
        double gamma = input.gamma();
        int m = input.m();
        int icfSize = GmmInput.icfSize(d);
        int meansAt = k;
        int icfAt = k + k * d;
        java.util.Arrays.fill(grad, 0);

        for (int j = 0; j < k; j++) {
            double s = 0;
            for (int a = 0; a < d; a++) {
                double q = theta[icfAt + j * icfSize + a];
                s += q;
                qDiags[j * d + a] = Math.exp(q);
            }
            sumQs[j] = s;
        }

        double sumLse = 0;
        for (int i = 0; i < n; i++) {
            int xi = i * d;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < k; j++) {
                int jd = j * d;
                for (int a = 0; a < d; a++) {
                    centered[jd + a] = x[xi + a] - theta[meansAt + jd + a];
                    z[jd + a] = qDiags[jd + a] * centered[jd + a];
                }
                int l = icfAt + j * icfSize + d;
                for (int col = 0; col < d; col++) {
                    double c = centered[jd + col];
                    for (int row = col + 1; row < d; row++) {
                        z[jd + row] += theta[l++] * c;
                    }
                }
                double sq = 0;
                for (int a = 0; a < d; a++) {
                    sq += z[jd + a] * z[jd + a];
                }
                beta[j] = theta[j] + sumQs[j] - 0.5 * sq;
                max = Math.max(max, beta[j]);
            }
            double sumExp = 0;
            for (int j = 0; j < k; j++) {
                beta[j] = Math.exp(beta[j] - max); // beta now holds the unnormalised softmax
                sumExp += beta[j];
            }
            sumLse += Math.log(sumExp) + max;

            // reverse: the adjoint of beta_ij is p_ij
            for (int j = 0; j < k; j++) {
                double p = beta[j] / sumExp;
                int jd = j * d;
                int icf = icfAt + j * icfSize;
                grad[j] += p;
                // mu_bar += p Q^T z (diagonal part here, lower part in the loop below);
                // q_bar += p (1 - z_a exp(q_a) c_a)
                for (int a = 0; a < d; a++) {
                    double za = z[jd + a];
                    grad[meansAt + jd + a] += p * qDiags[jd + a] * za;
                    grad[icf + a] += p * (1 - za * qDiags[jd + a] * centered[jd + a]);
                }
                int l = icf + d;
                for (int col = 0; col < d; col++) {
                    double c = centered[jd + col];
                    double muBar = 0;
                    for (int row = col + 1; row < d; row++) {
                        double zr = z[jd + row];
                        muBar += theta[l] * zr;
                        grad[l] -= p * zr * c;
                        l++;
                    }
                    grad[meansAt + jd + col] += p * muBar;
                }
            }
        }

        // - n logsumexp(alpha)
        double maxAlpha = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            maxAlpha = Math.max(maxAlpha, theta[j]);
        }
        double sumExpAlpha = 0;
        for (int j = 0; j < k; j++) {
            sumExpAlpha += Math.exp(theta[j] - maxAlpha);
        }
        double lseAlphas = Math.log(sumExpAlpha) + maxAlpha;
        for (int j = 0; j < k; j++) {
            grad[j] -= n * Math.exp(theta[j] - maxAlpha) / sumExpAlpha;
        }

        // Wishart prior
        double prior = 0;
        double g2 = gamma * gamma;
        for (int j = 0; j < k; j++) {
            int icf = icfAt + j * icfSize;
            double frobenius = 0;
            for (int a = 0; a < d; a++) {
                double e = qDiags[j * d + a];
                frobenius += e * e;
                grad[icf + a] += g2 * e * e - m;
            }
            for (int l = icf + d; l < icf + icfSize; l++) {
                frobenius += theta[l] * theta[l];
                grad[l] += g2 * theta[l];
            }
            prior += 0.5 * g2 * frobenius - m * sumQs[j];
        }
        prior -= k * Gmm.wishartConstant(d, gamma, m);

        double constant = -n * d * 0.5 * Math.log(2 * Gmm.PI);
        return constant + sumLse - n * lseAlphas + prior;
    }
}
