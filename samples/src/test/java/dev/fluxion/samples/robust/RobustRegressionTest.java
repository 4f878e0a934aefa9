package dev.fluxion.samples.robust;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fluxion.Fluxion;
import dev.fluxion.GradientFunction;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The robust regression sample in a short mode: least trimmed squares, started from the
 * least-squares fit, finds the true line although least squares is pulled away by the outliers; and
 * Fluxion's gradients of the three losses agree with Richardson-extrapolated central differences at
 * points where no residual changes rank (or side of the Huber kink) within the differences' step.
 */
class RobustRegressionTest {
    private static final RobustRegression.Data DATA = RobustRegression.Data.generate(RobustRegression.POINTS,
            RobustRegression.OUTLIER_FRACTION, RobustRegression.SEED);
    private static final double STEP = 1e-4;

    @Test
    void theDataAreDeterministicAndAboutFifteenPercentOutliers() {
        RobustRegression.Data again = RobustRegression.Data.generate(RobustRegression.POINTS,
                RobustRegression.OUTLIER_FRACTION, RobustRegression.SEED);
        assertArrayEquals(DATA.x(), again.x());
        assertArrayEquals(DATA.y(), again.y());
        int outliers = DATA.outliers();
        assertTrue(outliers >= 20 && outliers <= 40, outliers + " outliers");
        assertTrue(new RobustRegression(DATA).kept() <= DATA.size() - outliers,
                "least trimmed squares keeps no more points than there are inliers");
    }

