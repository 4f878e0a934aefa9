package dev.fluxion.samples.ode;

import dev.fluxion.Differentiable;
import dev.fluxion.Fluxion;
import dev.fluxion.GradientFunction;
import dev.fluxion.samples.Adam;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

/**
 * Estimates the four parameters of a Lotka-Volterra predator-prey model from noisy counts of both
 * populations. The model is a lambda capturing the parameters, integrated by {@link Rk4} (written
 * once for any {@link Rhs}, not annotated); the loss is the sum of squared differences between the
 * integrated trajectory and the observations, and Adam follows Fluxion's gradient of it.
 *
 * <pre>
 *   prey'      = alpha x - beta x y
 *   predators' = delta x y - gamma y
 * </pre>
 *
 * {@code main} fits from {@link #START} for {@link #ITERATIONS} steps, prints the parameters beside
 * the hidden ones and the cost of a gradient beside that of a loss, and writes
 * {@code ode-predator-prey.png}; {@code main --short} (and the test) takes {@link #SHORT_ITERATIONS}.
 */
public final class PredatorPreyFit {
    static final String[] NAMES = {"alpha", "beta", "gamma", "delta"};
    /** The parameters the observations are made with, which the fit does not see. */
    static final double[] HIDDEN = {1.0, 0.1, 1.5, 0.075};
    /** The initial guess, 20 % off in every parameter. */
    static final double[] START = {0.8, 0.12, 1.2, 0.06};
    /** Prey and predators at time 0, known. */
    static final double[] Y0 = {10, 5};
    /** Observation times 0, 0.5, ..., 15: about three periods. */
    static final double[] TIMES = times(0, 15, 31);
    static final int STEPS_PER_INTERVAL = 10;
    /** Standard deviation of the Gaussian noise added to each count. */
    static final double NOISE = 1.0;
    static final long SEED = 42;
    /** {@code OBSERVED[k][i]}: population i (0 prey, 1 predators) at {@code TIMES[k]}, with noise. */
    static final double[][] OBSERVED = observe(HIDDEN, NOISE, new Random(SEED));

    static final double LEARNING_RATE = 0.02;
    static final double HALF_LIFE = 500;
    static final int ITERATIONS = 2000;
    static final int SHORT_ITERATIONS = 600;

    private PredatorPreyFit() {
    }

    /** Sum of squared differences between the trajectory with {@code params} = (alpha, beta, gamma, delta) and the observations. */
    @Differentiable
    static double loss(double[] params) {
        double alpha = params[0], beta = params[1], gamma = params[2], delta = params[3];
        Rhs lotkaVolterra = (t, y, dydt) -> {
            dydt[0] = alpha * y[0] - beta * y[0] * y[1];
            dydt[1] = delta * y[0] * y[1] - gamma * y[1];
        };
        double[][] predicted = Rk4.trajectory(lotkaVolterra, Y0, TIMES, STEPS_PER_INTERVAL);
        double sum = 0;
        for (int k = 0; k < TIMES.length; k++) {
            for (int i = 0; i < Y0.length; i++) {
                double r = predicted[k][i] - OBSERVED[k][i];
                sum += r * r;
            }
        }
        return sum;
    }

    /** The model with parameters {@code p}, as a right-hand side (for the pictures and the data). */
    static Rhs lotkaVolterra(double[] p) {
        return (t, y, dydt) -> {
            dydt[0] = p[0] * y[0] - p[1] * y[0] * y[1];
            dydt[1] = p[3] * y[0] * y[1] - p[2] * y[1];
        };
    }

    /** The populations with parameters {@code p} at each of {@code times}. */
    static double[][] simulate(double[] p, double[] times) {
        return Rk4.trajectory(lotkaVolterra(p), Y0, times, STEPS_PER_INTERVAL);
    }

    /** {@code count} equally spaced times from {@code from} to {@code to}. */
    static double[] times(double from, double to, int count) {
        double[] t = new double[count];
        for (int k = 0; k < count; k++) {
            t[k] = from + (to - from) * k / (count - 1);
        }
        return t;
    }

    private static double[][] observe(double[] p, double noise, Random random) {
        double[][] states = simulate(p, TIMES);
        for (double[] state : states) {
            for (int i = 0; i < state.length; i++) {
                state[i] += noise * random.nextGaussian();
            }
        }
        return states;
    }

