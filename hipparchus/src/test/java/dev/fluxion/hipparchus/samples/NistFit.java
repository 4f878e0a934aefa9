package dev.fluxion.hipparchus.samples;

import dev.fluxion.VectorFunction;
import dev.fluxion.hipparchus.FluxionLeastSquares;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer.Optimum;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;

/**
 * Fits NIST's Misra1a and Thurber problems by Hipparchus's Levenberg-Marquardt with Fluxion's exact
 * Jacobian, from both of NIST's starting points, and prints the fitted values beside the certified
 * ones. Run by {@code samples/run.sh}, with the agent.
 */
public final class NistFit {
    /** NIST gives its certified values to 11 significant digits: no more can be said to agree. */
    private static final double CERTIFIED_DIGITS = 11;

    private NistFit() {
    }

    public static void main(String[] args) {
        fitFromBothStarts(Misra1a.DATA, Misra1a::residuals);
        fitFromBothStarts(Thurber.DATA, Thurber::residuals);
    }

    private static void fitFromBothStarts(NistDataset data, VectorFunction residuals) {
        for (int start = 1; start <= 2; start++) {
            Optimum fit = levenbergMarquardt(data, residuals, start);
            System.out.printf("%s from start %d: %d iterations, %d evaluations%n", data.name(), start,
                    fit.getIterations(), fit.getEvaluations());
            System.out.print(table(data, fit));
        }
    }

    /**
     * Levenberg-Marquardt from NIST's start 1 or 2, with its convergence tolerances at 1e-15 (from
     * Hipparchus's 1e-10): the certified values have 11 digits, and a fit stopped at the default
     * tolerances would show where LM stopped, not what the Jacobian allows.
     */
    public static Optimum levenbergMarquardt(NistDataset data, VectorFunction residuals, int start) {
        LevenbergMarquardtOptimizer lm = new LevenbergMarquardtOptimizer()
                .withCostRelativeTolerance(1e-15)
                .withParameterRelativeTolerance(1e-15)
                .withOrthoTolerance(1e-15);
        return lm.optimize(FluxionLeastSquares.of(residuals, data.observations()).builder()
                .start(start == 1 ? data.start1() : data.start2())
                .maxEvaluations(1000)
                .maxIterations(1000)
                .build());
    }

    /**
     * NIST's log relative error, the number of significant digits in which {@code value} agrees with
     * {@code certified}, at most the 11 that are certified.
     */
    public static double agreeingDigits(double value, double certified) {
        double relativeError = Math.abs(value - certified) / Math.abs(certified);
        return relativeError == 0 ? CERTIFIED_DIGITS : Math.min(CERTIFIED_DIGITS, -Math.log10(relativeError));
    }

    /** The fitted and certified parameters and residual sums of squares, with the digits they agree in. */
    public static String table(NistDataset data, Optimum fit) {
        StringBuilder s = new StringBuilder(String.format("  %-24s %-20s %-20s %s%n", "", "certified", "fitted",
                "digits"));
        double[] b = fit.getPoint().toArray();
        for (int i = 0; i < b.length; i++) {
            s.append(row("b" + (i + 1), data.certified()[i], b[i]));
        }
        double rss = fit.getCost() * fit.getCost();
        return s.append(row("residual sum of squares", data.certifiedResidualSumOfSquares(), rss)).toString();
    }

    private static String row(String name, double certified, double fitted) {
        return String.format("  %-24s %-20.10E %-20.10E %.1f%n", name, certified, fitted,
                agreeingDigits(fitted, certified));
    }
}
