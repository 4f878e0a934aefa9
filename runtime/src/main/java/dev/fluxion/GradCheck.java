package dev.fluxion;

import java.util.Arrays;
import java.util.Locale;

/**
 * Checks a Fluxion derivative against finite differences, and forward mode against reverse mode,
 * like JAX's {@code check_grads} or PyTorch's {@code gradcheck}: for your own tests, or to convince yourself that a model (or an
 * {@link AdjointOf} rule) is differentiated as you expect.
 *
 * <pre>{@code
 * GradCheck.gradient(Model::loss, x).assertPassed();            // JUnit-friendly: throws AssertionError
 * GradCheck.Report r = GradCheck.jacobian(Model::residuals, 3, p);
 * System.out.println(r);                                         // a table, entry by entry
 * }</pre>
 *
 * The reference is Richardson-extrapolated central differences, {@code (4 D(h/2) - D(h)) / 3} with
 * {@code h = 1e-3 max(1, |x_i|)}, accurate to about {@code 1e-9} relative on smooth functions, so the
 * default tolerance, {@code 1e-6} relative to {@code max(1, |reference|)}, catches a wrong sign or a
 * dropped term and passes round-off. Points near a kink, a branch switch or a change of loop trip
 * count give meaningless differences: check at points away from them.
 */
public final class GradCheck {
    /** The default tolerance, relative to {@code max(1, |reference|)}. */
    public static final double DEFAULT_TOLERANCE = 1e-6;

    private GradCheck() {
    }

    /**
     * Forward and reverse mode compute the same derivative by different code: they must agree to
     * round-off. The dot-product test compares {@code v . grad f} (reverse) with the forward-mode
     * derivative along {@code v}, for a few directions that mix all inputs.
     */
    public static final double MODES_TOLERANCE = 1e-10;

    /**
     * Compares {@code Fluxion.gradient(f)} at {@code x} with finite differences, and with forward
     * mode (the dot-product test).
     */
    public static Report gradient(ScalarFunction f, double[] x) {
        double[] g = Fluxion.gradient(f).gradient(x);
        double[][] reference = new double[1][x.length];
        for (int i = 0; i < x.length; i++) {
            int k = i;
            reference[0][i] = richardson(t -> f.apply(moved(x, k, t)), x[i]);
        }
        double modes;
        try {
            TangentFunction forward = Fluxion.tangent(f);
            modes = 0;
            for (double[] v : directions(x.length)) {
                modes = Math.max(modes, relative(forward.jvp(x, v), dot(g, v), absDot(g, v)));
            }
        } catch (FluxionException e) {
            return new Report(new double[][] {g}, reference, DEFAULT_TOLERANCE, Double.NaN, e.getMessage());
        }
        return new Report(new double[][] {g}, reference, DEFAULT_TOLERANCE, modes, null);
    }

