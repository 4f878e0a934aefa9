package dev.fluxion.spark.bench;

import dev.fluxion.spark.DistributedLoss;
import dev.fluxion.spark.ExampleGradient;
import dev.fluxion.spark.FluxionGradient;
import dev.fluxion.spark.LocalSpark;
import dev.fluxion.spark.samples.LogisticRegression;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleSupplier;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.mllib.linalg.DenseVector;
import org.apache.spark.mllib.linalg.Vector;
import org.apache.spark.mllib.linalg.Vectors;
import org.apache.spark.mllib.optimization.Gradient;
import org.apache.spark.mllib.optimization.LogisticGradient;
import scala.Tuple2;

/**
 * How one distributed evaluation of the summed logistic loss and its gradient scales with the
 * number of partitions, in a local Spark of {@code threads} executor threads: Fluxion's
 * {@link DistributedLoss} over {@code double[]} examples, and the same {@code treeAggregate} over
 * MLlib's {@code (label, Vector)} examples with {@link FluxionGradient} and with MLlib's hand-written
 * {@code LogisticGradient} (trees of depth 2, Spark's default, and {@code DistributedLoss} in one
 * level too); beside them, one thread without Spark. Every partition count sees the
 * same examples (one cached RDD of {@value #CHUNKS} partitions, coalesced without a shuffle).
 *
 * <p>A measured harness, not JMH: a Spark job takes tens of milliseconds and is timed whole, the
 * fastest of {@code runs} after warm-up (as the JMH suite takes the fastest iteration: on a shared
 * machine timing noise only adds). {@code PartitionScaling [examples] [features] [threads]
 * [runs]}, on the class path samples/run.sh gives the Spark sample; the command and the results
 * are in BENCHMARKS.md.
 */
public final class PartitionScaling {
    private static final int CHUNKS = 64;
    private static final int WARMUP = 3;

    private PartitionScaling() {
    }

