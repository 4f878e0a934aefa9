package dev.fluxion.samples.robot;

import dev.fluxion.Differentiable;
import dev.fluxion.Fluxion;
import dev.fluxion.GradientFunction;
import dev.fluxion.samples.Adam;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A mass-spring robot learns to walk, after DiffTaichi's {@code mass_spring} example (Hu et al.,
 * 2020): particles joined by springs, some of them muscles whose rest length an open-loop sine
 * controller stretches and shrinks, on a ground with friction. The loss simulates the robot for
 * {@link #STEPS} time steps of semi-implicit Euler and returns minus the distance its centre moved
 * to the right; Fluxion differentiates it with respect to the controller's parameters through the
 * whole simulation, and Adam follows the gradient.
 */
public final class MassSpringRobot {
    static final double DT = 0.004;
    static final double GRAVITY = -4.8;
    static final double DAMPING = 5;
    static final double CELL = 0.05;
    static final double STIFFNESS = 3e4;
    static final double ACTUATION = 0.2; // a muscle's rest length changes by up to 20 %
    static final double OMEGA = 10; // the controller's sines, in radians per second
    static final int WAVES = 10;
    static final double GROUND_Y = 0.1;
    static final double GROUND_STIFFNESS = 3e4;
    static final double GROUND_DAMPING = 100;
    static final double FRICTION = 1;
    static final double SLIP_SPEED = 0.5;

    static final int STEPS = 1000;
    static final int ITERATIONS = 150;
    static final int SHORT_ITERATIONS = 20;
    static final double LEARNING_RATE = 0.02;
    static final double GRADIENT_CLIP = 1; // a longer gradient is scaled down to this length, as DiffTaichi does
    static final long INIT_SEED = 1;

    final Robot robot;
    final SineController sineController;
    final Ground ground;
    final int steps;

    MassSpringRobot(Robot robot, Ground ground, int steps) {
        this.robot = robot;
        this.sineController = new SineController(robot.actuators(), WAVES, OMEGA);
        this.ground = ground;
        this.steps = steps;
    }

    /** The sample's robot, simulated for {@code steps} steps. */
    static MassSpringRobot quadruped(int steps) {
        return new MassSpringRobot(Robot.quadruped(GROUND_Y, CELL, STIFFNESS),
                new Ground(GROUND_Y, GROUND_STIFFNESS, GROUND_DAMPING, FRICTION, SLIP_SPEED), steps);
    }

    /** Minus the distance the robot's centre moves to the right in {@link #steps} time steps. */
    @Differentiable
    double loss(double[] controller) {
        List<Particle> particles = robot.newParticles();
        double startX = centreX(particles);
        for (int step = 0; step < steps; step++) {
            advance(particles, controller, step);
        }
        return -(centreX(particles) - startX);
    }

    /** One time step: the springs pull on the particles, which then move and meet the ground. */
    private void advance(List<Particle> particles, double[] controller, int step) {
        double[] activation = sineController.activations(controller, step * DT);
        for (Spring s : robot.springs) {
            Particle a = particles.get(s.a());
            Particle b = particles.get(s.b());
            double dx = b.x - a.x;
            double dy = b.y - a.y;
            double length = Math.sqrt(dx * dx + dy * dy);
            double target = s.restLength();
            if (s.actuated()) {
                target *= 1 + ACTUATION * activation[s.actuator()];
            }
            double tension = s.stiffness() * (length - target) / length; // Hooke's law along the spring
            a.push(tension * dx, tension * dy);
            b.push(-tension * dx, -tension * dy);
        }
        for (Particle p : particles) {
            p.advance(DT, GRAVITY, DAMPING, ground);
        }
    }

    private static double centreX(List<Particle> particles) {
        double sum = 0;
        for (Particle p : particles) {
            sum += p.x;
        }
        return sum / particles.size();
    }

    /** The centre's x at each step (from 0 to {@link #steps}) and the particles' positions every {@code frameEvery} steps. */
    record Motion(double[] centreX, List<double[][]> frames, int frameEvery) {
        double distance() {
            return centreX[centreX.length - 1] - centreX[0];
        }
    }

    /** Simulates the robot under the controller, as {@link #loss} does, recording its motion. */
    Motion simulate(double[] controller, int frameEvery) {
        List<Particle> particles = robot.newParticles();
        double[] centre = new double[steps + 1];
        List<double[][]> frames = new ArrayList<>();
        for (int step = 0; ; step++) {
            centre[step] = centreX(particles);
            if (step % frameEvery == 0) {
                double[][] frame = new double[2][particles.size()];
                for (int i = 0; i < particles.size(); i++) {
                    frame[0][i] = particles.get(i).x;
                    frame[1][i] = particles.get(i).y;
                }
                frames.add(frame);
            }
            if (step == steps) {
                return new Motion(centre, frames, frameEvery);
            }
            advance(particles, controller, step);
        }
    }

    /** A controller with small random weights and biases. */
    double[] startController(long seed) {
        Random random = new Random(seed);
        double[] controller = new double[sineController.parameters()];
        for (int i = 0; i < controller.length; i++) {
            controller[i] = 0.1 * random.nextGaussian();
        }
        return controller;
    }

    /** The distance moved before each iteration and after the last, and the controller learnt. */
    record Training(double[] distance, double[] controller, double secondsPerGradient) {
        int iterations() {
            return distance.length - 1;
        }
    }

    /**
     * Adam on the controller, {@code iterations} steps from {@code start} (not changed), the gradient
     * clipped to length {@link #GRADIENT_CLIP}; reports every {@code reportEvery} iterations (never if 0).
     */
    Training optimise(double[] start, int iterations, int reportEvery) {
        GradientFunction gradient = Fluxion.gradient(this::loss);
        double[] controller = start.clone();
        double[] g = new double[controller.length];
        double[] distance = new double[iterations + 1];
        Adam adam = new Adam(controller.length, LEARNING_RATE);
        long nanos = 0;
        for (int i = 0; i < iterations; i++) {
            long t0 = System.nanoTime();
            distance[i] = -gradient.valueAndGradient(controller, g);
            nanos += System.nanoTime() - t0;
            double norm = norm(g);
            if (norm > GRADIENT_CLIP) {
                for (int k = 0; k < g.length; k++) {
                    g[k] *= GRADIENT_CLIP / norm;
                }
            }
            adam.step(controller, g);
            if (reportEvery > 0 && (i == 0 || (i + 1) % reportEvery == 0)) {
                System.out.printf("iteration %4d  distance %7.4f  |gradient| %.3g%n", i + 1, distance[i], norm);
            }
        }
        distance[iterations] = -loss(controller);
        return new Training(distance, controller, nanos / 1e9 / Math.max(1, iterations));
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double e : v) {
            s += e * e;
        }
        return Math.sqrt(s);
    }

    /**
     * Trains the controller ({@value #ITERATIONS} iterations, or {@value #SHORT_ITERATIONS} with
     * {@code --short}) and writes {@code mass-spring-training.png} and {@code mass-spring-frames.png}
     * to the directory given (default {@code samples/target/pictures}).
     */
    public static void main(String[] args) throws IOException {
        boolean quick = args.length > 0 && args[0].equals("--short");
        int iterations = quick ? SHORT_ITERATIONS : ITERATIONS;
        Path out = Path.of(args.length > (quick ? 1 : 0) ? args[args.length - 1] : "samples/target/pictures");
        MassSpringRobot sim = quadruped(STEPS);
        System.out.printf("mass-spring robot: %d particles, %d springs (%d muscles), %d controller parameters, "
                + "%d steps of %.3f s%n", sim.robot.particles.size(), sim.robot.springs.size(), sim.robot.actuators(),
                sim.sineController.parameters(), STEPS, DT);
        double[] start = sim.startController(INIT_SEED);
        int evaluations = 20;
        for (int i = 0; i < evaluations; i++) {
            sim.loss(start); // warm-up
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < evaluations; i++) {
            sim.loss(start);
        }
        double secondsPerLoss = (System.nanoTime() - t0) / 1e9 / evaluations;

        Training training = sim.optimise(start, iterations, quick ? 5 : 10);
        Motion before = sim.simulate(start, STEPS / 5);
        Motion after = sim.simulate(training.controller(), STEPS / 5);
        System.out.printf("distance moved in %.1f s: %.4f with the start controller, %.4f after %d iterations of Adam%n",
                STEPS * DT, before.distance(), after.distance(), iterations);
        System.out.printf("%.2f ms per loss, %.2f ms per gradient (%.1f times)%n", secondsPerLoss * 1e3,
                training.secondsPerGradient() * 1e3, training.secondsPerGradient() / secondsPerLoss);
        Files.createDirectories(out);
        Path trainingPng = out.resolve("mass-spring-training.png");
        Path framesPng = out.resolve("mass-spring-frames.png");
        RobotCharts.training(training, before, after, DT, trainingPng);
        RobotCharts.frames(sim.robot, after, DT, framesPng);
        System.out.println("wrote " + trainingPng + " and " + framesPng);
    }
}
