package dev.fluxion.corpus;

import static dev.fluxion.testing.CorpusCase.scalar;

import dev.fluxion.testing.CorpusCase;
import java.util.Arrays;
import java.util.List;

/**
 * The boxed part of the corpus ({@link BoxedNumbers}): test points away from ties (where sorted
 * values would swap) and gradients derived by hand, the sorts done on indices in the JDK's order.
 */
final class BoxedCorpus {
    private BoxedCorpus() {
    }

    private static double[] p(double... x) {
        return x;
    }

    /** The indices of {@code v} in ascending order of their values, ties in index order. */
    private static int[] ascending(double[] v) {
        Integer[] order = new Integer[v.length];
        for (int i = 0; i < v.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
        return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }

    static List<CorpusCase> cases() {
        return List.of(
                scalar("BoxedNumbers.trimmedLoss", BoxedNumbers::trimmedLoss, c -> {
                    int n = BoxedNumbers.XS.length;
                    double[] r = new double[n];
                    double[] squares = new double[n];
                    for (int i = 0; i < n; i++) {
                        r[i] = BoxedNumbers.YS[i] - (c[0] + c[1] * BoxedNumbers.XS[i]);
                        squares[i] = r[i] * r[i];
                    }
                    int[] order = ascending(squares);
                    double[] g = new double[2];
                    for (int k = 0; k < n * 3 / 4; k++) {
                        int i = order[k];
                        g[0] -= 2 * r[i];
                        g[1] -= 2 * r[i] * BoxedNumbers.XS[i];
                    }
                    return g;
                }, p(1.05, 1.97), p(0.5, 2.5), p(3, 1)).nonSmooth(),
                scalar("BoxedNumbers.median", BoxedNumbers::median, x -> {
                    double[] u = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        u[i] = x[i] * x[i] + x[i];
                    }
                    int[] order = ascending(u);
                    int n = x.length;
                    double[] g = new double[n];
                    if (n % 2 == 1) {
                        g[order[n / 2]] = 2 * x[order[n / 2]] + 1;
                    } else {
                        g[order[n / 2 - 1]] += (2 * x[order[n / 2 - 1]] + 1) / 2;
                        g[order[n / 2]] += (2 * x[order[n / 2]] + 1) / 2;
                    }
                    return g;
                }, p(0.3, -1.7, 2.0, 0.9, -0.2), p(1.1, 0.4, -2.5, 0.7),
                        p(0.31, -1.2, 2.4, 0.93, -0.27, 1.6, -2.2, 0.05, 3.1, -0.71, 1.23, 0.48, -1.9)).nonSmooth(),
                scalar("BoxedNumbers.maxOfAList", BoxedNumbers::maxOfAList, x -> {
                    int big = 0;
                    int small = 0;
                    for (int i = 1; i + 1 < x.length; i++) {
                        big = x[i] * x[i + 1] > x[big] * x[big + 1] ? i : big;
                        small = x[i] * x[i + 1] < x[small] * x[small + 1] ? i : small;
                    }
                    double[] g = new double[x.length];
                    g[big] += x[big + 1];
                    g[big + 1] += x[big];
                    g[small] -= 0.5 * x[small + 1];
                    g[small + 1] -= 0.5 * x[small];
                    return g;
                }, p(0.5, -2, 1.5, 0.8), p(1.2, 0.7, -0.4, 2.5, 1.9)).nonSmooth(),
                scalar("BoxedNumbers.forEachUnboxing", BoxedNumbers::forEachUnboxing, x -> {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        s += Math.exp(Math.sin(x[i]) * (i + 1));
                    }
                    double[] g = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        g[i] = Math.exp(Math.sin(x[i]) * (i + 1)) / s * Math.cos(x[i]) * (i + 1);
                    }
                    return g;
                }, p(0.3, -1.2, 2.0), p(1.1, 0.4, -0.5, 0.25)),
                scalar("BoxedNumbers.listOfDoubles", BoxedNumbers::listOfDoubles, x -> {
                    double d = 1 + x[0] * x[0];
                    double a = x[0] * x[1];
                    double b = Math.exp(x[1]);
                    double c = x[2] / d;
                    double s = a + 2 * b + 3 * c;
                    double[] da = {x[1], x[0], 0};
                    double[] ds = {x[1] - 6 * x[0] * x[2] / (d * d), x[0] + 2 * b, 3 / d};
                    return new double[] {ds[0] * a + s * da[0], ds[1] * a + s * da[1], ds[2] * a + s * da[2]};
                }, p(0.3, -1.2, 2.0), p(1.1, 0.4, -0.5)),
                scalar("BoxedNumbers.doubleLocalWithNull", BoxedNumbers::doubleLocalWithNull, x -> {
                    int best = 0;
                    for (int i = 1; i < x.length; i++) {
                        best = x[i] * x[i] - x[i] > x[best] * x[best] - x[best] ? i : best;
                    }
                    double[] g = new double[x.length];
                    g[best] += (2 * x[best] - 1) * x[0];
                    g[0] += x[best] * x[best] - x[best];
                    return g;
                }, p(0.3, -1.2, 2.0), p(1.1, 0.4, -0.5, 0.25), p(2.5, 0.1)).nonSmooth(),
                scalar("BoxedNumbers.boxedArray", BoxedNumbers::boxedArray, x -> {
                    int n = x.length;
                    double[] g = new double[n];
                    for (int j = 0; j < n; j++) {
                        double w = Math.tanh(x[j]);
                        g[j] = (1 - w * w) * (Math.tanh(x[(j + 1) % n]) + Math.tanh(x[(j + n - 1) % n]));
                    }
                    return g;
                }, p(0.3, -1.2, 2.0), p(1.1, 0.4, -0.5, 0.25), p(0.6, -0.9)),
                scalar("BoxedNumbers.boxesMethods", BoxedNumbers::boxesMethods, x -> {
                    double sign = x[0] < x[1] ? -1 : 1;
                    double[] g = x[0] * x[1] >= x[2] * x[2] ? p(x[1], x[0], 0) : p(0, 0, 2 * x[2]);
                    g[0] += sign / x[1];
                    g[1] -= sign * x[0] / (x[1] * x[1]);
                    return g;
                }, p(1.5, 2, 0.5), p(0.3, -1.2, 2.0), p(-2, 0.7, 0.4)).nonSmooth(),
                scalar("BoxedNumbers.topThree", BoxedNumbers::topThree, x -> {
                    double[] squares = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        squares[i] = x[i] * x[i];
                    }
                    int[] order = ascending(squares);
                    double[] g = new double[x.length];
                    for (int k = x.length - 3; k < x.length; k++) {
                        g[order[k]] = 2 * x[order[k]];
                    }
                    return g;
                }, p(0.3, -1.2, 2.0, 0.8, -0.1), p(1.1, 0.4, -0.5, 0.25)).nonSmooth(),
                scalar("BoxedNumbers.rankWeighted", BoxedNumbers::rankWeighted, x -> {
                    double[] v = {x[0] + x[1], x[1] * x[2], x[2] - x[0], Math.cos(x[0])};
                    double[][] dv = {{1, 1, 0}, {0, x[2], x[1]}, {-1, 0, 1}, {-Math.sin(x[0]), 0, 0}};
                    int[] order = ascending(v);
                    double[] g = new double[3];
                    for (int k = 0; k < 4; k++) {
                        for (int j = 0; j < 3; j++) {
                            g[j] += (k + 1) * dv[order[k]][j];
                        }
                    }
                    return g;
                }, p(0.3, -1.2, 2.0), p(1.1, 0.4, -0.5), p(-0.7, 1.3, 0.2)).nonSmooth(),
                scalar("BoxedNumbers.sortedGaps", BoxedNumbers::sortedGaps, x -> {
                    int n = x.length;
                    double[] y = new double[n];
                    for (int i = 0; i < n; i++) {
                        y[i] = x[i] * (1 + 0.1 * i);
                    }
                    int[] order = ascending(y);
                    double[] g = new double[n];
                    for (int k = 0; k < n; k++) {
                        double dz = 0;
                        if (k > 0) {
                            dz += 2 * (y[order[k]] - y[order[k - 1]]);
                        }
                        if (k + 1 < n) {
                            dz -= 2 * (y[order[k + 1]] - y[order[k]]);
                        }
                        g[order[k]] = dz * (1 + 0.1 * order[k]);
                    }
                    return g;
                }, p(0.3, -1.2, 2.0, 0.8), p(1.1, 0.4, -0.5, 0.25, 3.1)).nonSmooth(),
                scalar("BoxedNumbers.weightsFromOutside", BoxedNumbers::weightsFromOutside,
                        x -> p(2 * 0.5 * x[0], 2 * -1.25 * x[1], 2 * 2.0 * x[2]), p(0.3, -1.2, 2.0), p(1.1, 0.4, -0.5)),
                scalar("BoxedNumbers.boxShownBesideTheComputation", BoxedNumbers::boxShownBesideTheComputation, x -> {
                    double t = x[0] * x[1] + x[2];
                    return p(2 * t * x[1], 2 * t * x[0], 2 * t);
                }, p(0.3, -1.2, 2.0), p(1.1, 0.4, -0.5)),
                scalar("BoxedNumbers.sortedEachRound", BoxedNumbers::sortedEachRound, x -> {
                    int n = x.length; // each element is c x[source]: sorted with its source and factor
                    double[] value = x.clone();
                    double[] factor = new double[n];
                    int[] source = new int[n];
                    for (int i = 0; i < n; i++) {
                        factor[i] = 1;
                        source[i] = i;
                    }
                    double[] g = new double[n];
                    for (int round = 0; round < 3; round++) {
                        int[] order = ascending(value);
                        double[] v = new double[n];
                        double[] c = new double[n];
                        int[] from = new int[n];
                        for (int k = 0; k < n; k++) {
                            v[k] = value[order[k]];
                            c[k] = factor[order[k]];
                            from[k] = source[order[k]];
                        }
                        value = v;
                        factor = c;
                        source = from;
                        for (int k = 0; k < n; k++) {
                            g[source[k]] += (k + 1) * (round + 1) * factor[k];
                        }
                        int j = round % n;
                        value[j] *= -1.5;
                        factor[j] *= -1.5;
                    }
                    return g;
                }, p(0.3, -1.2, 2.0, 0.7), p(1.1, 0.4, -0.5)).nonSmooth());
    }
}
