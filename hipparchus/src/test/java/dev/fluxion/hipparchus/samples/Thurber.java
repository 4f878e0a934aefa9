package dev.fluxion.hipparchus.samples;

import dev.fluxion.Differentiable;

/**
 * NIST StRD Thurber (higher difficulty): semiconductor electron mobility against the log of the
 * density, a cubic over a cubic, {@code y = (b1 + b2 x + b3 x^2 + b4 x^3) / (1 + b5 x + b6 x^2 + b7 x^3)},
 * 37 observations.
 */
public final class Thurber {
    public static final NistDataset DATA = NistDataset.read("Thurber");
    private static final double[] X = DATA.x();
    private static final double[] Y = DATA.y();

    private Thurber() {
    }

    /** The residuals {@code y_i - f(x_i; b)}, as NIST defines them. */
    @Differentiable
    public static void residuals(double[] b, double[] r) {
        for (int i = 0; i < X.length; i++) {
            double x = X[i];
            double numerator = b[0] + x * (b[1] + x * (b[2] + x * b[3]));
            double denominator = 1 + x * (b[4] + x * (b[5] + x * b[6]));
            r[i] = Y[i] - numerator / denominator;
        }
    }
}
