package dev.fluxion.testing;

import dev.fluxion.ScalarFunction;
import dev.fluxion.UnaryFunction;
import java.util.Objects;
import java.util.function.Function;

/**
 * A function whose second derivatives are checked: a {@code double f(double[])} (dense Hessian and
 * Hessian-vector products) or a {@code double u(double)} (second derivative), its test points, and
 * where there is one its Hessian derived by hand ({@code {{u''(x)}}} for a unary case).
 */
public record HessianCase(String name, ScalarFunction f, UnaryFunction u, Function<double[], double[][]> closedForm,
        double[][] points) {

    public HessianCase {
        Objects.requireNonNull(name, "name");
        if ((f == null) == (u == null)) {
            throw new IllegalArgumentException(name + ": exactly one of f and u must be given");
        }
    }

    public static HessianCase of(String name, ScalarFunction f, Function<double[], double[][]> closedForm,
            double[]... points) {
        return new HessianCase(name, f, null, closedForm, points);
    }

    public static HessianCase unary(String name, UnaryFunction u, Function<double[], double[][]> closedForm,
            double... points) {
        double[][] ps = new double[points.length][];
        for (int i = 0; i < points.length; i++) {
            ps[i] = new double[] {points[i]};
        }
        return new HessianCase(name, null, u, closedForm, ps);
    }

    @Override
    public String toString() {
        return name;
    }
}
