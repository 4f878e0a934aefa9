package dev.fluxion.spark;

import java.io.Serializable;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.rdd.RDD;

/**
 * The sum of an {@link ExampleLoss} over a data set of examples, an RDD of {@code double[]}, and
 * its gradient, computed where the examples are: each partition sums its examples' losses and
 * gradients on its executor (the derivative linked there, see {@link ExampleGradient}), and
 * {@code treeAggregate} adds the partial sums in a tree of the given depth.
 *
 * <pre>{@code
 * DistributedLoss loss = DistributedLoss.of(Model::loss, examples);      // JavaRDD<double[]>, cached
 * double value = loss.valueAndGradient(params, gradient);               // one Spark job
 * }</pre>
 *
 * Each call is one Spark job over the examples: cache the RDD. The parameters travel with the job's
 * closure. The value and gradient are sums, not means (divide by {@link #count()} for those).
 * Immutable; {@code valueAndGradient} may be called from several driver threads at once.
 */
public final class DistributedLoss {
    private final ExampleGradient gradient;
    private final JavaRDD<double[]> examples;
    private final int depth;

    private DistributedLoss(ExampleGradient gradient, JavaRDD<double[]> examples, int depth) {
        this.gradient = gradient;
        this.examples = examples;
        this.depth = depth;
    }

    /**
     * The sum of {@code loss}, a reference to a {@code @Differentiable static double loss(double[]
     * params, double[] example)}, over {@code examples}, added in a tree of depth 2 (Spark's default).
     */
    public static DistributedLoss of(ExampleLoss loss, JavaRDD<double[]> examples) {
        return new DistributedLoss(ExampleGradient.of(loss), examples, 2);
    }

    /** The same for a Scala {@code RDD[Array[Double]]}. */
    public static DistributedLoss of(ExampleLoss loss, RDD<double[]> examples) {
        return of(loss, examples.toJavaRDD());
    }

    /** The same loss, its partial sums added in a tree of depth {@code depth} (at least 1). */
    public DistributedLoss withTreeDepth(int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be at least 1, not " + depth);
        }
        return new DistributedLoss(gradient, examples, depth);
    }

    /**
     * The loss summed over the examples at {@code params}, returned, and its gradient written into
     * {@code gradOut} (overwritten): one Spark job. {@code params} is not modified.
     */
    public double valueAndGradient(double[] params, double[] gradOut) {
        if (gradOut.length != params.length) {
            throw new IllegalArgumentException("gradOut has length " + gradOut.length + ", params has length "
                    + params.length);
        }
        Sum total = examples.treeAggregate(new Sum(params.length), new AddExample(gradient, params.clone()), Sum::add,
                depth);
        System.arraycopy(total.gradient, 0, gradOut, 0, gradOut.length);
        return total.value;
    }

    /** The gradient of the summed loss at {@code params}, in a new array. */
    public double[] gradient(double[] params) {
        double[] g = new double[params.length];
        valueAndGradient(params, g);
        return g;
    }

    /** The number of examples (a Spark job). */
    public long count() {
        return examples.count();
    }

    /** A partial sum: of the losses and of the gradients of a partition's examples, or of partial sums. */
    static final class Sum implements Serializable {
        private static final long serialVersionUID = 1L;
        double value;
        final double[] gradient;

        Sum(int parameters) {
            gradient = new double[parameters];
        }

        Sum add(Sum other) {
            value += other.value;
            for (int j = 0; j < gradient.length; j++) {
                gradient[j] += other.gradient[j];
            }
            return this;
        }
    }

    /** treeAggregate's sequential step, run on the executors: one example's loss and gradient into the partial sum. */
    private record AddExample(ExampleGradient gradient, double[] params) implements Function2<Sum, double[], Sum> {
        @Override
        public Sum call(Sum sum, double[] example) {
            sum.value += gradient.valueAndAddGradient(params, example, sum.gradient);
            return sum;
        }
    }
}
