package dev.fluxion.corpus;

import static dev.fluxion.testing.CorpusCase.scalar;

import dev.fluxion.testing.CorpusCase;
import java.util.List;

/** The JDK idioms of the corpus ({@link JdkIdioms}), with gradients derived by hand, at points away from kinks and ties. */
final class JdkIdiomsCorpus {
    private JdkIdiomsCorpus() {
    }

    private static double[] p(double... x) {
        return x;
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            best = v[i] > v[best] ? i : best;
        }
        return best;
    }

    private static double stepDerivative(double v) {
        double t = Math.tanh(v);
        return 1 - 0.1 * (1 - t * t);
    }

    static List<CorpusCase> cases() {
        return List.of(
                scalar("JdkIdioms.hingeLoss", JdkIdioms::hingeLoss, w -> {
                    int n = w.length;
                    double[] g = new double[n];
                    for (int i = 0; i + 1 < n; i++) {
                        if (1 - w[i] * w[i + 1] > 0) {
                            g[i] -= w[i + 1];
                            g[i + 1] -= w[i];
                        }
                    }
                    g[w[0] < w[n - 1] ? 0 : n - 1] += 1;
                    return g;
                }, p(0.3, 2.1, 0.9, -0.4), p(1.5, 1.2, -0.7, 0.2, 0.8)).nonSmooth(),
                scalar("JdkIdioms.reducedSquares", JdkIdioms::reducedSquares, x -> {
                    double[] g = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        g[i] = 2 * x[i];
                    }
                    g[argmax(x)] += 1;
                    return g;
                }, p(0.3, -1.2, 0.8), p(2.0, 0.1, -0.5, 1.1)).nonSmooth(),
                scalar("JdkIdioms.interpolated", JdkIdioms::interpolated, q -> {
                    double[] k = JdkIdioms.KNOTS;
                    double[] t = JdkIdioms.TABLE;
                    int i = 0;
                    while (i + 2 < k.length && q[0] >= k[i + 1]) {
                        i++;
                    }
                    double s = (q[0] - k[i]) / (k[i + 1] - k[i]);
                    return new double[] {q[1] * (t[i + 1] - t[i]) / (k[i + 1] - k[i]), (1 - s) * t[i] + s * t[i + 1]};
                }, p(0.3, 1.5), p(1.7, -0.8), p(4.2, 2.0), p(-0.4, 1.0), p(5.6, 0.7)).nonSmooth(),
                scalar("JdkIdioms.rangeClosedSum", JdkIdioms::rangeClosedSum, x -> {
                    double[] g = new double[x.length];
                    for (int k = 1; k <= x.length; k++) {
                        g[k - 1] = k * Math.cos(x[k - 1]);
                    }
                    return g;
                }, p(0.3, -1.2, 0.8), p(2.0, 0.1, -0.5, 1.1, 0.6)),
                scalar("JdkIdioms.listOfDoublesSum", JdkIdioms::listOfDoublesSum, x -> {
                    double[] r = new double[x.length];
                    double[] squares = new double[x.length];
                    double[] g = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        r[i] = x[i] - 0.5 * i;
                        squares[i] = r[i] * r[i];
                        g[i] = 2 * r[i];
                    }
                    int m = argmax(squares);
                    g[m] += 2 * r[m];
                    return g;
                }, p(0.3, -1.2, 0.8), p(2.0, 0.1, -0.5, 1.1)).nonSmooth(),
                scalar("JdkIdioms.steppedParticles", JdkIdioms::steppedParticles, p -> {
                    // each position after three steps is c(k) x0 (v starts at 0): c and dc/dk stepped by hand
                    double x = 1;
                    double v = 0;
                    double dx = 0;
                    double dv = 0;
                    for (int t = 0; t < 3; t++) {
                        dv -= (x + p[0] * dx) * 0.1;
                        v -= p[0] * x * 0.1;
                        dx += dv * 0.1;
                        x += v * 0.1;
                    }
                    double[] g = new double[p.length];
                    for (int i = 1; i < p.length; i++) {
                        g[0] += 2 * x * dx * p[i] * p[i];
                        g[i] = 2 * x * x * p[i];
                    }
                    return g;
                }, p(2.0, 0.5, -1.2), p(5.0, 1.1, 0.3, -0.7)),
                scalar("JdkIdioms.boxedFunctions", JdkIdioms::boxedFunctions, x -> {
                    int n = x.length;
                    double[] g = new double[n];
                    for (int i = 0; i + 1 < n; i++) {
                        g[i] += 3 * x[i] * x[i] + Math.exp(x[i + 1]);
                        g[i + 1] += x[i] * Math.exp(x[i + 1]);
                    }
                    double once = x[n - 1] - 0.1 * Math.tanh(x[n - 1]);
                    g[n - 1] += stepDerivative(once) * stepDerivative(x[n - 1]);
                    return g;
                }, p(0.3, -1.2, 0.8), p(0.5, 0.1, -0.5, 1.1)));
    }
}
