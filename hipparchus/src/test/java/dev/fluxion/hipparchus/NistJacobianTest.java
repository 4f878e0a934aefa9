package dev.fluxion.hipparchus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fluxion.hipparchus.samples.Misra1a;
import dev.fluxion.hipparchus.samples.NistDataset;
import dev.fluxion.hipparchus.samples.Thurber;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.api.Test;

/**
 * Fluxion's Jacobians of the NIST residuals against the models' Jacobians in closed form, written
 * here by hand from the formulas NIST gives, at both starting points and at the certified values;
 * and the residuals themselves against the same formulas, which at the certified values give the
 * certified residual sum of squares (a check of the data files as much as of the code).
 */
class NistJacobianTest {
    /** Entries agree to round-off: relative to the largest entry of their column. */
    private static final double TOLERANCE = 1e-13;

    @Test
    void misra1aJacobianIsTheClosedForm() {
        FluxionLeastSquares model = FluxionLeastSquares.of(Misra1a::residuals, Misra1a.DATA.observations());
        NistDataset d = Misra1a.DATA;
        for (double[] b : new double[][] {d.start1(), d.start2(), d.certified()}) {
            double[][] expected = new double[d.observations()][2];
            for (int i = 0; i < d.observations(); i++) {
                // r = y - b1 (1 - exp(-b2 x))
                double e = Math.exp(-b[1] * d.x()[i]);
                expected[i][0] = -(1 - e);
                expected[i][1] = -b[0] * d.x()[i] * e;
            }
            assertJacobian(expected, model.computeJacobian(b));
        }
    }

    @Test
    void thurberJacobianIsTheClosedForm() {
        FluxionLeastSquares model = FluxionLeastSquares.of(Thurber::residuals, Thurber.DATA.observations());
        NistDataset d = Thurber.DATA;
        for (double[] b : new double[][] {d.start1(), d.start2(), d.certified()}) {
            double[][] expected = new double[d.observations()][7];
            for (int i = 0; i < d.observations(); i++) {
                // r = y - N / D, N = b1 + b2 x + b3 x^2 + b4 x^3, D = 1 + b5 x + b6 x^2 + b7 x^3:
                // dr/db(1+k) = -x^k / D, dr/db(5+k) = x^(k+1) N / D^2
                double x = d.x()[i];
                double n = b[0] + b[1] * x + b[2] * x * x + b[3] * x * x * x;
                double den = 1 + b[4] * x + b[5] * x * x + b[6] * x * x * x;
                for (int k = 0; k < 4; k++) {
                    expected[i][k] = -Math.pow(x, k) / den;
                }
                for (int k = 0; k < 3; k++) {
                    expected[i][4 + k] = Math.pow(x, k + 1) * n / (den * den);
                }
            }
            assertJacobian(expected, model.computeJacobian(b));
        }
    }

    @Test
    void residualsAtTheCertifiedValuesGiveTheCertifiedSumOfSquares() {
        NistDataset misra = Misra1a.DATA;
        double[] b = misra.certified();
        double[] expected = new double[misra.observations()];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = misra.y()[i] - b[0] * (1 - Math.exp(-b[1] * misra.x()[i]));
        }
        double[] residuals = FluxionLeastSquares.of(Misra1a::residuals, misra.observations()).computeValue(b).toArray();
        assertArrayEquals(expected, residuals, 1e-12);
        // the certified parameters are rounded to 11 digits, so the sum of squares there agrees to fewer
        assertEquals(misra.certifiedResidualSumOfSquares(), sumOfSquares(residuals),
                1e-8 * misra.certifiedResidualSumOfSquares());

        NistDataset thurber = Thurber.DATA;
        double[] r = FluxionLeastSquares.of(Thurber::residuals, thurber.observations()).computeValue(thurber.certified())
                .toArray();
        assertEquals(thurber.certifiedResidualSumOfSquares(), sumOfSquares(r),
                1e-8 * thurber.certifiedResidualSumOfSquares());
    }

    private static double sumOfSquares(double[] r) {
        double s = 0;
        for (double v : r) {
            s += v * v;
        }
        return s;
    }

    private static void assertJacobian(double[][] expected, RealMatrix actual) {
        assertEquals(expected.length, actual.getRowDimension());
        assertEquals(expected[0].length, actual.getColumnDimension());
        for (int j = 0; j < expected[0].length; j++) {
            double scale = 0;
            for (double[] row : expected) {
                scale = Math.max(scale, Math.abs(row[j]));
            }
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i][j], actual.getEntry(i, j), TOLERANCE * scale, "J[" + i + "][" + j + "]");
            }
        }
    }
}
