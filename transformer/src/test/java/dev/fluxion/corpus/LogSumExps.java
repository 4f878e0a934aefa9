package dev.fluxion.corpus;

import dev.fluxion.Differentiable;

/**
 * The log-sum-exp trick, whose shift's derivatives cancel (so the optimiser detaches the shift),
 * beside near misses where they do not: a sum that does not start at zero, a logarithm or a sum
 * used again, a shift computed per term. Each near miss, treated as the trick, loses a term of its gradient. The inputs have
 * one largest element, where the maximum is differentiable.
 */
public final class LogSumExps {
    private LogSumExps() {
    }

    /** log(sum exp(x)) + m^2 / 2, m = max x: the shift's other use keeps its derivative. */
    @Differentiable
    public static double shiftUsedAgain(double[] x) {
        double m = x[0];
        for (int i = 1; i < x.length; i++) {
            m = Math.max(m, x[i]);
        }
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += Math.exp(x[i] - m);
        }
        return Math.log(s) + m + 0.5 * m * m;
    }

    /** log(1 + sum exp(x - m)) + m = log(e^m + sum e^x): the shift does not cancel. */
    @Differentiable
    public static double sumFromOne(double[] x) {
        double m = x[0];
        for (int i = 1; i < x.length; i++) {
            m = Math.max(m, x[i]);
        }
        double s = 1;
        for (int i = 0; i < x.length; i++) {
            s += Math.exp(x[i] - m);
        }
        return Math.log(s) + m;
    }

    /** log(s) + m + log(s) / 2 = 3/2 lse(x) - m/2: the logarithm used again. */
    @Differentiable
    public static double logUsedAgain(double[] x) {
        double m = x[0];
        for (int i = 1; i < x.length; i++) {
            m = Math.max(m, x[i]);
        }
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += Math.exp(x[i] - m);
        }
        double l = Math.log(s);
        return l + m + 0.5 * l;
    }

    /** log(s) + m + s / 10, s = sum exp(x - m): the sum used again. */
    @Differentiable
    public static double sumUsedAgain(double[] x) {
        double m = x[0];
        for (int i = 1; i < x.length; i++) {
            m = Math.max(m, x[i]);
        }
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += Math.exp(x[i] - m);
        }
        return Math.log(s) + m + 0.1 * s;
    }

    /**
     * log(sum_t exp(x_t - m_t)) + m_n with m_t = t x_0 / 10 computed per term, one SSA value in the
     * loop's header for both uses: the shifts differ, and their partials do not cancel.
     */
    @Differentiable
    public static double shiftPerTerm(double[] x) {
        double s = 0;
        int t = 0;
        while (true) {
            double m = 0.1 * t * x[0];
            if (t >= x.length) {
                return Math.log(s) + m;
            }
            s += Math.exp(x[t] - m);
            t++;
        }
    }

    public static double[] shiftPerTermGradient(double[] x) {
        int n = x.length;
        double[] w = new double[n];
        double total = 0;
        for (int t = 0; t < n; t++) {
            w[t] = Math.exp(x[t] - 0.1 * t * x[0]);
            total += w[t];
        }
        double[] g = new double[n];
        double weightedT = 0;
        for (int t = 0; t < n; t++) {
            g[t] = w[t] / total;
            weightedT += t * w[t] / total;
        }
        g[0] += 0.1 * n - 0.1 * weightedT;
        return g;
    }

    static int argmax(double[] x) {
        int k = 0;
        for (int i = 1; i < x.length; i++) {
            if (x[i] > x[k]) {
                k = i;
            }
        }
        return k;
    }

    /** exp(x_i - m) for each i, and their sum as the last element. */
    static double[] shifted(double[] x) {
        double m = x[argmax(x)];
        double[] e = new double[x.length + 1];
        for (int i = 0; i < x.length; i++) {
            e[i] = Math.exp(x[i] - m);
            e[x.length] += e[i];
        }
        return e;
    }

    public static double[] shiftUsedAgainGradient(double[] x) {
        double[] e = shifted(x);
        int k = argmax(x);
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            g[i] = e[i] / e[x.length];
        }
        g[k] += x[k];
        return g;
    }

    public static double[] sumFromOneGradient(double[] x) {
        double[] e = shifted(x);
        double total = 1 + e[x.length];
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            g[i] = e[i] / total;
        }
        g[argmax(x)] += 1 / total;
        return g;
    }

    public static double[] logUsedAgainGradient(double[] x) {
        double[] e = shifted(x);
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            g[i] = 1.5 * e[i] / e[x.length];
        }
        g[argmax(x)] -= 0.5;
        return g;
    }

    public static double[] sumUsedAgainGradient(double[] x) {
        double[] e = shifted(x);
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            g[i] = e[i] / e[x.length] + 0.1 * e[i];
        }
        g[argmax(x)] -= 0.1 * e[x.length];
        return g;
    }
}
