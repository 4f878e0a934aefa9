package dev.fluxion.internal;

import java.lang.reflect.Array;

/** What generated tangents call for arrays: zero tangents and the dot products of custom rules. */
public final class ArrayTangents {
    private ArrayTangents() {
    }

    /** The tangent of an array whose contents do not vary: zeros of its length ({@code null} for {@code null}). */
    public static double[] zerosLike(double[] a) {
        return a == null ? null : new double[a.length];
    }

    public static float[] zerosLike(float[] a) {
        return a == null ? null : new float[a.length];
    }

    /**
     * The tangent side of {@code System.arraycopy(src, sp, dst, dp, n)} from an array whose contents
     * do not vary: zeros into {@code dstDot}, or for arrays of rows, rows of zeros shaped like the
     * rows copied.
     */
    public static void copyZeros(Object src, int sp, Object dstDot, int dp, int n) {
        if (dstDot instanceof double[] d) {
            java.util.Arrays.fill(d, dp, dp + n, 0.0);
        } else if (dstDot instanceof float[] f) {
            java.util.Arrays.fill(f, dp, dp + n, 0.0f);
        } else if (dstDot instanceof Object[] rows) {
            Object[] from = (Object[]) src;
            for (int k = 0; k < n; k++) {
                rows[dp + k] = ArrayAdjoints.zerosLike(from[sp + k]);
            }
        }
    }

    /**
     * The dot product of two vectors, as plain code: a Hessian-vector product inlines it into the
     * tangent it differentiates once more, where a rule's gradient meets the argument's tangent.
     */
    public static double dotOfVectors(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** The sum of the products of corresponding elements of two arrays of the same shape. */
    public static double dot(Object a, Object b) {
        if (a instanceof double[] x) {
            double[] y = (double[]) b;
            double s = 0;
            for (int i = 0; i < x.length; i++) {
                s += x[i] * y[i];
            }
            return s;
        }
        if (a instanceof float[] x) {
            float[] y = (float[]) b;
            double s = 0;
            for (int i = 0; i < x.length; i++) {
                s += (double) x[i] * y[i];
            }
            return s;
        }
        double s = 0;
        for (int i = 0, n = Array.getLength(a); i < n; i++) {
            s += dot(((Object[]) a)[i], ((Object[]) b)[i]);
        }
        return s;
    }
}
