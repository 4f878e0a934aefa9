package dev.fluxion.samples.ode;

import dev.fluxion.Differentiable;
import dev.fluxion.Fluxion;
import dev.fluxion.ModelGradient;
import dev.fluxion.samples.Adam;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * A damped pendulum, theta'' = -(g / L) sin(theta) - c theta', released from 1.2 rad (far from the
 * small-angle regime), its two parameters recovered from noisy angle readings. Written as a model
 * object: the parameters are the fields of a {@link Pendulum}, its dynamics are its own method
 * {@code swing}, passed to {@link Rk4} as {@code this::swing}, and the gradient of its loss with
 * respect to the object comes from {@code Fluxion.modelGradient(Pendulum::loss)}, as another
 * {@code Pendulum} holding the derivatives.
 */
public final class DampedPendulumFit {
    /** Angle (rad) and angular velocity at time 0, known. */
    static final double[] Y0 = {1.2, 0};
    /** Readings at t = 0, 0.1, ..., 10. */
    static final double[] TIMES = PredatorPreyFit.times(0, 10, 101);
    static final int STEPS_PER_INTERVAL = 4;
    /** Standard deviation of the noise of a reading, rad. */
    static final double NOISE = 0.05;
    static final long SEED = 7;
    /** g / L (1/s^2) and damping c (1/s) the readings are made with. */
    static final Pendulum HIDDEN = new Pendulum(9.0, 0.35);
    static final Pendulum START = new Pendulum(7.0, 0.1);
    static final double[] OBSERVED = observe(HIDDEN, new Random(SEED));

    static final double LEARNING_RATE = 0.05;
    static final double HALF_LIFE = 300;
    static final int ITERATIONS = 1000;
    static final int SHORT_ITERATIONS = 300;

    private DampedPendulumFit() {
    }

    /** The model: its parameters are its fields. */
    static final class Pendulum {
        double stiffness; // g / L
        double damping;

        Pendulum(double stiffness, double damping) {
            this.stiffness = stiffness;
            this.damping = damping;
        }

        Pendulum copy() {
            return new Pendulum(stiffness, damping);
        }

        private void swing(double t, double[] y, double[] dydt) {
            dydt[0] = y[1];
            dydt[1] = -stiffness * Math.sin(y[0]) - damping * y[1];
        }

        double[][] trajectory(double[] times) {
            return Rk4.trajectory(this::swing, Y0, times, STEPS_PER_INTERVAL);
        }

        /** Sum of squared differences between the angles of this pendulum and the readings. */
        @Differentiable
        double loss() {
            double[][] predicted = trajectory(TIMES);
            double sum = 0;
            for (int k = 0; k < TIMES.length; k++) {
                double r = predicted[k][0] - OBSERVED[k];
                sum += r * r;
            }
            return sum;
        }
    }

    private static double[] observe(Pendulum p, Random random) {
        double[][] states = p.trajectory(TIMES);
        double[] angles = new double[TIMES.length];
        for (int k = 0; k < TIMES.length; k++) {
            angles[k] = states[k][0] + NOISE * random.nextGaussian();
        }
        return angles;
    }

    /** The fitted pendulum and the loss before each step (and after the last one at the end). */
    record Fit(Pendulum pendulum, double[] loss) {
        int iterations() {
            return loss.length - 1;
        }
    }

    /** Adam on the pendulum's two fields from {@code start} for {@code iterations} steps. */
    static Fit fit(Pendulum start, int iterations) {
        ModelGradient<Pendulum> gradient = Fluxion.modelGradient(Pendulum::loss);
        Pendulum model = start.copy();
        Pendulum grad = new Pendulum(0, 0);
        Adam adam = new Adam(2, LEARNING_RATE, HALF_LIFE);
        double[] p = new double[2];
        double[] g = new double[2];
        double[] history = new double[iterations + 1];
        for (int it = 0; it < iterations; it++) {
            history[it] = gradient.valueAndGradient(model, grad);
            p[0] = model.stiffness;
            p[1] = model.damping;
            g[0] = grad.stiffness;
            g[1] = grad.damping;
            adam.step(p, g);
            model.stiffness = p[0];
            model.damping = p[1];
        }
        history[iterations] = model.loss();
        return new Fit(model, history);
    }

    /** Fits the pendulum and writes {@code ode-pendulum.png} to the directory given (default {@code samples/target/pictures}); {@code --short} first for the short run. */
    public static void main(String[] args) throws IOException {
        boolean shortRun = args.length > 0 && args[0].equals("--short");
        int rest = shortRun ? 1 : 0;
        Path out = Path.of(args.length > rest ? args[rest] : "samples/target/pictures");
        int iterations = shortRun ? SHORT_ITERATIONS : ITERATIONS;
        long begin = System.nanoTime();
        Fit fit = fit(START, iterations);
        double seconds = (System.nanoTime() - begin) / 1e9;
        System.out.printf("damped pendulum: %d readings, noise %.2f rad; loss %.6e after %d iterations (%.2f s), at the hidden parameters %.6e%n",
                TIMES.length, NOISE, fit.loss()[iterations], iterations, seconds, HIDDEN.loss());
        System.out.printf("%-10s %-10s %-10s %-8s%n", "parameter", "fitted", "hidden", "error");
        System.out.printf("%-10s %-10.6f %-10.6f %+.2f %%%n", "g/L", fit.pendulum().stiffness, HIDDEN.stiffness,
                100 * (fit.pendulum().stiffness - HIDDEN.stiffness) / HIDDEN.stiffness);
        System.out.printf("%-10s %-10.6f %-10.6f %+.2f %%%n", "damping", fit.pendulum().damping, HIDDEN.damping,
                100 * (fit.pendulum().damping - HIDDEN.damping) / HIDDEN.damping);
        Files.createDirectories(out);
        Path picture = out.resolve("ode-pendulum.png");
        OdeChart.writePendulum(fit, picture);
        System.out.println("wrote " + picture);
    }
}
