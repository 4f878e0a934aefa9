package dev.fluxion.corpus;

import dev.fluxion.Differentiable;

/** A small library of a model's building blocks, in a class of its own, as a project keeps them. */
public final class Activations {
    private Activations() {
    }

    /** {@code log(1 + e^z)}, computed without overflow for large {@code z}. */
    @Differentiable
    public static double softplus(double z) {
        if (z > 0) {
            return z + Math.log1p(Math.exp(-z));
        }
        return Math.log1p(Math.exp(z));
    }

    @Differentiable
    public static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Scales {@code v} to unit length, in place, and returns the length it had. */
    @Differentiable
    public static double normalize(double[] v) {
        double length = Math.sqrt(dot(v, v));
        for (int i = 0; i < v.length; i++) {
            v[i] /= length;
        }
        return length;
    }

    /** Scales {@code v} by {@code s} in place, and returns it for chaining. */
    @Differentiable
    public static double[] scale(double[] v, double s) {
        for (int i = 0; i < v.length; i++) {
            v[i] *= s;
        }
        return v;
    }
}