    public static void main(String[] args) {
        int examples = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int features = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 15;
        double[] truth = new double[features];
        for (int j = 0; j < features; j++) {
            truth[j] = Math.sin(j + 1); // weights of both signs, below 1
        }
        double[] w = new double[features];
        Arrays.fill(w, 0.1);
        System.out.printf("%d examples, %d features, local[%d], %d processors, fastest of %d runs after %d%n%n", examples,
                features, threads, Runtime.getRuntime().availableProcessors(), runs, WARMUP);

        double[][] local = IntStream.range(0, CHUNKS).mapToObj(p -> LogisticRegression.examples(size(examples, p), truth, p))
                .flatMap(Arrays::stream).toArray(double[][]::new);
        ExampleGradient fluxion = ExampleGradient.of(LogisticRegression::loss);
        double fluxionAlone = time(runs, () -> {
            double[] g = new double[features];
            double s = 0;
            for (double[] e : local) {
                s += fluxion.valueAndAddGradient(w, e, g);
            }
            return s + g[0];
        });
        double handWritten = time(runs, () -> {
            double[] g = new double[features];
            double s = 0;
            for (double[] e : local) { // MLlib's LogisticGradient's arithmetic, fused
                double margin = 0;
                for (int j = 0; j < features; j++) {
                    margin += w[j] * e[1 + j];
                }
                s += (margin > 0 ? margin + Math.log1p(Math.exp(-margin)) : Math.log1p(Math.exp(margin))) - e[0] * margin;
                double residual = 1 / (1 + Math.exp(-margin)) - e[0];
                for (int j = 0; j < features; j++) {
                    g[j] += residual * e[1 + j];
                }
            }
            return s + g[0];
        });
        System.out.println("one thread, no Spark:");
        System.out.printf("  Fluxion's ExampleGradient  %8.1f ms  %6.1f ns/example%n", fluxionAlone, fluxionAlone * 1e6 / examples);
        System.out.printf("  hand-written, fused        %8.1f ms  %6.1f ns/example%n%n", handWritten,
                handWritten * 1e6 / examples);

        try (JavaSparkContext spark = LocalSpark.start("PartitionScaling", threads)) {
            JavaRDD<double[]> all = spark.parallelize(IntStream.range(0, CHUNKS).boxed().toList(), CHUNKS)
                    .flatMap(p -> new ArrayList<>(Arrays.asList(LogisticRegression.examples(size(examples, p), truth, p)))
                            .iterator())
                    .cache();
            System.out.println("| partitions | DistributedLoss, ms | the same, depth 1, ms | FluxionGradient, ms | "
                    + "MLlib LogisticGradient, ms | DistributedLoss, M examples/s |");
            System.out.println("|---:|---:|---:|---:|---:|---:|");
            for (int partitions : new int[] {1, 2, 4, 8, 16, 32, 64}) {
                JavaRDD<double[]> examplesRdd = (partitions == CHUNKS ? all : all.coalesce(partitions)).cache();
                JavaRDD<Tuple2<Object, Vector>> labelled = examplesRdd
                        .map(e -> new Tuple2<Object, Vector>(e[0], new DenseVector(Arrays.copyOfRange(e, 1, e.length))))
                        .cache();
                long count = labelled.count();
                if (examplesRdd.count() != examples || count != examples) {
                    throw new IllegalStateException(count + " examples, not " + examples);
                }
                DistributedLoss loss = DistributedLoss.of(LogisticRegression::loss, examplesRdd);
                double distributed = time(runs, () -> loss.valueAndGradient(w, new double[features]));
                DistributedLoss flat = loss.withTreeDepth(1); // one level: the driver adds every partition's sum
                double oneLevel = time(runs, () -> flat.valueAndGradient(w, new double[features]));
                double ours = time(runs, () -> sum(labelled, FluxionGradient.of(LogisticRegression::loss), w));
                double mllib = time(runs, () -> sum(labelled, new LogisticGradient(), w));
                System.out.printf("| %d | %.1f | %.1f | %.1f | %.1f | %.1f |%n", partitions, distributed, oneLevel, ours, mllib,
                        examples / distributed / 1e3);
                labelled.unpersist(true);
                if (examplesRdd != all) {
                    examplesRdd.unpersist(true);
                }
            }
        }
    }

    /** What MLlib's optimisers do with a {@code Gradient} at each step: the loss and gradient summed by treeAggregate. */
    private static double sum(JavaRDD<Tuple2<Object, Vector>> data, Gradient gradient, double[] w) {
        Vector weights = Vectors.dense(w);
        Partial total = data.treeAggregate(new Partial(w.length), (p, e) -> p.add(gradient, e, weights), Partial::merge, 2);
        return total.loss;
    }

    /** A partial sum in MLlib's form: the loss, and the gradient in a dense vector that {@code compute} adds to. */
    private static final class Partial implements Serializable {
        double loss;
        final DenseVector gradient;

        Partial(int n) {
            gradient = new DenseVector(new double[n]);
        }

        Partial add(Gradient g, Tuple2<Object, Vector> e, Vector weights) {
            loss += g.compute(e._2(), (Double) e._1(), weights, gradient);
            return this;
        }

        Partial merge(Partial other) {
            loss += other.loss;
            for (int j = 0; j < gradient.size(); j++) {
                gradient.values()[j] += other.gradient.values()[j];
            }
            return this;
        }
    }

    private static int size(int examples, int chunk) {
        return examples / CHUNKS + (chunk < examples % CHUNKS ? 1 : 0);
    }

    /** The fastest wall time of {@code runs} calls after {@value #WARMUP}, in milliseconds. */
    private static double time(int runs, DoubleSupplier job) {
        double sink = 0;
        for (int i = 0; i < WARMUP; i++) {
            sink += job.getAsDouble();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            sink += job.getAsDouble();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        if (Double.isNaN(sink)) {
            throw new IllegalStateException("NaN");
        }
        return Arrays.stream(ms).min().orElseThrow();
    }
}