    /** The parameters found, the loss before each step (and after the last one at the end). */
    record Fit(double[] params, double[] loss, double seconds) {
        int iterations() {
            return loss.length - 1;
        }
    }

    /** Adam from {@code start} for {@code iterations} steps, reporting every {@code reportEvery} (none if 0). */
    static Fit fit(double[] start, int iterations, int reportEvery) {
        GradientFunction gradient = Fluxion.gradient(PredatorPreyFit::loss);
        double[] p = start.clone();
        double[] g = new double[p.length];
        double[] history = new double[iterations + 1];
        Adam adam = new Adam(p.length, LEARNING_RATE, HALF_LIFE);
        if (reportEvery > 0) {
            System.out.printf("%6s  %-12s  %-9s %-9s %-9s %-9s%n", "iter", "loss", "alpha", "beta", "gamma", "delta");
        }
        long begin = System.nanoTime();
        for (int it = 0; it < iterations; it++) {
            history[it] = gradient.valueAndGradient(p, g);
            if (reportEvery > 0 && it % reportEvery == 0) {
                System.out.printf("%6d  %-12.6e  %-9.6f %-9.6f %-9.6f %-9.6f%n", it, history[it], p[0], p[1], p[2], p[3]);
            }
            adam.step(p, g);
        }
        history[iterations] = loss(p);
        return new Fit(p, history, (System.nanoTime() - begin) / 1e9);
    }

    /** Median time in microseconds of {@code task} over {@code rounds} rounds of {@code repeats} runs, after a warm-up. */
    static double microseconds(Runnable task, int rounds, int repeats) {
        for (int i = 0; i < repeats; i++) {
            task.run();
        }
        double[] t = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long begin = System.nanoTime();
            for (int i = 0; i < repeats; i++) {
                task.run();
            }
            t[r] = (System.nanoTime() - begin) / 1e3 / repeats;
        }
        Arrays.sort(t);
        return t[rounds / 2];
    }

    /**
     * Fits the model and writes its picture, {@code ode-predator-prey.png}, to the directory given
     * (default {@code samples/target/pictures}); {@code --short} first for the short run.
     */
    public static void main(String[] args) throws IOException {
        boolean shortRun = args.length > 0 && args[0].equals("--short");
        int rest = shortRun ? 1 : 0;
        Path out = Path.of(args.length > rest ? args[rest] : "samples/target/pictures");
        int iterations = shortRun ? SHORT_ITERATIONS : ITERATIONS;
        System.out.printf("Lotka-Volterra: %d observations of 2 populations at t = %s .. %s, noise %.1f; RK4, %d steps per interval%n",
                TIMES.length, TIMES[0], TIMES[TIMES.length - 1], NOISE, STEPS_PER_INTERVAL);

        Fit fit = fit(START, iterations, iterations / 10);
        System.out.printf("loss %.6e after %d iterations (%.2f s); at the hidden parameters %.6e%n",
                fit.loss()[iterations], iterations, fit.seconds(), loss(HIDDEN));
        System.out.printf("%-10s %-10s %-10s %-8s%n", "parameter", "fitted", "hidden", "error");
        for (int i = 0; i < HIDDEN.length; i++) {
            System.out.printf("%-10s %-10.6f %-10.6f %+.2f %%%n", NAMES[i], fit.params()[i], HIDDEN[i],
                    100 * (fit.params()[i] - HIDDEN[i]) / HIDDEN[i]);
        }

        GradientFunction gradient = Fluxion.gradient(PredatorPreyFit::loss);
        double[] p = START.clone();
        double[] g = new double[p.length];
        double[] sink = new double[1];
        double lossTime = microseconds(() -> sink[0] += loss(p), 15, 200);
        double gradientTime = microseconds(() -> sink[0] += gradient.valueAndGradient(p, g), 15, 200);
        System.out.printf("one loss %.1f us, one gradient %.1f us (%.2f losses)%n", lossTime, gradientTime,
                gradientTime / lossTime);

        Files.createDirectories(out);
        Path picture = out.resolve("ode-predator-prey.png");
        OdeChart.writePredatorPrey(fit, picture);
        System.out.println("wrote " + picture);
    }
}
