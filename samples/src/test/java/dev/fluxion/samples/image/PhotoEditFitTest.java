package dev.fluxion.samples.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fluxion.Fluxion;
import dev.fluxion.GradientFunction;
import dev.fluxion.ScalarFunction;
import dev.fluxion.TangentFunction;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The photo-edit sample in its short mode: Adam learns ImageMagick's tone curve and blur kernel from
 * the two committed pictures; Fluxion's gradient through the {@link Image} class agrees with
 * Richardson-extrapolated central differences of the loss, and forward mode agrees with it.
 */
class PhotoEditFitTest {
    private static final PhotoEditFit PROBLEM = PhotoEditFit.chelsea();

    /** The committed edited picture is what the documented ImageMagick command makes of the photograph. */
    @Test
    void theEditedPictureIsImageMagicksEditOfThePhotograph() {
        Image redone = ImageMagickEdit.redo(PROBLEM.before);
        int differing = 0;
        for (int i = 0; i < redone.samples().length; i++) {
            double levels = Math.abs(redone.samples()[i] - PROBLEM.after.samples()[i]) * 255;
            assertTrue(levels < 1 + 1e-9, "sample " + i + " is " + levels + " levels off");
            differing += levels > 0.5 ? 1 : 0;
        }
        // ImageMagick blurs along x, then along y, rounding in between: a sample in a thousand may end one level off
        assertTrue(differing < redone.samples().length / 1000, differing + " samples differ by a level");
    }

    @Test
    void aShortFitLearnsImageMagicksCurveAndKernelAndDrawsThePictures() throws Exception {
        PhotoEditFit.Fit fit = PROBLEM.fit(PhotoEditFit.SHORT_ITERATIONS, PhotoEditFit.LEARNING_RATE, 0);
        double first = fit.loss()[0];
        double last = fit.loss()[PhotoEditFit.SHORT_ITERATIONS - 1];
        assertEquals(PROBLEM.loss(PhotoEditFit.identity()), first, 1e-15);
        assertTrue(last < 2e-4 * first, "the loss fell from " + first + " to " + last);
        // the target's truncation to 8 bits, less its mean, leaves (1/255)^2 / 12 no edit can remove
        double rounding = 1.0 / (255 * 255 * 12);
        assertTrue(last < 1.2 * rounding, "the loss " + last + " is near the 8-bit rounding's " + rounding);
        double[] p = fit.parameters();
        // from the identity curve, up to 0.14 away from ImageMagick's, to the 12-segment line nearest it
        assertTrue(PhotoEditFit.curveError(p) < 0.004, "curve error " + PhotoEditFit.curveError(p));
        // from a kernel that keeps each pixel, 0.75 away in its centre, to ImageMagick's
        assertTrue(PhotoEditFit.kernelError(p) < 0.01, "kernel error " + PhotoEditFit.kernelError(p));

        Path directory = Path.of("target", "test-pictures");
        String[] names = {"photo-before.png", "photo-imagemagick.png", "photo-learnt.png", "photo-curve.png"};
        for (String name : names) {
            Files.deleteIfExists(directory.resolve(name));
        }
        PROBLEM.writePictures(fit, directory);
        Image learnt;
        try (var in = Files.newInputStream(directory.resolve("photo-learnt.png"))) {
            learnt = Image.read(in);
        }
        assertEquals(PROBLEM.before.width(), learnt.width());
        assertEquals(PROBLEM.before.height(), learnt.height());
        assertTrue(learnt.meanSquaredDifference(PROBLEM.after) < 2 * last, "the learnt picture as written");
        BufferedImage chart = ImageIO.read(directory.resolve("photo-curve.png").toFile());
        assertEquals(960, chart.getWidth());
        for (String name : names) {
            assertTrue(Files.size(directory.resolve(name)) > 0, name);
        }
    }

    /** Two points: no edit, where the fit starts, and one on the way with a curve and a kernel of their own. */
    private static final double[][] POINTS = {PhotoEditFit.identity(),
            {0.02, 0.05, 0.15, 0.25, 0.33, 0.48, 0.6, 0.7, 0.8, 0.88, 0.93, 0.97, 1.02,
                    0.1, 0.2, 0.05, 0.15, 0.5, 0.1, 0.02, 0.1, 0.08}};

