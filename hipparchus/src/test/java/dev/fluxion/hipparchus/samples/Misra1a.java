package dev.fluxion.hipparchus.samples;

import dev.fluxion.Differentiable;

/**
 * NIST StRD Misra1a (lower difficulty): monomolecular adsorption, volume against pressure,
 * {@code y = b1 (1 - exp(-b2 x))}, 14 observations.
 */
public final class Misra1a {
    public static final NistDataset DATA = NistDataset.read("Misra1a");
    // constant tables: Fluxion reads static final arrays as data, not as differentiated values
    private static final double[] X = DATA.x();
    private static final double[] Y = DATA.y();

    private Misra1a() {
    }

    /** The residuals {@code y_i - f(x_i; b)}, as NIST defines them. */
    @Differentiable
    public static void residuals(double[] b, double[] r) {
        for (int i = 0; i < X.length; i++) {
            r[i] = Y[i] - b[0] * (1 - Math.exp(-b[1] * X[i]));
        }
    }
}
