package dev.fluxion.samples.robust;

import dev.fluxion.Differentiable;
import dev.fluxion.Fluxion;
import dev.fluxion.GradientFunction;
import dev.fluxion.samples.Adam;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Robust regression: a straight line through data of which about 15 % are gross outliers (a cluster
 * of bad readings at the right end, far below the line). Ordinary least squares is pulled towards
 * them; a Huber loss less so; least trimmed squares, which sums only the {@code h} smallest squared
 * residuals and so ignores the worst {@code n - h} points whichever they are, recovers the line.
 * All three are fitted by Adam with Fluxion's gradients, least trimmed squares starting from the
 * least-squares fit. Writes {@code robust-regression.png}: the data and the three fitted lines.
 */
public final class RobustRegression {
    /** The line the inliers come from: {@code y = TRUE_LINE[0] + TRUE_LINE[1] * x}. */
    static final double[] TRUE_LINE = {1.0, 0.8};
    static final int POINTS = 200;
    static final double OUTLIER_FRACTION = 0.15;
    static final double NOISE = 0.5;
    static final long SEED = 42;
    /** Least trimmed squares keeps the 80 % smallest squared residuals. */
    static final double KEPT_FRACTION = 0.8;
    /** Residuals beyond this are penalised linearly by the Huber loss (about two noise deviations). */
    static final double HUBER_DELTA = 1.0;
    static final double LEARNING_RATE = 0.05;
    static final double GRADIENT_TOLERANCE = 1e-10;
    static final int STEPS = 5000;
    static final int SHORT_STEPS = 1500;

    /** Points {@code (x[i], y[i])}; {@code outlier[i]} says whether the point is one of the bad readings. */
    record Data(double[] x, double[] y, boolean[] outlier) {
        int size() {
            return x.length;
        }

        int outliers() {
            return (int) IntStream.range(0, x.length).filter(i -> outlier[i]).count();
        }

        /**
         * {@code n} points, x uniform in [0, 10]: with probability {@code outlierFraction} a bad reading
         * (x in [7, 10], y in [-1, 2], whatever the line says), else the true line plus Gaussian noise.
         */
        static Data generate(int n, double outlierFraction, long seed) {
            Random random = new Random(seed);
            double[] x = new double[n];
            double[] y = new double[n];
            boolean[] outlier = new boolean[n];
            for (int i = 0; i < n; i++) {
                outlier[i] = random.nextDouble() < outlierFraction;
                if (outlier[i]) {
                    x[i] = 7 + 3 * random.nextDouble();
                    y[i] = -1 + 3 * random.nextDouble();
                } else {
                    x[i] = 10 * random.nextDouble();
                    y[i] = TRUE_LINE[0] + TRUE_LINE[1] * x[i] + NOISE * random.nextGaussian();
                }
            }
            return new Data(x, y, outlier);
        }
    }

    /** The coefficients of the three fits. */
    record Fits(double[] ols, double[] huber, double[] trimmed) {
    }

    private final double[] x;
    private final double[] y;
    private final int n;
    private final int h;

    RobustRegression(Data data) {
        x = data.x();
        y = data.y();
        n = x.length;
        h = (int) Math.round(KEPT_FRACTION * n);
    }

    /** The polynomial {@code coef[0] + coef[1] t + coef[2] t^2 + ...} at {@code t}: a line for two coefficients. */
    static double predict(double[] coef, double t) {
        double v = 0;
        for (int k = coef.length - 1; k >= 0; k--) {
            v = v * t + coef[k];
        }
        return v;
    }

    private double residual(double[] coef, int i) {
        return y[i] - predict(coef, x[i]);
    }