    @Test
    void theGradientAgreesWithRichardsonDifferences() {
        GradientFunction gradient = Fluxion.gradient(PROBLEM::loss);
        for (double[] p : POINTS) {
            double[] g = new double[p.length];
            assertEquals(PROBLEM.loss(p), gradient.valueAndGradient(p, g), 1e-15);
            for (int i = 0; i < p.length; i++) {
                double difference = richardson(p, i, 1e-3);
                assertEquals(difference, g[i], 1e-7 * Math.abs(difference) + 1e-13, "parameter " + i);
            }
        }
    }

    /**
     * The kernel's weights are divided by their sum, so scaling them all changes nothing: the
     * gradient is orthogonal to them (at no edit, where the weights are those of the centre alone,
     * the centre's derivative is 0). Every other derivative tells something.
     */
    @Test
    void theKernelsDerivativesAreOrthogonalToItsWeights() {
        GradientFunction gradient = Fluxion.gradient(PROBLEM::loss);
        for (double[] p : POINTS) {
            double[] g = gradient.gradient(p);
            double along = 0;
            double weights = 0;
            double largest = 0;
            for (int i = PhotoEditFit.SEGMENTS + 1; i < PhotoEditFit.PARAMETERS; i++) {
                along += p[i] * g[i];
                weights += Math.abs(p[i]);
                largest = Math.max(largest, Math.abs(g[i]));
            }
            assertEquals(0, along, 1e-12 * weights * largest, "the kernel's weights . their derivatives");
            for (int i = 0; i < p.length; i++) {
                if (i <= PhotoEditFit.SEGMENTS || p[i] != 1) { // not the centre at no edit
                    assertTrue(Math.abs(g[i]) > 1e-7, "parameter " + i + ": a derivative that tells something (" + g[i] + ")");
                }
            }
        }
    }

    @Test
    void forwardModeAgreesWithReverseMode() {
        TangentFunction tangent = Fluxion.tangent(PROBLEM::loss);
        GradientFunction gradient = Fluxion.gradient(PROBLEM::loss);
        for (double[] p : POINTS) {
            double[] reverse = gradient.gradient(p);
            double[] forward = tangent.gradient(p);
            double largest = java.util.Arrays.stream(reverse).map(Math::abs).max().orElseThrow();
            for (int i = 0; i < p.length; i++) {
                // each derivative a sum over 41 472 samples: agreement to round-off of the largest
                assertEquals(reverse[i], forward[i], 1e-12 * largest, "parameter " + i);
            }
        }
    }

    @Test
    void everyWayOfWritingTheLossGivesTheSameGradient() {
        PhotoEditVariants variants = new PhotoEditVariants(PROBLEM);
        double[] p = POINTS[1];
        double[] expected = Fluxion.gradient(PROBLEM::loss).gradient(p);
        double largest = java.util.Arrays.stream(expected).map(Math::abs).max().orElseThrow();
        ScalarFunction[] ways = {variants::lossMethodReference, variants::lossPixelByPixel, variants::lossStream};
        for (int k = 0; k < ways.length; k++) {
            // the same sums in the same order, but for the stream's compensated sum
            assertEquals(PROBLEM.loss(p), ways[k].apply(p), 1e-15, "way " + k);
            double[] g = Fluxion.gradient(ways[k]).gradient(p);
            for (int i = 0; i < p.length; i++) {
                assertEquals(expected[i], g[i], 1e-12 * largest, "way " + k + ", parameter " + i);
            }
        }
    }

    /** d loss / d p_i by central differences with steps h, h/2, h/4, extrapolated twice (error O(h^6)). */
    private static double richardson(double[] p, int i, double h) {
        double d1 = central(p, i, h);
        double d2 = central(p, i, h / 2);
        double d3 = central(p, i, h / 4);
        double e1 = (4 * d2 - d1) / 3;
        double e2 = (4 * d3 - d2) / 3;
        return (16 * e2 - e1) / 15;
    }

    private static double central(double[] p, int i, double h) {
        double[] plus = p.clone();
        double[] minus = p.clone();
        plus[i] += h;
        minus[i] -= h;
        return (PROBLEM.loss(plus) - PROBLEM.loss(minus)) / (2 * h);
    }
}
