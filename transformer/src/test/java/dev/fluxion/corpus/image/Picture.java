package dev.fluxion.corpus.image;

import java.util.function.DoubleUnaryOperator;

/**
 * An image as people write one: a final class whose samples are private, made by a factory, with
 * private helpers. Fluxion inlines its methods into losses of another package, whose class may not
 * read {@code samples}: the derivative reaches it through a method handle.
 */
public final class Picture {
    private static double offset = 0.25;

    private final double[] samples;

    private Picture(double[] samples) {
        this.samples = samples;
    }

    public static Picture of(double... samples) {
        return new Picture(samples);
    }

    public int size() {
        return samples.length;
    }

    public Picture map(DoubleUnaryOperator f) {
        double[] out = new double[samples.length];
        for (int i = 0; i < samples.length; i++) {
            out[i] = f.applyAsDouble(samples[i]);
        }
        return new Picture(out);
    }

    /** {@code sum_i (1.5 + i) s_i + offset}: a weight from a private method given an index, which stays a call. */
    public double weightedSum() {
        double s = offset;
        for (int i = 0; i < samples.length; i++) {
            s += weight(i) * samples[i];
        }
        return s;
    }

    private double weight(int i) {
        return 1.5 + i;
    }
}
