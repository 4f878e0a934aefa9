package dev.fluxion.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fluxion.Differentiable;
import dev.fluxion.Fluxion;
import dev.fluxion.GradientFunction;
import dev.fluxion.spark.samples.LogisticRegression;
import java.util.Arrays;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.mllib.linalg.DenseVector;
import org.apache.spark.mllib.linalg.Vector;
import org.apache.spark.mllib.linalg.Vectors;
import org.apache.spark.mllib.optimization.Gradient;
import org.apache.spark.mllib.optimization.GradientDescent;
import org.apache.spark.mllib.optimization.LBFGS;
import org.apache.spark.mllib.optimization.LogisticGradient;
import org.apache.spark.mllib.optimization.SimpleUpdater;
import org.apache.spark.rdd.RDD;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import scala.Tuple2;

/**
 * {@link FluxionGradient} in MLlib's own optimisers, in a local Spark of two executor threads: per
 * example it equals MLlib's hand-written {@code LogisticGradient} to round-off; {@code
 * LBFGS.runLBFGS} with it reaches the optimum that Newton's method finds on one machine (Fluxion's
 * gradient of the summed loss, the closed-form Hessian), and {@code runMiniBatchSGD} takes the same
 * steps as with {@code LogisticGradient}, full batches and sampled ones.
 */
class MllibOptimizersTest {
    static final double[][] EXAMPLES = LogisticRegression.examples(3000, new double[] {-0.5, 1.5, -2, 0.75}, 7);
    private static JavaSparkContext spark;
    private static RDD<Tuple2<Object, Vector>> data;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start("MllibOptimizersTest", 2);
        data = labelled(spark.parallelize(Arrays.asList(EXAMPLES), 4)).cache();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** The mean logistic loss over the examples on one machine: what MLlib's optimisers minimise. */
    @Differentiable
    static double meanLoss(double[] w) {
        double s = 0;
        for (double[] e : EXAMPLES) {
            s += LogisticRegression.loss(w, e);
        }
        return s / EXAMPLES.length;
    }

    @Test
    void eachExampleGivesWhatMllibsLogisticGradientGives() {
        Gradient fluxion = FluxionGradient.of(LogisticRegression::loss);
        Gradient mllib = new LogisticGradient();
        Vector w = Vectors.dense(0.3, -1.2, 0.8, 2.0);
        for (double[] e : Arrays.copyOf(EXAMPLES, 100)) {
            Vector features = Vectors.dense(Arrays.copyOfRange(e, 1, e.length));
            Vector sparse = features.toSparse();
            Vector ours = Vectors.dense(1, 2, 3, 4); // compute adds to what is there
            Vector theirs = Vectors.dense(1, 2, 3, 4);
            double value = fluxion.compute(features, e[0], w, ours);
            assertEquals(mllib.compute(features, e[0], w, theirs), value, 1e-15 * (1 + value));
            assertClose(theirs.toArray(), ours.toArray(), 1e-15);
            Vector fromSparse = Vectors.zeros(4);
            fluxion.compute(sparse, e[0], w, fromSparse);
            assertClose(fluxion.compute(features, e[0], w)._1().toArray(), fromSparse.toArray(), 0);
        }
        assertThrows(IllegalArgumentException.class,
                () -> fluxion.compute(Vectors.dense(1, 2, 3, 4), 1, w, Vectors.zeros(4).toSparse()));
    }

    @Test
    void lbfgsReachesTheSingleMachineOptimum() {
        double[] newton = newtonOptimum();
        Tuple2<Vector, double[]> fit = LBFGS.runLBFGS(data, FluxionGradient.of(LogisticRegression::loss),
                new SimpleUpdater(), 10, 1e-12, 200, 0.0, Vectors.zeros(4));
        double[] w = fit._1().toArray();
        double[] history = fit._2();
        assertClose(newton, w, 1e-6);
        assertEquals(meanLoss(newton), history[history.length - 1], 1e-12);
        // and MLlib's own gradient takes L-BFGS to the same point
        double[] mllib = LBFGS.runLBFGS(data, new LogisticGradient(), new SimpleUpdater(), 10, 1e-12, 200, 0.0,
                Vectors.zeros(4))._1().toArray();
        assertClose(mllib, w, 1e-9);
    }

