package dev.fluxion.corpus;

import dev.fluxion.Differentiable;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * Functions as values: lambdas and method references made in the differentiated code and called
 * there, or passed to helpers (an ODE integrator written for any right-hand side, a fold, a
 * quadrature rule); lambdas that capture differentiated values; the user's own functional
 * interfaces and {@code java.util.function}'s primitive ones.
 */
public final class FunctionsAsValues {
    /** Targets of the residuals in {@link #logCoshFit}. */
    static final double[] TARGETS = {0.5, -0.25, 1.0, 0.0};

    private FunctionsAsValues() {
    }

    /** A loss of one residual: the user's own functional interface. */
    interface Loss {
        double of(double residual);
    }

    static double logCosh(double r) {
        return Math.log(Math.cosh(r));
    }

    /** The position after 2 s of y'' = -k y - c y', k = p[0], c = p[1], by RK4: a lambda capturing k and c. */
    @Differentiable
    public static double oscillatorAfterTwoSeconds(double[] p) {
        double k = p[0];
        double c = p[1];
        double[] y = {1.0, 0.0};
        Ode.rk4((t, s, ds) -> {
            ds[0] = s[1];
            ds[1] = -k * s[0] - c * s[1];
        }, y, 0.1, 20);
        return y[0];
    }

    /** tanh through a method reference, and a lambda capturing x[0]. */
    @Differentiable
    public static double activations(double[] x) {
        DoubleUnaryOperator act = Math::tanh;
        double scale = x[0];
        DoubleUnaryOperator wave = v -> scale * Math.sin(v);
        double s = 0;
        for (int i = 1; i < x.length; i++) {
            s += act.applyAsDouble(x[i]) + wave.applyAsDouble(x[i]);
        }
        return s;
    }

    static double fold(double[] a, DoubleBinaryOperator op, double initial) {
        double acc = initial;
        for (double v : a) {
            acc = op.applyAsDouble(acc, v);
        }
        return acc;
    }

    /** A decaying sum of squares and a norm, both folds: a lambda and {@code Math::hypot}. */
    @Differentiable
    public static double folds(double[] x) {
        double decayed = fold(x, (acc, v) -> 0.5 * acc + v * v, 0);
        double norm = fold(x, Math::hypot, 0);
        return decayed + norm;
    }

