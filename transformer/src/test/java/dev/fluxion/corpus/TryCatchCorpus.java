package dev.fluxion.corpus;

import static dev.fluxion.testing.CorpusCase.scalar;

import dev.fluxion.testing.CorpusCase;
import java.util.List;

/**
 * The try/catch part of the corpus ({@link TryCatchCases}): test points on both sides of each
 * throw (the helper accepts its input at one, rejects it at another), and gradients by hand, each
 * that of the path taken.
 */
final class TryCatchCorpus {
    private TryCatchCorpus() {
    }

    private static double[] p(double... x) {
        return x;
    }

    static List<CorpusCase> cases() {
        return List.of(
                scalar("TryCatchCases.timedSumOfSquares", TryCatchCases::timedSumOfSquares, x -> {
                    double[] g = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        g[i] = 2 * x[i];
                    }
                    return g;
                }, p(0.3, -1.2, 2.0), p(1.1, 0.4)),
                scalar("TryCatchCases.productWithFinally", TryCatchCases::productWithFinally, x -> {
                    double[] g = new double[x.length];
                    double p = 1;
                    for (int k = 0; k < x.length; k++) {
                        p *= x[k];
                        if (p > 100) { // 100 + log(x0 ... xk)
                            for (int j = 0; j <= k; j++) {
                                g[j] = 1 / x[j];
                            }
                            return g;
                        }
                    }
                    for (int j = 0; j < x.length; j++) {
                        g[j] = p / x[j];
                    }
                    return g;
                }, p(0.5, 2, 3), p(5, 30, 2), p(-2, 1.5, 0.7)).nonSmooth(),
                scalar("TryCatchCases.withFallback", TryCatchCases::withFallback, x -> x[0] > 0
                        ? p(x[1] / (2 * Math.sqrt(x[0])), Math.sqrt(x[0]) + 1)
                        : p(2 * x[0], 1), p(2, 0.5), p(-1.5, 0.7)).nonSmooth(),
                scalar("TryCatchCases.partialWork", TryCatchCases::partialWork, x -> {
                    double[] g = new double[x.length];
                    int k = 0;
                    while (k < x.length && x[k] >= 0) {
                        k++;
                    }
                    double factor = k < x.length ? 22 : 4; // 11 S after a throw, 2 S without
                    for (int i = 0; i < k; i++) {
                        g[i] = factor * x[i];
                    }
                    return g;
                }, p(0.5, 1.2, -0.3, 2.0), p(0.5, 1.2, 2.0), p(-1, 3)).nonSmooth(),
                scalar("TryCatchCases.bucketedPositives", TryCatchCases::bucketedPositives, x -> {
                    int count = 0;
                    for (double v : x) {
                        count += v > 0 ? 1 : 0;
                    }
                    double[] g = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        g[i] = count == 0 ? 2 * x[i] : x[i] > 0 ? 12 / count : 0;
                    }
                    return g;
                }, p(0.5, -1, 2), p(-0.5, -1.5), p(0.5, 1, 2, 3, -1)).nonSmooth(),
                scalar("TryCatchCases.untilOutOfBounds", TryCatchCases::untilOutOfBounds, x -> {
                    double[] g = new double[x.length];
                    for (int j = 0; j < x.length; j++) {
                        g[j] = (j + 1 < x.length ? Math.sin(x[j + 1]) : 0) + (j >= 1 ? x[j - 1] * Math.cos(x[j]) : 0);
                    }
                    return g;
                }, p(0.3, -1.2, 2.0), p(1.1, 0.4, -0.5, 0.25), p(0.7)),
                scalar("TryCatchCases.skipBadSamples", TryCatchCases::skipBadSamples, p -> {
                    double[] g = new double[p.length];
                    for (int i = 1; i < p.length; i++) {
                        if (p[i] >= 0) {
                            g[0] += p[i] - p[0];
                            g[i] = -(p[i] - p[0]);
                        }
                    }
                    return g;
                }, p(0.5, 1.0, -1, 2.0, 0.3), p(-0.3, 0.4, 1.1), p(0.2, -2, -0.5)).nonSmooth(),
                scalar("TryCatchCases.retryWithShorterStep", TryCatchCases::retryWithShorterStep, p -> {
                    double x = 0.25 * p[0] + 0.75 * p[1]; // the first step overshoots, the second (h = 1/4) does not
                    return p(0.5 * x, 1.5 * x);
                }, p(1, 2), p(-0.5, 0.8)).nonSmooth(),
                scalar("TryCatchCases.rethrows", TryCatchCases::rethrows, x -> {
                    double s = 0;
                    for (double v : x) {
                        s += v * v;
                    }
                    double r = Math.sqrt(s - 1); // sqrt(S - 1) x0
                    double[] g = new double[x.length];
                    for (int j = 0; j < x.length; j++) {
                        g[j] = x[0] * x[j] / r + (j == 0 ? r : 0);
                    }
                    return g;
                }, p(1.0, 0.5), p(0.8, -0.9, 0.4)).nonSmooth(),
                scalar("TryCatchCases.handlerNothingReaches", TryCatchCases::handlerNothingReaches, x -> {
                    double[] g = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        g[i] = x[i] > 1 ? 0 : 2 * x[i];
                    }
                    return g;
                }, p(0.3, 1.5, -0.7), p(2.0, -1.1)).nonSmooth(),
                scalar("TryCatchCases.callInACatchWithFinally", TryCatchCases::callInACatchWithFinally, x -> {
                    if (x[0] > 0) { // solve: sqrt(x0) x1
                        return p(x[1] / (2 * Math.sqrt(x[0])), Math.sqrt(x[0]));
                    }
                    double[] g = new double[x.length]; // the penalty, sum of cubes
                    for (int i = 0; i < x.length; i++) {
                        g[i] = 3 * x[i] * x[i];
                    }
                    return g;
                }, p(2, 0.5), p(-1.5, 0.7)).nonSmooth());
    }
}
