package dev.fluxion.testing;

import dev.fluxion.VectorFunction;
import java.util.Objects;
import java.util.function.Function;

/**
 * A vector-valued function of the corpus, {@code void f(double[] in, double[] out)} with
 * {@code outputs} outputs, its test points and (where one exists) its Jacobian written by hand.
 *
 * @param closedForm the exact {@code outputs x n} Jacobian at a point, or {@code null}
 */
public record JacobianCase(String name, VectorFunction f, int outputs, double[][] points,
        Function<double[], double[][]> closedForm) {

    public JacobianCase {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(f, "f");
        if (points == null || points.length == 0) {
            throw new IllegalArgumentException(name + ": at least one test point is needed");
        }
    }

    public static JacobianCase of(String name, VectorFunction f, int outputs, Function<double[], double[][]> closedForm,
            double[]... points) {
        return new JacobianCase(name, f, outputs, points, closedForm);
    }

    /** The outputs at {@code x}, computed by plain Java. */
    public double[] value(double[] x) {
        double[] out = new double[outputs];
        f.apply(x.clone(), out);
        return out;
    }

    @Override
    public String toString() {
        return name;
    }
}
