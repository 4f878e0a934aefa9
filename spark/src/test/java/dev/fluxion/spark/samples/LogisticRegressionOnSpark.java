package dev.fluxion.spark.samples;

import dev.fluxion.spark.DistributedLoss;
import dev.fluxion.spark.FluxionGradient;
import dev.fluxion.spark.LocalSpark;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.mllib.linalg.DenseVector;
import org.apache.spark.mllib.linalg.Vector;
import org.apache.spark.mllib.linalg.Vectors;
import org.apache.spark.mllib.optimization.LBFGS;
import org.apache.spark.mllib.optimization.LogisticGradient;
import org.apache.spark.mllib.optimization.SimpleUpdater;
import org.apache.spark.rdd.RDD;
import scala.Tuple2;

/**
 * A logistic regression fitted by MLlib's L-BFGS over a data set that lives partitioned across
 * Spark's executors, with the gradient Fluxion generated from {@link LogisticRegression#loss}, one
 * example's loss written as plain Java. Each partition's examples are drawn on the executor that
 * holds it, from a model with known weights; the fit recovers them, and MLlib's hand-written
 * {@code LogisticGradient} in the same optimiser lands on the same point.
 *
 * <p>Run by {@code samples/run.sh} in a local Spark of two executor threads, with fluxion.jar on the
 * class path (derivatives generated on demand on the executors);
 * {@code LogisticRegressionOnSpark [examples] [partitions]}, 200 000 examples in 8 partitions by default.
 */
public final class LogisticRegressionOnSpark {
    static final double[] TRUTH = {-1.0, 2.0, -1.5, 0.5, 1.0, -0.25, 0.0, 3.0};

    private LogisticRegressionOnSpark() {
    }

    /** What a fit found: the weights, the mean loss at each L-BFGS iteration, and the data's size. */
    public record Fit(double[] weights, double[] lossHistory, long examples, double[] meanGradient, double[] mllibWeights) {
    }

    public static void main(String[] args) {
        int examples = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int partitions = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        try (JavaSparkContext spark = LocalSpark.start("LogisticRegressionOnSpark", 2)) {
            print(fit(spark, examples, partitions), partitions);
        }
    }

    public static Fit fit(JavaSparkContext spark, int examples, int partitions) {
        JavaRDD<double[]> data = drawn(spark, examples, partitions).cache();
        RDD<Tuple2<Object, Vector>> labelled = data
                .map(e -> new Tuple2<Object, Vector>(e[0], new DenseVector(Arrays.copyOfRange(e, 1, e.length))))
                .rdd().cache();
        Tuple2<Vector, double[]> fit = LBFGS.runLBFGS(labelled, FluxionGradient.of(LogisticRegression::loss),
                new SimpleUpdater(), 10, 1e-10, 100, 0.0, Vectors.zeros(TRUTH.length));
        double[] w = fit._1().toArray();
        // the other way in: the loss summed over the RDD by treeAggregate, and its gradient, at the fit
        DistributedLoss loss = DistributedLoss.of(LogisticRegression::loss, data);
        long n = loss.count();
        double[] meanGradient = loss.gradient(w);
        for (int j = 0; j < meanGradient.length; j++) {
            meanGradient[j] /= n;
        }
        double[] mllib = LBFGS.runLBFGS(labelled, new LogisticGradient(), new SimpleUpdater(), 10, 1e-10, 100, 0.0,
                Vectors.zeros(TRUTH.length))._1().toArray();
        return new Fit(w, fit._2(), n, meanGradient, mllib);
    }

    /** {@code examples} examples of the model with weights {@link #TRUTH}, drawn where they are kept: partition {@code p} from seed {@code p}. */
    static JavaRDD<double[]> drawn(JavaSparkContext spark, int examples, int partitions) {
        List<Integer> seeds = IntStream.range(0, partitions).boxed().toList();
        return spark.parallelize(seeds, partitions).flatMap(p -> {
            int size = examples / partitions + (p < examples % partitions ? 1 : 0);
            return new ArrayList<>(Arrays.asList(LogisticRegression.examples(size, TRUTH, p))).iterator();
        });
    }

    static void print(Fit fit, int partitions) {
        System.out.printf("%d examples in %d partitions, %d features (the first the intercept)%n", fit.examples(),
                partitions, TRUTH.length);
        double[] history = fit.lossHistory();
        System.out.printf("L-BFGS with Fluxion's gradient: %d iterations, mean loss %.6f -> %.6f%n", history.length - 1,
                history[0], history[history.length - 1]);
        System.out.println("  weight   true      fitted    MLlib's LogisticGradient");
        double largest = 0;
        for (int j = 0; j < TRUTH.length; j++) {
            System.out.printf("  w%-6d %8.4f  %8.4f  %8.4f%n", j, TRUTH[j], fit.weights()[j], fit.mllibWeights()[j]);
            largest = Math.max(largest, Math.abs(fit.weights()[j] - fit.mllibWeights()[j]));
        }
        System.out.printf("largest difference from MLlib's fit: %.1e%n", largest);
        System.out.printf("mean gradient at the fit (DistributedLoss, treeAggregate): largest component %.1e%n",
                Arrays.stream(fit.meanGradient()).map(Math::abs).max().orElseThrow());
    }
}
