package dev.fluxion.corpus;

import static dev.fluxion.testing.CorpusCase.scalar;
import static dev.fluxion.testing.CorpusCase.unary;

import dev.fluxion.testing.CorpusCase;
import dev.fluxion.testing.HessianCase;
import dev.fluxion.testing.JacobianCase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The shared test corpus: every case with its test points and, where there is one, its gradient
 * derived by hand. Closed forms are plain Java: straight formulas, or for loops the forward-mode
 * recurrence written out by hand (the same loop, carrying the derivative alongside the value).
 *
 * <p>Test points stay away from kinks, branch switches, trip-count changes and domain edges by
 * much more than the Richardson step (1e-3 * max(1, |x_i|)); {@code ClosedFormsTest} checks this.
 */
public final class Corpus {
    private static final double LN10 = Math.log(10);
    private static final double DEG = Math.PI / 180;

    private Corpus() {
    }

    private static double[] p(double... x) {
        return x;
    }

    /** Every case of the corpus, in a fresh unmodifiable list. */
    public static List<CorpusCase> all() {
        List<CorpusCase> cases = new ArrayList<>();
        cases.addAll(arithmetic());
        cases.addAll(branches());
        cases.addAll(loops());
        cases.addAll(calls());
        cases.addAll(mathFunctions());
        cases.addAll(specExample());
        cases.addAll(returnedArrays());
        cases.add(customRules());
        cases.add(instanceRule());
        cases.add(instanceMethods());
        cases.addAll(copiesOfConstants());
        cases.addAll(callsAndWrites());
        cases.addAll(temporaries());
        cases.addAll(dataModels());
        cases.addAll(nestedLoops());
        cases.addAll(DirectionCounts.scalarCases());
        cases.add(scalar("Rotations.chainOfRotations", Rotations::chainOfRotations, x -> {
            double t = 0;
            for (double v : x) {
                t += v; // successive rotations add their angles: (cos t, sin t)
            }
            double dt = -Math.sin(t) + 2 * Math.sin(t) * Math.cos(t);
            double[] g = new double[x.length];
            java.util.Arrays.fill(g, dt);
            return g;
        }, p(0.3, -1.2, 2.0), p(1.1, 0.4, -0.5, 0.25)));
        cases.add(scalar("RowsOfOneMatrix.distinctRows", RowsOfOneMatrix::distinctRows, x -> {
            double[] g = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                g[i] = 4 * x[i];
            }
            return g;
        }, p(0.3, -1.2, 2.0), p(1.1, 0.4)));
        cases.addAll(ArrayCorpus.cases());
        cases.addAll(rowMoves());
        cases.addAll(dataTables());
        cases.addAll(valueObjects());
        cases.addAll(smallVectors());
        cases.addAll(plainHelpers());
        cases.addAll(functionsAsValues());
        cases.addAll(objectArrays());
        cases.addAll(dispatch());
        cases.addAll(outsideObjects());
        cases.addAll(jdkCalls());
        cases.addAll(ArrayListCorpus.cases());
        cases.addAll(simulations());
        cases.addAll(TryCatchCorpus.cases());
        cases.addAll(privateMembers());
        cases.addAll(BoxedCorpus.cases());
        cases.addAll(SortedCorpus.cases());
        cases.addAll(JdkIdiomsCorpus.cases());
        cases.addAll(GridsCorpus.cases());
        return Collections.unmodifiableList(cases);
    }

    /** Private, protected and package members of other classes, in another package too ({@link PrivateMembers}). */
    private static List<CorpusCase> privateMembers() {
        double[] photo = {0.1, 0.5, 0.9};
        double[] picture = {0.2, -0.4, 0.7, 1.1};
        double focal = 1.5;
        return List.of(
                scalar("PhotoFit.loss", new PrivateMembers.PhotoFit()::loss, x -> {
                    double[] g = new double[2];
                    for (double v : photo) {
                        g[0] += v;
                        g[1] += v * v;
                    }
                    return g;
                }, p(1, 2), p(-0.3, 0.8)),
                scalar("PictureFit.loss", new PrivateMembers.PictureFit()::loss, x -> {
                    double[] g = new double[2];
                    for (int i = 0; i < picture.length; i++) {
                        g[0] += (1.5 + i) * picture[i];
                        g[1] += (1.5 + i) * picture[i] * Math.cos(x[1] * picture[i]);
                    }
                    return g;
                }, p(1, 2), p(-0.3, 0.8)),
                scalar("PrivateMembers.pictureOfParameters", PrivateMembers::pictureOfParameters,
                        x -> p(9 * x[0], 30 * x[1] * x[1] * x[1]), p(0.4, -1.3), p(1.2, 0.6)),
                scalar("Focus.loss", new PrivateMembers.Focus(focal)::loss, x -> {
                    double[] g = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        double d = 1 + x[i] * x[i];
                        g[i] = focal * focal * (1 - x[i] * x[i]) / (d * d);
                    }
                    return g;
                }, p(0.3, -1.7, 2.2), p(0.9, 0.1)));
    }

    private static List<CorpusCase> functionsAsValues() {
        return List.of(
                scalar("AnonymousClasses.anonymousIntegrand", AnonymousClasses::anonymousIntegrand, p -> new double[] {
                    AnonymousClasses.trapezoid(x -> x * x, 0, 1, 40), AnonymousClasses.trapezoid(x -> x * Math.cos(p[1] * x), 0, 1, 40)},
                        p(0.7, 1.3), p(-2, 0.4)),
                scalar("AnonymousClasses.anonymousRhs", AnonymousClasses::anonymousRhs, null, p(0.7, 0.3), p(2.0, -1.1)),
                scalar("AnonymousClasses.anonymousShapes", AnonymousClasses::anonymousShapes,
                        p -> new double[] {34 * p[0], 3}, p(0.7, 1.3), p(-1.5, 0.2)),
                scalar("FunctionsAsValues.otherStreamTerminals", FunctionsAsValues::otherStreamTerminals, x -> {
                    double[] g = new double[x.length];
                    int big = 0;
                    int small = 0;
                    double product = 1;
                    for (int i = 0; i < x.length; i++) {
                        big = x[i] * x[i] > x[big] * x[big] ? i : big;
                        small = x[i] < x[small] ? i : small;
                        product *= x[i];
                    }
                    for (int i = 0; i < x.length; i++) {
                        g[i] = (i + 1.0) / x.length + product / x[i];
                    }
                    g[big] += 2 * x[big];
                    g[small] += 1;
                    return g;
                }, p(0.5, -2, 1.5), p(1.2, 0.7, -0.4, 2.5)).nonSmooth(),
                scalar("FunctionsAsValues.streamOperations", FunctionsAsValues::streamOperations, x -> {
                    int n = x.length;
                    Integer[] order = new Integer[n];
                    for (int i = 0; i < n; i++) {
                        order[i] = i;
                    }
                    Arrays.sort(order, (a, b) -> Double.compare(x[a], x[b]));
                    double[] g = new double[n];
                    for (int k = 1; k < n - 1; k++) {
                        g[order[k]] += 1.0 / (n - 2); // the trimmed mean's middle values
                    }
                    for (int i = 0; i < n; i++) {
                        g[i] += x[i] > 0 ? 2 * x[i] : 0;
                    }
                    int big = order[n - 1];
                    int small = order[0];
                    g[big] += x[small] / 4;
                    g[small] += x[big] / 4;
                    return g;
                }, p(0.5, -2, 1.5, 0.9), p(1.2, 0.7, -0.4, 2.5, -1.1)).nonSmooth(),
                scalar("FunctionsAsValues.streamsOverRecords", FunctionsAsValues::streamsOverRecords, c -> {
                    double[] g = {3 * c[0] * c[0], 0};
                    for (FunctionsAsValues.Sample s : FunctionsAsValues.SAMPLES) {
                        double r = s.y() - c[0] - c[1] * s.t();
                        g[0] -= 2 * r;
                        g[1] -= 2 * r * s.t();
                    }
                    g[1] += 2 * 3 * c[1]; // the largest t is 3
                    return g;
                }, p(0.5, 1.5), p(1.2, -0.7)),
                scalar("FunctionsAsValues.lazyLimit", FunctionsAsValues::lazyLimit,
                        x -> new double[] {0.5 / Math.sqrt(x[0]) + 1 / x[0], 0.5 / Math.sqrt(x[1]), 0}, p(4, 9, 0), p(1.5, 2, 0)),
                scalar("FunctionsAsValues.widenedAccessors", FunctionsAsValues::widenedAccessors,
                        c -> new double[] {0.5 + 2.25 + 1.0, 2 * c[1] * (3 + 1 + 4)}, p(0.5, 1.5), p(-2, 0.25)),
                scalar("FunctionsAsValues.oscillatorAfterTwoSeconds", FunctionsAsValues::oscillatorAfterTwoSeconds, null,
                        p(0.7, 0.3), p(2.0, 0.1), p(1.2, 0.8)),
                scalar("FunctionsAsValues.activations", FunctionsAsValues::activations, x -> {
                    double[] g = new double[x.length];
                    for (int i = 1; i < x.length; i++) {
                        double t = Math.tanh(x[i]);
                        g[0] += Math.sin(x[i]);
                        g[i] = 1 - t * t + x[0] * Math.cos(x[i]);
                    }
                    return g;
                }, p(0.7, 0.3, 1.1), p(-1.2, 0.5, 2.0, -0.4)),
                scalar("FunctionsAsValues.folds", FunctionsAsValues::folds, x -> {
                    int n = x.length;
                    double norm = 0;
                    for (double v : x) {
                        norm += v * v;
                    }
                    norm = Math.sqrt(norm);
                    double[] g = new double[n];
                    for (int i = 0; i < n; i++) {
                        g[i] = 2 * x[i] * Math.pow(0.5, n - 1 - i) + x[i] / norm;
                    }
                    return g;
                }, p(0.7, 0.3, 1.1), p(-1.2, 0.5, 2.0, -0.4)),
                scalar("FunctionsAsValues.logCoshFit", FunctionsAsValues::logCoshFit, x -> {
                    double[] g = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        g[i] = Math.tanh(x[i] - FunctionsAsValues.TARGETS[i]);
                    }
                    return g;
                }, p(0.7, 0.3, 1.1, -2.0), p(-1.2, 0.5, 2.0)),
                scalar("FunctionsAsValues.robustLossAsAStream", FunctionsAsValues::robustLossAsAStream, x -> {
                    double[] g = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        g[i] = Math.tanh(x[i] - FunctionsAsValues.TARGETS[i]);
                    }
                    return g;
                }, p(0.7, 0.3, 1.1, -2.0), p(-1.2, 0.5, 2.0)),
                scalar("FunctionsAsValues.streamsOverTheArray", FunctionsAsValues::streamsOverTheArray, x -> {
                    double squares = 0;
                    for (double v : x) {
                        squares += v * v;
                    }
                    double[] g = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        g[i] = 2 * x[0] * x[i] + 1;
                    }
                    g[0] += squares;
                    return g;
                }, p(0.7, 0.3, 1.1), p(-1.2, 0.5, 2.0, 0.25)),
                scalar("FunctionsAsValues.loggedLazily", FunctionsAsValues::loggedLazily, x -> {
                    double r = 0;
                    for (double v : x) {
                        r += v * v;
                    }
                    r = Math.sqrt(r);
                    double[] g = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        g[i] = x[i] / r;
                    }
                    return g;
                }, p(0.7, 0.3, 1.1), p(-1.2, 0.5)),
                scalar("FunctionsAsValues.gaussianIntegral", FunctionsAsValues::gaussianIntegral, p -> {
                    double h = 1.0 / 16;
                    double d0 = 0;
                    double d1 = 0;
                    for (int i = 0; i <= 16; i++) {
                        double t = i * h;
                        double w = i == 0 || i == 16 ? 0.5 * h : h;
                        d0 += w * -t * t * Math.exp(-p[0] * t * t);
                        d1 += w * t;
                    }
                    return p(d0, d1);
                }, p(0.7, 0.3), p(2.0, -1.0)));
    }

    private static List<CorpusCase> plainHelpers() {
        return List.of(
                scalar("PlainHelpers.spreadAndLevel", PlainHelpers::spreadAndLevel, x -> {
                    int n = x.length;
                    double m = 0;
                    for (double v : x) {
                        m += v / n;
                    }
                    double var = 0;
                    for (double v : x) {
                        var += (v - m) * (v - m) / n;
                    }
                    double sigmoid = 1 / (1 + Math.exp(-m));
                    double[] g = new double[n];
                    for (int i = 0; i < n; i++) { // d var / d x_i = 2 (x_i - m) / n: the deviations sum to 0
                        g[i] = (x[i] - m) / (n * Math.sqrt(var)) + sigmoid / n;
                    }
                    return g;
                }, p(0.3, -1.2, 2.0), p(1.1, 0.4, -0.5, 0.25)),
                scalar("PlainHelpers.projectedEnergy", PlainHelpers::projectedEnergy, x -> {
                    double r = Math.sqrt(x[0] * x[0] + x[1] * x[1] + x[2] * x[2]);
                    double xw = 0;
                    for (int i = 0; i < 3; i++) {
                        xw += x[i] * PlainHelpers.WEIGHTS[i];
                    }
                    double[] g = new double[3]; // f = (x . w) r
                    for (int i = 0; i < 3; i++) {
                        g[i] = PlainHelpers.WEIGHTS[i] * r + xw * x[i] / r;
                    }
                    return g;
                }, p(0.3, -1.2, 2.0), p(1.1, 0.4, -0.5)),
                scalar("PlainHelpers.smoothSteps", PlainHelpers::smoothSteps, x -> {
                    double[] g = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        g[i] = x[i] > 0 && x[i] < 1 ? 6 * x[i] * (1 - x[i]) : 0;
                    }
                    return g;
                }, p(0.3, -1.2, 0.8), p(1.1, 0.4, 0.55, 0.25)).nonSmooth(),
                scalar("PlainHelpers.pairKernelSum", PlainHelpers::pairKernelSum, x -> {
                    double w2 = 0.7 * 0.7;
                    double[] g = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        for (int j = 0; j < x.length; j++) {
                            double d = x[i] - x[j];
                            g[i] += j == i ? 0 : -d / w2 * Math.exp(-d * d / (2 * w2));
                        }
                    }
                    return g;
                }, p(0.3, -1.2, 0.8), p(1.1, 0.4, 0.55, 0.25)));
    }

    private static List<CorpusCase> dataTables() {
        return List.of(
                scalar("DataTables.feedForwardFromRows", DataTables::feedForwardFromRows, null,
                        p(0.5, -1.2, 0.8, 0.3), p(-0.7, 0.4, 1.1, -0.9)),
                scalar("DataTables.rowsOfATable", DataTables::rowsOfATable, x -> {
                    // twoLayers(x, w) + twoLayers(t, x): forward-mode recurrences, one direction at a time
                    double[] w = {0.5, -1, 2};
                    double[] t = {1, 2, 3};
                    double[] g = new double[x.length];
                    for (int d = 0; d < x.length; d++) {
                        double[] h = x.clone();
                        double[] dh = new double[x.length];
                        dh[d] = 1;
                        double[] u = t.clone();
                        double[] du = new double[t.length];
                        for (int k = 0; k < 2; k++) {
                            double[] nh = new double[h.length];
                            double[] ndh = new double[h.length];
                            for (int i = 0; i < h.length; i++) {
                                double a = Math.tanh(h[i] * w[i % 3]);
                                nh[i] = a;
                                ndh[i] = (1 - a * a) * dh[i] * w[i % 3];
                            }
                            double[] nu = new double[u.length];
                            double[] ndu = new double[u.length];
                            for (int i = 0; i < u.length; i++) {
                                double a = Math.tanh(u[i] * x[i % x.length]);
                                nu[i] = a;
                                ndu[i] = (1 - a * a) * (du[i] * x[i % x.length] + u[i] * (i % x.length == d ? 1 : 0));
                            }
                            h = nh;
                            dh = ndh;
                            u = nu;
                            du = ndu;
                        }
                        for (int i = 0; i < h.length; i++) {
                            g[d] += dh[i];
                        }
                        for (int i = 0; i < u.length; i++) {
                            g[d] += du[i];
                        }
                    }
                    return g;
                }, p(0.3, -0.7, 1.1), p(-0.4, 0.9, 0.2)),
                scalar("DataTables.tableDownARecursion", DataTables::tableDownARecursion,
                        x -> p(2 * x[0] + 2 * x[1] + 3 * x[2], 2 * x[0], 3 * x[0]), p(0.3, -0.7, 1.1), p(1.5, 0.2, -2)),
                scalar("DataTables.copiesOfATable", DataTables::copiesOfATable,
                        x -> p(2 * x[1] + 3 * x[1] * x[2], 2 * x[0] + 3 * x[0] * x[2], 3 * x[0] * x[1]),
                        p(0.3, -0.7, 1.1), p(1.5, 0.2, -2)),
                scalar("DataTables.weightedSquares", DataTables::weightedSquares, x -> p(2 * x[0], 4 * x[1], 6 * x[2]),
                        p(0.3, -0.7, 1.1), p(1.5, 0.2, -2)));
    }

    /** Arrays.sort: each value's derivative goes back to the element it came from. */
    private static List<CorpusCase> jdkCalls() {
        return List.of(
                scalar("JdkCalls.leastTrimmedSquares", JdkCalls::leastTrimmedSquares, c -> {
                    int n = JdkCalls.XS.length;
                    Integer[] order = new Integer[n];
                    double[] r = new double[n];
                    for (int i = 0; i < n; i++) {
                        order[i] = i;
                        r[i] = JdkCalls.YS[i] - (c[0] + c[1] * JdkCalls.XS[i]);
                    }
                    Arrays.sort(order, (a, b) -> Double.compare(r[a] * r[a], r[b] * r[b]));
                    double[] g = new double[2];
                    for (int k = 0; k < JdkCalls.KEPT; k++) {
                        int i = order[k];
                        g[0] -= 2 * r[i];
                        g[1] -= 2 * r[i] * JdkCalls.XS[i];
                    }
                    return g;
                }, p(1.05, 1.97), p(0.5, 2.5), p(3, 1)).nonSmooth(),
                scalar("JdkCalls.medianTimesMinimum", JdkCalls::medianTimesMinimum, x -> {
                    Integer[] order = new Integer[x.length];
                    for (int i = 0; i < x.length; i++) {
                        order[i] = i;
                    }
                    Arrays.sort(order, (a, b) -> Double.compare(x[a], x[b]));
                    int median = order[x.length / 2];
                    int minimum = order[0];
                    double[] g = new double[x.length];
                    g[median] += x[minimum];
                    g[minimum] += x[median];
                    return g;
                }, p(3, -1, 2, 5, 0.5), p(0.7, 0.2, -0.4)).nonSmooth(),
                scalar("JdkCalls.weightedTailInPlace", JdkCalls::weightedTailInPlace, x -> {
                    Integer[] order = new Integer[x.length - 1];
                    for (int i = 1; i < x.length; i++) {
                        order[i - 1] = i;
                    }
                    Arrays.sort(order, (a, b) -> Double.compare(x[a], x[b]));
                    double[] g = new double[x.length];
                    g[0] = 2 * x[0];
                    for (int k = 0; k < order.length; k++) {
                        g[order[k]] = 2 * (k + 2) * x[order[k]];
                    }
                    return g;
                }, p(0.3, 2, -1, 0.5), p(-1, 0.25, 3, 1.5, -2)).nonSmooth(),
                scalar("JdkCalls.floatSpread", JdkCalls::floatSpread, x -> {
                    int big = 0;
                    int small = 0;
                    for (int i = 0; i < x.length; i++) {
                        big = x[i] * x[i] > x[big] * x[big] ? i : big;
                        small = x[i] * x[i] < x[small] * x[small] ? i : small;
                    }
                    double[] g = new double[x.length];
                    g[big] += 2 * x[big];
                    g[small] -= 4 * x[small];
                    return g;
                }, p(0.5, -2, 1.5), p(1.2, 0.7, -0.4, 2.5)).nonSmooth().singlePrecision());
    }

    private static List<CorpusCase> dispatch() {
        return List.of(
                scalar("DefaultMethods.givenAConstant", DefaultMethods::givenAConstant, p -> new double[] {6 * p[0], 0},
                        p(0.7, 1.3), p(-1.2, 0.4)),
                scalar("DefaultMethods.givenARecord", DefaultMethods::givenARecord,
                        p -> new double[] {4 * p[0] * p[1], 2 * p[0] * p[0]}, p(0.7, 1.3), p(-1.2, 0.4)),
                scalar("DefaultMethods.onElements", DefaultMethods::onElements, p -> new double[] {6 * p[0], 6},
                        p(0.7, 1.3), p(-1.2, 0.4)),
                scalar("DispatchCases.sceneCoverage", DispatchCases::sceneCoverage, null, p(-1.0, 0.3), p(-0.8, -0.5)),
                scalar("DispatchCases.sceneOfParameters", DispatchCases::sceneOfParameters, null, p(0.5, 0.1),
                        p(0.8, -0.3)),
                scalar("DispatchCases.whichMethodRuns", DispatchCases::whichMethodRuns, x -> p(1, 6 * x[1]),
                        p(0.5, 2.0), p(-1.5, 0.25)),
                scalar("DispatchCases.stackedLayers", DispatchCases::stackedLayers, x -> {
                    double h = Math.tanh(0.7 * x[0]); // softplus(p1 * tanh(0.7 p0)); softplus' = sigmoid
                    double sig = 1 / (1 + Math.exp(-x[1] * h));
                    return p(sig * x[1] * (1 - h * h) * 0.7, sig * h);
                }, p(0.4, -1.2), p(-0.9, 0.5)),
                scalar("DispatchCases.totalArea", DispatchCases::totalArea,
                        x -> p(2 * x[0], 2 * Math.PI * x[1], 2 * x[2]), p(1, 2, 3), p(-0.5, 0.25, 1.5)));
    }

    private static List<CorpusCase> outsideObjects() {
        return List.of(
                scalar("OutsideObjects.twoNeurons", OutsideObjects::twoNeurons, w -> {
                    double z = w[3];
                    for (int i = 0; i < 3; i++) {
                        z += w[i] * OutsideObjects.INPUTS[i];
                    }
                    double t = Math.tanh(z);
                    double r = t + Math.log1p(Math.exp(2 * z)) / 2 - 0.7;
                    double dz = 2 * r * (1 - t * t + 1 / (1 + Math.exp(-2 * z))); // softplus' = sigmoid
                    double[] g = new double[4];
                    for (int i = 0; i < 3; i++) {
                        g[i] = dz * OutsideObjects.INPUTS[i];
                    }
                    g[3] = dz;
                    return g;
                }, p(0.2, -0.4, 0.3, 0.1), p(-0.6, 0.5, 0.25, -0.3)),
                scalar("OutsideObjects.sharedActivation", OutsideObjects::sharedActivation, x -> {
                    double[] g = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        g[i] = (i + 1) / (1 + Math.exp(-0.5 * x[i] * (i + 1)));
                    }
                    return g;
                }, p(0.3, -1.2, 2.0), p(-0.5, 0.75)),
                scalar("OutsideObjects.chainEnergy", OutsideObjects::chainEnergy, x -> {
                    double[] g = new double[x.length];
                    for (int i = 0; i + 1 < x.length; i++) {
                        double d = x[i + 1] - x[i];
                        double dU = switch (i % 3) {
                            case 0 -> 3 * (d - 1);
                            case 1 -> {
                                double e = Math.exp(-1.5 * (d - 1));
                                yield 2 * 2 * (1 - e) * 1.5 * e;
                            }
                            default -> 0.5 * (d - 2);
                        };
                        g[i + 1] += dU;
                        g[i] -= dU;
                    }
                    return g;
                }, p(0, 1.1, 2.3, 4.0, 5.2), p(0.5, 1.2, 2.6)),
                scalar("OutsideObjects.springs", OutsideObjects::springs, x -> {
                    double s = x[1] - 1;
                    return p(2 * (x[0] - 1), 2 * s + s * s * s);
                }, p(1.5, 0.3), p(-0.2, 2.1)),
                scalar("OutsideObjects.pluggableObjective", OutsideObjects::pluggableObjective, w -> {
                    double[] g = new double[2];
                    for (int i = 0; i < OutsideObjects.SAMPLES.t().length; i++) {
                        double t = OutsideObjects.SAMPLES.t()[i];
                        double e = Math.exp(-w[1] * t);
                        double r = w[0] * e - OutsideObjects.SAMPLES.y()[i];
                        g[0] += 2 * r * e;
                        g[1] -= 2 * r * w[0] * t * e;
                    }
                    return g;
                }, p(1.8, 0.9), p(2.5, 0.4)));
    }

    private static List<CorpusCase> objectArrays() {
        return List.of(
                scalar("ListCases.sceneOfShapes", ListCases::sceneOfShapes,
                        p -> new double[] {2 * Math.PI * p[0], 2 * p[1] + 8 * Math.PI * p[1] + 6 * p[1]}, p(0.7, 1.3), p(2, -0.5)),
                scalar("ListCases.sceneHoldingAList", ListCases::sceneHoldingAList, p -> {
                    boolean circleLarger = Math.PI * p[0] * p[0] > p[1] * p[1];
                    return new double[] {2 * Math.PI * p[0] * (p[2] + (circleLarger ? 1 : 0)),
                        2 * p[1] * (p[2] + (circleLarger ? 0 : 1)), Math.PI * p[0] * p[0] + p[1] * p[1]};
                }, p(0.7, 1.3, 2), p(1.2, -0.5, 0.5)),
                scalar("ListCases.objectHoldingAnArray", ListCases::objectHoldingAnArray,
                        p -> new double[] {2 * Math.PI * p[0], 2 * p[1]}, p(0.7, 1.3), p(-1.2, 0.4)),
                scalar("ListCases.recordHoldingAList", ListCases::recordHoldingAList,
                        p -> new double[] {2 * p[0] + 2 * Math.PI * p[0] * p[1] * p[1], 2 * p[1] + 2 * Math.PI * p[0] * p[0] * p[1] + 2},
                        p(0.7, 1.3), p(-1.1, 0.4)),
                scalar("ListCases.massesInAList", ListCases::massesInAList, p -> {
                    // forward mode by hand: each mass's (x, v) and their derivatives along p0 and p1
                    double[] g = new double[2];
                    for (int which = 0; which < 2; which++) {
                        double x = which;
                        double v = 0;
                        double dx0 = 0;
                        double dv0 = 0;
                        double dx1 = 0;
                        double dv1 = 0;
                        for (int t = 0; t < 3; t++) {
                            double f = p[0] * x + p[1];
                            double df0 = x + p[0] * dx0;
                            double df1 = 1 + p[0] * dx1;
                            v += f;
                            dv0 += df0;
                            dv1 += df1;
                            x += v;
                            dx0 += dv0;
                            dx1 += dv1;
                        }
                        double w = which == 0 ? 1 : 2;
                        g[0] += w * dx0;
                        g[1] += w * dx1;
                    }
                    return g;
                }, p(0.3, 0.1), p(-0.2, 0.5)),
                scalar("RecordScenes.nearestHits", RecordScenes::nearestHits, null, p(3, 2, 0.4), p(1.5, 4, 0.7),
                        p(0.2, 0.3, 0.1)).nonSmooth(),
                scalar("RecordScenes.wallsLinesAndLight", RecordScenes::wallsLinesAndLight,
                        p -> new double[] {1 + 4 + 2 * 0.25, -1 + 2 * 1}, p(0.5, 0.25), p(-1.5, 2)),
                scalar("ObjectHelpers.kickedAlongSprings", ObjectHelpers::kickedAlongSprings, k -> {
                    // kick(f): v += f, x += v. Particle 0 is kicked by a = k0/2 three times, 2 by b = k1/4,
                    // 1 by b, a, b, a, b, a: x0 = 1 + 6a, x2 = 4 + 6b, x1 = 2 + 9a + 12b (the running v's summed)
                    double a = k[0] * 0.5;
                    double b = k[1] * 0.25;
                    double x0 = 1 + 6 * a;
                    double x1 = 2 + 9 * a + 12 * b;
                    double x2 = 4 + 6 * b;
                    double centre = (x0 + x1 + x2) / 3;
                    return new double[] {0.5 * (5 * x2), 0.25 * (6 * x2 + 6 * centre)};
                }, p(0.3, -0.2), p(1.1, 0.7)),
                scalar("ObjectHelpers.decayThroughAnObject", ObjectHelpers::decayThroughAnObject,
                        p -> new double[] {-3 * 20 * 0.05 * Math.pow(1 - 0.05 * p[0], 19) - 2}, p(0.5), p(2.0)),
                // 1/2 (i + 1) (p_i / 2)^2 for p_i > 0: derivative (i + 1) p_i / 4
                scalar("ObjectStreams.energyInside", ObjectStreams::energyInside, p -> {
                    double[] g = new double[p.length];
                    for (int i = 0; i < p.length; i++) {
                        g[i] = p[i] > 0 ? (i + 1) * p[i] / 4 : 0;
                    }
                    return g;
                }, p(0.5, -1.0, 2.0), p(-0.3, 1.5, 0.7, -2.0)).nonSmooth(),
                scalar("ObjectStreams.movedList", ObjectStreams::movedList, p -> {
                    double[] g = new double[p.length]; // x_i' = p_i + p_i p_0 / 2: sum (i + 1) x_i'^2
                    for (int i = 0; i < p.length; i++) {
                        double x = p[i] + 0.5 * p[i] * p[0];
                        g[i] += 2 * (i + 1) * x * (1 + 0.5 * p[0]);
                        g[0] += 2 * (i + 1) * x * 0.5 * p[i];
                    }
                    return g;
                }, p(0.5, -1.0, 2.0), p(-0.3, 1.5, 0.7, -2.0)),
                scalar("ObjectStreams.movedCollected", ObjectStreams::movedCollected, p -> {
                    int n = p.length; // x_0' = p_0 + p_0^2 / 2; v_last = p_last^2 / 2
                    double x = p[0] + 0.5 * p[0] * p[0];
                    double v = 0.5 * p[n - 1] * p[n - 1];
                    double[] g = new double[n];
                    g[0] += (1 + p[0]) * v;
                    g[n - 1] += x * p[n - 1];
                    return g;
                }, p(0.5, -1.0, 2.0), p(-0.3, 1.5, 0.7, -2.0)),
                scalar("ObjectStreams.energyAfterMoving", ObjectStreams::energyAfterMoving, p -> {
                    double[] g = new double[p.length]; // (i + 1) p_i^2 / 8 + p_i + p_i p_0 / 2
                    for (int i = 0; i < p.length; i++) {
                        g[i] += (i + 1) * p[i] / 4 + 1 + 0.5 * p[0];
                        g[0] += 0.5 * p[i];
                    }
                    return g;
                }, p(0.5, -1.0, 2.0), p(-0.3, 1.5, 0.7, -2.0)),
                scalar("ObjectStreams.largestChargeRightOfMinusOne", ObjectStreams::largestChargeRightOfMinusOne, p -> {
                    int best = -1; // the first of the largest p_i^2 among p_i > -1: derivative 2 p_best
                    for (int i = 0; i < p.length; i++) {
                        if (p[i] > -1 && (best < 0 || p[i] * p[i] > p[best] * p[best])) {
                            best = i;
                        }
                    }
                    double[] g = new double[p.length];
                    g[best] = 2 * p[best];
                    return g;
                }, p(0.5, -3.0, -0.8), p(1.2, -0.3, 2.0, -1.5)).nonSmooth(),
                scalar("ChosenObjects.nearestSphere", ChosenObjects::nearestSphere, null, p(0.1, -0.3, 0.5, 1.2),
                        p(-0.2, 0.4, 0.6, 1.0)).nonSmooth(),
                scalar("ChosenObjects.shadowedSpheres", ChosenObjects::shadowedSpheres, null, p(0.1, -0.3, 0.5, 1.2, 2),
                        p(-0.2, 0.4, 0.6, 1.0, -1.75)).nonSmooth(),
                scalar("ChosenObjects.kickTheHeaviest", ChosenObjects::kickTheHeaviest, p -> {
                    int h = 0; // the heaviest (the first of the largest masses) gets v = p3: sum of x m = 0 p0 + 1 p1 + 2 p2 + p3 m_h
                    for (int i = 1; i < 3; i++) {
                        if (p[i] > p[h]) {
                            h = i;
                        }
                    }
                    double[] g = {0, 1, 2, p[h]};
                    g[h] += p[3];
                    return g;
                }, p(1.0, 2.0, 1.5, 0.7), p(3, 1, 2, -0.4)).nonSmooth(),
                scalar("ChosenObjects.roundsOfTheFastest", ChosenObjects::roundsOfTheFastest, p -> {
                    int h = 0; // the fastest, the same each round: sum over rounds r of (h + p_h r) p_h r, r = 1..3
                    for (int i = 1; i < p.length; i++) {
                        if (p[i] > p[h]) {
                            h = i;
                        }
                    }
                    double[] g = new double[p.length];
                    g[h] = 6 * h + 28 * p[h];
                    return g;
                }, p(0.5, 1.5, 1.0), p(2.0, 0.3, 1.1, 0.7)).nonSmooth(),
                // the heavier gets v = p2: x_a m_a + x_b m_b = v_a p0 + (1 + v_b) p1
                scalar("ChosenObjects.heavierGetsTheKick", ChosenObjects::heavierGetsTheKick,
                        p -> p[0] > p[1] ? new double[] {p[2], 1, p[0]} : new double[] {0, 1 + p[2], p[1]},
                        p(2.0, 1.0, 0.5), p(0.5, 1.5, -0.7)).nonSmooth(),
                scalar("ChosenObjects.tripleTheChosen", ChosenObjects::tripleTheChosen,
                        x -> x[2] > 0 ? new double[] {3, 1, 0} : new double[] {1, 3, 0}, p(0.5, 2.0, 1.0), p(0.5, 2.0, -1.0))
                        .nonSmooth(),
                scalar("ChosenObjects.doubleTheLargerEachRound", ChosenObjects::doubleTheLargerEachRound, x -> {
                    double[] g = new double[2]; // round r: 2 max(x0 r, x1) + min(..): the larger's derivative doubled
                    for (int r = 1; r <= 3; r++) {
                        boolean first = x[0] * r > x[1];
                        g[0] += (first ? 2 : 1) * r;
                        g[1] += first ? 1 : 2;
                    }
                    return g;
                }, p(1.0, 1.5), p(-0.5, 0.3), p(0.4, 1.0)).nonSmooth(),
                scalar("ChosenObjects.swappedStates", ChosenObjects::swappedStates, p -> {
                    double x = p[0]; // the same steps, with the derivatives by x0 (dx0, dv0) and by v0 (dx1, dv1)
                    double v = p[1];
                    double dx0 = 1, dv0 = 0, dx1 = 0, dv1 = 1;
                    for (int step = 0; step < 20; step++) {
                        double x2 = x + 0.1 * v;
                        double dx02 = dx0 + 0.1 * dv0;
                        double dx12 = dx1 + 0.1 * dv1;
                        v = v - 0.1 * x;
                        dv0 = dv0 - 0.1 * dx0;
                        dv1 = dv1 - 0.1 * dx1;
                        x = x2;
                        dx0 = dx02;
                        dx1 = dx12;
                    }
                    return new double[] {2 * x * dx0 + dv0, 2 * x * dx1 + dv1};
                }, p(1.0, 0.0), p(-0.3, 2.0)),
                // made: x = p0 + p1 / 2, squared; none: 0.5 p1
                scalar("ChosenObjects.perhapsAParticle", ChosenObjects::perhapsAParticle,
                        p -> p[0] > 0 ? new double[] {2 * (p[0] + p[1] / 2), p[0] + p[1] / 2} : new double[] {0, 0.5},
                        p(0.7, 1.2), p(-0.4, 0.9)).nonSmooth(),
                scalar("ChosenObjects.nearestAndHeaviest", ChosenObjects::nearestAndHeaviest, p -> {
                    int c = 0; // the first nearest to the origin; the heaviest is the last (weights 1, 3, 5, ..)
                    for (int i = 2; i + 1 < p.length; i += 2) {
                        if (p[i] * p[i] + p[i + 1] * p[i + 1] < p[c] * p[c] + p[c + 1] * p[c + 1]) {
                            c = i;
                        }
                    }
                    double[] g = new double[p.length];
                    g[c] += p[c + 1];
                    g[c + 1] += p[c];
                    g[p.length - 2] += 1;
                    return g;
                }, p(1.0, 2.0, 0.5, -0.4, 3.0, 1.0), p(0.3, 0.2, -1.0, 2.0)).nonSmooth(),
                scalar("ChosenObjects.nearestAndHeaviestStreamed", ChosenObjects::nearestAndHeaviestStreamed, p -> {
                    int c = 0; // the first nearest to the origin; the heaviest is the last (weights 1, 3, 5, ..)
                    for (int i = 2; i + 1 < p.length; i += 2) {
                        if (p[i] * p[i] + p[i + 1] * p[i + 1] < p[c] * p[c] + p[c + 1] * p[c + 1]) {
                            c = i;
                        }
                    }
                    double[] g = new double[p.length];
                    g[c] += p[c + 1];
                    g[c + 1] += p[c];
                    g[p.length - 2] += 1;
                    return g;
                }, p(1.0, 2.0, 0.5, -0.4, 3.0, 1.0), p(0.3, 0.2, -1.0, 2.0)).nonSmooth(),
                scalar("ChosenObjects.closestBall", ChosenObjects::closestBall, p -> {
                    int c = 0; // (gap)^2, gap = |(p_c, c) - (1, 1)| - 0.5 - p_c^2 / 10, for the nearest ball c only
                    for (int i = 1; i < p.length; i++) {
                        if (Math.hypot(p[i] - 1, i - 1) < Math.hypot(p[c] - 1, c - 1)) {
                            c = i;
                        }
                    }
                    double d = Math.hypot(p[c] - 1, c - 1);
                    double gap = d - 0.5 - p[c] * p[c] / 10;
                    double[] g = new double[p.length];
                    g[c] = 2 * gap * ((p[c] - 1) / d - p[c] / 5);
                    return g;
                }, p(0.8, 1.3, 3.0), p(1.1, -2, 0.5)).nonSmooth(),
                scalar("ObjectArrayCases.springChain", ObjectArrayCases::springChain, null,
                        p(3.0, 0.1, 1.2), p(5.0, 0.4, 0.9)),
                scalar("ObjectArrayCases.twoBodies", ObjectArrayCases::twoBodies, null,
                        p(0.1, 0.3, -0.2, -0.6), p(0.0, 0.5, 0.1, -0.9)),
                scalar("ObjectArrayCases.polygonArea", ObjectArrayCases::polygonArea, x -> {
                    int n = x.length / 2; // d(area)/dx_i = (y_{i+1} - y_{i-1}) / 2, d/dy_i = (x_{i-1} - x_{i+1}) / 2
                    double[] g = new double[x.length];
                    for (int i = 0; i < n; i++) {
                        int next = (i + 1) % n;
                        int prev = (i + n - 1) % n;
                        g[2 * i] = 0.5 * (x[2 * next + 1] - x[2 * prev + 1]);
                        g[2 * i + 1] = 0.5 * (x[2 * prev] - x[2 * next]);
                    }
                    return g;
                }, p(0, 0, 2, 0, 2, 1, 0, 1.5), p(0.3, -0.2, 1.1, 0.4, -0.5, 0.9)),
                scalar("ObjectArrayCases.weightedMean", ObjectArrayCases::weightedMean, x -> {
                    double sum = 0;
                    double total = 0;
                    for (int i = 0; i < x.length; i++) {
                        sum += x[i] * (i + 1);
                        total += i + 1;
                    }
                    double[] g = new double[x.length]; // f = sum^2 / total
                    for (int i = 0; i < x.length; i++) {
                        g[i] = 2 * sum * (i + 1) / total;
                    }
                    return g;
                }, p(0.7, -0.3, 2.0), p(1.5), p(-0.4, 0.9, 1.3, 0.25)),
                scalar("ObjectArrayCases.thrownBalls", ObjectArrayCases::thrownBalls, x -> {
                    double t = 30 * 0.01; // gravity cancels: d = (1 + t (p2 - p0), -t p1, t p1)
                    double dx = 1 + t * (x[2] - x[0]);
                    return p(-2 * t * dx, 4 * t * t * x[1], 2 * t * dx);
                }, p(0.5, 2.0, -0.3), p(-1.0, 0.7, 1.5)),
                scalar("ObjectArrayCases.movedAnchors", ObjectArrayCases::movedAnchors, x -> {
                    double[] g = new double[x.length]; // the sum of 2 (i + 1) x_i^3
                    for (int i = 0; i < x.length; i++) {
                        g[i] = 6 * (i + 1) * x[i] * x[i];
                    }
                    return g;
                }, p(0.5, 2.0, -0.3), p(-1.0, 0.7)));
    }

    private static List<CorpusCase> valueObjects() {
        return List.of(
                scalar("ValueObjectCases.crossAndNormalize", ValueObjectCases::crossAndNormalize, null,
                        p(0.3, -0.7, 1.1, 0.4), p(-1.2, 0.5, 0.8, 2.0)),
                scalar("ValueObjectCases.complexIteration", ValueObjectCases::complexIteration, x -> {
                    // z <- z^2 + c in doubles, carrying dz/dp0 and dz/dp1 alongside (forward mode by hand)
                    double re = x[0];
                    double im = x[1];
                    double[] dre = {1, 0};
                    double[] dim = {0, 1};
                    for (int k = 0; k < 3; k++) {
                        double nre = re * re - im * im + x[0];
                        double nim = 2 * re * im + x[1];
                        double[] ndre = new double[2];
                        double[] ndim = new double[2];
                        for (int d = 0; d < 2; d++) {
                            ndre[d] = 2 * re * dre[d] - 2 * im * dim[d] + (d == 0 ? 1 : 0);
                            ndim[d] = 2 * (dre[d] * im + re * dim[d]) + (d == 1 ? 1 : 0);
                        }
                        re = nre;
                        im = nim;
                        dre = ndre;
                        dim = ndim;
                    }
                    return p(2 * re * dre[0] + 2 * im * dim[0], 2 * re * dre[1] + 2 * im * dim[1]);
                }, p(0.3, -0.4), p(-0.5, 0.25)),
                scalar("ValueObjectCases.describedAndCompared", ValueObjectCases::describedAndCompared, x -> {
                    double[] shift = {1, -1, 0.5}; // f = a . (a + shift)
                    return p(2 * x[0] + shift[0], 2 * x[1] + shift[1], 2 * x[2] + shift[2]);
                }, p(0.3, -0.7, 1.1), p(-1.2, 0.5, 0.8)),
                scalar("ValueObjectCases.softClamps", ValueObjectCases::softClamps, x -> {
                    double[] g = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        g[i] = x[i] > 1 ? 2 + Math.log(x[i]) : 2 * x[i];
                    }
                    return g;
                }, p(0.3, 1.7, -0.5), p(2.5, 0.9, 1.2, -1.1)).nonSmooth(),
                scalar("ValueObjectCases.sceneAsData", ValueObjectCases::sceneAsData, null,
                        p(0.1, -0.2, 1.5), p(-0.3, 0.4, 2.5)),
                scalar("ValueObjectCases.helpersOfAnotherClass", ValueObjectCases::helpersOfAnotherClass, null,
                        p(0.1, -0.2, 0.3), p(-0.5, 0.4, -0.25)),
                scalar("ValueObjectCases.shadowRays", ValueObjectCases::shadowRays, null,
                        p(0.1, 1.2, 6.0), p(-0.2, 0.9, 3.5), p(0.1, 1.2, 1.4)).nonSmooth(),
                scalar("LocalObjectCases.dampedOscillator", LocalObjectCases::dampedOscillator, null,
                        p(0.7, -0.3, 2.0), p(-0.4, 0.9, 1.3)).nonSmooth(),
                scalar("LocalObjectCases.valueKeptInABox", LocalObjectCases::valueKeptInABox, x -> p(2 * x[0], 1),
                        p(3, 2), p(-0.5, 1.25)),
                scalar("LocalObjectCases.arraysThroughObjectsInCallees", LocalObjectCases::arraysThroughObjectsInCallees,
                        x -> p(2 * x[0], 1 + 2 * x[1]), p(3, 5), p(-0.5, 1.25)),
                scalar("LocalObjectCases.runningSums", LocalObjectCases::runningSums, x -> {
                    double s = 0;
                    for (double v : x) {
                        s += v;
                    }
                    double[] g = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        g[i] = 2 * s + 2 * x[i];
                    }
                    return g;
                }, p(0.7, -0.3, 2.0), p(1.5), p(-0.4, 0.9, 1.3, 0.25)),
                scalar("ValueObjectCases.callsARecordHelper", ValueObjectCases::callsARecordHelper,
                        x -> p(2 * x[0] + 2 * x[0] * x[1] * x[1] + 1, 2 * x[1] + 2 * x[0] * x[0] * x[1]),
                        p(0.3, -0.7), p(1.5, 0.2)),
                scalar("ValueObjectCases.marchAlongARay", ValueObjectCases::marchAlongARay, null,
                        p(0.3, -0.7, 1.1), p(-0.2, 0.4, 2.5)),
                scalar("ValueObjectCases.springEuler", ValueObjectCases::springEuler, x -> {
                    // the same Euler steps on (x, z) positions and y velocity, each linear in p: d/dp by the same recurrence
                    double[] g = new double[3];
                    for (int d = 0; d < 3; d++) {
                        double[] pos = {d == 0 ? 1 : 0, 0, d == 1 ? 1 : 0};
                        double[] vel = {0, d == 2 ? 1 : 0, 0};
                        for (int step = 0; step < 20; step++) {
                            double[] force = new double[3];
                            for (int i = 0; i < 3; i++) {
                                force[i] = -4.0 * pos[i] - 0.3 * vel[i];
                            }
                            for (int i = 0; i < 3; i++) {
                                pos[i] += 0.05 * vel[i];
                                vel[i] += 0.05 * force[i];
                            }
                        }
                        g[d] = pos[0] + pos[2];
                    }
                    return g;
                }, p(0.3, -0.7, 1.1), p(1.5, 0.2, -2)),
                scalar("ValueObjectCases.nearerOfTwo", ValueObjectCases::nearerOfTwo, x -> {
                    double da = Math.sqrt((x[0] - 1) * (x[0] - 1) + x[1] * x[1] + x[2] * x[2]);
                    double db = Math.sqrt(x[0] * x[0] + (x[1] - 2) * (x[1] - 2) + x[2] * x[2]);
                    double[] n = da < db ? p(1, 0, 0) : p(0, 2, 0);
                    return p(2 * (x[0] - n[0]) * n[1], 2 * (x[1] - n[1]) * n[1], 2 * x[2] * n[1] + n[0]);
                }, p(0.9, 0.3, -0.5), p(0.1, 1.7, 0.4), p(-0.3, 0.2, 1.2)).nonSmooth());
    }

    private static List<CorpusCase> smallVectors() {
        return List.of(
                scalar("SmallVectors.lambert", SmallVectors::lambert, null, p(0.3, -0.7, 1.1), p(-1.2, 0.5, 0.8)),
                scalar("SmallVectors.unwrittenElement", SmallVectors::unwrittenElement, x -> p(x[1], x[0]),
                        p(0.3, -0.7), p(1.5, 2.0)),
                scalar("SmallVectors.indexTable", SmallVectors::indexTable, x -> p(x[2], 0, x[0]), p(0.3, -0.7, 1.1)),
                scalar("SmallVectors.writtenTwice", SmallVectors::writtenTwice,
                        x -> x[0] > 0 ? p(0, 2 * x[1]) : p(x[1], x[0]), p(0.3, -0.7), p(-1.5, 2.0)).nonSmooth(),
                scalar("SmallVectors.writtenOnOneBranch", SmallVectors::writtenOnOneBranch,
                        x -> x[0] > 0 ? p(x[1], x[0]) : p(0, 0), p(0.3, -0.7), p(-1.5, 2.0)).nonSmooth(),
                scalar("SmallVectors.accumulator", SmallVectors::accumulator, x -> {
                    double s = 0;
                    for (double v : x) {
                        s += v;
                    }
                    double[] g = new double[x.length];
                    java.util.Arrays.fill(g, 2 * s);
                    return g;
                }, p(0.3, -0.7, 1.1), p(2.5)),
                scalar("SmallVectors.newVectorPerCall", SmallVectors::newVectorPerCall,
                        x -> neighbours(x, 2, 8, 0), p(0.3, -0.7, 1.1), p(2.5, 0.5)),
                scalar("SmallVectors.vectorWrittenAfterTheCall", SmallVectors::vectorWrittenAfterTheCall,
                        x -> neighbours(x, 2, 2, 1), p(0.3, -0.7, 1.1), p(2.5, 0.5)),
                scalar("SmallVectors.vectorRefilledEachIteration", SmallVectors::vectorRefilledEachIteration,
                        x -> neighbours(x, 2, 2, 0), p(0.3, -0.7, 1.1), p(2.5, 0.5)));
    }

    /** The gradient of {@code sum_i (a/2) x_i^2 + (b/2) x_(i+1)^2 + c x_(i+1)} over consecutive pairs. */
    private static double[] neighbours(double[] x, double a, double b, double c) {
        double[] g = new double[x.length];
        for (int i = 0; i + 1 < x.length; i++) {
            g[i] += a * x[i];
            g[i + 1] += b * x[i + 1] + c;
        }
        return g;
    }

    private static List<CorpusCase> rowMoves() {
        return List.of(
                scalar("RowMoves.rowReplacedAfterTheCall", RowMoves::rowReplacedAfterTheCall,
                        x -> p(x[1], x[0], 2 * x[3], 2 * x[2]), p(0.5, -1.25, 0.75, 2.0), p(1.5, 0.3, -0.7, 1.1)),
                scalar("RowMoves.rowsSwappedInALoop", RowMoves::rowsSwappedInALoop,
                        x -> p(8 * x[1], 8 * x[0], 10 * x[3], 10 * x[2]), p(0.5, -1.25, 0.75, 2.0), p(1.5, 0.3, -0.7, 1.1)),
                scalar("RowMoves.rowsShiftedAndReplaced", RowMoves::rowsShiftedAndReplaced,
                        x -> p(9 * x[1] + 3 * x[3], 9 * x[0] + 6 * x[1], 11 * x[3], 11 * x[2] + 3 * x[0]),
                        p(0.5, -1.25, 0.75, 2.0), p(1.5, 0.3, -0.7, 1.1)),
                scalar("RowsInPlace.pendulums", RowsInPlace::pendulums, RowsInPlace::pendulumsGradient,
                        p(0.5, -1.25, 0.75, 2.0, 0.3, -0.4), p(1.5, 0.3, -0.7, 1.1, -0.2, 0.9)),
                scalar("RowsInPlace.swappedBuffers", RowsInPlace::swappedBuffers, RowsInPlace::swappedBuffersGradient,
                        p(0.5, -1.25, 0.75, 2.0), p(1.5, 0.3, -0.7)),
                scalar("RowsInPlace.layeredCells", RowsInPlace::layeredCells, RowsInPlace::layeredCellsGradient,
                        p(0.5, -1.25, 0.75, 0.2, 0.3, -0.4), p(1.5, 0.3, -0.7, 1.1)),
                scalar("RowsInPlace.rowsStoredFirst", RowsInPlace::rowsStoredFirst, RowsInPlace::rowsStoredFirstGradient,
                        p(0.5, -1.25, 0.75), p(1.5, 0.3, -0.7, 1.1)),
                scalar("RowMoves.slicesMoved", RowMoves::slicesMoved,
                        x -> p(7 * x[1] + 12 * x[3] + 20 * x[0], 7 * x[0] + 22 * x[2], 2 * x[3] + 22 * x[1],
                                2 * x[2] + 12 * x[0]),
                        p(0.5, -1.25, 0.75, 2.0), p(1.5, 0.3, -0.7, 1.1)));
    }

    /** The vector-valued functions ({@code void f(double[] in, double[] out)}), for Jacobians. */
    public static List<JacobianCase> jacobians() {
        List<JacobianCase> cases = new ArrayList<>(VectorCorpus.cases());
        cases.addAll(DirectionCounts.jacobianCases());
        return cases;
    }

    /**
     * A gradient taken in the primal of a function whose own gradient is being taken, between two
     * loops that record; not in {@link #all()}, whose closed forms are checked on the untransformed
     * classes, where the inner gradient cannot run.
     */
    public static CorpusCase nestedGradient() {
        return scalar("Calls.productAroundANestedGradient", Calls::productAroundANestedGradient, x -> {
            double product = 1;
            for (double v : x) {
                product *= v;
            }
            double[] g = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                g[i] = 2 * 150.5 * product * product / x[i]; // f = 150.5 prod(x)^2
            }
            return g;
        }, p(0.9, -1.1, 1.2), p(1.3, 0.7, -0.8, 1.05), p(-1.5));
    }

    /** A vector-valued function whose primal takes a Jacobian itself: only for transformed classes. */
    public static JacobianCase nestedJacobian() {
        return VectorCorpus.nestedEntryPoint();
    }

    /** The functions whose second derivatives are checked (Hessians, Hessian-vector products, f''). */
    public static List<HessianCase> hessians() {
        return SecondOrderCases.cases();
    }

    /** The scalar ({@code double[] -> double}) cases. */
    public static List<CorpusCase> scalarCases() {
        return all().stream().filter(c -> !c.isUnary()).toList();
    }

    /** The unary ({@code double -> double}) cases. */
    public static List<CorpusCase> unaryCases() {
        return all().stream().filter(CorpusCase::isUnary).toList();
    }

    /** The case with this name. */
    public static CorpusCase named(String name) {
        return all().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no corpus case " + name));
    }

    // ================================================================== Arithmetic

    static List<CorpusCase> arithmetic() {
        return List.of(
                scalar("Arithmetic.sumOfSquares", Arithmetic::sumOfSquares, x -> {
                    double[] g = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        g[i] = 2 * x[i];
                    }
                    return g;
                }, p(1, -2, 3), p(0.5), p(-0.25, 1.75, 2.5, -3.5)),
                scalar("Arithmetic.rosenbrock", Arithmetic::rosenbrock, Corpus::rosenbrockGrad,
                        p(-1.2, 1), p(0.5, -0.3, 1.1, 0.9), p(1.5, 2, 2.5, 3, 0.2), p(1.1, 1.0, 0.8)),
                scalar("Arithmetic.rational", Arithmetic::rational, x -> {
                    double num = x[0] * x[1] - x[2] + 3;
                    double den = 1 + x[0] * x[0] + x[2] * x[2];
                    double d2 = den * den;
                    double q0 = (x[1] * den - num * 2 * x[0]) / d2;
                    double q1 = x[0] / den;
                    double q2 = (-den - num * 2 * x[2]) / d2;
                    return new double[] {-q0 + x[2], -q1 + 0.25, -q2 + x[0]};
                }, p(1, 2, 3), p(-0.5, 0.25, -1.5), p(2.5, -1, 0.3)),
                scalar("Arithmetic.remainder", Arithmetic::remainder,
                        x -> new double[] {1 + x[1] % x[2], x[0], -x[0] * (long) (x[1] / x[2])},
                        p(2.7, 7.3, 2.1), p(-4.1, -5.5, 1.7), p(0.4, 3.3, -1.25)).nonSmooth(),
                scalar("Arithmetic.truncations", Arithmetic::truncations, x -> {
                    int k = (int) x[0];
                    long m = (long) (x[1] * 4);
                    double w = Arithmetic.COEFF[(k % 3 + 3) % 3];
                    return new double[] {m, k, 2 * w * x[2]};
                }, p(2.3, 1.1, 0.6), p(-1.6, 0.7, -1.3), p(5.45, -2.3, 2)).nonSmooth(),
                scalar("Arithmetic.inactiveControl", Arithmetic::inactiveControl, x -> {
                    double[] g = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        g[i] = (i % 2 == 0 ? 0.5 : -Math.pow(3, i + 1)) / x.length;
                    }
                    return g;
                }, p(1, 2, 3, 4), p(-0.5, 0.25), p(2, -1, 0.5, 1.5, -2.5)),
                scalar("Arithmetic.differences", Arithmetic::differences, x -> {
                    int n = x.length;
                    double[] g = new double[n];
                    g[0] += x[n - 1];
                    g[n - 1] += x[0];
                    for (int i = 0; i + 1 < n; i++) {
                        double t = 2 * (x[i + 1] - x[i]) * (i + 1);
                        g[i + 1] += t;
                        g[i] -= t;
                    }
                    return g;
                }, p(1, 2, 4, 7), p(-0.5, 0.5, 0.25), p(3)),
                unary("Arithmetic.rationalUnary", Arithmetic::rationalUnary,
                        x -> 8 * x / ((x * x + 1) * (x * x + 1)) - 1.0 / 7, -1.5, 0.3, 2.2));
    }

    static double[] rosenbrockGrad(double[] x) {
        double[] g = new double[x.length];
        for (int i = 0; i + 1 < x.length; i++) {
            double a = x[i + 1] - x[i] * x[i];
            g[i] += -400 * x[i] * a - 2 * (1 - x[i]);
            g[i + 1] += 200 * a;
        }
        return g;
    }

    // ================================================================== Branches

    static List<CorpusCase> branches() {
        return List.of(
                scalar("Branches.ifElseChain", Branches::ifElseChain, x -> {
                    if (x[0] > x[1]) {
                        return new double[] {x[1], x[0], 1};
                    } else if (x[0] > 0) {
                        return new double[] {1 / x[1], -x[0] / (x[1] * x[1]), -2 * x[2]};
                    }
                    return new double[] {-2 * x[0] * x[2], 0, -x[0] * x[0]};
                }, p(3, 1, 2), p(0.5, 2, -1), p(-1.5, 0.5, 0.7)).nonSmooth(),
                scalar("Branches.ternaryMix", Branches::ternaryMix, x -> {
                    double a = x[0] < 1 ? x[0] * x[0] : 2 * x[0] - 1;
                    double da = x[0] < 1 ? 2 * x[0] : 2;
                    double b = x[1] > 2 ? Math.log(x[1]) : x[1] - 1;
                    double db = x[1] > 2 ? 1 / x[1] : 1;
                    boolean third = x[2] > a;
                    return new double[] {da * b + (third ? 0 : da), a * db, third ? 1 : 0};
                }, p(0.5, 3, 1), p(2, 1.5, -1), p(-0.7, 2.5, 0.2), p(1.5, 0.4, 4)).nonSmooth(),
                scalar("Branches.ternaryOnStack", Branches::ternaryOnStack, x -> {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        s += Math.abs(x[i]) * (i + 1.5);
                    }
                    double[] g = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        g[i] = 2 * s * Math.signum(x[i]) * (i + 1.5);
                    }
                    return g;
                }, p(1, -2, 0.5), p(-0.3, 0.7, -1.1, 2), p(2.5)).nonSmooth(),
                scalar("Branches.compoundConditions", Branches::compoundConditions, x -> {
                    boolean pos = x[0] > 0;
                    if (pos && x[1] < 1 || x[2] > 5) {
                        return new double[] {x[1] * x[2], x[0] * x[2], x[0] * x[1]};
                    }
                    if (!pos) {
                        return new double[] {Math.exp(x[0]), 1, 0};
                    }
                    return new double[] {1, x[2], x[1]};
                }, p(1, 0.5, 2), p(-1, 3, 6), p(-2, 3, 1), p(2, 3, 1)).nonSmooth(),
                scalar("Branches.denseSwitch", Branches::denseSwitch, Corpus::denseSwitchGrad,
                        p(0.5, 2, -1, 1.5, 0.3), p(1, -0.5, 0.25, 2, -1.5, 0.75), p(-2, 1.5, 3)),
                scalar("Branches.sparseSwitch", Branches::sparseSwitch, x -> switch ((int) x[0]) {
                    case -7 -> new double[] {0, 2 * x[1]};
                    case 3 -> new double[] {x[1], x[0]};
                    case 40 -> new double[] {0.5 / Math.sqrt(x[0]), 1};
                    case 95 -> new double[] {1, -1};
                    default -> {
                        double c = Math.cos(x[0] + x[1]);
                        yield new double[] {c, c};
                    }
                }, p(-7.5, 1.2), p(3.4, -0.8), p(40.5, 2), p(95.5, 3), p(12.3, 0.4)).nonSmooth(),
                scalar("Branches.median3", Branches::median3, x -> {
                    Integer[] idx = {0, 1, 2};
                    Arrays.sort(idx, (i, j) -> Double.compare(x[i], x[j]));
                    int mid = idx[1];
                    double[] g = new double[3];
                    g[mid] += 2 * x[mid];
                    g[0] += 1;
                    return g;
                }, p(1, 2, 3), p(3, 0.5, 2), p(0.2, -1, -3), p(-1, 4, 0.1)).nonSmooth(),
                unary("Branches.piecewise", Branches::piecewise, x -> {
                    if (x < -1) {
                        return -2 * x;
                    }
                    if (x < 2) {
                        return Math.cos(x) * x + Math.sin(x);
                    }
                    return Math.log(x) + 1;
                }, -2.5, 0.3, 1.7, 3.5).nonSmooth());
    }

    static double[] denseSwitchGrad(double[] x) {
        double s = 1;
        double[] ds = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            switch (i % 4) {
                case 0 -> {
                    ds[i] += 1;
                    s += x[i];
                }
                case 1 -> {
                    scale(ds, x[i]);
                    ds[i] += s;
                    s *= x[i];
                }
                case 2 -> {
                    ds[i] -= 2 * x[i];
                    s -= x[i] * x[i];
                }
                default -> {
                    double q = 1 + x[i] * x[i];
                    scale(ds, 1 / q);
                    ds[i] += -s * 2 * x[i] / (q * q);
                    s = s / q;
                }
            }
        }
        return ds;
    }

    private static void scale(double[] v, double c) {
        for (int i = 0; i < v.length; i++) {
            v[i] *= c;
        }
    }

    // ================================================================== Loops

    static List<CorpusCase> loops() {
        return List.of(
                scalar("Loops.whileGrowth", Loops::whileGrowth, x -> {
                    double c = x[0] * x[0];
                    double s = 1;
                    double ds = 0; // d s / d c
                    while (s < 10) {
                        ds = 1.5 * ds + 1;
                        s = s * 1.5 + c;
                    }
                    return new double[] {x[1] * ds * 2 * x[0], s};
                }, p(0.5, 2), p(2, -1), p(1.2, 0.7), p(-0.3, 3)).nonSmooth(),
                scalar("Loops.newtonSqrt", Loops::newtonSqrt, x -> {
                    double y = x[0];
                    double a = x[1];
                    double dy0 = 1;
                    double dy1 = 0;
                    for (int k = 0; k < 4; k++) {
                        double r = a / (y * y);
                        double ndy0 = 0.5 * (dy0 - r * dy0);
                        double ndy1 = 0.5 * (dy1 + 1 / y - r * dy1);
                        y = 0.5 * (y + a / y);
                        dy0 = ndy0;
                        dy1 = ndy1;
                    }
                    return new double[] {dy0, dy1};
                }, p(1, 2), p(3, 5), p(0.5, 10)),
                scalar("Loops.doWhileDecay", Loops::doWhileDecay, x -> {
                    double r = x[0] * x[0] + 10;
                    double dr0 = 2 * x[0];
                    double dr1 = 0;
                    int n = 0;
                    do {
                        r = r * 0.6 + x[1];
                        dr0 = 0.6 * dr0;
                        dr1 = 0.6 * dr1 + 1;
                        n++;
                    } while (r > 4 && n < 20);
                    return new double[] {n * dr0, n * dr1};
                }, p(1, 0.5), p(-2, 1.2), p(0.3, -2.5), p(0.5, 3)).nonSmooth(),
                scalar("Loops.sinProduct", Loops::sinProduct, x -> {
                    double[] g = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        double prod = Math.cos(x[i]);
                        for (int j = 0; j < x.length; j++) {
                            if (j != i) {
                                prod *= Math.sin(x[j]);
                            }
                        }
                        g[i] = prod;
                    }
                    return g;
                }, p(0.5, 1, 2), p(-1.2, 0.3, 2.5, 1.7), p(3)),
                scalar("Loops.nonlinearRecurrence", Loops::nonlinearRecurrence, x -> {
                    double s = 0.5;
                    double[] ds = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        scale(ds, x[i] - Math.sin(s));
                        ds[i] += s;
                        s = s * x[i] + Math.cos(s);
                    }
                    return ds;
                }, p(0.5, -1, 1.5), p(2, 0.3), p(-0.7, 0.9, 1.1, -0.4)),
                scalar("Loops.breakContinue", Loops::breakContinue, x -> {
                    double[] g = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        if (x[i] < 0) {
                            continue;
                        }
                        if (x[i] > 5) {
                            break;
                        }
                        g[i] = 2 * x[i] * (i + 1);
                    }
                    return g;
                }, p(1, -2, 3, 6, 2), p(0.5, 1.5, -0.5, 2.5), p(7, 1, 1)).nonSmooth(),
                scalar("Loops.labelledBreak", Loops::labelledBreak, x -> {
                    double[] g = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        for (int j = i; j < x.length; j++) {
                            if (x[i] * x[j] > 8) {
                                return g;
                            }
                            g[i] += x[j];
                            g[j] += x[i];
                        }
                    }
                    return g;
                }, p(1, 2, 3), p(0.5, -1, 2, 1.5), p(2.5, 1, 4)).nonSmooth(),
                scalar("Loops.quartileLookups", Loops::quartileLookups, x -> {
                    double total = 0;
                    for (double v : x) {
                        total += v * v;
                    }
                    double[] g = new double[x.length];
                    for (int q = 1; q <= 3; q++) {
                        double running = 0;
                        int i = 0;
                        while (i < x.length - 1 && (running += x[i] * x[i]) < total * q / 4) {
                            i++;
                        }
                        g[i] += q; // the bin chosen is locally constant
                    }
                    return g;
                }, p(1, 2, 3, 0.5), p(0.5, -1, 2, 1.5, 0.3), p(2.5, 1, 0.2), p(0.1, 0.2, 3)).nonSmooth(),
                scalar("Loops.interpolatedSum", Loops::interpolatedSum, y -> {
                    double[] weights = new double[y.length]; // s is linear in y: s = weights . y
                    for (double t : Loops.SAMPLES) {
                        for (int i = 0; i + 1 < Loops.KNOTS.length; i++) {
                            if (Loops.KNOTS[i] <= t && t <= Loops.KNOTS[i + 1]) {
                                double w = (t - Loops.KNOTS[i]) / (Loops.KNOTS[i + 1] - Loops.KNOTS[i]);
                                weights[i] += 1 - w;
                                weights[i + 1] += w;
                                break;
                            }
                        }
                    }
                    double s = 0;
                    for (int i = 0; i < y.length; i++) {
                        s += weights[i] * y[i];
                    }
                    double[] g = new double[y.length];
                    for (int i = 0; i < y.length; i++) {
                        g[i] = 2 * s * weights[i];
                    }
                    return g;
                }, p(1, 2, 3, 0.5, -1), p(0.5, -1, 2, 1.5, 0.3), p(2.5, 1, 0.2, 4, 1)),
                scalar("Loops.firstPairsAbove", Loops::firstPairsAbove, x -> {
                    double[] g = new double[x.length];
                    for (int t = 1; t <= 3; t++) {
                        search:
                        for (int i = 0; i < x.length; i++) {
                            for (int j = i + 1; j < x.length; j++) {
                                if (x[i] * x[j] > t) {
                                    g[i] += x[j] * t;
                                    g[j] += x[i] * t;
                                    break search;
                                }
                            }
                        }
                    }
                    return g;
                }, p(1.1, 2, 3), p(0.6, -1, 2, 1.7), p(2.5, 1, 0.3), p(0.9, 0.8, 1.7, 0.2)).nonSmooth(),
                scalar("Loops.earlyReturn", Loops::earlyReturn, x -> {
                    double s = 0;
                    double[] ds = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        s += Math.exp(x[i]);
                        ds[i] = Math.exp(x[i]);
                        if (s > 5) {
                            scale(ds, x[0]);
                            ds[0] += s;
                            return ds;
                        }
                    }
                    scale(ds, -1);
                    return ds;
                }, p(0.5, 1, 2, 0), p(-1, -2, 0.1), p(1.8, 0.3)).nonSmooth(),
                scalar("Loops.nestedWeighted", Loops::nestedWeighted, x -> {
                    double[] g = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        for (int j = 0; j <= i; j++) {
                            double w = Loops.W[(i + j) % Loops.W.length];
                            g[i] += w * x[j];
                            g[j] += w * x[i];
                        }
                    }
                    return g;
                }, p(1, 2, 3), p(-0.5, 1.5, 0.25, 2, -1), p(0.7)),
                scalar("Loops.weightedSines", Loops::weightedSines, x -> {
                    double[] g = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        g[i] = Loops.W[i % Loops.W.length] * Math.cos(x[i]);
                    }
                    return g;
                }, p(0.1, 0.2, 0.3), p(1, -2, 3, -4, 5, -6), p(2.5)),
                scalar("Loops.localTables", Loops::localTables, x -> {
                    double[] g = new double[x.length]; // elements past x[2] are not read
                    g[0] = 1.5 * x[2] + 2.25 * x[1];
                    g[1] = 2.25 * x[0] - 0.5 * x[2];
                    g[2] = 1.5 * x[0] - 0.5 * x[1];
                    return g;
                }, p(1, 2, 3), p(-0.5, 1.5, -2), p(0.3, -0.7, 1.1, 5)),
                scalar("Loops.logSumExp", Loops::logSumExp, x -> {
                    double m = Arrays.stream(x).max().getAsDouble();
                    double s = 0;
                    for (double v : x) {
                        s += Math.exp(v - m);
                    }
                    double[] g = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        g[i] = Math.exp(x[i] - m) / s;
                    }
                    return g;
                }, p(1, 2, 3), p(-0.5, 0.25, 4, -3), p(10, 9.5), p(0.3)),
                scalar("Loops.boundChangedInTheLoop", Loops::boundChangedInTheLoop, Loops::boundChangedInTheLoopGradient,
                        p(0.3, -1.2), p(1.1, 0.4, 0.7)),
                scalar("Loops.offsetFromAComputedStart", Loops::offsetFromAComputedStart,
                        Loops::offsetFromAComputedStartGradient, p(0.5, -1.2, 0.7, 2), p(1.5, 0.4, 0.7, -0.3)),
                scalar("Loops.truncatedTripCount", Loops::truncatedTripCount, x -> {
                    int n = (int) (x[0] * 3) + 2;
                    double d0 = 1;
                    double d1 = 0;
                    for (int k = 0; k < n; k++) {
                        d0 = 0.9 * d0;
                        d1 = 0.9 * d1 + k;
                    }
                    return new double[] {d0, d1};
                }, p(1.1, 0.5), p(0.2, -1), p(2.5, 0.3), p(-1.2, 2)).nonSmooth(),
                scalar("Loops.strideBackwards", Loops::strideBackwards, x -> {
                    double[] ds = new double[x.length];
                    for (int i = x.length - 1; i >= 0; i -= 2) {
                        scale(ds, 0.5);
                        ds[i] += 3 * x[i] * x[i];
                    }
                    return ds;
                }, p(1, 2, 3, 4, 5), p(-0.5, 1.5, 0.25, -2), p(1.3)),
                unary("Loops.horner", Loops::horner, Corpus::hornerDerivative, -1.3, 0.4, 2.1));
    }

    /** d/dx of sum C[i] x^(deg - i), term by term (not by Horner). */
    static double hornerDerivative(double x) {
        double[] c = Loops.C;
        int deg = c.length - 1;
        double d = 0;
        for (int i = 0; i < deg; i++) {
            int e = deg - i;
            d += c[i] * e * Math.pow(x, e - 1);
        }
        return d;
    }

    // ================================================================== Calls

    static List<CorpusCase> calls() {
        return List.of(
                scalar("Calls.sameClassCalls", Calls::sameClassCalls, x -> {
                    double t = 0;
                    for (int i = 1; i < x.length; i++) {
                        t += x[i] * i;
                    }
                    double pow3 = x[0] * x[0] * x[0];
                    double[] g = new double[x.length];
                    g[0] = 2 * (x[0] - x[1]) + t * 3 * x[0] * x[0];
                    g[1] = -2 * (x[0] - x[1]);
                    for (int i = 1; i < x.length; i++) {
                        g[i] += i * pow3;
                    }
                    for (int i = 0; i < x.length; i++) {
                        g[i] += 3 * x[i] * x[i];
                    }
                    return g;
                }, p(1, 2, 3), p(-0.5, 0.7, 1.3, -2), p(1.5, -1)),
                scalar("Calls.crossClass", Calls::crossClass, x -> {
                    double s = 0;
                    for (double v : x) {
                        s += v * v;
                    }
                    double gauss = Math.exp(-0.5 * x[0] * x[0]);
                    double[] g = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        g[i] = 2 * x[i] * gauss;
                    }
                    g[0] += s * gauss * -x[0];
                    g[1] += hornerDerivative(x[1]);
                    return g;
                }, p(0.5, 1, 1.5), p(-1.2, 0.3), p(2, -0.8, 0.4, 1.1)),
                scalar("Calls.calleeInLoop", Calls::calleeInLoop, x -> {
                    double[] g = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        int k = i % 3;
                        double d = x[i] - i;
                        g[i] = 2 * d * Math.pow(x[i], k) + (k == 0 ? 0 : d * d * k * Math.pow(x[i], k - 1));
                    }
                    return g;
                }, p(0.5, 2, -1, 3.5), p(1.5, -0.5, 2.2), p(-0.3)),
                scalar("Calls.recursivePower", Calls::recursivePower, x -> {
                    int n = (int) x[2];
                    return new double[] {5 * Math.pow(x[0], 4), n == 0 ? 0 : -2 * n * Math.pow(x[1], n - 1),
                        helperDerivative(x[2], 3)};
                }, p(1.1, 0.9, 2.5), p(-0.8, 1.3, 3.7), p(0.6, -1.4, 1.3)).nonSmooth(),
                scalar("Calls.mutualRecursion", Calls::mutualRecursion,
                        x -> new double[] {evenDerivative(x[0], 4) * x[1], evenValue(x[0], 4)},
                        p(0.3, 2), p(-1.2, 0.5), p(1.7, -1)),
                unary("Calls.unaryViaCalls", Calls::unaryViaCalls, x -> {
                    double gauss = Math.exp(-0.5 * x * x);
                    return 2 * Math.sin(x) * Math.cos(x) + helperDerivative(x, 2) + 2 * x * gauss - x * x * x * gauss;
                }, -0.9, 0.4, 1.6));
    }

    /** helper(v, n) = n == 0 ? v : sin(v) * helper(v / 2, n - 1), written again. */
    static double helperValue(double v, int n) {
        return n == 0 ? v : Math.sin(v) * helperValue(v * 0.5, n - 1);
    }

    /** d helper(v, n) / dv by the product and chain rules. */
    static double helperDerivative(double v, int n) {
        if (n == 0) {
            return 1;
        }
        return Math.cos(v) * helperValue(v * 0.5, n - 1) + Math.sin(v) * 0.5 * helperDerivative(v * 0.5, n - 1);
    }

    static double evenValue(double v, int n) {
        return n == 0 ? v : oddValue(v * 0.5, n - 1) + v * v;
    }

    static double oddValue(double v, int n) {
        return n == 0 ? -v : Math.cos(evenValue(v + 1, n - 1));
    }

    static double evenDerivative(double v, int n) {
        return n == 0 ? 1 : 0.5 * oddDerivative(v * 0.5, n - 1) + 2 * v;
    }

    static double oddDerivative(double v, int n) {
        return n == 0 ? -1 : -Math.sin(evenValue(v + 1, n - 1)) * evenDerivative(v + 1, n - 1);
    }

    // ================================================================== MathFunctions

    static List<CorpusCase> mathFunctions() {
        return List.of(
                unary("MathFunctions.gaussian", MathFunctions::gaussian, x -> -x * Math.exp(-0.5 * x * x), -1.1, 0.3, 2),
                scalar("MathFunctions.trig", MathFunctions::trig, x -> {
                    double c2 = Math.cos(x[2]);
                    return new double[] {Math.cos(x[0]) * Math.cos(x[1]), -Math.sin(x[0]) * Math.sin(x[1]), 1 / (c2 * c2)};
                }, p(0.3, -0.7, 1.2), p(2, 1, -0.5), p(-1, 2.5, 0.1)),
                scalar("MathFunctions.inverseTrig", MathFunctions::inverseTrig, x -> {
                    double r2 = x[0] * x[0] + x[2] * x[2];
                    return new double[] {
                        Math.acos(x[1]) / Math.sqrt(1 - x[0] * x[0]) + x[2] / r2,
                        -Math.asin(x[0]) / Math.sqrt(1 - x[1] * x[1]),
                        1 / (1 + x[2] * x[2]) - x[0] / r2};
                }, p(0.3, -0.4, 1.5), p(-0.6, 0.2, -0.8), p(0.85, 0.7, 2)),
                scalar("MathFunctions.hyperbolic", MathFunctions::hyperbolic, x -> {
                    double t = Math.tanh(x[0] * x[1]);
                    double dt = 1 - t * t;
                    return new double[] {
                        Math.cosh(x[0]) * Math.cosh(x[1]) + x[1] * dt,
                        Math.sinh(x[0]) * Math.sinh(x[1]) + x[0] * dt};
                }, p(0.5, -0.3), p(-1.2, 0.8), p(2, 1.5)),
                scalar("MathFunctions.expLog", MathFunctions::expLog, x -> {
                    double q = 1 + x[1] * x[2];
                    return new double[] {
                        Math.exp(x[0]) * Math.expm1(x[1]) - 2 * x[0] / ((x[0] * x[0] + 1) * LN10),
                        Math.exp(x[0]) * Math.exp(x[1]) + x[2] / q,
                        1 / x[2] + x[1] / q};
                }, p(0.4, -0.2, 1.5), p(-1, 0.8, 0.3), p(1.2, 1.1, 2.5)),
                scalar("MathFunctions.roots", MathFunctions::roots, x -> {
                    double h = Math.hypot(x[1], x[2]);
                    double c = Math.cbrt(x[1]);
                    return new double[] {
                        c / (2 * Math.sqrt(x[0])),
                        Math.sqrt(x[0]) / (3 * c * c) + x[1] / h,
                        x[2] / h};
                }, p(2, 1.5, -0.7), p(0.3, -2, 1), p(4.5, 0.4, 0.9)),
                scalar("MathFunctions.powers", MathFunctions::powers, x -> new double[] {
                    x[1] * Math.pow(x[0], x[1] - 1) + 3 * x[0] * x[0],
                    Math.pow(x[0], x[1]) * Math.log(x[0]) + Math.pow(2, x[1]) * Math.log(2),
                    -1.5 * Math.pow(x[2], -2.5)},
                        p(1.5, 2.3, 0.8), p(0.7, -1.2, 2), p(3, 0.5, 1.1)),
                scalar("MathFunctions.absMinMax", MathFunctions::absMinMax, x -> {
                    double sign = x[0] - x[1] < 0 ? -1 : 1;
                    boolean minFirst = x[0] <= x[2];
                    boolean maxFirst = x[1] >= x[2] * x[2];
                    double mn = Math.min(x[0], x[2]);
                    double mx = Math.max(x[1], x[2] * x[2]);
                    return new double[] {
                        sign + (minFirst ? mx : 0),
                        -sign + (maxFirst ? mn : 0),
                        (minFirst ? 0 : mx) + (maxFirst ? 0 : mn * 2 * x[2])};
                }, p(2, 0.5, 1), p(-1, 0.3, 0.5), p(0.4, 3, -1.5)).nonSmooth(),
                scalar("MathFunctions.rounding", MathFunctions::rounding, x -> new double[] {
                    Math.ceil(x[1]), Math.floor(x[0]), Math.rint(x[2]) + 2 * Math.signum(x[1]) * x[2]},
                        p(1.4, 0.6, 1.2), p(-0.6, -1.7, -0.3), p(2.1, 2.3, 2.8)).nonSmooth(),
                scalar("MathFunctions.copySignFma", MathFunctions::copySignFma, x -> new double[] {
                    Math.signum(x[0]) * Math.signum(x[1]) * x[2] + x[1],
                    x[0],
                    Math.copySign(x[0], x[1]) + 1 - 2 * x[2]},
                        p(1.5, -0.5, 2), p(-0.7, -1.2, 0.3), p(2, 3, -1)).nonSmooth(),
                scalar("MathFunctions.degrees", MathFunctions::degrees, x -> new double[] {
                    DEG * Math.toDegrees(x[1]),
                    Math.toRadians(x[0]) / DEG,
                    Math.cos(Math.toRadians(x[2])) * DEG},
                        p(30, 1.2, 45), p(-90, -0.5, 200), p(1, 2, -10)),
                scalar("MathFunctions.strictMath", MathFunctions::strictMath, x -> {
                    double e = Math.exp(x[0] * x[1]);
                    return new double[] {
                        Math.cos(x[0]) * Math.exp(x[1]) + x[1] * e,
                        Math.sin(x[0]) * Math.exp(x[1]) + x[0] * e};
                }, p(0.5, 0.2), p(-1.3, 1.1), p(2.2, -0.6)),
                scalar("MathFunctions.neighbourhood", MathFunctions::neighbourhood, x -> {
                    double n = Math.rint(5 * x[0] / x[1]), r = 5 * x[0] - n * x[1];
                    return new double[] {
                        8 * x[1] + 10 * r + Math.ulp(x[1]) * 1e12 + x[1],
                        8 * x[0] - 2 * r * n + 1 + x[0],
                        2 * x[2] + Math.getExponent(x[2])};
                }, p(0.33, 1.3, 1.7), p(-0.71, 0.45, 3.3), p(1.9, -2.6, 0.3)).nonSmooth(),
                scalar("MathFunctions.neighbourhoodFloat", MathFunctions::neighbourhoodFloat, x -> new double[] {
                    x[1] / 4 + Math.ulp((float) x[1]) * 1e5 + x[1],
                    x[0] / 4 + x[0] + 1,
                    2 * x[2] + Math.getExponent((float) x[2])},
                        p(0.33, 1.3, 1.7), p(-0.71, 0.45, 3.3), p(1.9, -2.6, 0.3)).nonSmooth().singlePrecision(),
                unary("MathFunctions.sinc", MathFunctions::sinc, x -> (x * Math.cos(x) - Math.sin(x)) / (x * x), -2, 0.5, 3.7),
                unary("MathFunctions.kinkUnary", MathFunctions::kinkUnary, x -> (x - 1 < 0 ? -1 : 1) * x + Math.abs(x - 1)
                        + (x >= 0.5 ? 1 : 0) - (x * x <= 2 ? 2 * x : 0), -1.3, 0.2, 0.8, 2.4).nonSmooth(),
                unary("MathFunctions.atanLogistic", MathFunctions::atanLogistic, x -> {
                    double e = Math.exp(-x);
                    return 1 / (1 + x * x) + e / ((1 + e) * (1 + e));
                }, -2, 0.1, 3));
    }

    // ================================================================== the specification's example

    static List<CorpusCase> specExample() {
        return List.of(scalar("SpecExample.f", SpecExample::f, Corpus::specExampleGrad,
                p(1.2, 0.8, 1.5), p(0.1, 200, 0), p(-0.5, 0.3, -1, 2), p(0.7)).nonSmooth());
    }

    static double[] specExampleGrad(double[] x) {
        double[] g = new double[x.length];
        double s = 0;
        for (int i = 0; i + 1 < x.length; i++) {
            double a = x[i + 1] - x[i] * x[i];
            double dTerm = a > 0 ? 200 * a : Math.exp(a) - 1; // d term / d a
            s += a > 0 ? 100 * a * a : Math.exp(a) - 1 - a;
            g[i + 1] += dTerm;
            g[i] += dTerm * -2 * x[i];
            if (s > 1e6) {
                return g;
            }
        }
        g[0] += helperDerivative(x[0], x.length);
        return g;
    }

    // ================================================================== Arrays returned by callees

    static List<CorpusCase> returnedArrays() {
        return List.of(
                scalar("ReturnedArrays.layerNorm", ReturnedArrays::layerNorm, x -> {
                    double[] g = new double[x.length];
                    for (double[] w : ReturnedArrays.W) {
                        double s = 0;
                        for (int j = 0; j < x.length; j++) {
                            s += w[j] * x[j];
                        }
                        double h = Math.tanh(s);
                        for (int j = 0; j < x.length; j++) {
                            g[j] += 2 * h * (1 - h * h) * w[j];
                        }
                    }
                    return g;
                }, p(0.3, -0.7, 1.1, 0.4), p(-1.2, 0.5, 0.25, 2.0)),
                scalar("ReturnedArrays.returnsItsArgument", ReturnedArrays::returnsItsArgument,
                        x -> new double[] {2 * x[0] * x[1] * x[2], x[0] * x[0] * x[2], x[0] * x[0] * x[1], 0},
                        p(0.3, -0.7, 1.1, 0.4), p(1.5, 2.0, -0.5, 3.0)),
                scalar("ReturnedArrays.writesThroughReturnedRow", ReturnedArrays::writesThroughReturnedRow,
                        x -> new double[] {6 * x[0], 1, 0}, p(0.3, -0.7, 1.1), p(-2.0, 0.5, 4.0)),
                scalar("ReturnedArrays.iteratedSteps", ReturnedArrays::iteratedSteps, x -> {
                    double[] g = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        double y = x[i];
                        double d = 1;
                        for (int k = 0; k < 5; k++) {
                            d *= 0.5 + Math.cos(y);
                            y = 0.5 * y + Math.sin(y);
                        }
                        g[i] = d;
                    }
                    return g;
                }, p(0.3, -0.7, 1.1), p(2.0, -1.5)));
    }

    // ================================================================== @AdjointOf rules for a library

    static CorpusCase customRules() {
        return scalar("CustomRules.libraryCalls", CustomRules::libraryCalls, x -> {
            double a = x[0];
            double b = 2 * x[1];
            double c = x[2] * x[0];
            double r = Math.sqrt(a * a + b * b + c * c);
            double m = Double.NEGATIVE_INFINITY;
            for (double v : x) {
                m = Math.max(m, 3 * v);
            }
            double s = 0;
            for (double v : x) {
                s += Math.exp(3 * v - m);
            }
            double lse = m + Math.log(s);
            double[] g = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                g[i] = 3 * Math.exp(3 * x[i] - lse);
            }
            g[0] += (a + c * x[2]) / r;
            g[1] += 2 * b / r;
            g[2] += c * x[0] / r;
            return g;
        }, p(0.3, -1.2, 2.0), p(1.5, 0.25, -0.75, 4.0));
    }

    /** softplus_4(x_i x_{i+1} - 1) (i + 1) summed: its derivative is the logistic function's, by the rule. */
    static CorpusCase instanceRule() {
        return scalar("CustomRules.smoothHinge", CustomRules::smoothHinge, x -> {
            double[] g = new double[x.length];
            for (int i = 0; i + 1 < x.length; i++) {
                double sigma = (i + 1) / (1 + Math.exp(-4 * (x[i] * x[i + 1] - 1)));
                g[i] += sigma * x[i + 1];
                g[i + 1] += sigma * x[i];
            }
            return g;
        }, p(0.3, -1.2, 2.0), p(1.5, 0.25, -0.75, 1.1));
    }

    // ================================================================== instance methods

    static CorpusCase instanceMethods() {
        double scale = 1.5;
        double[] w = {0.5, -2.0, 1.25};
        InstanceModel model = new InstanceModel(scale, w);
        return scalar("InstanceModel.loss", model::loss, x -> {
            double s = 0;
            for (int i = 0; i < x.length; i++) {
                s += w[i % w.length] * x[i] * x[i] + scale * Math.sin(x[i]);
            }
            double a = scale * x[0] + 1;
            double[] g = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                g[i] = (2 * w[i % w.length] * x[i] + scale * Math.cos(x[i])) * a;
            }
            g[0] += s * scale;
            return g;
        }, p(0.3, -1.2, 2.0, 0.7), p(1.1, 0.4));
    }

    // ================================================================== copies of constant tables

    static List<CorpusCase> copiesOfConstants() {
        double[] t = CopiesOfConstants.TABLE;
        return List.of(
                scalar("CopiesOfConstants.cloneOfTable", CopiesOfConstants::cloneOfTable, x -> {
                    double[] g = new double[x.length];
                    for (int i = 0; i < t.length; i++) {
                        g[i] = 2 * t[i] * x[i];
                    }
                    return g;
                }, p(0.3, -1.2, 2.0, 0.7), p(1.1, 0.4, -0.5, 2.5)),
                scalar("CopiesOfConstants.rangeOfTable", CopiesOfConstants::rangeOfTable,
                        x -> new double[] {t[2], t[1] * t[2]}, p(0.3, -1.2), p(2.0, 0.5)));
    }

    // ================================================================== temporaries the primal optimisations rewrite, or must not

    static List<CorpusCase> temporaries() {
        return List.of(
                scalar("Temporaries.fixedLengthState", Temporaries::fixedLengthState,
                        Temporaries::fixedLengthStateGradient, p(0.3, -1.2, 2.0), p(1.1, 0.4, -0.5)),
                scalar("Temporaries.refilledTemporary", Temporaries::refilledTemporary,
                        Temporaries::refilledTemporaryGradient, p(0.3, -1.2, 2.0, 0.7), p(1.1, 0.4, -0.5)),
                scalar("Temporaries.temporaryWrittenBetween", Temporaries::temporaryWrittenBetween, x -> {
                    double[] g = new double[x.length];
                    for (int a = 0; a < x.length; a++) {
                        g[a] = (a == 0 ? 36 : 4) * (x[a] + 1);
                    }
                    return g;
                }, p(0.3, -1.2, 2.0), p(1.1, 0.4)),
                scalar("Temporaries.sourceWrittenBetween", Temporaries::sourceWrittenBetween, x -> {
                    double[] g = new double[x.length];
                    for (int a = 0; a < x.length; a++) {
                        g[a] = 8 * x[a] + (a == 0 ? 2 : 0);
                    }
                    return g;
                }, p(0.3, -1.2, 2.0), p(1.1, 0.4)),
                scalar("Temporaries.fillingLoopBreaks", Temporaries::fillingLoopBreaks, x -> {
                    double[] g = new double[x.length];
                    g[0] = 6 * x[0];
                    g[1] = 4 * x[1];
                    g[2] = 2 * x[2];
                    return g;
                }, p(0.3, -1.2, 2.0, 0.7), p(1.1, 0.4, -0.5, 0.9, 1.3)),
                scalar("Temporaries.forwardedAway", Temporaries::forwardedAway, x -> {
                    double[] g = new double[x.length];
                    for (int a = 0; a < x.length; a++) {
                        for (int j = 0; j < 3; j++) {
                            g[a] += 2 * (a + 1) * (x[a] - j);
                        }
                    }
                    return g;
                }, p(0.3, -1.2, 2.0), p(1.1, 0.4)),
                scalar("Temporaries.fillReadsItself", Temporaries::fillReadsItself, x -> {
                    double[] g = new double[x.length];
                    for (int a = 0; a < x.length; a++) {
                        g[a] = 8.5 * x[a];
                    }
                    return g;
                }, p(0.3, -1.2, 2.0), p(1.1, 0.4)),
                scalar("Temporaries.fillInsideTheReadingLoop", Temporaries::fillInsideTheReadingLoop, x -> {
                    double[] g = new double[x.length];
                    for (int b = 0; b < x.length; b++) {
                        g[b] = 2 * (b + 1) * x[b];
                    }
                    return g;
                }, p(0.3, -1.2, 2.0), p(1.1, 0.4)),
                scalar("Temporaries.refilledFloatTemporary", Temporaries::refilledFloatTemporary, x -> {
                    double[] g = new double[x.length];
                    for (int a = 0; a < x.length; a++) {
                        for (int j = 0; j < 3; j++) {
                            g[a] += 2 * (j + 1) * (x[a] - 0.5 * j);
                        }
                    }
                    return g;
                }, p(0.3, -1.2, 2.0), p(1.1, 0.4)).singlePrecision(),
                scalar("Temporaries.temporaryPerIteration", Temporaries::temporaryPerIteration, x -> {
                    double[] g = new double[x.length];
                    for (int a = 0; a < x.length; a++) {
                        g[a] = 2 * x[a] + 2 * (x[a] + 1);
                    }
                    return g;
                }, p(0.3, -1.2, 2.0), p(1.1, 0.4)),
                scalar("Temporaries.allocatedWhereWritten", Temporaries::allocatedWhereWritten, x -> {
                    double[] g = new double[x.length];
                    for (int a = 0; a < x.length; a++) {
                        g[a] = 2 * x[a];
                    }
                    return g;
                }, p(0.3, -1.2, 2.0), p(1.1, 0.4)),
                scalar("Temporaries.sourceWrittenInTheReadingLoop", Temporaries::sourceWrittenInTheReadingLoop, x -> {
                    double[] g = new double[x.length];
                    for (int a = 0; a < x.length; a++) {
                        g[a] = 4 * x[a];
                    }
                    return g;
                }, p(0.3, -1.2, 2.0), p(1.1, 0.4)),
                scalar("FusedLoops.lowerTriangleThenNorm", FusedLoops::lowerTriangleThenNorm,
                        x -> FusedLoops.normGradient(x, true), p(0.3, -1.2, 2.0), p(1.1, 0.4, -0.5, 0.9)),
                scalar("FusedLoops.upperTriangleThenNorm", FusedLoops::upperTriangleThenNorm,
                        x -> FusedLoops.normGradient(x, false), p(0.3, -1.2, 2.0), p(1.1, 0.4, -0.5, 0.9)),
                scalar("FusedLoops.readsWhatWasWritten", FusedLoops::readsWhatWasWritten,
                        FusedLoops::readsWhatWasWrittenGradient, p(0.3, -1.2, 2.0), p(1.1, 0.4, -0.5, 0.9)),
                scalar("FusedLoops.readsAheadOfTheWrites", FusedLoops::readsAheadOfTheWrites,
                        FusedLoops::readsAheadOfTheWritesGradient, p(0.3, -1.2, 2.0), p(1.1, 0.4, -0.5, 0.9)),
                scalar("Increments.increments", Increments::increments, Increments::incrementsGradient,
                        p(0.3, -1.2, 2.0), p(1.1, 0.4), p(0.7, -0.2, 0.5, 1.3)),
                scalar("Temporaries.differencesThenScaled", Temporaries::differencesThenScaled,
                        x -> Temporaries.scaledDifferencesGradient(x, 0, x.length / 2, false), p(0.3, -1.2, 2.0, 0.7),
                        p(1.1, 0.4, -0.5, 0.9, 1.3)),
                scalar("Temporaries.differencesWithAStoreBetween", Temporaries::differencesWithAStoreBetween,
                        x -> Temporaries.scaledDifferencesGradient(x, 0, x.length / 2, true), p(0.3, -1.2, 2.0, 0.7),
                        p(1.1, 0.4, -0.5, 0.9, 1.3, -0.2)),
                scalar("Temporaries.differencesOfACount", Temporaries::differencesOfACount,
                        x -> Temporaries.scaledDifferencesGradient(x, 1, (int) x[0], false), p(2.5, 0.3, -1.2, 2.0, 0.7),
                        p(1.5, 1.1, 0.4, -0.5)),
                scalar("Temporaries.unreadButMayThrow", Temporaries::unreadButMayThrow,
                        x -> new double[] {2 * x[0], 0}, p(0.3, -1.2), p(1.1, 0.4)),
                scalar("Temporaries.reloadAfterStore", Temporaries::reloadAfterStore,
                        x -> new double[] {2 * x[0] * x[1], x[0] * x[0]}, p(0.3, -1.2), p(1.1, 0.4)),
                scalar("Temporaries.reloadAfterCall", Temporaries::reloadAfterCall,
                        x -> new double[] {2 * x[1], 2 * x[0] + 2 * x[1]}, p(0.3, -1.2), p(1.1, 0.4)),
                scalar("LogSumExps.shiftUsedAgain", LogSumExps::shiftUsedAgain, LogSumExps::shiftUsedAgainGradient,
                        p(0.3, -1.2, 2.0), p(1.1, 0.4, -0.3, 0.9)),
                scalar("LogSumExps.sumFromOne", LogSumExps::sumFromOne, LogSumExps::sumFromOneGradient,
                        p(0.3, -1.2, 2.0), p(1.1, 0.4, -0.3, 0.9)),
                scalar("LogSumExps.logUsedAgain", LogSumExps::logUsedAgain, LogSumExps::logUsedAgainGradient,
                        p(0.3, -1.2, 2.0), p(1.1, 0.4, -0.3, 0.9)),
                scalar("LogSumExps.sumUsedAgain", LogSumExps::sumUsedAgain, LogSumExps::sumUsedAgainGradient,
                        p(0.3, -1.2, 2.0), p(1.1, 0.4, -0.3, 0.9)),
                scalar("LogSumExps.shiftPerTerm", LogSumExps::shiftPerTerm, LogSumExps::shiftPerTermGradient,
                        p(0.3, -1.2, 2.0), p(1.1, 0.4, -0.3, 0.9)),
                scalar("Iterations.pointTerms", Iterations::pointTerms, Iterations::pointTermsGradient,
                        p(0.3, -1.2), p(1.1, 0.4), p(-0.6, 0.8)),
                scalar("Iterations.pointTermsByLength", Iterations::pointTermsByLength, Iterations::pointTermsGradient,
                        p(0.3, -1.2), p(1.1, 0.4), p(-0.6, 0.8)),
                scalar("Iterations.pointsPassedIn", Iterations::pointsPassedIn, Iterations::pointTermsGradient,
                        p(0.3, -1.2), p(1.1, 0.4), p(-0.6, 0.8)),
                scalar("Iterations.scalarParameters", Iterations::scalarParameters,
                        Iterations::scalarParametersGradient, p(0.3, -1.2), p(1.1, 0.4), p(-0.6, 0.8)),
                scalar("Iterations.scratchPerIteration", Iterations::scratchPerIteration,
                        Iterations::scratchPerIterationGradient, p(0.3, -1.2), p(1.1, 0.4), p(-0.6, 0.8)),
                scalar("Iterations.negatedTwice", Iterations::negatedTwice, Iterations::negatedTwiceGradient,
                        p(0.3, -1.2), p(1.1, 0.4), p(-0.6, 0.8)),
                scalar("Iterations.carriedScratch", Iterations::carriedScratch, Iterations::carriedScratchGradient,
                        p(0.3, -1.2), p(1.1, 0.4), p(-0.6, 0.8)),
                scalar("Iterations.writtenAfterTheLoop", Iterations::writtenAfterTheLoop,
                        Iterations::writtenAfterTheLoopGradient, p(0.3, -1.2), p(1.1, 0.4), p(-0.6, 0.8)),
                scalar("Iterations.scaledSum", Iterations::scaledSum, Iterations::scaledSumGradient,
                        p(0.3, -1.2), p(1.1, 0.4), p(-0.6, 0.8)),
                scalar("Iterations.meanOverPoints", Iterations::meanOverPoints, Iterations::meanOverPointsGradient,
                        p(0.3, -1.2), p(1.1, 0.4), p(-0.6, 0.8)),
                scalar("Iterations.scaledByAWeight", Iterations::scaledByAWeight, Iterations::scaledByAWeightGradient,
                        p(0.3, -1.2), p(1.1, 0.4), p(-0.6, 0.8)),
                scalar("Iterations.scaledByALaterValue", Iterations::scaledByALaterValue,
                        Iterations::scaledByAWeightGradient, p(0.3, -1.2), p(1.1, 0.4), p(-0.6, 0.8)),
                scalar("Iterations.twoSums", Iterations::twoSums, Iterations::twoSumsGradient,
                        p(0.3, -1.2), p(1.1, 0.4), p(-0.6, 0.8)));
    }

    static List<CorpusCase> dataModels() {
        DataModel model = new DataModel(new double[] {0.5, -1.5, 2.0, 0.25}, 0.3);
        return List.of(
                scalar("DataModel.loss", model::loss, model::lossGradient, p(0.3, -1.2), p(1.1, 0.4)),
                scalar("DataModel.shiftedHalfLoss", model::shiftedHalfLoss, w -> {
                    double[] g = model.lossGradient(w);
                    return new double[] {0.5 * g[0] + 1, 0.5 * g[1]};
                }, p(0.3, -1.2), p(1.1, 0.4)),
                scalar("DataModel.scratchLoss", model::scratchLoss, w -> {
                    double[] g = model.lossGradient(w); // f without the lambda term
                    return new double[] {g[0] - 2 * 0.3 * w[0], g[1] - 2 * 0.3 * w[1]};
                }, p(0.3, -1.2), p(1.1, 0.4)),
                scalar("DataModel.runningMeanLoss", model::runningMeanLoss, model::runningMeanLossGradient,
                        p(0.3, -1.2), p(1.1, 0.4)),
                scalar("DataModel.rowsLoss", model::rowsLoss, model::rowsLossGradient, p(0.3, -1.2, 0.5),
                        p(1.1, 0.4, -0.7)));
    }

    // ================================================================== calls reading arrays written around them

    static List<CorpusCase> callsAndWrites() {
        return List.of(
                scalar("HugeBodies.unrolled", HugeBodies::unrolled, null, p(0.3, -0.5, 0.8), p(-1.1, 0.4, 0.2)),
                scalar("HugeBodies.sumOfUnrolled", HugeBodies::sumOfUnrolled, null, p(0.3, -0.5, 0.8), p(-1.1, 0.4, 0.2)),
                scalar("HugeBodies.picture", HugeBodies::picture, null, p(0.1, 0.45, 0.8, 0.3), p(0.7, 0.2, 0.35, -0.4)),
                scalar("LongLoops.triangularProducts", LongLoops::triangularProducts, null, p(0.3, -1.2, 2.0, 0.7),
                        p(1.5, 0.25, -0.5, 1.0)),
                scalar("LongLoops.raggedRows", LongLoops::raggedRows, null, p(0.3, -1.2, 2.0, 0.7),
                        p(1.5, 0.25, -0.5, 1.0)),
                scalar("RunningIndices.packedQuadraticForm", RunningIndices::packedQuadraticForm, null,
                        p(0.3, -1.2, 2.0, 0.7), p(1.5, 0.25, -0.5)),
                scalar("RunningIndices.rowsUntilStorageEnds", RunningIndices::rowsUntilStorageEnds, null,
                        p(0.3, -1.2, 2.0, 0.7), p(1.5, 0.25, -0.5)),
                scalar("RunningIndices.everyOtherElement", RunningIndices::everyOtherElement, null,
                        p(0.3, -1.2, 2.0, 0.7), p(1.5, 0.25, -0.5)),
                scalar("RunningIndices.blocksWeightedByTheirFirst", RunningIndices::blocksWeightedByTheirFirst, null,
                        p(0.3, -1.2, 2.0, 0.7), p(1.5, 0.25, -0.5)),
                scalar("RunningIndices.rowsGivenByTheirEnds", RunningIndices::rowsGivenByTheirEnds, null,
                        p(0.3, -1.2, 2.0, 0.7), p(1.5, 0.25, -0.5)),
                scalar("SideOutputs.readsTheSideOutput", SideOutputs::readsTheSideOutput,
                        x -> new double[] {2 * x[1] + 2 * x[0] * x[1], 2 * x[0] + x[0] * x[0]},
                        p(0.7, -1.3), p(-2.0, 0.4), p(1.5, 2.5)),
                scalar("CallsAndWrites.writtenAfterTheCall", CallsAndWrites::writtenAfterTheCall, x -> {
                    // forward mode by hand: a and its derivative da/dx_j, for each j
                    int n = x.length;
                    double[] g = new double[n];
                    for (int j = 0; j < n; j++) {
                        double[] a = x.clone();
                        double[] da = new double[n];
                        da[j] = 1;
                        for (int k = 0; k < 3; k++) {
                            for (int i = 0; i < n; i++) {
                                g[j] += 2 * a[i] * da[i];
                            }
                            a[0] = 2 * a[0] + a[1];
                            da[0] = 2 * da[0] + da[1];
                        }
                    }
                    return g;
                }, p(0.3, -1.2, 2.0), p(1.1, 0.4)),
                scalar("CallsAndWrites.writtenOnlyBefore", CallsAndWrites::writtenOnlyBefore, x -> {
                    double[] g = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        g[i] = 6 * 2 * (i + 1) * (i + 1) * x[i];
                    }
                    return g;
                }, p(0.3, -1.2, 2.0), p(1.1, 0.4)));
    }

    // ================================================================== time loops, checkpointed and not

    static List<CorpusCase> simulations() {
        double[] oscillatorA = p(1.0, 0.0, 4.0, 0.3);
        double[] oscillatorB = p(0.5, -0.8, 2.5, 0.1);
        double[] duffingA = p(0.5, 0.0, 0.2, 1.0, 0.5, 0.4);
        double[] duffingB = p(-0.3, 0.6, 0.1, 0.8, 0.3, 0.7);
        double[] chainA = p(3.0, 2.0, 4.0);
        double[] chainB = p(1.5, 2.5, 1.0, 3.5);
        double[] heatA = p(0.0, 1.0, 0.5, -0.3, 0.8, 0.0);
        double[] heatB = p(0.2, -0.4, 0.9, 0.1, 0.3);
        double[] kickedA = p(1.0, 0.2, 0.3);
        double[] kickedB = p(-0.5, 0.7, 0.15);
        return List.of(
                scalar("Simulations.oscillatorEnergy", Simulations::oscillatorEnergy,
                        x -> Simulations.oscillatorGradient(x, Simulations.steps), oscillatorA, oscillatorB),
                scalar("Simulations.oscillatorEnergyCheckpointed", Simulations::oscillatorEnergyCheckpointed,
                        x -> Simulations.oscillatorGradient(x, Simulations.steps), oscillatorA, oscillatorB),
                scalar("Simulations.duffingEnd", Simulations::duffingEnd, null, duffingA, duffingB),
                scalar("Simulations.duffingEndCheckpointed", Simulations::duffingEndCheckpointed, null, duffingA, duffingB),
                scalar("Simulations.chainEnd", Simulations::chainEnd, x -> Simulations.chainGradient(x, Simulations.steps),
                        chainA, chainB),
                scalar("Simulations.chainEndCheckpointed", Simulations::chainEndCheckpointed,
                        x -> Simulations.chainGradient(x, Simulations.steps), chainA, chainB),
                scalar("Simulations.heatEnd", Simulations::heatEnd, x -> Simulations.heatGradient(x, Simulations.steps),
                        heatA, heatB),
                scalar("Simulations.heatEndCheckpointed", Simulations::heatEndCheckpointed,
                        x -> Simulations.heatGradient(x, Simulations.steps), heatA, heatB),
                scalar("Simulations.reactionDiffusionEnd", Simulations::reactionDiffusionEnd, null, heatA, heatB),
                scalar("Simulations.reactionDiffusionEndCheckpointed", Simulations::reactionDiffusionEndCheckpointed, null,
                        heatA, heatB),
                scalar("Pendulum.swing", new Pendulum(9.81, 1.0, 0.1, p(0.0, 0.1, -0.05))::swing, null, p(0.5, 0.0, 1.0),
                        p(-0.3, 0.4, 2.0)),
                scalar("Simulations.kickedEnd", Simulations::kickedEnd, null, kickedA, kickedB),
                scalar("Simulations.kickedEndCheckpointed", Simulations::kickedEndCheckpointed, null, kickedA, kickedB));
    }

    // ================================================================== nested counted loops

    static List<CorpusCase> nestedLoops() {
        return List.of(
                scalar("NestedLoops.triangle", NestedLoops::triangle, x -> {
                    double total = 0;
                    for (double v : x) {
                        total += v;
                    }
                    double[] g = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        g[i] = total - x[i]; // d/dx_i sum_{j<i} x_i x_j = sum_{j != i} x_j
                    }
                    return g;
                }, p(0.3, -1.2, 2.0, 0.7), p(1.1, 0.4, -0.5)),
                scalar("NestedLoops.threeDeep", NestedLoops::threeDeep, x -> {
                    int n = x.length;
                    double[] g = new double[n];
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j <= i; j++) {
                            for (int k = 0; k < j; k++) {
                                g[i] += Math.sin(x[k]);
                                g[k] += Math.cos(x[k]) * x[i];
                            }
                        }
                    }
                    return g;
                }, p(0.3, -1.2, 2.0, 0.7), p(1.1, 0.4, -0.5)),
                scalar("NestedLoops.paddedFilter", NestedLoops::paddedFilter, NestedLoops::paddedFilterGradient,
                        p(0.3, -1.2, 2.0, 0.7, 1.1, 0.4, -0.5, 0.2, 0.9), p(1.0, 0.5, -0.3, 0.2, 0.1, -0.8, 0.6, 0.4, -0.2)),
                scalar("NestedLoops.partialSumsWithBreak", NestedLoops::partialSumsWithBreak,
                        NestedLoops::partialSumsWithBreakGradient, p(0.3, -1.2, 2.0, 0.7), p(1.1, 0.4, -0.5, 0.9, 0.2)),
                scalar("NestedLoops.bandedSums", NestedLoops::bandedSums, NestedLoops::bandedSumsGradient,
                        p(0.3, -1.2, 2.0, 0.7), p(1.1, 0.4, -0.5, 0.9, 0.2), p(0.8), p(0.6, -0.4)),
                scalar("DenseLayers.network", DenseLayers::network, null,
                        p(0.3, -1.2, 0.5, 0.7, -0.4, 0.9, 1.1, 0.4, -0.5, 0.2, -0.8, 0.6),
                        p(-0.2, 0.6, 1.0, -0.3, 0.8, 0.1, -0.7, 0.5, 0.3, -1.1, 0.2, 0.4)),
                scalar("DenseLayers.changingLengths", DenseLayers::changingLengths, null,
                        p(0.3, -1.2, 0.5, 0.7, -0.4), p(1.1, 0.4, -0.5, 0.2), p(0.6)),
                scalar("DenseLayers.sharedBuffer", DenseLayers::sharedBuffer, null,
                        p(0.3, -1.2, 0.5, 0.7, -0.4, 0.9, 1.1, 0.4, -0.5)));
    }
}
