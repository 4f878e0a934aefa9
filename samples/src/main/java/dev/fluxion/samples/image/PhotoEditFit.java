package dev.fluxion.samples.image;

import dev.fluxion.Differentiable;
import dev.fluxion.Fluxion;
import dev.fluxion.GradientFunction;
import dev.fluxion.samples.Adam;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.DoubleSupplier;

/**
 * Learning a photo edit from a before and an after: a photograph of a cat and the same photograph
 * after ImageMagick raised its contrast with an S-shaped tone curve and blurred it (see the README
 * beside the pictures for the exact command). The edit is modelled as what a photo editor does, a
 * tone curve applied to every sample, {@code image.map(v -> toneCurve(v, p))}, then a 3x3 kernel,
 * {@code convolve(kernel(p))}; the curve (13 heights of a piecewise-linear curve, nothing told of
 * its shape) and the kernel (9 weights) are learnt by Adam from the mean squared difference between
 * the edited picture and the model's, with Fluxion's gradient through the {@link Image} class as
 * written.
 *
 * <p>The parameters p: the curve's heights at 0, 1/12, ..., 1 (p[0] to p[12]), then the kernel's
 * weights row by row (p[13] to p[21]), divided by their sum so that the kernel keeps the mean.
 */
public final class PhotoEditFit {
    static final int SEGMENTS = 12;
    static final int KERNEL_SIZE = 3;
    static final int PARAMETERS = SEGMENTS + 1 + KERNEL_SIZE * KERNEL_SIZE;

    static final int FULL_ITERATIONS = 600;
    static final int SHORT_ITERATIONS = 200;
    static final double LEARNING_RATE = 0.02;
    /** Adam's step size halves in this many steps, so that it settles. */
    static final double HALF_LIFE = 100;

    final Image before;
    final Image after;

    PhotoEditFit(Image before, Image after) {
        this.before = before;
        this.after = after;
    }

    /** The pictures committed beside this class: the photograph and ImageMagick's edit of it. */
    static PhotoEditFit chelsea() {
        return new PhotoEditFit(Image.resource(PhotoEditFit.class, "chelsea.png"),
                Image.resource(PhotoEditFit.class, "chelsea-edited.png"));
    }

    /** The curve through the heights p[0..SEGMENTS] at equally spaced points of [0, 1], at v. */
    static double toneCurve(double v, double[] p) {
        double s = Math.min(Math.max(v, 0), 1) * SEGMENTS;
        int i = Math.min((int) s, SEGMENTS - 1);
        double t = s - i;
        return (1 - t) * p[i] + t * p[i + 1];
    }

    /** The kernel of weights p[SEGMENTS + 1 ..], normalised to sum 1. */
    static double[][] kernel(double[] p) {
        double sum = 0;
        for (int i = SEGMENTS + 1; i < PARAMETERS; i++) {
            sum += p[i];
        }
        double[][] kernel = new double[KERNEL_SIZE][KERNEL_SIZE];
        for (int j = 0; j < KERNEL_SIZE; j++) {
            for (int i = 0; i < KERNEL_SIZE; i++) {
                kernel[j][i] = p[SEGMENTS + 1 + j * KERNEL_SIZE + i] / sum;
            }
        }
        return kernel;
    }

    /** The edit p made to an image. */
    static Image edit(Image image, double[] p) {
        return image.map(v -> toneCurve(v, p)).convolve(kernel(p));
    }

    /** Mean squared difference between the edited photograph and the model's edit of it. */
    @Differentiable
    double loss(double[] p) {
        return edit(before, p).meanSquaredDifference(after);
    }

    /** No edit: the identity curve and a kernel that keeps each pixel. */
    static double[] identity() {
        double[] p = new double[PARAMETERS];
        for (int i = 0; i <= SEGMENTS; i++) {
            p[i] = (double) i / SEGMENTS;
        }
        p[SEGMENTS + 1 + KERNEL_SIZE * KERNEL_SIZE / 2] = 1;
        return p;
    }

    /** The loss per iteration and the parameters found. */
    record Fit(double[] loss, double[] parameters, double seconds) {
    }

    /** Adam from no edit, {@code iterations} steps; reports every {@code reportEvery} (none if 0). */
    Fit fit(int iterations, double rate, int reportEvery) {
        GradientFunction gradient = Fluxion.gradient(this::loss);
        double[] p = identity();
        double[] g = new double[p.length];
        Adam adam = new Adam(p.length, rate, HALF_LIFE);
        double[] history = new double[iterations];
        long begin = System.nanoTime();
        for (int k = 0; k < iterations; k++) {
            history[k] = gradient.valueAndGradient(p, g);
            if (reportEvery > 0 && (k == 0 || (k + 1) % reportEvery == 0)) {
                System.out.printf("%5d  %.3e%n", k + 1, history[k]);
            }
            adam.step(p, g);
        }
        return new Fit(history, p, (System.nanoTime() - begin) / 1e9);
    }

