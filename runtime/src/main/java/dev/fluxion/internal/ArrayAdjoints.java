package dev.fluxion.internal;

import java.lang.reflect.Array;

/**
 * Adjoints of the library calls that move array contents, called by generated reverse sweeps.
 * Arguments named {@code ...Bar} are shadow arrays. A copy's adjoint adds the copy's shadow into
 * the source's; a write's adjoint clears the overwritten elements' shadow, because what they held
 * before no longer reaches the output.
 *
 * <p>Public because generated code in user classes calls it; not part of the API.
 */
public final class ArrayAdjoints {
    private ArrayAdjoints() {
    }

    /** {@code r = a.clone()} or {@code r = Arrays.copyOf(a, n)}: the copied prefix flows back. */
    public static void copyOf(double[] aBar, double[] rBar) {
        int n = Math.min(aBar.length, rBar.length);
        for (int k = 0; k < n; k++) {
            aBar[k] += rBar[k];
        }
    }

    public static void copyOf(float[] aBar, float[] rBar) {
        int n = Math.min(aBar.length, rBar.length);
        for (int k = 0; k < n; k++) {
            aBar[k] += rBar[k];
        }
    }

    /** {@code r = Arrays.copyOfRange(a, from, to)}; elements past the end of {@code a} were zeros. */
    public static void copyOfRange(double[] aBar, int from, double[] rBar) {
        int n = Math.min(rBar.length, aBar.length - from);
        for (int k = 0; k < n; k++) {
            aBar[from + k] += rBar[k];
        }
    }

    public static void copyOfRange(float[] aBar, int from, float[] rBar) {
        int n = Math.min(rBar.length, aBar.length - from);
        for (int k = 0; k < n; k++) {
            aBar[from + k] += rBar[k];
        }
    }

    /**
     * {@code System.arraycopy(src, sp, dst, dp, n)}. {@code srcBar} is {@code null} when the source
     * is not differentiated. Source and destination may be the same array, overlapping.
     */
    public static void arraycopy(double[] srcBar, int sp, double[] dstBar, int dp, int n) {
        double[] moved = srcBar == dstBar ? java.util.Arrays.copyOfRange(dstBar, dp, dp + n) : null;
        for (int k = 0; k < n; k++) {
            double v = moved != null ? moved[k] : dstBar[dp + k];
            dstBar[dp + k] = 0.0;
            if (srcBar != null && moved == null) {
                srcBar[sp + k] += v;
            }
        }
        if (moved != null) {
            for (int k = 0; k < n; k++) {
                srcBar[sp + k] += moved[k];
            }
        }
    }

    public static void arraycopy(float[] srcBar, int sp, float[] dstBar, int dp, int n) {
        float[] moved = srcBar == dstBar ? java.util.Arrays.copyOfRange(dstBar, dp, dp + n) : null;
        for (int k = 0; k < n; k++) {
            float v = moved != null ? moved[k] : dstBar[dp + k];
            dstBar[dp + k] = 0.0f;
            if (srcBar != null && moved == null) {
                srcBar[sp + k] += v;
            }
        }
        if (moved != null) {
            for (int k = 0; k < n; k++) {
                srcBar[sp + k] += moved[k];
            }
        }
    }

    /** {@code Arrays.fill(a, from, to, v)}: returns the adjoint of {@code v} and clears the range. */
    public static double fill(double[] aBar, int from, int to) {
        double sum = 0.0;
        for (int k = from; k < to; k++) {
            sum += aBar[k];
            aBar[k] = 0.0;
        }
        return sum;
    }

    public static double fill(double[] aBar) {
        return fill(aBar, 0, aBar.length);
    }

    public static float fill(float[] aBar, int from, int to) {
        float sum = 0.0f;
        for (int k = from; k < to; k++) {
            sum += aBar[k];
            aBar[k] = 0.0f;
        }
        return sum;
    }

    public static float fill(float[] aBar) {
        return fill(aBar, 0, aBar.length);
    }

    /**
     * The shadow of an array that a {@code @Differentiable} callee returned, found among its
     * arguments: if {@code result} is {@code arg}, or one of its rows at any depth, the matching
     * part of {@code argShadow}; otherwise {@code found}, the answer for the arguments before.
     */
    public static Object resultShadow(Object result, Object arg, Object argShadow, Object found) {
        if (found != null || arg == null || argShadow == null) {
            return found;
        }
        if (result == arg) {
            return argShadow;
        }
        if (arg instanceof Object[] rows && argShadow instanceof Object[] shadowRows) {
            for (int i = 0; i < rows.length; i++) {
                Object s = resultShadow(result, rows[i], shadowRows[i], null);
                if (s != null) {
                    return s;
                }
            }
        }
        return null;
    }

    /** The shadow {@link #resultShadow} found, or for an array the callee allocated, a new zero one. */
    public static Object resultShadowOrZeros(Object result, Object found) {
        return found != null ? found : zerosLike(result);
    }

    /**
     * Adds the seed of a returned array (its adjoint in the caller) into the shadow the callee's
     * adjoint built for it; nothing if they are the same array, because the callee returned an
     * array the caller gave it and the caller's adjoints are already in its shadow.
     */
    public static void addSeed(Object shadow, Object seed) {
        if (shadow == seed || shadow == null || seed == null) {
            return;
        }
        if (shadow instanceof double[] s && seed instanceof double[] d) {
            copyOf(s, d);
        } else if (shadow instanceof float[] s && seed instanceof float[] d) {
            copyOf(s, d);
        } else if (shadow instanceof Object[] s && seed instanceof Object[] d) {
            for (int i = 0; i < Math.min(s.length, d.length); i++) {
                addSeed(s[i], d[i]);
            }
        }
    }

    /** Sets every element of a {@code double[]}/{@code float[]}, or of the rows of an array of them, to zero. */
    public static void zero(Object array) {
        if (array instanceof double[] a) {
            java.util.Arrays.fill(a, 0.0);
        } else if (array instanceof float[] a) {
            java.util.Arrays.fill(a, 0.0f);
        } else if (array instanceof Object[] rows) {
            for (Object row : rows) {
                zero(row);
            }
        }
    }

    /**
     * Throws {@code FluxionException(message)} if {@code a} and {@code b} are one array, or one is a
     * row (at any depth) of the other: a callee's adjoint assumes distinct array arguments.
     */
    public static void requireDistinct(Object a, Object b, String message) {
        if (a != null && (a == b || contains(a, b) || contains(b, a))) {
            throw new dev.fluxion.FluxionException(message);
        }
    }

    private static boolean contains(Object outer, Object inner) {
        if (outer instanceof Object[] rows) {
            for (Object row : rows) {
                if (row == inner || contains(row, inner)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A copy of an array and of its rows, at every depth. */
    public static Object deepCopy(Object array) {
        if (array instanceof Object[] rows) {
            Object[] out = rows.clone();
            for (int i = 0; i < out.length; i++) {
                out[i] = deepCopy(out[i]);
            }
            return out;
        }
        if (array instanceof double[] a) {
            return a.clone();
        }
        return array instanceof float[] a ? a.clone() : array;
    }

    /** A zero shadow of the same shape as {@code array} (rows allocated as deep as they exist). */
    public static Object zerosLike(Object array) {
        if (array == null) {
            return null;
        }
        int n = Array.getLength(array);
        Object copy = Array.newInstance(array.getClass().getComponentType(), n);
        if (array instanceof Object[] rows) {
            Object[] out = (Object[]) copy;
            for (int i = 0; i < n; i++) {
                out[i] = zerosLike(rows[i]);
            }
        }
        return copy;
    }
}
