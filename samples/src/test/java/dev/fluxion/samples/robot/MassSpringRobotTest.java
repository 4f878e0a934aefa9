package dev.fluxion.samples.robot;

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
 * The mass-spring robot in a short mode: a few iterations of Adam on Fluxion's gradient make the
 * robot walk forward much further than its start controller does, and the gradient through a shorter
 * simulation agrees with Richardson-extrapolated central differences of the loss.
 */
class MassSpringRobotTest {
    private static final double MARGIN = 0.1; // the robot is 0.2 long

    @Test
    void aShortRunWalksForwardAndDrawsItsPictures() throws Exception {
        MassSpringRobot sim = MassSpringRobot.quadruped(MassSpringRobot.STEPS);
        double[] start = sim.startController(MassSpringRobot.INIT_SEED);
        MassSpringRobot.Training t = sim.optimise(start, MassSpringRobot.SHORT_ITERATIONS, 0);
        double before = -sim.loss(start);
        double after = t.distance()[t.iterations()];
        assertEquals(before, t.distance()[0], 1e-15, "the first iteration's value is the loss");
        assertTrue(after > before + MARGIN, "distance " + after + " after " + t.iterations()
                + " iterations, " + before + " with the start controller");

        MassSpringRobot.Motion motion = sim.simulate(t.controller(), MassSpringRobot.STEPS / 5);
        assertEquals(after, motion.distance(), 1e-12, "the recorded motion is the loss's");
        assertEquals(6, motion.frames().size());

        Path dir = Path.of("target", "test-pictures");
        Files.createDirectories(dir);
        Path training = dir.resolve("mass-spring-training.png");
        Path frames = dir.resolve("mass-spring-frames.png");
        Files.deleteIfExists(training);
        Files.deleteIfExists(frames);
        RobotCharts.training(t, sim.simulate(start, MassSpringRobot.STEPS / 5), motion, MassSpringRobot.DT, training);
        RobotCharts.frames(sim.robot, motion, MassSpringRobot.DT, frames);
        BufferedImage image = ImageIO.read(training.toFile());
        assertEquals(1280, image.getWidth());
        assertEquals(420, image.getHeight());
        assertEquals(1280, ImageIO.read(frames.toFile()).getWidth());
    }

    /** Every derivative against (4 D(h/2) - D(h)) / 3, D(h) = (L(c + h e_i) - L(c - h e_i)) / 2h, over 200 steps. */
    @Test
    void theGradientAgreesWithRichardsonDifferences() {
        MassSpringRobot sim = MassSpringRobot.quadruped(200);
        GradientFunction gradient = Fluxion.gradient(sim::loss);
        double[] small = sim.startController(1);
        double[] large = sim.startController(2);
        for (int i = 0; i < large.length; i++) {
            large[i] *= 10; // activations near saturation, the robot jumping about
        }
        for (double[] c : new double[][] {small, large}) {
            double[] g = new double[c.length];
            assertEquals(sim.loss(c), gradient.valueAndGradient(c, g), 1e-15);
            int informative = 0;
            for (int i = 0; i < c.length; i++) {
                double difference = richardson(sim, c, i, 1e-4);
                assertEquals(difference, g[i], 1e-9 + 1e-6 * Math.abs(difference), "d loss / d controller[" + i + "]");
                informative += Math.abs(g[i]) > 1e-5 ? 1 : 0;
            }
            assertTrue(informative > c.length / 2, informative + " derivatives of " + c.length + " that tell something");
        }
    }

    private static double richardson(MassSpringRobot sim, double[] c, int i, double h) {
        return (4 * central(sim, c, i, h / 2) - central(sim, c, i, h)) / 3;
    }

    private static double central(MassSpringRobot sim, double[] c, int i, double h) {
        double[] plus = c.clone();
        double[] minus = c.clone();
        plus[i] += h;
        minus[i] -= h;
        return (sim.loss(plus) - sim.loss(minus)) / (2 * h);
    }
}
