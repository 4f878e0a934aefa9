package dev.fluxion.corpus;

import dev.fluxion.Differentiable;

/**
 * Small arrays as vector code over {@code double[3]} uses them (helpers that allocate their results,
 * inlined), which the primal optimisations replace by the values written into them, and the near
 * misses they must leave arrays: an element written twice, read before it is written, written on
 * one branch only (an array passed on is in {@link SideOutputs}). Each near miss is built so that a read wrongly replaced by a
 * write gives a different value.
 */
public final class SmallVectors {
    private SmallVectors() {
    }

    /** {@code n . (l - q) / |l - q|} with {@code n = normalize(q - c)}: vector helpers over {@code double[3]}. */
    @Differentiable
    public static double lambert(double[] x) {
        double[] q = {x[0], x[1], x[2]};
        double[] c = {0.5, -0.25, 1};
        double[] n = normalize(sub(q, c));
        double[] toLight = normalize(sub(new double[] {2, 3, -2}, q));
        return dot(n, toLight);
    }

    /** An element never written reads 0, and the length is 3: {@code x0 * v[1] + v[2] + 3 = x0 x1 + 3}. */
    @Differentiable
    public static double unwrittenElement(double[] x) {
        double[] v = new double[3];
        v[1] = x[1];
        v[0] = x[0];
        return v[0] * v[1] + v[2] + v.length;
    }

    /** Indices in a small {@code int[]}: {@code x[2] * x[0]}. */
    @Differentiable
    public static double indexTable(double[] x) {
        int[] order = {2, 0};
        return x[order[0]] * x[order[1]];
    }

    /** {@code v[0]} written twice, the second time on a branch: {@code x0 > 0 ? x1^2 : x0 x1}. */
    @Differentiable
    public static double writtenTwice(double[] x) {
        double[] v = {x[0], x[1]};
        if (x[0] > 0) {
            v[0] = x[1];
        }
        return v[0] * v[1];
    }

    /** {@code v[0]} written on one branch only: {@code x0 > 0 ? x0 x1 : 0}. */
    @Differentiable
    public static double writtenOnOneBranch(double[] x) {
        double[] v = new double[2];
        if (x[0] > 0) {
            v[0] = x[0];
        }
        return v[0] * x[1];
    }

    /** An accumulator read before each write, in a loop: {@code (sum x)^2}. */
    @Differentiable
    public static double accumulator(double[] x) {
        double[] acc = new double[1];
        for (int i = 0; i < x.length; i++) {
            acc[0] += x[i];
        }
        return acc[0] * acc[0];
    }

    /**
     * A new vector in each iteration, given to a {@code @Differentiable} method of another class:
     * {@code sum_i x_i^2 + 4 x_(i+1)^2 + 1}. No later code writes the array the call was given (the
     * next iteration fills a new one), so the forward sweep need not save it for the callee's adjoint.
     */
    @Differentiable
    public static double newVectorPerCall(double[] x) {
        double s = 0;
        for (int i = 0; i + 1 < x.length; i++) {
            double[] v = {x[i], 2 * x[i + 1], 1};
            s += Norms.squared(v);
        }
        return s;
    }

    /** The near miss: the vector is written after the call, in the same iteration: {@code sum_i x_i^2 + x_(i+1)^2 + 1 + x_(i+1)}. */
    @Differentiable
    public static double vectorWrittenAfterTheCall(double[] x) {
        double s = 0;
        for (int i = 0; i + 1 < x.length; i++) {
            double[] v = {x[i], x[i + 1], 1};
            s += Norms.squared(v);
            v[0] = 0;
            s += Norms.squared(v) - v[1] * v[1] - 1 + v[1];
        }
        return s;
    }

    /** The near miss: one vector, filled again in each iteration: {@code sum_i x_i^2 + x_(i+1)^2 + 1}. */
    @Differentiable
    public static double vectorRefilledEachIteration(double[] x) {
        double[] v = new double[3];
        double s = 0;
        for (int i = 0; i + 1 < x.length; i++) {
            v[0] = x[i];
            v[1] = x[i + 1];
            v[2] = 1;
            s += Norms.squared(v);
        }
        return s;
    }

    /** Another class: its {@code @Differentiable} method stays a call, reversed through its adjoint. */
    static final class Norms {
        private Norms() {
        }

        @Differentiable
        static double squared(double[] v) {
            return v[0] * v[0] + v[1] * v[1] + v[2] * v[2];
        }
    }

    static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    static double[] sub(double[] a, double[] b) {
        return new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
    }

    static double[] normalize(double[] a) {
        double length = Math.sqrt(dot(a, a));
        return new double[] {a[0] / length, a[1] / length, a[2] / length};
    }
}
