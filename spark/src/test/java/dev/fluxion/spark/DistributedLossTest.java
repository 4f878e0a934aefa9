package dev.fluxion.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fluxion.Differentiable;
import dev.fluxion.Fluxion;
import dev.fluxion.FluxionException;
import dev.fluxion.GradientFunction;
import dev.fluxion.spark.samples.LogisticRegression;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loss summed over an RDD by {@code treeAggregate} in a local Spark of two executor threads,
 * each task linking the derivative in its own deserialised copy, against the same sum computed on
 * one machine by Fluxion's public API ({@code Fluxion.gradient} of a method that loops over the
 * examples), and against the closed form; for 1 to 8 partitions, and 8 added in trees of depth 1 to 3.
 */
class DistributedLossTest {
    static final double[] TRUTH = {-0.5, 1.5, -2, 0.75};
    static final double[][] EXAMPLES = LogisticRegression.examples(2000, TRUTH, 42);
    static final double[][] POINTS = mixturePoints(600, 7);
    private static JavaSparkContext spark;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start("DistributedLossTest", 2);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** The logistic loss summed over the examples on one machine. */
    @Differentiable
    static double logisticTotal(double[] w) {
        double s = 0;
        for (double[] e : EXAMPLES) {
            s += LogisticRegression.loss(w, e);
        }
        return s;
    }

    /** The mixture's negative log-likelihood summed over the points on one machine. */
    @Differentiable
    static double mixtureTotal(double[] params) {
        double s = 0;
        for (double[] x : POINTS) {
            s += GaussianMixture.loss(params, x);
        }
        return s;
    }

    @Test
    void logisticSumEqualsTheSingleMachineGradientAndTheClosedForm() {
        GradientFunction single = Fluxion.gradient(DistributedLossTest::logisticTotal);
        double[][] at = {{0, 0, 0, 0}, TRUTH, {1.2, -0.3, 0.4, 2.5}};
        for (int partitions : new int[] {1, 3, 8}) {
            DistributedLoss loss = DistributedLoss.of(LogisticRegression::loss, examples(EXAMPLES, partitions));
            for (int depth : partitions == 8 ? new int[] {1, 2, 3} : new int[] {2}) {
                DistributedLoss tree = loss.withTreeDepth(depth);
                for (double[] w : at) {
                    double[] before = w.clone();
                    double[] g = new double[w.length];
                    double value = tree.valueAndGradient(w, g);
                    assertArrayEquals(before, w);
                    double[] expected = new double[w.length];
                    double expectedValue = single.valueAndGradient(w, expected);
                    double[] closedForm = new double[w.length];
                    double[] magnitude = new double[w.length]; // sum of |terms|: what round-off is relative to
                    for (double[] e : EXAMPLES) {
                        double[] term = LogisticRegression.closedFormGradient(w, e);
                        for (int j = 0; j < w.length; j++) {
                            closedForm[j] += term[j];
                            magnitude[j] += Math.abs(term[j]);
                        }
                    }
                    String where = partitions + " partitions, depth " + depth + ", w = " + Arrays.toString(w);
                    assertEquals(expectedValue, value, 1e-13 * expectedValue, where);
                    for (int j = 0; j < w.length; j++) {
                        assertEquals(expected[j], g[j], 1e-13 * magnitude[j], where + ", component " + j);
                        assertEquals(closedForm[j], g[j], 1e-13 * magnitude[j], where + ", component " + j);
                    }
                }
            }
        }
    }

    @Test
    void mixtureSumEqualsTheSingleMachineGradientAndRichardsonDifferences() {
        GradientFunction single = Fluxion.gradient(DistributedLossTest::mixtureTotal);
        Random random = new Random(3);
        DistributedLoss loss = DistributedLoss.of(GaussianMixture::loss, examples(POINTS, 5));
        for (int point = 0; point < 3; point++) {
            double[] params = new double[GaussianMixture.PARAMETERS];
            for (int j = 0; j < params.length; j++) {
                params[j] = 0.5 * random.nextGaussian();
            }
            double[] g = new double[params.length];
            double value = loss.valueAndGradient(params, g);
            double[] expected = new double[params.length];
            assertEquals(single.valueAndGradient(params, expected), value, 1e-13 * Math.abs(value));
            double[] reference = Richardson.gradient(DistributedLossTest::mixtureTotal, params, 1e-3);
            double scale = Arrays.stream(reference).map(Math::abs).max().orElseThrow();
            for (int j = 0; j < params.length; j++) {
                assertEquals(expected[j], g[j], 1e-12 * scale, "point " + point + ", component " + j);
                assertEquals(reference[j], g[j], 1e-7 * scale, "point " + point + ", component " + j);
            }
        }
    }

