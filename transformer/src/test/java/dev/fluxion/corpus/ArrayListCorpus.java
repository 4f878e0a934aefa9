package dev.fluxion.corpus;

import static dev.fluxion.corpus.ArrayListCases.DT;
import static dev.fluxion.corpus.ArrayListCases.K;
import static dev.fluxion.corpus.ArrayListCases.STEPS;
import static dev.fluxion.testing.CorpusCase.scalar;

import dev.fluxion.testing.CorpusCase;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code ArrayList} part of the corpus ({@link ArrayListCases}): test points, some long enough
 * that the lists grow past the ten slots they start with, and gradients derived by hand. A spring
 * step is linear in the particle's state, so where a particle ends is {@code a x0 + b v0}, with
 * {@code a} and {@code b} (and their derivatives along the stiffness) the recurrence run by hand on
 * the unit states: forward mode written out.
 */
final class ArrayListCorpus {
    private ArrayListCorpus() {
    }

    private static double[] p(double... x) {
        return x;
    }

    /** {@code n} numbers, a wave that is not symmetric. */
    private static double[] wave(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.sin(1.3 * i + 0.4) + 0.1 * i;
        }
        return x;
    }

    static List<CorpusCase> cases() {
        return List.of(
                scalar("ArrayListCases.particlesOnSprings", ArrayListCases::particlesOnSprings, p -> {
                    double[] g = new double[p.length];
                    Arrays.fill(g, spring(K, STEPS)[0]); // each particle ends at a p_i
                    return g;
                }, p(0.3, -1.2, 2.0), wave(13)),
                scalar("ArrayListCases.polygonArea", ArrayListCases::polygonArea, p -> {
                    int n = p.length / 2;
                    double[] g = new double[p.length];
                    for (int i = 0; i < n; i++) {
                        int next = (i + 1) % n;
                        int previous = (i + n - 1) % n;
                        g[2 * i] = 0.5 * (p[2 * next + 1] - p[2 * previous + 1]);
                        g[2 * i + 1] = 0.5 * (p[2 * previous] - p[2 * next]);
                    }
                    return g;
                }, p(0, 0, 2, 0.5, 1, 1.5), p(0, 0, 2, 0.5, 1, 1.5, 7), wave(24)),
                scalar("ArrayListCases.smoothedInPlace", ArrayListCases::smoothedInPlace, p -> {
                    // f = |L p|^2 with L the three sweeps, a linear map: df/dp_j = 2 (L p) . (L e_j)
                    double[] y = smoothed(p);
                    double[] g = new double[p.length];
                    for (int j = 0; j < p.length; j++) {
                        double[] e = new double[p.length];
                        e[j] = 1;
                        double[] column = smoothed(e);
                        for (int i = 0; i < p.length; i++) {
                            g[j] += 2 * y[i] * column[i];
                        }
                    }
                    return g;
                }, p(0.3, -1.2, 2.0), wave(12)),
                scalar("ArrayListCases.shapesOfTwoClasses", ArrayListCases::shapesOfTwoClasses, p -> {
                    int shapes = 2 * (p.length / 2);
                    double[] g = new double[p.length];
                    for (int i = 0; i + 1 < p.length; i += 2) {
                        g[i] = 2 * Math.PI * p[i] / shapes;
                        g[i + 1] = 2 * p[i + 1] / shapes;
                    }
                    return g;
                }, p(0.7, 1.3), p(0.7, 1.3, -0.4, 2.1, 0.9), wave(22)),
                scalar("ArrayListCases.listThroughHelpers", ArrayListCases::listThroughHelpers, p -> {
                    double[] g = new double[p.length];
                    Arrays.fill(g, spring(K, STEPS)[0] / p.length);
                    return g;
                }, p(0.3, -1.2, 2.0), wave(11)),
                scalar("ArrayListCases.cloudHoldingAList", ArrayListCases::cloudHoldingAList, p -> {
                    // each particle ends at A(k) x_i: the sum of squares is A^2 |x|^2
                    double[] a = spring(p[0], STEPS);
                    double[] g = new double[p.length];
                    for (int i = 1; i < p.length; i++) {
                        g[i] = 2 * a[0] * a[0] * p[i];
                        g[0] += 2 * a[0] * a[2] * p[i] * p[i];
                    }
                    return g;
                }, p(0.8, 0.3, -1.2, 2.0), wave(12)),
                scalar("ArrayListCases.emitter", ArrayListCases::emitter, p -> {
                    // particle j, added at step 5 j, is pushed 60 - 5 j times; it counts j + 1 times
                    double[] g = new double[2];
                    for (int j = 0; j < 12; j++) {
                        double[] ab = spring(K, 60 - 5 * j);
                        g[0] += (j + 1) * ab[0];
                        g[1] += (j + 1) * ab[1];
                    }
                    return g;
                }, p(0.3, 0.1), p(-1.2, 0.5)),
                scalar("ArrayListCases.movedBodies", ArrayListCases::movedBodies, p -> {
                    double[] g = new double[p.length]; // the sum of 2 (i + 1) p_i^3
                    for (int i = 0; i < p.length; i++) {
                        g[i] = 6 * (i + 1) * p[i] * p[i];
                    }
                    return g;
                }, p(0.3, -1.2, 2.0), wave(5)),
                scalar("ArrayListCases.kickedLine", ArrayListCases::kickedLine, p -> {
                    // after the kick particle i is at (i + p_i, p_i): it ends at a (i + p_i) + b p_i
                    double[] ab = spring(K, STEPS);
                    double[] g = new double[p.length];
                    for (int i = 0; i < p.length; i++) {
                        double end = ab[0] * (i + p[i]) + ab[1] * p[i];
                        g[i] = 2 * end * (ab[0] + ab[1]);
                    }
                    return g;
                }, p(0.3, -1.2, 2.0), wave(14)));
    }

    /**
     * Where a particle on a spring of stiffness {@code k} ends after {@code steps} pushes: {@code
     * {a, b, da/dk}} such that it ends at {@code a x0 + b v0}.
     */
    private static double[] spring(double k, int steps) {
        double x = 1; // from (1, 0): a, and its derivative along k
        double v = 0;
        double dx = 0;
        double dv = 0;
        double y = 0; // from (0, 1): b
        double w = 1;
        for (int s = 0; s < steps; s++) {
            dv += (-x - k * dx) * DT;
            v += -k * x * DT;
            x += v * DT;
            dx += dv * DT;
            w += -k * y * DT;
            y += w * DT;
        }
        return new double[] {x, y, dx};
    }

    /** The three Gauss-Seidel sweeps of {@link ArrayListCases#smoothedInPlace}, on an array. */
    private static double[] smoothed(double[] p) {
        double[] y = p.clone();
        for (int round = 0; round < 3; round++) {
            for (int i = 1; i < y.length; i++) {
                y[i] = 0.5 * (y[i - 1] + y[i]);
            }
        }
        return y;
    }
}
