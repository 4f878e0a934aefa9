package dev.fluxion.corpus;

import dev.fluxion.Differentiable;

/**
 * Helpers nobody annotated, differentiated through: the static methods of a utility class
 * ({@link Stats}), private helpers of this class, helpers that call helpers, a void helper that
 * writes its result into an array argument, and an instance method of a final class on an object
 * held in a constant. Only the entry points are {@code @Differentiable}.
 */
public final class PlainHelpers {
    /** Weights of the projection; the points have three coordinates. */
    static final double[] WEIGHTS = {0.5, -1.0, 2.0};
    static final Kernel GAUSSIAN = new Kernel(0.7);

    private PlainHelpers() {
    }

    /** The standard deviation of x plus the softplus of its mean, through {@link Stats}. */
    @Differentiable
    public static double spreadAndLevel(double[] x) {
        double m = Stats.mean(x);
        double v = Stats.variance(x, m);
        return Math.sqrt(v) + softplus(m);
    }

    private static double softplus(double z) {
        return Math.log1p(Math.exp(z));
    }

    /** (u . w) |x|^2 for u = x / |x|: a void helper fills a scratch array, then dot products. */
    @Differentiable
    public static double projectedEnergy(double[] x) {
        double[] unit = new double[x.length];
        Stats.normalizeInto(x, unit);
        return Stats.dot(unit, WEIGHTS) * Stats.dot(x, x);
    }

    /** A sum of smoothsteps of clamped values: helpers calling helpers, in a loop. */
    @Differentiable
    public static double smoothSteps(double[] x) {
        double s = 0;
        for (double v : x) {
            s += smoothstep(clamp01(v));
        }
        return s;
    }

    private static double clamp01(double v) {
        return Math.max(0, Math.min(1, v));
    }

    private static double smoothstep(double t) {
        return t * t * (3 - 2 * t);
    }

    /** A kernel sum over pairs, through the kernel object's method. */
    @Differentiable
    public static double pairKernelSum(double[] x) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = i + 1; j < x.length; j++) {
                s += GAUSSIAN.at(x[i] - x[j]);
            }
        }
        return s;
    }

    /** A Gaussian kernel of a fixed width: an ordinary final class with a private field. */
    static final class Kernel {
        private final double width;

        Kernel(double width) {
            this.width = width;
        }

        double at(double d) {
            return Math.exp(-d * d / (2 * width * width));
        }
    }
}
