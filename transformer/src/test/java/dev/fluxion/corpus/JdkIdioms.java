package dev.fluxion.corpus;

import dev.fluxion.Differentiable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

/**
 * Small JDK idioms numerical code reaches for: {@code Double.max}, {@code Double.sum} as the
 * operator of a {@code reduce}, {@code Arrays.binarySearch} to find a table's interval,
 * {@code IntStream.rangeClosed}, a {@code List<Double>} summed through its stream, and functions
 * over boxed numbers ({@code Function<Double, Double>}, {@code BiFunction}, {@code UnaryOperator}), objects
 * stepped by {@code list.forEach}.
 */
public final class JdkIdioms {
    /** A tabulated function: its knots and values, as a lookup table in a program would hold them. */
    static final double[] KNOTS = {0.0, 0.5, 1.0, 2.0, 3.5, 5.0};
    static final double[] TABLE = {1.0, 1.4, 2.1, 2.6, 2.2, 3.0};

    private JdkIdioms() {
    }

    /** A hinge loss with {@code Double.max}, a margin with {@code Double.min}, their {@code Double.sum}. */
    @Differentiable
    public static double hingeLoss(double[] w) {
        double loss = 0;
        for (int i = 0; i + 1 < w.length; i++) {
            loss = Double.sum(loss, Double.max(0.0, 1.0 - w[i] * w[i + 1]));
        }
        return loss + Double.min(w[0], w[w.length - 1]);
    }

    /** A sum of squares as {@code Arrays.stream(x).map(..).reduce(0, Double::sum)}. */
    @Differentiable
    public static double reducedSquares(double[] x) {
        return Arrays.stream(x).map(v -> v * v).reduce(0, Double::sum) + Arrays.stream(x).reduce(Double::max).orElse(0);
    }

    /** The table read at {@code p[0]}, interpolated linearly, its interval found by {@code Arrays.binarySearch}; scaled by {@code p[1]}. */
    @Differentiable
    public static double interpolated(double[] p) {
        double t = p[0];
        int i = Arrays.binarySearch(KNOTS, t);
        if (i < 0) {
            i = -i - 2; // the insertion point minus one: the knot below t
        }
        i = Math.max(0, Math.min(i, KNOTS.length - 2));
        double s = (t - KNOTS[i]) / (KNOTS[i + 1] - KNOTS[i]);
        return p[1] * ((1 - s) * TABLE[i] + s * TABLE[i + 1]);
    }

    /** A weighted sum over {@code IntStream.rangeClosed(1, n)}: term k weighs x[k - 1] by k. */
    @Differentiable
    public static double rangeClosedSum(double[] x) {
        return IntStream.rangeClosed(1, x.length).mapToDouble(k -> k * Math.sin(x[k - 1])).sum();
    }

    /** Squared residuals collected in a {@code List<Double>}, summed by {@code stream().mapToDouble(Double::doubleValue)}. */
    @Differentiable
    public static double listOfDoublesSum(double[] x) {
        List<Double> residuals = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            double r = x[i] - 0.5 * i;
            residuals.add(r * r);
        }
        return residuals.stream().mapToDouble(Double::doubleValue).sum()
                + residuals.stream().mapToDouble(r -> r).max().getAsDouble();
    }

    /** A particle a simulation steps: mutable, as simulation code keeps its state. */
    static final class Particle {
        double x;
        double v;

        Particle(double x, double v) {
            this.x = x;
            this.v = v;
        }

        void step(double dt, double stiffness) {
            v -= stiffness * x * dt;
            x += v * dt;
        }
    }

    /** Particles on springs of stiffness p[0], starting at p[1..], stepped with {@code list.forEach}; their squared positions summed. */
    @Differentiable
    public static double steppedParticles(double[] p) {
        List<Particle> particles = new ArrayList<>();
        for (int i = 1; i < p.length; i++) {
            particles.add(new Particle(p[i], 0));
        }
        for (int t = 0; t < 3; t++) {
            particles.forEach(q -> q.step(0.1, p[0]));
        }
        double s = 0;
        for (Particle q : particles) {
            s += q.x * q.x;
        }
        return s;
    }

    /** A penalty as a {@code Function<Double, Double>}, a pairing as a {@code BiFunction}, a step as a {@code UnaryOperator}. */
    @Differentiable
    public static double boxedFunctions(double[] x) {
        Function<Double, Double> penalty = v -> v * v * v;
        BiFunction<Double, Double, Double> pair = (a, b) -> a * Math.exp(b);
        UnaryOperator<Double> step = v -> v - 0.1 * Math.tanh(v);
        double s = 0;
        for (int i = 0; i + 1 < x.length; i++) {
            s += penalty.apply(x[i]) + pair.apply(x[i], x[i + 1]);
        }
        return s + step.apply(step.apply(x[x.length - 1]));
    }
}