    /** Three directions: all ones, alternating signs, and a ramp, so every input and sign takes part. */
    private static double[][] directions(int n) {
        double[][] v = new double[3][n];
        for (int i = 0; i < n; i++) {
            v[0][i] = 1;
            v[1][i] = i % 2 == 0 ? 1 : -1;
            v[2][i] = (i + 1.0) / n;
        }
        return v;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double absDot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += Math.abs(a[i] * b[i]);
        }
        return s;
    }

    private static double relative(double a, double b, double scale) {
        double e = Math.abs(a - b) / Math.max(1, scale);
        return Double.isNaN(e) ? Double.POSITIVE_INFINITY : e;
    }

    /**
     * Compares {@code Fluxion.jacobian(f, outputs)} at {@code x} with finite differences, and forward
     * mode ({@code J v}) with reverse mode ({@code J^T u}) by the dot-product test {@code u . J v = (J^T u) . v}.
     */
    public static Report jacobian(VectorFunction f, int outputs, double[] x) {
        Jacobian jacobian = Fluxion.jacobian(f, outputs);
        double[][] j = jacobian.at(x);
        double modes = 0;
        String unavailable = null;
        double[][] us = directions(outputs);
        double[][] vs = directions(x.length);
        try {
            for (int k = 0; k < 3; k++) {
                double[] jv = jacobian.jvp(x, vs[k]);
                double[] jtu = jacobian.vjp(x, us[k]);
                modes = Math.max(modes, relative(dot(us[k], jv), dot(jtu, vs[k]), absDot(us[k], jv) + absDot(jtu, vs[k])));
            }
        } catch (FluxionException e) {
            modes = Double.NaN;
            unavailable = e.getMessage();
        }
        double[][] reference = new double[outputs][x.length];
        for (int i = 0; i < x.length; i++) {
            for (int r = 0; r < outputs; r++) {
                int k = i;
                int row = r;
                reference[r][i] = richardson(t -> {
                    double[] out = new double[outputs];
                    f.apply(moved(x, k, t), out);
                    return out[row];
                }, x[i]);
            }
        }
        return new Report(j, reference, DEFAULT_TOLERANCE, modes, unavailable);
    }

    private static double[] moved(double[] x, int i, double t) {
        double[] y = x.clone();
        y[i] = t;
        return y;
    }

    private static double richardson(java.util.function.DoubleUnaryOperator f, double x) {
        double h = 1e-3 * Math.max(1, Math.abs(x));
        double dh = (f.applyAsDouble(x + h) - f.applyAsDouble(x - h)) / (2 * h);
        double dh2 = (f.applyAsDouble(x + h / 2) - f.applyAsDouble(x - h / 2)) / h;
        return (4 * dh2 - dh) / 3;
    }

    /** The outcome of a check: Fluxion's derivative beside the reference, entry by entry. */
    public static final class Report {
        private final double[][] fluxion;
        private final double[][] reference;
        private final double tolerance;
        private final double modesError;
        private final String forwardUnavailable;

        Report(double[][] fluxion, double[][] reference, double tolerance, double modesError, String forwardUnavailable) {
            this.fluxion = fluxion;
            this.reference = reference;
            this.tolerance = tolerance;
            this.modesError = modesError;
            this.forwardUnavailable = forwardUnavailable;
        }

        /** The same comparison under another tolerance (relative to {@code max(1, |reference|)}). */
        public Report withTolerance(double tolerance) {
            return new Report(fluxion, reference, tolerance, modesError, forwardUnavailable);
        }

        /**
         * The largest disagreement of forward and reverse mode in the dot-product test, relative to
         * the size of the products' terms; {@code NaN} if forward mode was not available.
         */
        public double modesError() {
            return modesError;
        }

        /** The largest error, relative to {@code max(1, |reference|)}. */
        public double maxError() {
            double max = 0;
            for (int r = 0; r < fluxion.length; r++) {
                for (int i = 0; i < fluxion[r].length; i++) {
                    max = Math.max(max, error(r, i));
                }
            }
            return max;
        }

        private double error(int r, int i) {
            double e = Math.abs(fluxion[r][i] - reference[r][i]) / Math.max(1, Math.abs(reference[r][i]));
            return Double.isNaN(e) ? Double.POSITIVE_INFINITY : e;
        }

        /** Whether Fluxion's derivative matches finite differences and forward and reverse mode agree (where both exist). */
        public boolean passed() {
            return maxError() <= tolerance && (Double.isNaN(modesError) ? forwardUnavailable != null
                    : modesError <= MODES_TOLERANCE);
        }

        /** Throws an {@link AssertionError} with the whole table if the check failed. */
        public void assertPassed() {
            if (!passed()) {
                throw new AssertionError(toString());
            }
        }

        /** Fluxion's derivative (one row per output). */
        public double[][] fluxion() {
            return Arrays.stream(fluxion).map(double[]::clone).toArray(double[][]::new);
        }

        /** The finite-difference reference (one row per output). */
        public double[][] reference() {
            return Arrays.stream(reference).map(double[]::clone).toArray(double[][]::new);
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "GradCheck %s: max error %.3g (tolerance %.3g)%n",
                    passed() ? "passed" : "FAILED", maxError(), tolerance));
            if (forwardUnavailable != null) {
                s.append("forward vs reverse mode: not checked, forward mode unavailable: ").append(forwardUnavailable)
                        .append(String.format(Locale.ROOT, "%n"));
            } else {
                s.append(String.format(Locale.ROOT, "forward vs reverse mode (dot-product test): error %.3g (tolerance %.3g)%s%n",
                        modesError, MODES_TOLERANCE, modesError <= MODES_TOLERANCE ? "" : "  <--"));
            }
            s.append(String.format(Locale.ROOT, "%8s %8s %24s %24s %10s%n", "output", "input", "fluxion (reverse)",
                    "finite differences", "error"));
            for (int r = 0; r < fluxion.length; r++) {
                for (int i = 0; i < fluxion[r].length; i++) {
                    s.append(String.format(Locale.ROOT, "%8d %8d %24.16g %24.16g %10.3g%s%n", r, i, fluxion[r][i],
                            reference[r][i], error(r, i), error(r, i) > tolerance ? "  <--" : ""));
                }
            }
            return s.toString();
        }
    }
}
