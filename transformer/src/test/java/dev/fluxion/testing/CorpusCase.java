package dev.fluxion.testing;

import dev.fluxion.ScalarFunction;
import dev.fluxion.UnaryFunction;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;

/**
 * One function of the shared test corpus: a method reference to a {@code @Differentiable} static
 * method, the points at which to check its derivative, and (where one exists) its exact gradient
 * written by hand as plain Java.
 *
 * <p>Exactly one of {@link #f} and {@link #u} is non-null. For a unary case every point is a
 * length-1 array and {@link #closedForm} maps {@code {x}} to {@code {u'(x)}}.
 *
 * <p>{@link #smooth} is {@code true} when the function is infinitely differentiable near every
 * test point with no input-dependent control flow and no kink/step functions, so that points may
 * be perturbed freely (random points, second-order checks). It is {@code false} for cases with
 * branches, data-dependent trip counts, early exits or {@code abs}/{@code min}/{@code floor}-like
 * functions; their points are chosen at least ~1e-2 away from every kink, branch switch and
 * trip-count change, so they are safe for {@link GradientCheck#richardson}, but not for arbitrary
 * perturbations.
 *
 * @param name unique name of the case, used in test names and failure messages
 * @param f the scalar function, or {@code null} for a unary case
 * @param u the unary function, or {@code null} for a scalar case
 * @param points the test points (each a length-1 array for a unary case)
 * @param closedForm the exact gradient, or {@code null} if there is no hand-written closed form
 *     (then only the Richardson comparison applies)
 * @param smooth see above
 * @param single {@code true} when the function computes in {@code float}: its gradient is checked
 *     with the single-precision tolerances of {@link GradientCheck} (the closed form is then the
 *     exact gradient of the same computation in {@code double})
 */
public record CorpusCase(String name, ScalarFunction f, UnaryFunction u, double[][] points,
        Function<double[], double[]> closedForm, boolean smooth, boolean single) {

    public CorpusCase {
        Objects.requireNonNull(name, "name");
        if ((f == null) == (u == null)) {
            throw new IllegalArgumentException(name + ": exactly one of f and u must be given");
        }
        if (points == null || points.length == 0) {
            throw new IllegalArgumentException(name + ": at least one test point is needed");
        }
        for (double[] p : points) {
            if (u != null && p.length != 1) {
                throw new IllegalArgumentException(name + ": unary points must have length 1");
            }
        }
    }

    /** A {@code double[] -> double} case, smooth until {@link #nonSmooth()} says otherwise. */
    public static CorpusCase scalar(String name, ScalarFunction f, Function<double[], double[]> closedForm,
            double[]... points) {
        return new CorpusCase(name, Objects.requireNonNull(f, "f"), null, points, closedForm, true, false);
    }

    /** A {@code double -> double} case; {@code closedFormDerivative} may be {@code null}. */
    public static CorpusCase unary(String name, UnaryFunction u, DoubleUnaryOperator closedFormDerivative,
            double... points) {
        double[][] ps = new double[points.length][];
        for (int i = 0; i < points.length; i++) {
            ps[i] = new double[] {points[i]};
        }
        Function<double[], double[]> cf = closedFormDerivative == null ? null
                : x -> new double[] {closedFormDerivative.applyAsDouble(x[0])};
        return new CorpusCase(name, null, Objects.requireNonNull(u, "u"), ps, cf, true, false);
    }

    /** This case marked as having kinks, branches or data-dependent control flow. */
    public CorpusCase nonSmooth() {
        return new CorpusCase(name, f, u, points, closedForm, false, single);
    }

    /** This case marked as computing in {@code float}. */
    public CorpusCase singlePrecision() {
        return new CorpusCase(name, f, u, points, closedForm, smooth, true);
    }

    public boolean isUnary() {
        return u != null;
    }

    /** The function value at {@code x}, computed by plain Java (no transformation needed). */
    public double value(double[] x) {
        return u != null ? u.apply(x[0]) : f.apply(x.clone());
    }

    /** The closed-form gradient at {@code x}, or {@code null} if there is none. */
    public double[] exactGradient(double[] x) {
        return closedForm == null ? null : closedForm.apply(x.clone());
    }

    /** Copies of the test points, so callers may not disturb the corpus. */
    public double[][] pointsCopy() {
        double[][] copy = new double[points.length][];
        for (int i = 0; i < points.length; i++) {
            copy[i] = points[i].clone();
        }
        return copy;
    }

    /** Renders a point for messages. */
    public static String describe(double[] x) {
        return Arrays.toString(x);
    }

    @Override
    public String toString() {
        return name;
    }
}
