package dev.fluxion.samples.render;

import dev.fluxion.Differentiable;
import dev.fluxion.Fluxion;
import dev.fluxion.GradientFunction;
import dev.fluxion.samples.Adam;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Inverse rendering: a sphere over a ground plane, lit by a point light, is rendered by a small ray
 * tracer ({@link Scene}); from a picture of it alone, the sphere's centre and radius and the light's
 * position are recovered by gradient descent on the squared difference between the picture and the
 * tracer's rendering, with Fluxion's gradient of the whole tracer. The silhouettes are soft (see
 * {@link Sphere}), so that the image, and the loss, change smoothly with the geometry.
 *
 * <p>The parameters, p: the sphere's centre (p[0], p[1], p[2]), its radius p[3], the light's
 * position (p[4], p[5], p[6]).
 */
public final class InverseRendering {
    static final String[] NAMES = {"centre x", "centre y", "centre z", "radius", "light x", "light y", "light z"};
    /** The scene the target picture was rendered from, hidden from the fit. */
    static final double[] HIDDEN = {0.35, 0.85, 0.4, 0.7, -2.0, 4.0, -1.5};
    /** Where the fit starts. */
    static final double[] START = {-0.3, 1.2, 0.0, 1.0, 1.0, 3.0, -3.0};

    static final Camera CAMERA = Camera.lookAt(new Vec3(0, 2.2, -5), new Vec3(0, 0.5, 0.5), Vec3.UP, 40, 1);
    static final double LIGHT_POWER = 18;
    static final double SPHERE_ALBEDO = 0.85;
    static final double GROUND_ALBEDO = 0.6;
    static final double EDGE_SOFTNESS = 0.04;

    static final int FULL_SIZE = 40;
    static final int FULL_ITERATIONS = 600;
    static final int SHORT_SIZE = 24;
    static final int SHORT_ITERATIONS = 400;
    static final double LEARNING_RATE = 0.1;

    private final int size;
    private final double[] target;

    /** A fit to a size x size picture of the hidden scene. */
    InverseRendering(int size) {
        this.size = size;
        this.target = render(HIDDEN, size);
    }

    /** The scene that the parameters describe. */
    static Scene scene(double[] p) {
        Sphere ball = new Sphere(new Vec3(p[0], p[1], p[2]), p[3], EDGE_SOFTNESS, SPHERE_ALBEDO);
        Plane ground = new Plane(Vec3.ZERO, Vec3.UP, GROUND_ALBEDO);
        return new Scene(List.of(ball, ground), new Vec3(p[4], p[5], p[6]), LIGHT_POWER);
    }

    static double[] render(double[] p, int size) {
        return scene(p).render(CAMERA, size, size);
    }

    /** Mean squared difference between the picture of the scene p and the target picture. */
    @Differentiable
    double loss(double[] p) {
        double[] image = scene(p).render(CAMERA, size, size);
        double sum = 0;
        for (int i = 0; i < image.length; i++) {
            double d = image[i] - target[i];
            sum += d * d;
        }
        return sum / image.length;
    }

    /** The loss per iteration and the parameters found. */
    record Fit(double[] loss, double[] parameters, double seconds) {
    }

    /** Adam from {@code start}, {@code iterations} steps; reports every {@code reportEvery} (none if 0). */
    Fit fit(double[] start, int iterations, double rate, int reportEvery) {
        GradientFunction gradient = Fluxion.gradient(this::loss);
        double[] p = start.clone();
        double[] g = new double[p.length];
        Adam adam = new Adam(p.length, rate);
        double[] history = new double[iterations];
        long begin = System.nanoTime();
        for (int k = 0; k < iterations; k++) {
            history[k] = gradient.valueAndGradient(p, g);
            if (reportEvery > 0 && (k == 0 || (k + 1) % reportEvery == 0)) {
                System.out.printf("%5d  %.3e  %s%n", k + 1, history[k], format(p)); // the loss at p
            }
            adam.step(p, g);
        }
        return new Fit(history, p, (System.nanoTime() - begin) / 1e9);
    }

    /** max |p_i - hidden_i|. */
    static double largestError(double[] p) {
        double largest = 0;
        for (int i = 0; i < p.length; i++) {
            largest = Math.max(largest, Math.abs(p[i] - HIDDEN[i]));
        }
        return largest;
    }

    static String format(double[] p) {
        StringBuilder s = new StringBuilder();
        for (double v : p) {
            s.append(String.format("%8.4f", v));
        }
        return s.toString();
    }

    /** Writes the target picture, the start's and the fit's, and the loss curve, to {@code directory}. */
    void writePictures(Fit fit, Path directory) throws IOException {
        Files.createDirectories(directory);
        Pictures.write(target, size, directory.resolve("render-target.png"));
        Pictures.write(render(START, size), size, directory.resolve("render-start.png"));
        Pictures.write(render(fit.parameters(), size), size, directory.resolve("render-result.png"));
        LossChart.write(fit.loss(), directory.resolve("render-loss.png"));
    }

    /**
     * Fits the hidden scene and writes the pictures to the directory given (default
     * {@code samples/target/pictures}); {@code --short} fits a smaller picture in fewer iterations.
     */
    public static void main(String[] args) throws IOException {
        boolean quick = Arrays.asList(args).contains("--short");
        Path out = Path.of(Arrays.stream(args).filter(a -> !a.startsWith("--")).findFirst().orElse("samples/target/pictures"));
        int size = quick ? SHORT_SIZE : FULL_SIZE;
        int iterations = quick ? SHORT_ITERATIONS : FULL_ITERATIONS;
        InverseRendering problem = new InverseRendering(size);
        System.out.printf("inverse rendering: %dx%d picture, %d parameters, Adam (rate %.2f), %d iterations%n",
                size, size, START.length, LEARNING_RATE, iterations);
        System.out.printf("%5s  %-9s  %s%n", "iter", "loss", String.join(", ", NAMES));
        Fit fit = problem.fit(START, iterations, LEARNING_RATE, 50);
        System.out.printf("%d iterations in %.2f s%n", iterations, fit.seconds());
        System.out.printf("%-10s %10s %10s %10s%n", "", "hidden", "start", "found");
        for (int i = 0; i < NAMES.length; i++) {
            System.out.printf("%-10s %10.5f %10.5f %10.5f%n", NAMES[i], HIDDEN[i], START[i], fit.parameters()[i]);
        }
        System.out.printf("largest error %.2e, final loss %.3e%n", largestError(fit.parameters()),
                fit.loss()[iterations - 1]);
        problem.writePictures(fit, out);
        System.out.println("wrote render-target.png, render-start.png, render-result.png, render-loss.png to " + out);
    }
}
