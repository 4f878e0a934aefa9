package dev.fluxion.corpus;

import static dev.fluxion.testing.HessianCase.of;
import static dev.fluxion.testing.HessianCase.unary;

import dev.fluxion.testing.HessianCase;
import java.util.List;

/** The second-derivative cases: {@link SecondOrder}'s functions, with Hessians derived by hand where practical. */
public final class SecondOrderCases {
    private SecondOrderCases() {
    }

    private static final double[][] MODEL_A = {{2, 0.5, 0}, {0.3, 1, -0.2}, {0, 0.4, 3}};
    private static final double[] MODEL_B = {0.5, -1, 0.25};
    private static final SecondOrder.Model MODEL = new SecondOrder.Model(MODEL_A, MODEL_B);

    static List<HessianCase> cases() {
        return List.of(
                // second derivatives through @AdjointOf rules: the rules' bodies differentiated once more
                of("CustomRules.libraryCalls", CustomRules::libraryCalls, null,
                        new double[] {0.3, -1.2, 2.0}, new double[] {1.5, 0.25, -0.75, 4.0}),
                of("CustomRules.smoothHinge", CustomRules::smoothHinge, x -> {
                    int n = x.length;
                    double[][] h = new double[n][n];
                    for (int i = 0; i + 1 < n; i++) {
                        double e = Math.exp(-4 * (x[i] * x[i + 1] - 1));
                        double sigma = 1 / (1 + e), dSigma = 4 * e * sigma * sigma * (i + 1);
                        h[i][i] += dSigma * x[i + 1] * x[i + 1];
                        h[i + 1][i + 1] += dSigma * x[i] * x[i];
                        double mixed = dSigma * x[i] * x[i + 1] + sigma * (i + 1);
                        h[i][i + 1] += mixed;
                        h[i + 1][i] += mixed;
                    }
                    return h;
                }, new double[] {0.3, -1.2, 2.0}, new double[] {1.5, 0.25, -0.75, 1.1}),
                of("ValueObjectCases.callsARecordHelper", ValueObjectCases::callsARecordHelper, x -> new double[][] {
                    {2 + 2 * x[1] * x[1], 4 * x[0] * x[1]}, {4 * x[0] * x[1], 2 + 2 * x[0] * x[0]}},
                        new double[] {0.3, -0.7}, new double[] {1.5, 0.2}),
                of("DataTables.copiesOfATable", DataTables::copiesOfATable, x -> new double[][] {
                    {0, 2 + 3 * x[2], 3 * x[1]}, {2 + 3 * x[2], 0, 3 * x[0]}, {3 * x[1], 3 * x[0], 0}},
                        new double[] {0.3, -0.7, 1.1}, new double[] {1.5, 0.2, -2}),
                // a data table, or a row of one, that starts a chain of computed arrays (x = X[n]; x = layer(x))
                of("DataTables.feedForwardFromRows", DataTables::feedForwardFromRows, null,
                        new double[] {0.5, -1.2, 0.8, 0.3}, new double[] {-0.7, 0.4, 1.1, -0.9}),
                of("DataTables.weightedSquares", DataTables::weightedSquares,
                        x -> new double[][] {{2, 0, 0}, {0, 4, 0}, {0, 0, 6}}, new double[] {0.3, -0.7, 1.1},
                        new double[] {1.5, 0.2, -2}),
                // through calls that stay calls: into other classes (a sum of squares, a Gaussian, Horner's rule)
                of("Calls.crossClass", Calls::crossClass, null, new double[] {0.5, 1.5}, new double[] {-0.3, 0.8, 1.2}),
                // a recursive helper, a model's blocks in another class, a simulation's step, an object's method
                of("CallsKept.polynomial", CallsKept::polynomial, x -> new double[][] {
                    {60 * x[0] * x[0] * x[0] - 2 * x[1] * x[1] * x[1], -6 * x[1] * x[1] * x[0], 0},
                    {-6 * x[1] * x[1] * x[0], -6 * x[1] * x[0] * x[0], 0}, {0, 0, 12 * x[2] * x[2]}},
                        new double[] {0.7, -1.3, 0.4}, new double[] {-1.1, 0.6, 2.0}),
                unary("CallsKept.seventhPower", CallsKept::seventhPower,
                        x -> new double[][] {{42 * Math.pow(x[0], 5) + 2}}, 0.8, -1.3, 2.1),
                of("CallsKept.logisticLoss", CallsKept::logisticLoss, SecondOrderCases::logisticLoss,
                        new double[] {0.2, -0.5, 0.9}, new double[] {-1.0, 0.3, 0.05}),
                of("CallsKept.energyAfterSteps", CallsKept::energyAfterSteps, null,
                        new double[] {1.0, 0.1, -0.05, 1.1}, new double[] {0.8, -0.6, 0.5, 0.7}),
                of("CallsKept.chainEnergy", CallsKept::chainEnergy, null,
                        new double[] {0.5, 0.4, 1.3, -0.2}, new double[] {-0.7, 0.2, 0.1, 0.9}),
                of("CallsKept.directionAndLength", CallsKept::directionAndLength, x -> {
                    double length = Math.sqrt(x[0] * x[0] + x[1] * x[1]);
                    double[][] h = new double[2][2];
                    for (int i = 0; i < 2; i++) {
                        for (int j = 0; j < 2; j++) {
                            h[i][j] = ((i == 0 ? x[j] : 0) + (j == 0 ? x[i] : 0)) / length
                                    + x[0] * ((i == j ? 1 : 0) / length - x[i] * x[j] / (length * length * length));
                        }
                    }
                    return h;
                }, new double[] {0.5, 1.5}, new double[] {-1.2, 0.4}),
                of("CallsKept.rowLengths", CallsKept::rowLengths, null, new double[] {0.5, 1.5, -0.5},
                        new double[] {-1.2, 0.4, 0.9}),
                of("CallsKept.tangentOfSum", CallsKept::tangentOfSum, null, new double[] {0.3, 0.4},
                        new double[] {-0.6, 0.9}),
                of("CallsKept.pingPong", CallsKept::pingPong, null, new double[] {0.6, 1.1}, new double[] {-0.4, 0.7}),
                of("SecondOrder.rosenbrock", SecondOrder::rosenbrock, SecondOrderCases::rosenbrock,
                        new double[] {-1.2, 1.0, 0.8, 1.5}, new double[] {0.3, -0.7, 2.0}),
                of("SecondOrder.quadraticForm", SecondOrder::quadraticForm, x -> {
                    int n = x.length;
                    double[][] h = new double[n][n];
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < n; j++) {
                            h[i][j] = 1.0 / (1 + i + j);
                        }
                    }
                    h[0][0] -= Math.sin(x[0]);
                    return h;
                }, new double[] {0.4, -1.1, 2.3}, new double[] {1.5, 0.2, -0.3, 0.9}),
                of("SecondOrder.logSumExp", SecondOrder::logSumExp, x -> {
                    int n = x.length;
                    double m = Double.NEGATIVE_INFINITY;
                    for (double v : x) {
                        m = Math.max(m, v);
                    }
                    double s = 0;
                    for (double v : x) {
                        s += Math.exp(v - m);
                    }
                    double[] p = new double[n];
                    for (int i = 0; i < n; i++) {
                        p[i] = Math.exp(x[i] - m) / s;
                    }
                    double[][] h = new double[n][n];
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < n; j++) {
                            h[i][j] = (i == j ? p[i] : 0) - p[i] * p[j];
                        }
                    }
                    return h;
                }, new double[] {0.5, -0.3, 1.7}, new double[] {2.0, 2.5, -1.0, 0.1}),
                of("SecondOrder.branches", SecondOrder::branches, x -> x[0] > 0
                        ? new double[][] {{2 * x[1], 2 * x[0]}, {2 * x[0], Math.exp(x[1])}}
                        : new double[][] {{-Math.cos(x[0]) * x[1] * x[1], -2 * Math.sin(x[0]) * x[1]},
                                {-2 * Math.sin(x[0]) * x[1], 2 * Math.cos(x[0])}},
                        new double[] {0.7, -0.4}, new double[] {-0.4, 1.3}),
                of("SecondOrder.prefixProducts", SecondOrder::prefixProducts, SecondOrderCases::prefixProducts,
                        new double[] {1.1, -0.6, 0.9, 1.3}, new double[] {0.5, 2.0, -1.5}),
                of("SecondOrder.tanhChain", SecondOrder::tanhChain, null, new double[] {0.3, -0.8, 1.2, 0.5}),
                of("SecondOrder.special", SecondOrder::special, null, new double[] {1.3, 0.7}, new double[] {0.6, 2.1}),
                of("SecondOrder.withCalls", SecondOrder::withCalls, x -> {
                    double e = Math.exp(x[2] * x[2] / 4);
                    return new double[][] {{2 + 2 * x[2], -2, 2 * x[0]}, {-2, 2, 0}, {2 * x[0], 0, e * (0.5 + x[2] * x[2] / 4)}};
                }, new double[] {0.4, -1.2, 0.8}),
                of("SecondOrder.oscillator", SecondOrder::oscillator, null, new double[] {4.0, 0.3, 1.0}),
                of("SecondOrder.Model.loss (an instance method)", MODEL::loss, x -> {
                    double[][] h = new double[3][3];
                    for (int i = 0; i < 3; i++) {
                        for (int j = 0; j < 3; j++) {
                            h[i][j] = 0.5 * (MODEL_A[i][j] + MODEL_A[j][i]);
                        }
                        h[i][i] += MODEL_B[i] * MODEL_B[i] * Math.exp(MODEL_B[i] * x[i]);
                    }
                    return h;
                }, new double[] {0.2, -0.4, 0.9}),
                of("SecondOrder.moreFunctions", SecondOrder::moreFunctions, null, new double[] {0.3, -0.4},
                        new double[] {-0.6, 0.2}),
                unary("SecondOrder.unarySinExp", SecondOrder::unarySinExp,
                        x -> new double[][] {{2 * Math.exp(x[0]) * Math.cos(x[0])}}, 0.3, -1.7, 2.4),
                unary("SecondOrder.unaryLoop", SecondOrder::unaryLoop, x -> {
                    double s = 0;
                    for (int k = 2; k <= 5; k++) {
                        s += (k - 1) * Math.pow(x[0], k - 2);
                    }
                    return new double[][] {{x[0] > 1 ? 2 * s : s}};
                }, 0.5, 1.4, -0.8));
    }

    /** What Fluxion says when asked for a Hessian through a call it did not inline (a method of another class). */
    /** The message of a Hessian-vector product of {@code f}, or "no error". */
    private static String hvpError(dev.fluxion.ScalarFunction f, double[] x) {
        try {
            dev.fluxion.Fluxion.hessian(f).hvp(x, new double[x.length]);
            return "no error";
        } catch (dev.fluxion.FluxionException e) {
            return e.getMessage();
        }
    }

    /** A call through an abstract method, to the derivative of the object's class, found when the call runs. */
    public static String hessianThroughADispatchedCall() {
        return hvpError(OutsideObjects::chainEnergy, new double[] {0.5, 1.5, 2.0});
    }

    /** A callee that both writes into the array it is given and returns an array. */
    public static String hessianThroughACallThatWritesAndReturnsAnArray() {
        return hvpError(CallsKept::scaledProduct, new double[] {0.5, 1.5});
    }

    /** The logistic loss's Hessian: {@code (1/n) sum sigma(m) sigma(-m) x x^T + 0.02 I}, {@code m} each point's margin. */
    private static double[][] logisticLoss(double[] w) {
        double[][] features = {{1, 0.5, -1.2}, {1, -0.3, 0.8}, {1, 1.7, 0.1}, {1, -1.1, -0.6}};
        double[] labels = {1, -1, 1, -1};
        int n = w.length;
        double[][] h = new double[n][n];
        for (int k = 0; k < features.length; k++) {
            double m = 0;
            for (int i = 0; i < n; i++) {
                m += labels[k] * w[i] * features[k][i];
            }
            double weight = 1 / (1 + Math.exp(-m)) / (1 + Math.exp(m)) / features.length;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    h[i][j] += weight * features[k][i] * features[k][j];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            h[i][i] += 0.02;
        }
        return h;
    }

    private static double[][] rosenbrock(double[] x) {
        int n = x.length;
        double[][] h = new double[n][n];
        for (int i = 0; i + 1 < n; i++) {
            h[i][i] += 1200 * x[i] * x[i] - 400 * x[i + 1] + 2;
            h[i][i + 1] += -400 * x[i];
            h[i + 1][i] += -400 * x[i];
            h[i + 1][i + 1] += 200;
        }
        return h;
    }

    /** s = sum_i (i+1) prod_{k <= i} x_k: d2s/dx_a dx_b = sum_{i >= max(a,b)} (i+1) P_i / (x_a x_b) off the diagonal, 0 on it. */
    private static double[][] prefixProducts(double[] x) {
        int n = x.length;
        double[] p = new double[n];
        p[0] = x[0];
        for (int i = 1; i < n; i++) {
            p[i] = p[i - 1] * x[i];
        }
        double[][] h = new double[n][n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                if (a != b) {
                    for (int i = Math.max(a, b); i < n; i++) {
                        h[a][b] += (i + 1) * p[i] / (x[a] * x[b]);
                    }
                }
            }
        }
        return h;
    }
}
