package dev.fluxion.corpus;

import static dev.fluxion.testing.CorpusCase.scalar;

import dev.fluxion.testing.CorpusCase;
import java.util.Arrays;
import java.util.List;

/**
 * The sorted objects of the corpus ({@link SortedObjects}): test points away from ties of the keys
 * (where sorted objects would swap) and gradients derived by hand, the orders found on indices by
 * the JDK's sort.
 */
final class SortedCorpus {
    private SortedCorpus() {
    }

    private static double[] p(double... x) {
        return x;
    }

    /** The indices of {@code keys} in ascending order, ties in index order. */
    private static int[] ascending(double[] keys) {
        Integer[] order = new Integer[keys.length];
        for (int i = 0; i < keys.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(keys[a], keys[b]));
        return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }

    static List<CorpusCase> cases() {
        return List.of(
                scalar("SortedObjects.twoNearest", SortedObjects::twoNearest, p -> {
                    int n = p.length / 2;
                    double[] d = new double[n];
                    for (int i = 0; i < n; i++) {
                        d[i] = p[2 * i] * p[2 * i] + p[2 * i + 1] * p[2 * i + 1];
                    }
                    int[] order = ascending(d);
                    double[] g = new double[p.length];
                    for (int k = 0; k < 2; k++) { // mass (1 + i) times the squared distance of particle i
                        int i = order[k];
                        g[2 * i] = 2 * (1 + i) * p[2 * i];
                        g[2 * i + 1] = 2 * (1 + i) * p[2 * i + 1];
                    }
                    return g;
                }, p(1.0, 2.0, 0.5, -0.4, 3.0, 1.0), p(0.3, 0.2, -1.0, 2.0, 0.1, -0.7, 2.5, 0.4)).nonSmooth(),
                scalar("SortedObjects.medianByX", SortedObjects::medianByX, x -> {
                    int[] order = ascending(x);
                    double[] g = new double[x.length];
                    for (int k = 0; k < x.length; k++) { // y = x^2 + i: dy/dx_i = 2 x_i at rank k
                        int i = order[k];
                        g[i] = 2 * x[i] * ((k + 1) / 10.0 + (k == x.length / 2 ? 1 : 0));
                    }
                    return g;
                }, p(0.7, -1.2, 2.5, 0.1, -0.4), p(3.0, 1.0, -2.0, 0.5)).nonSmooth(),
                scalar("SortedObjects.rankWeighted", SortedObjects::rankWeighted, x -> {
                    double[] minusScore = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        minusScore[i] = -Math.sin(x[i]); // from the largest score down: no ties at the points
                    }
                    int[] order = ascending(minusScore);
                    double[] g = new double[x.length];
                    for (int k = 0; k < x.length; k++) {
                        g[order[k]] = 1.0 / (k + 1);
                    }
                    return g;
                }, p(0.3, 1.2, -0.5, 2.8), p(-1.0, 0.9, 2.0)).nonSmooth(),
                scalar("SortedObjects.sortedThenPulled", SortedObjects::sortedThenPulled, x -> {
                    int n = x.length;
                    int[] order = ascending(x);
                    double[] pos = new double[n];
                    double[] vel = new double[n];
                    double[][] dpos = new double[n][n]; // d pos_k / d x_j, carried alongside (forward mode by hand)
                    double[][] dvel = new double[n][n];
                    for (int k = 0; k < n; k++) {
                        pos[k] = x[order[k]];
                        vel[k] = 0.1 * order[k];
                        dpos[k][order[k]] = 1;
                    }
                    for (int step = 0; step < 10; step++) {
                        for (int k = 1; k < n; k++) {
                            vel[k] += 0.05 * (pos[k - 1] - pos[k]);
                            for (int j = 0; j < n; j++) {
                                dvel[k][j] += 0.05 * (dpos[k - 1][j] - dpos[k][j]);
                            }
                        }
                        for (int k = 0; k < n; k++) {
                            pos[k] += 0.1 * vel[k];
                            for (int j = 0; j < n; j++) {
                                dpos[k][j] += 0.1 * dvel[k][j];
                            }
                        }
                    }
                    double[] g = new double[n];
                    for (int k = 0; k < n; k++) {
                        for (int j = 0; j < n; j++) {
                            g[j] += (k + 1) * dpos[k][j];
                        }
                    }
                    return g;
                }, p(0.5, -1.0, 2.0, 0.8), p(1.5, 0.2, -0.6)).nonSmooth(),
                scalar("SortedObjects.sortedData", SortedObjects::sortedData, p -> new double[] {2 * p[0], p[0] > 0 ? 3 : 2},
                        p(0.7, 1.3), p(-0.4, 2.0)).nonSmooth(),
                scalar("SortedObjects.sortedEachRound", SortedObjects::sortedEachRound, null,
                        p(1.1, 0.3, -0.5, 2.0, 0.9, -1.2), p(0.8, -0.4, 1.5, 0.6, -0.7, 1.9)).nonSmooth());
    }
}
