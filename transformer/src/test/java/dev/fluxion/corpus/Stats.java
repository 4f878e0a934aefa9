package dev.fluxion.corpus;

/**
 * A small statistics utility as anyone would write it, without Fluxion in mind: no annotation.
 * {@link PlainHelpers}' differentiated methods call it, and Fluxion differentiates through it.
 */
public final class Stats {
    private Stats() {
    }

    public static double mean(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s / a.length;
    }

    public static double variance(double[] a, double mean) {
        double s = 0;
        for (double v : a) {
            double d = v - mean;
            s += d * d;
        }
        return s / a.length;
    }

    public static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Writes {@code src / |src|} into {@code dst}. */
    public static void normalizeInto(double[] src, double[] dst) {
        double norm = Math.sqrt(dot(src, src));
        for (int i = 0; i < src.length; i++) {
            dst[i] = src[i] / norm;
        }
    }
}
