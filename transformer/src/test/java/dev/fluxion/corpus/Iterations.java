package dev.fluxion.corpus;

import dev.fluxion.Differentiable;

/**
 * Sums over data points, whose loops the reverse mode reverses one iteration at a time (see
 * {@code reverse.IndependentIterations}), beside near misses where that would be wrong: a scratch
 * array that carries a value into the next iteration, an array the loop reads and a later store
 * overwrites, a second sum carried by the loop, a sum scaled by a value computed after the loop.
 * Each of the first three, treated as independent iterations, loses or misplaces a term of its
 * gradient; the last has no seed to give the loop. Two
 * parameters, four points of two coordinates.
 */
public final class Iterations {
    private Iterations() {
    }

    static final double[] POINTS = {0.3, -0.7, 1.2, 0.4, -0.5, 0.9, 0.8, -1.1};

    /**
     * w0 w1 - sum_i log(1 + q_i), q_i = sum_a (1 + w_a^2) (p_ia - w_a)^2: a scratch array allocated
     * once and filled at the start of every iteration, the sum subtracted.
     */
    @Differentiable
    public static double pointTerms(double[] w) {
        int d = w.length;
        int n = POINTS.length / d;
        double[] r = new double[d];
        double s = 0;
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < d; a++) {
                r[a] = POINTS[i * d + a] - w[a];
            }
            double q = 0;
            for (int a = 0; a < d; a++) {
                q += (1 + w[a] * w[a]) * r[a] * r[a];
            }
            s += Math.log(1 + q);
        }
        return w[0] * w[1] - s;
    }

    public static double[] pointTermsGradient(double[] w) {
        int d = w.length;
        double[] g = {w[1], w[0]};
        for (int i = 0; i < POINTS.length / d; i++) {
            double q = 0;
            double[] dq = new double[d];
            for (int a = 0; a < d; a++) {
                double r = POINTS[i * d + a] - w[a];
                q += (1 + w[a] * w[a]) * r * r;
                dq[a] = 2 * w[a] * r * r - 2 * (1 + w[a] * w[a]) * r;
            }
            for (int a = 0; a < d; a++) {
                g[a] -= dq[a] / (1 + q);
            }
        }
        return g;
    }

    /** {@link #pointTerms} with lengths for bounds, as Java is often written: {@code a < r.length}. */
    @Differentiable
    public static double pointTermsByLength(double[] w) {
        int n = POINTS.length / w.length;
        double[] r = new double[w.length];
        double s = 0;
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < r.length; a++) {
                r[a] = POINTS[i * w.length + a] - w[a];
            }
            double q = 0;
            for (int a = 0; a < w.length; a++) {
                q += (1 + w[a] * w[a]) * r[a] * r[a];
            }
            s += Math.log(1 + q);
        }
        return w[0] * w[1] - s;
    }

    /**
     * {@link #pointTerms} with the points passed to a helper: data there, so the helper's adjoint,
     * specialised to w, gives the outlined body a shadow of the points that nobody reads.
     */
    @Differentiable
    public static double pointsPassedIn(double[] w) {
        return w[0] * w[1] - logTerms(w, POINTS);
    }

    @Differentiable
    static double logTerms(double[] w, double[] points) {
        int d = w.length;
        int n = points.length / d;
        double s = 0;
        for (int i = 0; i < n; i++) {
            double q = 0;
            for (int a = 0; a < d; a++) {
                double r = points[i * d + a] - w[a];
                q += (1 + w[a] * w[a]) * r * r;
            }
            s += Math.log(1 + q);
        }
        return s;
    }

    /**
     * sum_i (c(x_i) + b - y_i)^2 over the points (x_i, y_i), c(x) = ((x + a) x + a) x + a by an inner
     * loop, a = w0 and b = w1 read into scalars before the loop: the body uses active scalars.
     */
    @Differentiable
    public static double scalarParameters(double[] w) {
        double a = w[0];
        double b = w[1];
        int n = POINTS.length / 2;
        double s = 0;
        for (int i = 0; i < n; i++) {
            double x = POINTS[2 * i];
            double c = 1;
            for (int k = 0; k < 3; k++) {
                c = c * x + a;
            }
            double r = c + b - POINTS[2 * i + 1];
            s += r * r;
        }
        return s;
    }

    public static double[] scalarParametersGradient(double[] w) {
        double[] g = new double[2];
        for (int i = 0; i < POINTS.length / 2; i++) {
            double x = POINTS[2 * i];
            double c = x * x * x + w[0] * (x * x + x + 1);
            double r = c + w[1] - POINTS[2 * i + 1];
            g[0] += 2 * r * (x * x + x + 1);
            g[1] += 2 * r;
        }
        return g;
    }

    /** w0 + sum_i (sum_a sin(w_a p_ia))^2, with a scratch array allocated in every iteration. */
    @Differentiable
    public static double scratchPerIteration(double[] w) {
        int d = w.length;
        int n = POINTS.length / d;
        double s = 0;
        for (int i = 0; i < n; i++) {
            double[] r = new double[d];
            for (int a = 0; a < d; a++) {
                r[a] = w[a] * POINTS[i * d + a];
            }
            double q = 0;
            for (int a = 0; a < d; a++) {
                q += Math.sin(r[a]);
            }
            s += q * q;
        }
        return s + w[0];
    }

    public static double[] scratchPerIterationGradient(double[] w) {
        int d = w.length;
        double[] g = {1, 0};
        for (int i = 0; i < POINTS.length / d; i++) {
            double q = 0;
            for (int a = 0; a < d; a++) {
                q += Math.sin(w[a] * POINTS[i * d + a]);
            }
            for (int a = 0; a < d; a++) {
                g[a] += 2 * q * Math.cos(w[a] * POINTS[i * d + a]) * POINTS[i * d + a];
            }
        }
        return g;
    }

    /** w0 - (-sum_i q_i^2), q_i = sum_a w_a^2 p_ia: subtracted in the loop, negated after it. */
    @Differentiable
    public static double negatedTwice(double[] w) {
        int d = w.length;
        int n = POINTS.length / d;
        double s = 0;
        for (int i = 0; i < n; i++) {
            double q = 0;
            for (int a = 0; a < d; a++) {
                q += w[a] * w[a] * POINTS[i * d + a];
            }
            s -= q * q;
        }
        return -s + w[0];
    }

    public static double[] negatedTwiceGradient(double[] w) {
        int d = w.length;
        double[] g = {1, 0};
        for (int i = 0; i < POINTS.length / d; i++) {
            double q = 0;
            for (int a = 0; a < d; a++) {
                q += w[a] * w[a] * POINTS[i * d + a];
            }
            for (int a = 0; a < d; a++) {
                g[a] += 2 * q * 2 * w[a] * POINTS[i * d + a];
            }
        }
        return g;
    }

    /**
     * sum_i (|r_i|^2 + r_(i-1),1 r_i,0), r_i = (w_a p_ia): each iteration reads the scratch array
     * before refilling it, so the previous iteration's value flows into this one.
     */
    @Differentiable
    public static double carriedScratch(double[] w) {
        int d = w.length;
        int n = POINTS.length / d;
        double[] r = new double[d];
        double s = 0;
        for (int i = 0; i < n; i++) {
            double previous = r[d - 1];
            for (int a = 0; a < d; a++) {
                r[a] = w[a] * POINTS[i * d + a];
            }
            double q = 0;
            for (int a = 0; a < d; a++) {
                q += r[a] * r[a];
            }
            s += q + previous * r[0];
        }
        return s;
    }

    public static double[] carriedScratchGradient(double[] w) {
        int d = w.length;
        double[] g = new double[d];
        for (int i = 0; i < POINTS.length / d; i++) {
            for (int a = 0; a < d; a++) {
                g[a] += 2 * w[a] * POINTS[i * d + a] * POINTS[i * d + a];
            }
            if (i > 0) {
                double previous = POINTS[(i - 1) * d + d - 1];
                g[d - 1] += previous * w[0] * POINTS[i * d];
                g[0] += w[d - 1] * previous * POINTS[i * d];
            }
        }
        return g;
    }

    /**
     * sum_i q_i^2 + 2 c_1 with q_i = sum_a c_a p_ia, c_a = w_a^2, and c_0 overwritten by 2 c_1 after
     * the loop: the loop's adjoint of c_0 belongs to the value before the store.
     */
    @Differentiable
    public static double writtenAfterTheLoop(double[] w) {
        int d = w.length;
        int n = POINTS.length / d;
        double[] c = new double[d];
        for (int a = 0; a < d; a++) {
            c[a] = w[a] * w[a];
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            double q = 0;
            for (int a = 0; a < d; a++) {
                q += c[a] * POINTS[i * d + a];
            }
            s += q * q;
        }
        c[0] = 2 * c[1];
        return s + c[0];
    }

    public static double[] writtenAfterTheLoopGradient(double[] w) {
        double[] g = negatedTwiceGradient(w);
        g[0] -= 1;
        g[1] += 4 * w[1];
        return g;
    }

    /** w0 + sum_i q_i^2 / 2 (q_i as in {@link #negatedTwice}): the sum scaled by a constant on its way. */
    @Differentiable
    public static double scaledSum(double[] w) {
        int d = w.length;
        int n = POINTS.length / d;
        double s = 0;
        for (int i = 0; i < n; i++) {
            double q = 0;
            for (int a = 0; a < d; a++) {
                q += w[a] * w[a] * POINTS[i * d + a];
            }
            s += q * q;
        }
        return 0.5 * s + w[0];
    }

    public static double[] scaledSumGradient(double[] w) {
        double[] g = negatedTwiceGradient(w);
        g[0] = (g[0] - 1) / 2 + 1;
        g[1] /= 2;
        return g;
    }

    /** w0 + sum_i q_i^2 / n, the mean over the points: {@code s / n} converts n after the loop. */
    @Differentiable
    public static double meanOverPoints(double[] w) {
        int d = w.length;
        int n = POINTS.length / d;
        double s = 0;
        for (int i = 0; i < n; i++) {
            double q = 0;
            for (int a = 0; a < d; a++) {
                q += w[a] * w[a] * POINTS[i * d + a];
            }
            s += q * q;
        }
        return s / n + w[0];
    }

    public static double[] meanOverPointsGradient(double[] w) {
        int n = POINTS.length / w.length;
        double[] g = negatedTwiceGradient(w);
        return new double[] {1 + (g[0] - 1) / n, g[1] / n};
    }

    /** w1 sum_i q_i^2, w1 read before the loop: a product with an active value the loop has. */
    @Differentiable
    public static double scaledByAWeight(double[] w) {
        int d = w.length;
        int n = POINTS.length / d;
        double scale = w[1];
        double s = 0;
        for (int i = 0; i < n; i++) {
            double q = 0;
            for (int a = 0; a < d; a++) {
                q += w[a] * w[a] * POINTS[i * d + a];
            }
            s += q * q;
        }
        return scale * s;
    }

    public static double[] scaledByAWeightGradient(double[] w) {
        double[] g = negatedTwiceGradient(w);
        double sum = 0;
        for (int i = 0; i < POINTS.length / w.length; i++) {
            double q = 0;
            for (int a = 0; a < w.length; a++) {
                q += w[a] * w[a] * POINTS[i * w.length + a];
            }
            sum += q * q;
        }
        return new double[] {w[1] * (g[0] - 1), w[1] * g[1] + sum};
    }

    /** w1 sum_i q_i^2 with w1 read after the loop: the scale is not there when the loop runs. */
    @Differentiable
    public static double scaledByALaterValue(double[] w) {
        int d = w.length;
        int n = POINTS.length / d;
        double s = 0;
        for (int i = 0; i < n; i++) {
            double q = 0;
            for (int a = 0; a < d; a++) {
                q += w[a] * w[a] * POINTS[i * d + a];
            }
            s += q * q;
        }
        return w[1] * s;
    }

    /** sum_i q_i + sum_i q_i^2 (q_i as in {@link #negatedTwice}), in two sums the loop carries. */
    @Differentiable
    public static double twoSums(double[] w) {
        int d = w.length;
        int n = POINTS.length / d;
        double s = 0;
        double t = 0;
        for (int i = 0; i < n; i++) {
            double q = 0;
            for (int a = 0; a < d; a++) {
                q += w[a] * w[a] * POINTS[i * d + a];
            }
            s += q;
            t += q * q;
        }
        return s + t;
    }

    public static double[] twoSumsGradient(double[] w) {
        int d = w.length;
        double[] g = negatedTwiceGradient(w);
        g[0] -= 1;
        for (int i = 0; i < POINTS.length / d; i++) {
            for (int a = 0; a < d; a++) {
                g[a] += 2 * w[a] * POINTS[i * d + a];
            }
        }
        return g;
    }
}
