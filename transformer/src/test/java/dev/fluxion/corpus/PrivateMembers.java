package dev.fluxion.corpus;

import dev.fluxion.Differentiable;
import dev.fluxion.corpus.image.Lens;
import dev.fluxion.corpus.image.Picture;
import java.util.function.DoubleUnaryOperator;

/**
 * Objects whose fields, methods and constructors their classes keep private, protected, or to their
 * package, inlined into a loss of another class: the derivative, in the loss's class (or on demand
 * in a hidden nestmate of it), reaches what it may not use itself through method handles.
 */
public final class PrivateMembers {
    private PrivateMembers() {
    }

    /** The photograph held in a field of the loss's class, a lambda over the parameters mapped over its private samples. */
    public static final class PhotoFit {
        final Samples photo = new Samples(new double[] {0.1, 0.5, 0.9});

        /** {@code sum_v (p0 v + p1 v^2)} over the samples. */
        @Differentiable
        public double loss(double[] p) {
            return photo.map(v -> p[0] * v + p[1] * v * v).sum();
        }
    }

    /** {@code sum_i (1.5 + i) (p0 s_i + sin(p1 s_i)) + 0.25} for a picture of another package, with private members. */
    public static final class PictureFit {
        final Picture photo = Picture.of(0.2, -0.4, 0.7, 1.1);

        @Differentiable
        public double loss(double[] p) {
            return photo.map(v -> p[0] * v + Math.sin(p[1] * v)).weightedSum();
        }
    }

    /** A picture made of the parameters in the loss, of another package: private constructor, fields and method. */
    @Differentiable
    public static double pictureOfParameters(double[] p) {
        Picture made = Picture.of(p[0], p[1] * p[1], 0.5);
        return made.map(v -> v * v).weightedSum() * made.size();
    }

    /** A subclass of a base class of another package: its protected field, and its protected final helper. */
    public static final class Focus extends Lens {
        /** The focal length the base class sets, 2. */
        public Focus() {
        }

        public Focus(double focal) {
            this.focal = focal;
        }

        /** {@code sum_i bend(p_i) * focal}. */
        @Differentiable
        public double loss(double[] p) {
            double s = 0;
            for (int i = 0; i < p.length; i++) {
                s += bend(p[i]) * focal;
            }
            return s;
        }
    }
}

/** The reproducer's picture: a final class of the same package whose samples are private. */
final class Samples {
    private final double[] samples;

    Samples(double[] samples) {
        this.samples = samples;
    }

    Samples map(DoubleUnaryOperator f) {
        double[] out = new double[samples.length];
        for (int i = 0; i < samples.length; i++) {
            out[i] = f.applyAsDouble(samples[i]);
        }
        return new Samples(out);
    }

    double sum() {
        double s = 0;
        for (double v : samples) {
            s += v;
        }
        return s;
    }
}
