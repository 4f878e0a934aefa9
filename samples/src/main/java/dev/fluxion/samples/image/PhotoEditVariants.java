package dev.fluxion.samples.image;

import dev.fluxion.Differentiable;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.IntStream;

/**
 * The loss of {@link PhotoEditFit} written the other ways a Java developer would write it, each
 * giving the same gradient (the test checks it): the curve as a record whose method is passed as a
 * bound method reference, the curve held in a variable and the difference summed pixel by pixel
 * with {@code get(x, y, c)}, and the difference summed by a stream.
 *
 * <p>One natural form that Fluxion rejects is not here (a rejected method fails the build of this
 * module): {@code Image} as a final class with private fields, the photograph held in a field of the
 * loss's class; {@code repro/PrivateFieldsOfAnObjectFromOutside.java} has it with Fluxion's message.
 */
final class PhotoEditVariants {
    private final PhotoEditFit problem;

    PhotoEditVariants(PhotoEditFit problem) {
        this.problem = problem;
    }

    /** A piecewise-linear tone curve through its heights. */
    record ToneCurve(double[] heights) {
        double at(double v) {
            return PhotoEditFit.toneCurve(v, heights);
        }
    }

    /** The curve a record made here, its method passed as {@code curve::at}. */
    @Differentiable
    double lossMethodReference(double[] p) {
        ToneCurve curve = new ToneCurve(p);
        return problem.before.map(curve::at).convolve(PhotoEditFit.kernel(p)).meanSquaredDifference(problem.after);
    }

    /** The curve held in a variable, the squared differences summed pixel by pixel. */
    @Differentiable
    double lossPixelByPixel(double[] p) {
        DoubleUnaryOperator curve = v -> PhotoEditFit.toneCurve(v, p);
        Image edited = problem.before.map(curve).convolve(PhotoEditFit.kernel(p));
        double sum = 0;
        for (int y = 0; y < edited.height(); y++) {
            for (int x = 0; x < edited.width(); x++) {
                for (int c = 0; c < edited.channels(); c++) {
                    double d = edited.get(x, y, c) - problem.after.get(x, y, c);
                    sum += d * d;
                }
            }
        }
        return sum / edited.samples().length;
    }

    /** The squared differences summed by a stream over the samples' indices. */
    @Differentiable
    double lossStream(double[] p) {
        double[] edited = PhotoEditFit.edit(problem.before, p).samples();
        double[] target = problem.after.samples();
        return IntStream.range(0, edited.length).mapToDouble(i -> (edited[i] - target[i]) * (edited[i] - target[i]))
                .sum() / edited.length;
    }
}
