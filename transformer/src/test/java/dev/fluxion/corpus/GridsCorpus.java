package dev.fluxion.corpus;

import static dev.fluxion.testing.CorpusCase.scalar;

import dev.fluxion.testing.CorpusCase;
import java.util.List;

/** The matrices methods make for themselves ({@link Grids}), with gradients derived by hand where they are short. */
final class GridsCorpus {
    private GridsCorpus() {
    }

    private static double[] p(double... x) {
        return x;
    }

    static List<CorpusCase> cases() {
        return List.of(
                // linear in the initial plate and polynomial in the rate: Richardson differences and forward
                // against reverse are the references; the two ways of writing the step must agree as well
                scalar("Grids.heatCopiedBack", Grids::heatCopiedBack, null, p(1.3, 0.4, 0.7), p(-0.6, 1.1, 0.45)),
                scalar("Grids.heatSwapped", Grids::heatSwapped, null, p(1.3, 0.4, 0.7), p(-0.6, 1.1, 0.45)),
                scalar("Grids.rotatedPoints", Grids::rotatedPoints, a -> {
                    double sum = 0;
                    double dSum = 0;
                    for (double[] q : Grids.POINTS) {
                        sum += Math.cos(a[0]) * q[0] - Math.sin(a[0]) * q[1];
                        dSum += -Math.sin(a[0]) * q[0] - Math.cos(a[0]) * q[1];
                    }
                    return new double[] {a[1] * dSum, sum};
                }, p(0.3, 1.7), p(-2.2, 0.6)),
                scalar("Grids.pairwiseSquares", Grids::pairwiseSquares, x -> {
                    int n = x.length / 2;
                    double[] g = new double[x.length];
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < n; j++) {
                            g[2 * i] += 2 * (x[2 * i] - x[2 * j]);
                            g[2 * i + 1] += 2 * (x[2 * i + 1] - x[2 * j + 1]);
                        }
                    }
                    return g;
                }, p(0.3, -1.2, 2.0, 0.5, -0.7, 1.1), p(1.1, 0.4, -0.3, 0.9)),
                scalar("Grids.groupMoments", Grids::groupMoments, x -> {
                    double[] s = new double[3];
                    double[] q = new double[3];
                    for (int i = 0; i < x.length; i++) {
                        s[i % 3] += x[i];
                        q[i % 3] += x[i] * x[i];
                    }
                    double[] g = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        g[i] = q[i % 3] + s[i % 3] * 2 * x[i];
                    }
                    return g;
                }, p(0.3, -1.2, 2.0, 0.5, -0.7), p(1.1, 0.4, -0.3, 0.9, 1.4, -0.2, 0.8)));
    }
}
