package dev.fluxion.corpus;

import static dev.fluxion.testing.JacobianCase.of;

import dev.fluxion.testing.JacobianCase;
import java.util.List;

/** The vector-valued functions of the corpus with their test points and Jacobians written by hand. */
final class VectorCorpus {
    private VectorCorpus() {
    }

    private static double[] p(double... x) {
        return x;
    }

    static List<JacobianCase> cases() {
        return List.of(
                of("VectorFunctions.rosenbrock", VectorFunctions::rosenbrock, 2,
                        x -> new double[][] {{-20 * x[0], 10}, {-1, 0}}, p(-1.2, 1), p(0.5, 2)),
                of("VectorFunctions.freudensteinRoth", VectorFunctions::freudensteinRoth, 2,
                        x -> new double[][] {{1, 10 * x[1] - 3 * x[1] * x[1] - 2}, {1, 3 * x[1] * x[1] + 2 * x[1] - 14}},
                        p(0.5, -2), p(11.41, -0.8968)),
                of("VectorFunctions.powellBadlyScaled", VectorFunctions::powellBadlyScaled, 2,
                        x -> new double[][] {{1e4 * x[1], 1e4 * x[0]}, {-Math.exp(-x[0]), -Math.exp(-x[1])}},
                        p(0, 1), p(1.1e-5, 9.1)),
                of("VectorFunctions.brownBadlyScaled", VectorFunctions::brownBadlyScaled, 3,
                        x -> new double[][] {{1, 0}, {0, 1}, {x[1], x[0]}}, p(1, 1), p(1e6, 2e-6)),
                of("VectorFunctions.beale", VectorFunctions::beale, 3, x -> {
                    double[][] j = new double[3][2];
                    for (int i = 1; i <= 3; i++) {
                        j[i - 1][0] = -(1 - Math.pow(x[1], i));
                        j[i - 1][1] = x[0] * i * Math.pow(x[1], i - 1);
                    }
                    return j;
                }, p(1, 1), p(3, 0.5), p(-0.7, 1.3)),
                of("VectorFunctions.helicalValley", VectorFunctions::helicalValley, 3, x -> {
                    double r2 = x[0] * x[0] + x[1] * x[1];
                    double r = Math.sqrt(r2);
                    double t0 = -x[1] / (2 * Math.PI * r2);
                    double t1 = x[0] / (2 * Math.PI * r2);
                    return new double[][] {{-100 * t0, -100 * t1, 10}, {10 * x[0] / r, 10 * x[1] / r, 0}, {0, 0, 1}};
                }, p(-1, 0, 0), p(1, 0.5, 0.2), p(-0.3, -2, 1.5)),
                of("VectorFunctions.powellSingular", VectorFunctions::powellSingular, 4, x -> {
                    double a = x[1] - 2 * x[2];
                    double b = x[0] - x[3];
                    double s5 = Math.sqrt(5);
                    double s10 = Math.sqrt(10);
                    return new double[][] {{1, 10, 0, 0}, {0, 0, s5, -s5}, {0, 2 * a, -4 * a, 0},
                        {2 * s10 * b, 0, 0, -2 * s10 * b}};
                }, p(3, -1, 0, 1), p(0.5, 0.25, -1.5, 2)),
                of("VectorFunctions.watson", VectorFunctions::watson, 31, x -> {
                    int n = x.length;
                    double[][] j = new double[31][n];
                    for (int i = 0; i < 29; i++) {
                        double t = (i + 1) / 29.0;
                        double s2 = 0;
                        for (int k = 0; k < n; k++) {
                            s2 += x[k] * Math.pow(t, k);
                        }
                        for (int k = 0; k < n; k++) {
                            j[i][k] = (k == 0 ? 0 : k * Math.pow(t, k - 1)) - 2 * s2 * Math.pow(t, k);
                        }
                    }
                    j[29][0] = 1;
                    j[30][0] = -2 * x[0];
                    j[30][1] = 1;
                    return j;
                }, p(0, 0, 0, 0), p(0.5, -1, 1.5, 0.25, -0.75)),
                of("VectorFunctions.discreteBoundaryValue", VectorFunctions::discreteBoundaryValue, 5, x -> {
                    int n = x.length;
                    double h = 1.0 / (n + 1);
                    double[][] j = new double[n][n];
                    for (int i = 0; i < n; i++) {
                        double s = x[i] + (i + 1) * h + 1;
                        j[i][i] = 2 + 1.5 * h * h * s * s;
                        if (i > 0) {
                            j[i][i - 1] = -1;
                        }
                        if (i + 1 < n) {
                            j[i][i + 1] = -1;
                        }
                    }
                    return j;
                }, p(-0.14, -0.24, -0.25, -0.2, -0.11), p(1, 0.5, -0.25, 0.75, 2)),
                of("VectorFunctions.prefixProducts", VectorFunctions::prefixProducts, 4, x -> {
                    int n = x.length;
                    double[][] dp = new double[n][n]; // dp[i][k] = d (x0 ... xi) / d xk
                    double[] prod = new double[n];
                    for (int i = 0; i < n; i++) {
                        prod[i] = i == 0 ? x[0] : prod[i - 1] * x[i];
                        for (int k = 0; k <= i; k++) {
                            dp[i][k] = prod[i] / x[k];
                        }
                    }
                    double[][] j = new double[n + 1][n];
                    for (int k = 0; k < n; k++) {
                        j[n][k] = dp[0][k] * prod[n - 1] + prod[0] * dp[n - 1][k];
                    }
                    for (int i = 0; i < n; i++) {
                        for (int k = 0; k < n; k++) {
                            j[i][k] = dp[i][k] + 0.5 * j[n][k];
                        }
                    }
                    return j;
                }, p(0.5, -1.5, 2.0), p(1.1, 0.9, -0.7)));
    }

    /**
     * A function whose primal takes a Jacobian of its own: checked only transformed, since plain
     * Java cannot run its helper.
     */
    static JacobianCase nestedEntryPoint() {
        return of("VectorFunctions.scaledByANestedJacobian", VectorFunctions::scaledByANestedJacobian, 2,
                x -> new double[][] {{80 * x[0], -40}, {-1, 0}}, p(-1.2, 1), p(0.5, 2));
    }
}
