package dev.fluxion.benchmarks.realistic;

import dev.fluxion.Differentiable;
import dev.fluxion.benchmarks.GmmInput;

/**
 * ADBench's GMM objective written as one method, the way one ports the C++ reference: scratch
 * arrays allocated at the top, the log-sum-exps and the Wishart prior inline, the constant that
 * depends only on the data computed once in the constructor. The same function and the same layout
 * of theta as {@link dev.fluxion.benchmarks.Gmm} (which is split into small methods and tuned), so
 * {@link dev.fluxion.benchmarks.GmmManual} is its hand-written gradient too.
 */
public final class GmmOneMethod {
    static final double PI = 3.14159265359; // ADBench's

    private final int d;
    private final int k;
    private final int n;
    private final double[] x;
    private final double gamma;
    private final int m;
    private final double constant;

    public GmmOneMethod(GmmInput input) {
        d = input.d();
        k = input.k();
        n = input.n();
        x = input.x();
        gamma = input.gamma();
        m = input.m();
        int dof = d + m + 1;
        double logMultiGamma = 0.25 * d * (d - 1) * Math.log(PI);
        for (int j = 1; j <= d; j++) {
            logMultiGamma += logGamma(0.5 * dof + 0.5 * (1 - j));
        }
        double wishartConstant = dof * d * (Math.log(gamma) - 0.5 * Math.log(2)) - logMultiGamma;
        constant = -n * d * 0.5 * Math.log(2 * PI) - k * wishartConstant;
    }

    @Differentiable
    public double objective(double[] theta) {
        int icfSize = d * (d + 1) / 2;
        double[] sumQs = new double[k];
        double[] qDiag = new double[k * d];
        double[] xc = new double[d];
        double[] qxc = new double[d];
        double[] mainTerm = new double[k];

        for (int j = 0; j < k; j++) {
            int icf = k + k * d + j * icfSize;
            for (int a = 0; a < d; a++) {
                sumQs[j] += theta[icf + a];
                qDiag[j * d + a] = Math.exp(theta[icf + a]);
            }
        }

        double slse = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                int mean = k + j * d;
                int icf = k + k * d + j * icfSize;
                for (int a = 0; a < d; a++) {
                    xc[a] = x[i * d + a] - theta[mean + a];
                }
                // qxc = Q xc, Q lower triangular: diagonal exp(q), strictly lower part packed by columns
                for (int a = 0; a < d; a++) {
                    qxc[a] = qDiag[j * d + a] * xc[a];
                }
                int l = icf + d;
                for (int col = 0; col < d; col++) {
                    for (int row = col + 1; row < d; row++) {
                        qxc[row] += theta[l] * xc[col];
                        l++;
                    }
                }
                double norm = 0;
                for (int a = 0; a < d; a++) {
                    norm += qxc[a] * qxc[a];
                }
                mainTerm[j] = theta[j] + sumQs[j] - 0.5 * norm;
            }
            double max = mainTerm[0];
            for (int j = 1; j < k; j++) {
                if (mainTerm[j] > max) {
                    max = mainTerm[j];
                }
            }
            double sum = 0;
            for (int j = 0; j < k; j++) {
                sum += Math.exp(mainTerm[j] - max);
            }
            slse += Math.log(sum) + max;
        }

        double maxAlpha = theta[0];
        for (int j = 1; j < k; j++) {
            if (theta[j] > maxAlpha) {
                maxAlpha = theta[j];
            }
        }
        double sumAlpha = 0;
        for (int j = 0; j < k; j++) {
            sumAlpha += Math.exp(theta[j] - maxAlpha);
        }
        double lseAlphas = Math.log(sumAlpha) + maxAlpha;

        double prior = 0;
        for (int j = 0; j < k; j++) {
            int icf = k + k * d + j * icfSize;
            double frobenius = 0;
            for (int a = 0; a < d; a++) {
                frobenius += qDiag[j * d + a] * qDiag[j * d + a];
            }
            for (int a = d; a < icfSize; a++) {
                frobenius += theta[icf + a] * theta[icf + a];
            }
            prior += 0.5 * gamma * gamma * frobenius - m * sumQs[j];
        }
        return constant + slse - n * lseAlphas + prior;
    }

    /** log Gamma(x) for x > 0.5 (Lanczos, g = 7, 9 terms). */
    private static double logGamma(double x) {
        double[] c = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
            -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
            1.5056327351493116e-7};
        x -= 1;
        double a = c[0];
        double t = x + 7.5;
        for (int i = 1; i < 9; i++) {
            a += c[i] / (x + i);
        }
        return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
    }
}
