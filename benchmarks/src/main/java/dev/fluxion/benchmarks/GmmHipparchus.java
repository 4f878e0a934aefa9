package dev.fluxion.benchmarks;

import org.hipparchus.analysis.differentiation.Gradient;

/**
 * The GMM objective over Hipparchus {@link Gradient}s: forward-mode operator overloading, one
 * derivative slot per parameter carried through every operation (the cost grows with the number of
 * parameters, which is why the benchmarks run it on the small inputs only).
 */
public final class GmmHipparchus {
    private GmmHipparchus() {
    }

    public static double valueAndGradient(GmmInput in, double[] theta, double[] grad) {
        int p = theta.length;
        Gradient[] t = new Gradient[p];
        for (int i = 0; i < p; i++) {
            t[i] = Gradient.variable(p, i, theta[i]);
        }
        Gradient e = objective(in, t);
        System.arraycopy(e.getGradient(), 0, grad, 0, p);
        return e.getValue();
    }

    static Gradient objective(GmmInput in, Gradient[] theta) {
        int d = in.d();
        int k = in.k();
        int n = in.n();
        double[] x = in.x();
        int p = theta.length;
        int icfSize = GmmInput.icfSize(d);
        int icfAt = k + k * d;
        Gradient zero = Gradient.constant(p, 0);

        Gradient[] sumQs = new Gradient[k];
        Gradient[] qDiags = new Gradient[k * d];
        for (int j = 0; j < k; j++) {
            sumQs[j] = zero;
            for (int a = 0; a < d; a++) {
                Gradient q = theta[icfAt + j * icfSize + a];
                sumQs[j] = sumQs[j].add(q);
                qDiags[j * d + a] = q.exp();
            }
        }
        Gradient[] centered = new Gradient[d];
        Gradient[] z = new Gradient[d];
        Gradient[] beta = new Gradient[k];
        Gradient sumLse = zero;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                for (int a = 0; a < d; a++) {
                    centered[a] = theta[k + j * d + a].negate().add(x[i * d + a]);
                    z[a] = qDiags[j * d + a].multiply(centered[a]);
                }
                int l = icfAt + j * icfSize + d;
                for (int col = 0; col < d; col++) {
                    for (int row = col + 1; row < d; row++) {
                        z[row] = z[row].add(theta[l++].multiply(centered[col]));
                    }
                }
                Gradient sq = zero;
                for (int a = 0; a < d; a++) {
                    sq = sq.add(z[a].square());
                }
                beta[j] = theta[j].add(sumQs[j]).subtract(sq.multiply(0.5));
            }
            sumLse = sumLse.add(logSumExp(beta, 0, k));
        }
        Gradient lseAlphas = logSumExp(theta, 0, k);
        double g2 = in.gamma() * in.gamma();
        Gradient prior = zero;
        for (int j = 0; j < k; j++) {
            Gradient frobenius = zero;
            for (int a = 0; a < d; a++) {
                frobenius = frobenius.add(qDiags[j * d + a].square());
            }
            for (int l = icfAt + j * icfSize + d; l < icfAt + (j + 1) * icfSize; l++) {
                frobenius = frobenius.add(theta[l].square());
            }
            prior = prior.add(frobenius.multiply(0.5 * g2)).subtract(sumQs[j].multiply(in.m()));
        }
        double constant = -n * d * 0.5 * Math.log(2 * Gmm.PI) - k * Gmm.wishartConstant(d, in.gamma(), in.m());
        return sumLse.subtract(lseAlphas.multiply(n)).add(prior).add(constant);
    }

    static Gradient logSumExp(Gradient[] v, int from, int length) {
        double max = Double.NEGATIVE_INFINITY;
        for (int a = from; a < from + length; a++) {
            max = Math.max(max, v[a].getValue());
        }
        Gradient s = v[from].subtract(max).exp();
        for (int a = from + 1; a < from + length; a++) {
            s = s.add(v[a].subtract(max).exp());
        }
        return s.log().add(max);
    }
}