    private double[] residuals(double[] coef) {
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = residual(coef, i);
        }
        return r;
    }

    private static double square(double v) {
        return v * v;
    }

    /** Quadratic near zero, linear beyond {@link #HUBER_DELTA}, with a continuous slope. */
    static double huber(double r) {
        double a = Math.abs(r);
        return a <= HUBER_DELTA ? 0.5 * r * r : HUBER_DELTA * (a - 0.5 * HUBER_DELTA);
    }

    /** Ordinary least squares: the mean squared residual. */
    @Differentiable
    double ols(double[] coef) {
        return IntStream.range(0, n).mapToDouble(i -> square(residual(coef, i))).sum() / n;
    }

    /** The mean Huber loss of the residuals. */
    @Differentiable
    double huberLoss(double[] coef) {
        return Arrays.stream(residuals(coef)).map(RobustRegression::huber).sum() / n;
    }

    /** Least trimmed squares: the mean of the {@code h} smallest squared residuals. */
    @Differentiable
    double trimmed(double[] coef) {
        double[] squares = IntStream.range(0, n).mapToDouble(i -> square(residual(coef, i))).toArray();
        Arrays.sort(squares);
        return Arrays.stream(squares).limit(h).sum() / h;
    }

    int kept() {
        return h;
    }

    /**
     * Adam (Kingma and Ba, 2015) from {@code start} for at most {@code steps} steps, stopping early
     * once the gradient is below {@link #GRADIENT_TOLERANCE}; reports every {@code reportEvery} steps
     * (none if 0) and at the end.
     */
    static double[] adam(String name, GradientFunction loss, double[] start, double rate, int steps, int reportEvery) {
        double[] p = start.clone();
        double[] g = new double[p.length];
        Adam adam = new Adam(p.length, rate);
        for (int t = 1; t <= steps; t++) {
            double value = loss.valueAndGradient(p, g);
            boolean done = Math.sqrt(Arrays.stream(g).map(d -> d * d).sum()) < GRADIENT_TOLERANCE || t == steps;
            if (reportEvery > 0 && (t == 1 || t % reportEvery == 0 || done)) {
                System.out.printf("  %-8s step %5d  loss %-12.8f coefficients %s%n", name, t, value, Arrays.toString(p));
            }
            if (done) {
                break;
            }
            adam.step(p, g);
        }
        return p;
    }

    /** Fits the three losses, least trimmed squares from the least-squares fit. */
    Fits fit(int steps, int reportEvery) {
        double[] zero = new double[TRUE_LINE.length];
        double[] ols = adam("ols", Fluxion.gradient(this::ols), zero, LEARNING_RATE, steps, reportEvery);
        double[] huber = adam("huber", Fluxion.gradient(this::huberLoss), ols, LEARNING_RATE, steps, reportEvery);
        double[] trimmed = adam("trimmed", Fluxion.gradient(this::trimmed), ols, LEARNING_RATE, steps, reportEvery);
        return new Fits(ols, huber, trimmed);
    }

    /** The short mode of the test: fewer steps, no reports. */
    static Fits runShort(Data data) {
        return new RobustRegression(data).fit(SHORT_STEPS, 0);
    }

    /** Fits the data and writes its picture, {@code robust-regression.png}, to the directory given (default {@code samples/target/pictures}). */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "samples/target/pictures");
        Data data = Data.generate(POINTS, OUTLIER_FRACTION, SEED);
        RobustRegression problem = new RobustRegression(data);
        System.out.printf("%d points, %d of them outliers; true line y = %.2f + %.2f x; least trimmed squares keeps %d%n",
                data.size(), data.outliers(), TRUE_LINE[0], TRUE_LINE[1], problem.kept());
        long start = System.nanoTime();
        Fits fits = problem.fit(STEPS, 250);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("fitted in %.2f s%n", seconds);
        System.out.printf("%-24s intercept %8.4f  slope %8.4f%n", "true line", TRUE_LINE[0], TRUE_LINE[1]);
        System.out.printf("%-24s intercept %8.4f  slope %8.4f%n", "least squares", fits.ols()[0], fits.ols()[1]);
        System.out.printf("%-24s intercept %8.4f  slope %8.4f%n", "Huber", fits.huber()[0], fits.huber()[1]);
        System.out.printf("%-24s intercept %8.4f  slope %8.4f%n", "least trimmed squares", fits.trimmed()[0],
                fits.trimmed()[1]);
        Files.createDirectories(out);
        Path picture = out.resolve("robust-regression.png");
        FitChart.write(data, fits, picture);
        System.out.println("wrote " + picture);
    }
}