    /** Residuals against TARGETS under a loss given as a method reference. */
    @Differentiable
    public static double logCoshFit(double[] x) {
        Loss loss = FunctionsAsValues::logCosh;
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += loss.of(x[i] - TARGETS[i]);
        }
        return s;
    }

    /** The trapezoid rule over [a, b] with n intervals, for any integrand. */
    static double trapezoid(DoubleUnaryOperator f, double a, double b, int n) {
        double h = (b - a) / n;
        double s = 0.5 * (f.applyAsDouble(a) + f.applyAsDouble(b));
        for (int i = 1; i < n; i++) {
            s += f.applyAsDouble(a + i * h);
        }
        return s * h;
    }

    /** The integral of exp(-p0 t^2) + p1 t over [0, 1], by the trapezoid rule (16 intervals). */
    @Differentiable
    public static double gaussianIntegral(double[] p) {
        return trapezoid(t -> Math.exp(-p[0] * t * t) + p[1] * t, 0, 1, 16);
    }

    /** A robust loss as a stream over indices: IntStream.range(..).mapToDouble(..).sum(). */
    @Differentiable
    public static double robustLossAsAStream(double[] x) {
        return java.util.stream.IntStream.range(0, x.length).mapToDouble(i -> logCosh(x[i] - TARGETS[i])).sum();
    }

    /** Streams over the array itself, one mapped by a lambda capturing x[0]. */
    @Differentiable
    public static double streamsOverTheArray(double[] x) {
        double k = x[0];
        return java.util.Arrays.stream(x).map(v -> k * v * v).sum() + java.util.stream.DoubleStream.of(x).sum();
    }

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(FunctionsAsValues.class.getName());

    /** Logged lazily: the lambda only formats the value it captures, for the logger to call or not. */
    @Differentiable
    public static double loggedLazily(double[] x) {
        double energy = 0;
        for (double v : x) {
            energy += v * v;
        }
        double e = energy;
        LOG.fine(() -> String.format("energy %.3f", e));
        LOG.finer(() -> "energy " + e + " of " + java.util.Arrays.toString(x));
        return Math.sqrt(energy);
    }

    /** Other terminals of primitive streams: the largest square, a weighted average, a product by reduce, the smallest value. */
    @Differentiable
    public static double otherStreamTerminals(double[] x) {
        double largestSquare = java.util.Arrays.stream(x).map(v -> v * v).max().getAsDouble();
        double weighted = java.util.stream.IntStream.range(0, x.length).mapToDouble(i -> x[i] * (i + 1)).average().orElse(0);
        double product = java.util.stream.DoubleStream.of(x).reduce(1, (a, b) -> a * b);
        double smallest = java.util.Arrays.stream(x).min().orElseThrow();
        return largestSquare + weighted + product + smallest;
    }

    /**
     * Stream operations between source and terminal: a trimmed mean (sorted, skip the smallest,
     * limit to drop the largest), the squares of the positive values (filter, map), and the largest
     * half times the smallest half (sorted into an array).
     */
    @Differentiable
    public static double streamOperations(double[] x) {
        double trimmedMean = java.util.Arrays.stream(x).sorted().skip(1).limit(x.length - 2).average().orElse(0);
        double positiveSquares = java.util.Arrays.stream(x).filter(v -> v > 0).map(v -> v * v).sum();
        double[] halves = java.util.stream.IntStream.range(0, x.length).mapToDouble(i -> x[i] / 2).sorted().toArray();
        return trimmedMean + positiveSquares + halves[halves.length - 1] * halves[0];
    }

    /** A measurement: data, read through a stream of records. */
    record Sample(double t, double y) {
    }

    static final java.util.List<Sample> SAMPLES = java.util.List.of(new Sample(0, 1.1), new Sample(1, 2.9),
            new Sample(2, 5.2), new Sample(3, 7.1));

    /**
     * Streams over objects (data, not differentiated): squared residuals of the line c[0] + c[1] t
     * over a list of records, the largest of c[1]^2 t over an array of them, and a sum over a range
     * of c.
     */
    @Differentiable
    public static double streamsOverRecords(double[] c) {
        double squares = SAMPLES.stream().mapToDouble(s -> {
            double r = s.y() - c[0] - c[1] * s.t();
            return r * r;
        }).sum();
        Sample[] array = SAMPLES.toArray(new Sample[0]);
        double largest = java.util.Arrays.stream(array).mapToDouble(s -> s.t() * c[1] * c[1]).max().getAsDouble();
        return squares + largest + java.util.Arrays.stream(c, 0, 1).map(v -> v * v * v).sum();
    }

    /** {@code DoubleStream.sum()}: compensated, so that {1e16, 1, 1, -1e16} sums to 2, not to 0. */
    @Differentiable
    public static double streamSum(double[] x) {
        return java.util.Arrays.stream(x).sum();
    }

    /** {@link #streamSum} as a function, made in this class (for a test's class loader). */
    public static dev.fluxion.ScalarFunction streamSumFunction() {
        return FunctionsAsValues::streamSum;
    }

    /**
     * {@code limit} is lazy: the stream never maps the values past it, so neither may the
     * derivative (at x2 = 0, sqrt's derivative is infinite, and 0 times it a NaN).
     */
    @Differentiable
    public static double lazyLimit(double[] x) {
        return java.util.Arrays.stream(x).map(Math::sqrt).limit(2).sum()
                + java.util.stream.IntStream.range(0, x.length).mapToDouble(i -> Math.log(x[i])).limit(1).sum();
    }

    /** An item of stock: a count and a weight that are not doubles. */
    record Item(int count, float weight) {
    }

    static final Item[] ITEMS = {new Item(3, 0.5f), new Item(1, 2.25f), new Item(4, 1.0f)};

    /** Accessors returning int and float as ToDoubleFunctions (widened, as the lambda's class widens them): c0 sum(w) + c1^2 sum(n). */
    @Differentiable
    public static double widenedAccessors(double[] c) {
        double weights = java.util.Arrays.stream(ITEMS).mapToDouble(Item::weight).map(w -> w * c[0]).sum();
        double counts = java.util.Arrays.stream(ITEMS).mapToDouble(Item::count).sum();
        return weights + c[1] * c[1] * counts;
    }
}