    /** The mean time f takes, over n calls after as many to warm up. */
    static double meanSeconds(DoubleSupplier f, int n) {
        double sink = 0;
        for (int k = 0; k < n; k++) {
            sink += f.getAsDouble();
        }
        long begin = System.nanoTime();
        for (int k = 0; k < n; k++) {
            sink += f.getAsDouble();
        }
        double seconds = (System.nanoTime() - begin) / 1e9 / n;
        return Double.isNaN(sink) ? Double.NaN : seconds; // the results used, so that no call is optimised away
    }

    /**
     * The largest difference between the learnt curve and ImageMagick's at the curve's knots,
     * ImageMagick's lowered by the half level its truncation to 8 bits took off on average.
     */
    static double curveError(double[] p) {
        double largest = 0;
        for (int i = 0; i <= SEGMENTS; i++) {
            double expected = ImageMagickEdit.curve((double) i / SEGMENTS) - ImageMagickEdit.TRUNCATION_BIAS;
            largest = Math.max(largest, Math.abs(p[i] - expected));
        }
        return largest;
    }

    /** The largest difference between the learnt kernel and ImageMagick's. */
    static double kernelError(double[] p) {
        double[][] k = kernel(p);
        double[][] expected = ImageMagickEdit.kernel();
        double largest = 0;
        for (int j = 0; j < KERNEL_SIZE; j++) {
            for (int i = 0; i < KERNEL_SIZE; i++) {
                largest = Math.max(largest, Math.abs(k[j][i] - expected[j][i]));
            }
        }
        return largest;
    }

    /** Writes the photograph, ImageMagick's edit and the learnt edit, and the curves, to {@code directory}. */
    void writePictures(Fit fit, Path directory) throws IOException {
        Files.createDirectories(directory);
        before.write(directory.resolve("photo-before.png"));
        after.write(directory.resolve("photo-imagemagick.png"));
        edit(before, fit.parameters()).write(directory.resolve("photo-learnt.png"));
        CurveChart.write(fit, directory.resolve("photo-curve.png"));
    }

    /**
     * Learns the edit and writes the pictures to the directory given (default
     * {@code samples/target/pictures}); {@code --short} runs fewer iterations.
     */
    public static void main(String[] args) throws IOException {
        boolean quick = Arrays.asList(args).contains("--short");
        Path out = Path.of(Arrays.stream(args).filter(a -> !a.startsWith("--")).findFirst().orElse("samples/target/pictures"));
        int iterations = quick ? SHORT_ITERATIONS : FULL_ITERATIONS;
        PhotoEditFit problem = chelsea();
        System.out.printf("photo edit: %dx%d pixels, %d channels, %d parameters, Adam (rate %.3f), %d iterations%n",
                problem.before.width(), problem.before.height(), problem.before.channels(), PARAMETERS,
                LEARNING_RATE, iterations);
        Fit fit = problem.fit(iterations, LEARNING_RATE, iterations / 10);
        double[] p = fit.parameters();
        System.out.printf("%d iterations in %.2f s%n", iterations, fit.seconds());
        System.out.printf("%-6s %10s %12s%n", "input", "learnt", "ImageMagick");
        for (int i = 0; i <= SEGMENTS; i++) {
            double v = (double) i / SEGMENTS;
            System.out.printf("%-6.3f %10.4f %12.4f%n", v, p[i], ImageMagickEdit.curve(v));
        }
        double[][] k = kernel(p);
        double[][] tool = ImageMagickEdit.kernel();
        System.out.println("kernel, learnt (ImageMagick's)");
        for (int j = 0; j < KERNEL_SIZE; j++) {
            StringBuilder row = new StringBuilder();
            for (int i = 0; i < KERNEL_SIZE; i++) {
                row.append(String.format("  %7.4f (%6.4f)", k[j][i], tool[j][i]));
            }
            System.out.println(row);
        }
        System.out.printf("largest curve error %.2e (ImageMagick's curve lowered by half a level), largest kernel error %.2e%n",
                curveError(p), kernelError(p));
        System.out.printf("loss %.3e at the start, %.3e at the end (ImageMagick's own curve and kernel: %.3e, its picture truncated to 8 bits)%n",
                fit.loss()[0], fit.loss()[iterations - 1], ImageMagickEdit.exact(problem.before).meanSquaredDifference(problem.after));
        GradientFunction gradient = Fluxion.gradient(problem::loss);
        double[] g = new double[p.length];
        double lossTime = meanSeconds(() -> problem.loss(p), 50);
        double gradientTime = meanSeconds(() -> gradient.valueAndGradient(p, g), 50);
        System.out.printf("a loss takes %.2f ms, its gradient %.2f ms (%.1f times)%n", 1e3 * lossTime, 1e3 * gradientTime,
                gradientTime / lossTime);
        problem.writePictures(fit, out);
        System.out.println("wrote photo-before.png, photo-imagemagick.png, photo-learnt.png, photo-curve.png to " + out);
    }
}