    @Test
    void miniBatchSgdTakesTheStepsItTakesWithMllibsGradient() {
        for (double fraction : new double[] {1.0, 0.5}) {
            Tuple2<Vector, double[]> ours = GradientDescent.runMiniBatchSGD(data,
                    FluxionGradient.of(LogisticRegression::loss), new SimpleUpdater(), 2.0, 30, 0.0, fraction,
                    Vectors.zeros(4), 0.0);
            Tuple2<Vector, double[]> theirs = GradientDescent.runMiniBatchSGD(data, new LogisticGradient(),
                    new SimpleUpdater(), 2.0, 30, 0.0, fraction, Vectors.zeros(4), 0.0);
            assertClose(theirs._1().toArray(), ours._1().toArray(), 1e-12);
            assertClose(theirs._2(), ours._2(), 1e-12);
            double[] history = ours._2();
            assertTrue(history[history.length - 1] < 0.9 * history[0], Arrays.toString(history));
        }
    }

    /**
     * Newton's method on one machine, with Fluxion's gradient of the mean loss and its closed-form
     * Hessian, {@code mean sigmoid'(w.x) x x^T}, to machine precision.
     */
    static double[] newtonOptimum() {
        GradientFunction gradient = Fluxion.gradient(MllibOptimizersTest::meanLoss);
        double[] w = new double[4];
        for (int iteration = 0; iteration < 30; iteration++) {
            double[] step = solve(hessian(w), gradient.gradient(w));
            for (int j = 0; j < w.length; j++) {
                w[j] -= step[j];
            }
        }
        double[] g = gradient.gradient(w);
        assertTrue(Arrays.stream(g).map(Math::abs).max().orElseThrow() < 1e-14, "Newton converged: " + Arrays.toString(g));
        return w;
    }

    private static double[][] hessian(double[] w) {
        double[][] h = new double[w.length][w.length];
        for (double[] e : EXAMPLES) {
            double margin = 0;
            for (int j = 0; j < w.length; j++) {
                margin += w[j] * e[1 + j];
            }
            double p = 1 / (1 + Math.exp(-margin));
            for (int i = 0; i < w.length; i++) {
                for (int j = 0; j < w.length; j++) {
                    h[i][j] += p * (1 - p) * e[1 + i] * e[1 + j] / EXAMPLES.length;
                }
            }
        }
        return h;
    }

    /** {@code a x = b} by Gaussian elimination with partial pivoting ({@code a} symmetric positive definite here). */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = Arrays.copyOf(a[i], n + 1);
            m[i][n] = b[i];
        }
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
                    pivot = r;
                }
            }
            double[] t = m[c];
            m[c] = m[pivot];
            m[pivot] = t;
            for (int r = c + 1; r < n; r++) {
                double f = m[r][c] / m[c][c];
                for (int k = c; k <= n; k++) {
                    m[r][k] -= f * m[c][k];
                }
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = m[r][n];
            for (int k = r + 1; k < n; k++) {
                s -= m[r][k] * x[k];
            }
            x[r] = s / m[r][r];
        }
        return x;
    }

    /** MLlib's layout: (label, features). */
    static RDD<Tuple2<Object, Vector>> labelled(JavaRDD<double[]> examples) {
        return examples.map(e -> new Tuple2<Object, Vector>(e[0], new DenseVector(Arrays.copyOfRange(e, 1, e.length))))
                .rdd();
    }

    private static void assertClose(double[] expected, double[] actual, double relative) {
        assertEquals(expected.length, actual.length);
        for (int j = 0; j < expected.length; j++) {
            assertEquals(expected[j], actual[j], relative * (1 + Math.abs(expected[j])), "component " + j + " of "
                    + Arrays.toString(actual) + ", expected " + Arrays.toString(expected));
        }
    }
}
