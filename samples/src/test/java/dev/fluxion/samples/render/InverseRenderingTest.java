package dev.fluxion.samples.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fluxion.Fluxion;
import dev.fluxion.GradientFunction;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The inverse-rendering sample in its short mode: Adam on a 24x24 picture recovers the hidden
 * sphere and light, and Fluxion's gradient of the ray tracer agrees with Richardson-extrapolated
 * central differences of the loss.
 */
class InverseRenderingTest {
    /** How close the short fit must come to each hidden parameter. */
    private static final double TOLERANCE = 0.02;

    @Test
    void aShortFitRecoversTheHiddenSceneAndDrawsItsPictures() throws Exception {
        InverseRendering problem = new InverseRendering(InverseRendering.SHORT_SIZE);
        InverseRendering.Fit fit = problem.fit(InverseRendering.START, InverseRendering.SHORT_ITERATIONS,
                InverseRendering.LEARNING_RATE, 0);
        double[] found = fit.parameters();
        for (int i = 0; i < found.length; i++) {
            assertEquals(InverseRendering.HIDDEN[i], found[i], TOLERANCE, InverseRendering.NAMES[i]);
        }
        double first = fit.loss()[0];
        double last = fit.loss()[InverseRendering.SHORT_ITERATIONS - 1];
        assertTrue(last < 1e-4 * first, "the loss fell from " + first + " to " + last);
        assertEquals(problem.loss(InverseRendering.START), first, 1e-15);

        Path directory = Path.of("target", "test-pictures");
        for (String name : new String[] {"render-target.png", "render-start.png", "render-result.png", "render-loss.png"}) {
            Files.deleteIfExists(directory.resolve(name));
        }
        problem.writePictures(fit, directory);
        BufferedImage result = ImageIO.read(directory.resolve("render-result.png").toFile());
        assertEquals(InverseRendering.SHORT_SIZE * Pictures.SCALE, result.getWidth());
        assertEquals(InverseRendering.SHORT_SIZE * Pictures.SCALE, result.getHeight());
        BufferedImage chart = ImageIO.read(directory.resolve("render-loss.png").toFile());
        assertEquals(640, chart.getWidth());
        assertTrue(Files.size(directory.resolve("render-target.png")) > 0);
        assertTrue(Files.size(directory.resolve("render-start.png")) > 0);
    }

    /** At the start and at a point on the way, every derivative against Richardson's extrapolation of central differences. */
    @Test
    void theGradientAgreesWithRichardsonDifferences() {
        InverseRendering problem = new InverseRendering(InverseRendering.SHORT_SIZE);
        GradientFunction gradient = Fluxion.gradient(problem::loss);
        double[][] points = {InverseRendering.START, {0.1, 1.0, 0.2, 0.85, -1.0, 3.5, -2.0}};
        for (double[] p : points) {
            double[] g = new double[p.length];
            double value = gradient.valueAndGradient(p, g);
            assertEquals(problem.loss(p), value, 1e-15);
            for (int i = 0; i < p.length; i++) {
                double difference = richardson(problem, p, i, 1e-4);
                assertEquals(difference, g[i], 1e-6 * Math.abs(difference), InverseRendering.NAMES[i] + " at "
                        + InverseRendering.format(p));
                assertTrue(Math.abs(g[i]) > 1e-4, InverseRendering.NAMES[i] + ": a derivative that tells something ("
                        + g[i] + ")");
            }
        }
    }

    /** d loss / d p_i by central differences with steps h, h/2, h/4, extrapolated twice (error O(h^6)). */
    private static double richardson(InverseRendering problem, double[] p, int i, double h) {
        double d1 = central(problem, p, i, h);
        double d2 = central(problem, p, i, h / 2);
        double d3 = central(problem, p, i, h / 4);
        double e1 = (4 * d2 - d1) / 3;
        double e2 = (4 * d3 - d2) / 3;
        return (16 * e2 - e1) / 15;
    }

    private static double central(InverseRendering problem, double[] p, int i, double h) {
        double[] plus = p.clone();
        double[] minus = p.clone();
        plus[i] += h;
        minus[i] -= h;
        return (problem.loss(plus) - problem.loss(minus)) / (2 * h);
    }
}
