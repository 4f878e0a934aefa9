package dev.fluxion.hipparchus;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fluxion.VectorFunction;
import dev.fluxion.hipparchus.samples.Misra1a;
import dev.fluxion.hipparchus.samples.NistDataset;
import dev.fluxion.hipparchus.samples.NistFit;
import dev.fluxion.hipparchus.samples.Thurber;
import java.util.stream.Stream;
import org.hipparchus.optim.SimplePointChecker;
import org.hipparchus.optim.nonlinear.vector.leastsquares.GaussNewtonOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer.Optimum;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * NIST's nonlinear regression problems solved by Hipparchus's Levenberg-Marquardt with Fluxion's
 * Jacobian, from both of NIST's starting points, against NIST's certified values (11 significant
 * digits, computed in 128-bit arithmetic). Agreement is counted in digits, NIST's log relative error
 * {@code -log10(|fit - certified| / |certified|)}; each bound is the digits the fit reaches in
 * double precision here, rounded down, with room for a last-place difference in {@code Math.exp}.
 */
class NistLevenbergMarquardtTest {

    static Stream<Arguments> problems() {
        return Stream.of(
                // lower difficulty: 9.8 digits from start 1 (LM's steps along the flat valley stop
                // changing the sum of squares there), all 11 from start 2
                Arguments.of(Named.of("Misra1a", Misra1a.DATA), (VectorFunction) Misra1a::residuals, 1, 9.5),
                Arguments.of(Named.of("Misra1a", Misra1a.DATA), (VectorFunction) Misra1a::residuals, 2, 10.5),
                // higher difficulty: a cubic over a cubic with strongly correlated coefficients;
                // 7.8 digits (b4, b7) from start 1, 8.6 from start 2
                Arguments.of(Named.of("Thurber", Thurber.DATA), (VectorFunction) Thurber::residuals, 1, 7.5),
                Arguments.of(Named.of("Thurber", Thurber.DATA), (VectorFunction) Thurber::residuals, 2, 8.0));
    }

    @ParameterizedTest(name = "{0} from start {2}")
    @MethodSource("problems")
    void levenbergMarquardtReachesTheCertifiedValues(NistDataset data, VectorFunction residuals, int start,
            double parameterDigits) {
        Optimum fit = NistFit.levenbergMarquardt(data, residuals, start);
        // the sum of squares: 10.5 digits for Misra1a, 11 for Thurber
        assertCertified(data, fit, parameterDigits, 10.0);
    }

    @Test
    void gaussNewtonFromTheNearStartReachesTheCertifiedValues() {
        // Gauss-Newton has no tolerances of its own: it stops when the parameters stop changing
        Optimum fit = new GaussNewtonOptimizer().optimize(
                FluxionLeastSquares.of(Misra1a::residuals, Misra1a.DATA.observations()).builder()
                        .start(Misra1a.DATA.start2())
                        .checkerPair(new SimplePointChecker<>(1e-12, 0))
                        .maxEvaluations(1000)
                        .maxIterations(1000)
                        .build());
        assertCertified(Misra1a.DATA, fit, 10.5, 10.0);
    }

    static void assertCertified(NistDataset data, Optimum fit, double parameterDigits, double residualDigits) {
        double[] b = fit.getPoint().toArray();
        String table = NistFit.table(data, fit);
        for (int i = 0; i < b.length; i++) {
            double digits = NistFit.agreeingDigits(b[i], data.certified()[i]);
            assertTrue(digits >= parameterDigits, "b" + (i + 1) + " agrees to " + digits + " digits, not "
                    + parameterDigits + ":\n" + table);
        }
        double rss = fit.getCost() * fit.getCost();
        double digits = NistFit.agreeingDigits(rss, data.certifiedResidualSumOfSquares());
        assertTrue(digits >= residualDigits, "the residual sum of squares agrees to " + digits + " digits, not "
                + residualDigits + ":\n" + table);
    }
}