    @Test
    void leastTrimmedSquaresFindsTheLineThatLeastSquaresMisses() throws Exception {
        RobustRegression.Fits fits = RobustRegression.runShort(DATA);

        double[] exact = leastSquares(IntStream.range(0, DATA.size()).toArray());
        assertArrayEquals(exact, fits.ols(), 1e-6, "Adam reaches the normal equations' solution");
        double[] inliersOnly = leastSquares(IntStream.range(0, DATA.size()).filter(i -> !DATA.outlier()[i]).toArray());

        double olsError = distanceFromTrueLine(fits.ols());
        double trimmedError = distanceFromTrueLine(fits.trimmed());
        double huberError = distanceFromTrueLine(fits.huber());
        assertTrue(olsError > 2, "least squares is pulled away by the outliers: " + Arrays.toString(fits.ols()));
        assertTrue(trimmedError < 0.4, "least trimmed squares " + Arrays.toString(fits.trimmed())
                + " is close to the true line " + Arrays.toString(RobustRegression.TRUE_LINE));
        assertTrue(Math.abs(fits.trimmed()[1] - inliersOnly[1]) < 0.05, "slope " + fits.trimmed()[1]
                + " near that of least squares on the inliers alone, " + inliersOnly[1]);
        assertTrue(trimmedError < huberError && huberError < olsError, "errors: trimmed " + trimmedError
                + ", Huber " + huberError + ", least squares " + olsError);

        RobustRegression problem = new RobustRegression(DATA);
        int[] kept = keptPoints(problem, fits.trimmed());
        assertTrue(IntStream.of(kept).noneMatch(i -> DATA.outlier()[i]), "no outlier among the points kept");

        Path png = Path.of("target", "test-pictures", "robust-regression.png");
        Files.createDirectories(png.getParent());
        Files.deleteIfExists(png);
        FitChart.write(DATA, fits, png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(FitChart.WIDTH, image.getWidth());
        assertEquals(FitChart.HEIGHT, image.getHeight());
    }

    @Test
    void theGradientsAgreeWithCentralDifferences() {
        RobustRegression problem = new RobustRegression(DATA);
        GradientFunction ols = Fluxion.gradient(problem::ols);
        GradientFunction huber = Fluxion.gradient(problem::huberLoss);
        GradientFunction trimmed = Fluxion.gradient(problem::trimmed);
        double[][] points = {{2.2, 0.41}, {1.1, 0.79}, {0.3, 1.2}, {-1.7, 0.05}};
        for (double[] c : points) {
            check("ols", ols, problem::ols, c);
            assertTrue(noResidualCrossesTheKink(c), Arrays.toString(c) + ": a residual is within the step of the kink");
            check("huber", huber, problem::huberLoss, c);
            assertTrue(sameKeptPointsWithinTheStep(problem, c), Arrays.toString(c) + ": the points kept change within the step");
            check("trimmed", trimmed, problem::trimmed, c);
        }
    }

    /** Fluxion's value and gradient of {@code loss} at {@code c} against the loss and Richardson-extrapolated central differences. */
    private static void check(String name, GradientFunction gradient, ToDoubleFunction<double[]> loss, double[] c) {
        double[] g = new double[c.length];
        double value = gradient.valueAndGradient(c, g);
        assertEquals(loss.applyAsDouble(c), value, 1e-12 * Math.abs(value), name + " value at " + Arrays.toString(c));
        for (int k = 0; k < c.length; k++) {
            double difference = (4 * central(loss, c, k, STEP / 2) - central(loss, c, k, STEP)) / 3;
            assertEquals(difference, g[k], 1e-7 * (1 + Math.abs(difference)), name + " d/dcoef[" + k + "] at " + Arrays.toString(c));
            assertTrue(Math.abs(g[k]) > 1e-3, name + " d/dcoef[" + k + "] at " + Arrays.toString(c) + " tells something: " + g[k]);
        }
    }

    private static double central(ToDoubleFunction<double[]> loss, double[] c, int k, double h) {
        double[] plus = c.clone();
        double[] minus = c.clone();
        plus[k] += h;
        minus[k] -= h;
        return (loss.applyAsDouble(plus) - loss.applyAsDouble(minus)) / (2 * h);
    }

    /** The indices of the {@code kept()} smallest squared residuals at {@code c}, sorted. */
    private static int[] keptPoints(RobustRegression problem, double[] c) {
        return IntStream.range(0, DATA.size()).boxed()
                .sorted(Comparator.comparingDouble(i -> Math.abs(residual(c, i))))
                .limit(problem.kept()).mapToInt(Integer::intValue).sorted().toArray();
    }

    /** Whether the points kept are the same at every corner of the box the differences sample. */
    private static boolean sameKeptPointsWithinTheStep(RobustRegression problem, double[] c) {
        int[] kept = keptPoints(problem, c);
        for (int k = 0; k < c.length; k++) {
            for (double h : new double[] {-STEP, STEP}) {
                double[] moved = c.clone();
                moved[k] += h;
                if (!Arrays.equals(kept, keptPoints(problem, moved))) {
                    return false;
                }
            }
        }
        // the (h+1)-th smallest is clearly apart from the h-th: no change of rank in the whole box
        double[] sorted = IntStream.range(0, DATA.size()).mapToDouble(i -> Math.abs(residual(c, i))).sorted().toArray();
        return sorted[problem.kept()] - sorted[problem.kept() - 1] > 25 * STEP;
    }

    private static boolean noResidualCrossesTheKink(double[] c) {
        return IntStream.range(0, DATA.size())
                .allMatch(i -> Math.abs(Math.abs(residual(c, i)) - RobustRegression.HUBER_DELTA) > 20 * STEP);
    }

    private static double residual(double[] c, int i) {
        return DATA.y()[i] - RobustRegression.predict(c, DATA.x()[i]);
    }

    /** Maximum vertical distance between the line {@code coef} and the true line over x in [0, 10]. */
    private static double distanceFromTrueLine(double[] coef) {
        return Math.max(Math.abs(coef[0] - RobustRegression.TRUE_LINE[0]),
                Math.abs(RobustRegression.predict(coef, 10) - RobustRegression.predict(RobustRegression.TRUE_LINE, 10)));
    }

    /** The least-squares line through the points {@code which}, from the normal equations. */
    private static double[] leastSquares(int[] which) {
        double n = which.length;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (int i : which) {
            double x = DATA.x()[i];
            double y = DATA.y()[i];
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        return new double[] {(sy - slope * sx) / n, slope};
    }
}