    @Test
    void aLossWithoutDerivativeFailsOnTheDriverBeforeAnyJob() {
        JavaRDD<double[]> data = examples(EXAMPLES, 2);
        FluxionException e = assertThrows(FluxionException.class,
                () -> DistributedLoss.of(ExampleGradientTest.Unsupported::loss, data));
        assertTrue(e.getMessage().contains("Unsupported.loss"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> DistributedLoss.of(LogisticRegression::loss, data).valueAndGradient(new double[4], new double[3]));
        assertThrows(IllegalArgumentException.class, () -> DistributedLoss.of(LogisticRegression::loss, data).withTreeDepth(0));
    }

    /**
     * A loss whose class is not on the application's class path: the driver has it from a class
     * loader of its own, the executors from the jar Spark ships them ({@code addJar}), through the
     * executor's class loader, where fluxion.jar (on the class path) generates its derivative on demand.
     */
    @Test
    void anExecutorLinksTheLossThroughItsOwnClassLoader(@TempDir Path dir) throws Exception {
        Path jar = ShippedJar.compile(dir, "shipped.Shipped", """
                package shipped;

                import dev.fluxion.Differentiable;
                import dev.fluxion.spark.ExampleLoss;

                public final class Shipped {
                    @Differentiable
                    public static double loss(double[] w, double[] e) {
                        double s = 0;
                        for (int j = 0; j < w.length; j++) {
                            s += Math.sin(w[j] * e[j]) + w[j] * w[j] * e[j];
                        }
                        return s;
                    }

                    public static ExampleLoss reference() {
                        return Shipped::loss;
                    }
                }
                """);
        assertThrows(ClassNotFoundException.class, () -> Class.forName("shipped.Shipped"));
        try (URLClassLoader driverSide = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
            ExampleLoss loss = (ExampleLoss) driverSide.loadClass("shipped.Shipped").getMethod("reference").invoke(null);
            spark.addJar(jar.toString());
            double[][] rows = new double[500][];
            Random random = new Random(9);
            for (int i = 0; i < rows.length; i++) {
                rows[i] = new double[] {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
            }
            double[] w = {0.3, -0.8, 1.7};
            double[] g = new double[3];
            double value = DistributedLoss.of(loss, examples(rows, 4)).valueAndGradient(w, g);
            double expectedValue = 0;
            double[] expected = new double[3];
            double[] magnitude = new double[3];
            for (double[] e : rows) {
                for (int j = 0; j < 3; j++) {
                    expectedValue += Math.sin(w[j] * e[j]) + w[j] * w[j] * e[j];
                    double term = e[j] * Math.cos(w[j] * e[j]) + 2 * w[j] * e[j];
                    expected[j] += term;
                    magnitude[j] += Math.abs(term);
                }
            }
            assertEquals(expectedValue, value, 1e-12 * Math.abs(expectedValue));
            for (int j = 0; j < 3; j++) {
                assertEquals(expected[j], g[j], 1e-13 * magnitude[j], "component " + j);
            }
        }
    }

    @Test
    void countsTheExamples() {
        assertEquals(EXAMPLES.length, DistributedLoss.of(LogisticRegression::loss, examples(EXAMPLES, 4)).count());
    }

    static JavaRDD<double[]> examples(double[][] rows, int partitions) {
        return spark.parallelize(Arrays.asList(rows), partitions).cache();
    }

    private static double[][] mixturePoints(int n, long seed) {
        Random random = new Random(seed);
        double[][] centres = {{-2, 0}, {1, 1.5}, {2, -1}};
        double[][] points = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] c = centres[i % centres.length];
            points[i] = new double[] {c[0] + 0.6 * random.nextGaussian(), c[1] + 0.4 * random.nextGaussian()};
        }
        return points;
    }
}
