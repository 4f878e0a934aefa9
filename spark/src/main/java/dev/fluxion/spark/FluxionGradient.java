package dev.fluxion.spark;

import java.util.Arrays;
import org.apache.spark.mllib.linalg.DenseVector;
import org.apache.spark.mllib.linalg.SparseVector;
import org.apache.spark.mllib.linalg.Vector;
import org.apache.spark.mllib.optimization.Gradient;

/**
 * An {@link ExampleLoss} as MLlib's per-example {@link Gradient}, for
 * {@code GradientDescent.runMiniBatchSGD} and {@code LBFGS.runLBFGS}:
 *
 * <pre>{@code
 * Tuple2<Vector, double[]> fit = LBFGS.runLBFGS(data.rdd(), FluxionGradient.of(Model::loss),
 *         new SimpleUpdater(), 10, 1e-10, 100, 0.0, Vectors.zeros(d));
 * }</pre>
 *
 * MLlib hands the gradient one example as a label and a feature vector; the loss sees them as one
 * array, {@code example = [label, features...]} ({@code example[0]} the label, {@code example[1 + j]}
 * feature {@code j}; a sparse vector's zeros are written out). The loss's {@code params} are MLlib's
 * weights. {@code compute} returns the example's loss and adds its gradient to {@code cumGradient},
 * which MLlib makes dense; the optimisers divide the sums by the number of examples themselves.
 *
 * <p>What Spark serialises with the optimiser's closures is the loss method's name (see
 * {@link ExampleGradient}): each executor links the derivative once per deserialised copy.
 */
public final class FluxionGradient extends Gradient {
    private static final long serialVersionUID = 1L;
    private final ExampleGradient gradient;

    private FluxionGradient(ExampleGradient gradient) {
        this.gradient = gradient;
    }

    /**
     * MLlib's gradient of {@code loss}, a reference to a {@code @Differentiable static double
     * loss(double[] params, double[] example)}; fails at once, with Fluxion's explanation, if the
     * loss has no derivative on this JVM (see {@link ExampleGradient#of}).
     */
    public static FluxionGradient of(ExampleLoss loss) {
        return new FluxionGradient(ExampleGradient.of(loss));
    }

    @Override
    public double compute(Vector data, double label, Vector weights, Vector cumGradient) {
        if (!(cumGradient instanceof DenseVector sum)) {
            throw new IllegalArgumentException("cumGradient must be a DenseVector (MLlib's optimisers make it one), not "
                    + cumGradient.getClass().getName());
        }
        double[] example = ExampleGradient.exampleBuffer(data.size() + 1);
        example[0] = label;
        if (data instanceof DenseVector dense) {
            System.arraycopy(dense.values(), 0, example, 1, dense.size());
        } else {
            SparseVector sparse = (SparseVector) data;
            Arrays.fill(example, 1, example.length, 0.0);
            int[] indices = sparse.indices();
            double[] values = sparse.values();
            for (int k = 0; k < indices.length; k++) {
                example[1 + indices[k]] = values[k];
            }
        }
        return gradient.valueAndAddGradientOfBuffer(weights.toArray(), example, sum.values());
    }

    @Override
    public String toString() {
        return "FluxionGradient(" + gradient + ")";
    }
}
