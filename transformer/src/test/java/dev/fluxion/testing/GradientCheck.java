package dev.fluxion.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import dev.fluxion.GradientFunction;
import dev.fluxion.ScalarFunction;
import dev.fluxion.UnaryFunction;
import java.util.function.DoubleUnaryOperator;

/**
 * Checks derivatives against references: the hand-written closed form of a {@link CorpusCase}
 * (tight tolerance) and a Richardson-extrapolated central difference (loose tolerance, but tight
 * enough that a wrong sign, a dropped term or a wrong factor fails).
 *
 * <p>All tolerances are absolute errors scaled by {@code max(1, |reference|)}.
 */
public final class GradientCheck {
    /** Relative tolerance for the value returned together with the gradient. */
    public static final double VALUE_TOLERANCE = 1e-14;
    /** Tolerance against a closed form: {@code |err| <= 1e-12 * max(1, |exact|)}. */
    public static final double CLOSED_FORM_TOLERANCE = 1e-12;
    /** Tolerance against Richardson extrapolation: {@code |err| <= 1e-6 * max(1, |estimate|)}. */
    public static final double RICHARDSON_TOLERANCE = 1e-6;
    /** Bound on Richardson's own error estimate at a well-chosen point (see {@link #assertRichardsonReliable}). */
    public static final double RICHARDSON_RELIABILITY = 1e-7;
    /**
     * Single precision ({@link CorpusCase#single}): against the closed form of the same computation
     * in {@code double}, {@code |err| <= 1e-4 * max(1, |exact|)}: float rounding in the primal and
     * in the adjoint, a few hundred ulps, but far below a wrong term.
     */
    public static final double SINGLE_CLOSED_FORM_TOLERANCE = 1e-4;
    /**
     * Single precision against Richardson, whose differences of float values carry round-off of
     * about {@code 1e-7 |f| / h}: steps 10 times larger ({@code h = 1e-2 * max(1, |x_i|)}) and
     * {@code |err| <= 1e-3 * max(1, |estimate|, |f(x)|)}, still far below a wrong sign or term.
     */
    public static final double SINGLE_RICHARDSON_TOLERANCE = 1e-3;

    private GradientCheck() {
    }

    // ------------------------------------------------------------------ finite differences

    /**
     * The gradient of {@code f} at {@code x} by central differences with two levels of Richardson
     * extrapolation over steps h, h/2, h/4 with {@code h = 1e-3 * max(1, |x_i|)}; truncation error
     * O(h^6), typically 1e-10 or better for smooth functions. {@code x} is not modified.
     */
    public static double[] richardson(ScalarFunction f, double[] x) {
        return richardson(f, x, 1e-3);
    }

    /** As {@link #richardson(ScalarFunction, double[])} with base step {@code step * max(1, |x_i|)}. */
    public static double[] richardson(ScalarFunction f, double[] x, double step) {
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            g[i] = richardsonEstimate(along(f, x, i), x[i], step)[0];
        }
        return g;
    }

    /** The derivative of {@code u} at {@code x}, as {@link #richardson(ScalarFunction, double[])}. */
    public static double richardson(UnaryFunction u, double x) {
        return richardsonEstimate(u::apply, x, 1e-3)[0];
    }

    /** Richardson estimate of the case's gradient (length 1 for a unary case). */
    public static double[] richardson(CorpusCase c, double[] x) {
        return c.isUnary() ? new double[] {richardson(c.u(), x[0])} : richardson(c.f(), x, c.single() ? 1e-2 : 1e-3);
    }

    /**
     * Richardson's own error estimate per component: the difference between the two-level and
     * the better one-level extrapolation. Large values mean a kink, branch switch or trip-count
     * change lies within a step of the point, i.e. the point is badly chosen.
     */
    public static double[] richardsonErrorEstimate(CorpusCase c, double[] x) {
        double[] e = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            DoubleUnaryOperator g = c.isUnary() ? c.u()::apply : along(c.f(), x, i);
            e[i] = richardsonEstimate(g, x[i], 1e-3)[1];
        }
        return e;
    }

    private static DoubleUnaryOperator along(ScalarFunction f, double[] x, int i) {
        return t -> {
            double[] y = x.clone();
            y[i] = t;
            return f.apply(y);
        };
    }

    /** {estimate, error estimate} of g'(t). */
    private static double[] richardsonEstimate(DoubleUnaryOperator g, double t, double step) {
        double h = step * Math.max(1.0, Math.abs(t));
        double d1 = central(g, t, h);
        double d2 = central(g, t, h / 2);
        double d3 = central(g, t, h / 4);
        double r1a = (4 * d2 - d1) / 3;
        double r1b = (4 * d3 - d2) / 3;
        double r2 = (16 * r1b - r1a) / 15;
        return new double[] {r2, Math.abs(r2 - r1b)};
    }

    private static double central(DoubleUnaryOperator g, double t, double h) {
        double tp = t + h;
        double tm = t - h;
        return (g.applyAsDouble(tp) - g.applyAsDouble(tm)) / (tp - tm); // the steps actually taken
    }

    // ------------------------------------------------------------------ assertions

    /**
     * Asserts that a gradient and value computed by Fluxion for {@code c} at {@code x} are right:
     * the value equals the plain-Java value (to 1e-14 relative), the gradient matches the closed
     * form (if any) to 1e-12 and the Richardson estimate to 1e-6, each scaled by
     * {@code max(1, |reference|)}. For a unary case {@code fluxionGrad} has length 1.
     */
    public static void assertGradient(CorpusCase c, double[] x, double[] fluxionGrad, double fluxionValue) {
        assertValue(c, x, fluxionValue);
        assertGradientOnly(c, x, fluxionGrad);
    }

    /** As {@link #assertGradient} for a unary case, whose derivative comes without a value. */
    public static void assertDerivative(CorpusCase c, double x, double fluxionDerivative) {
        assertGradientOnly(c, new double[] {x}, new double[] {fluxionDerivative});
    }

    /** Asserts only the gradient part of {@link #assertGradient}. */
    public static void assertGradientOnly(CorpusCase c, double[] x, double[] fluxionGrad) {
        String where = where(c, x);
        assertNotNull(fluxionGrad, where + ": no gradient");
        assertEquals(x.length, fluxionGrad.length, where + ": gradient length");
        double[] exact = c.exactGradient(x);
        if (exact != null) {
            assertEquals(x.length, exact.length, where + ": closed form has the wrong length (corpus bug)");
            compare(where, "closed form", exact, fluxionGrad,
                    c.single() ? SINGLE_CLOSED_FORM_TOLERANCE : CLOSED_FORM_TOLERANCE, 1);
        }
        if (c.single()) {
            compare(where, "Richardson extrapolation (float)", richardson(c, x), fluxionGrad, SINGLE_RICHARDSON_TOLERANCE,
                    Math.max(1, Math.abs(c.value(x))));
        } else {
            compare(where, "Richardson extrapolation", richardson(c, x), fluxionGrad, RICHARDSON_TOLERANCE, 1);
        }
    }

    /** Asserts the value returned with the gradient equals the plain-Java value. */
    public static void assertValue(CorpusCase c, double[] x, double fluxionValue) {
        double expected = c.value(x);
        if (expected == fluxionValue || Double.isNaN(expected) && Double.isNaN(fluxionValue)) {
            return;
        }
        double err = Math.abs(expected - fluxionValue);
        if (!(err <= VALUE_TOLERANCE * Math.max(Math.abs(expected), Math.abs(fluxionValue)))) {
            fail(where(c, x) + ": value: expected " + expected + " (plain Java) but was " + fluxionValue
                    + " (|error| = " + err + ")");
        }
    }

    /** Asserts Fluxion's gradient of a scalar case at every test point. */
    public static void assertCase(CorpusCase c, GradientFunction gradient) {
        if (c.isUnary()) {
            throw new IllegalArgumentException(c.name() + " is a unary case; use the DoubleUnaryOperator overload");
        }
        for (double[] x : c.pointsCopy()) {
            double[] before = x.clone();
            double[] g = new double[x.length];
            double v = gradient.valueAndGradient(x, g);
            assertArrayUnchanged(c, before, x);
            assertGradient(c, before, g, v);
        }
    }

    /** Asserts Fluxion's derivative of a unary case at every test point. */
    public static void assertCase(CorpusCase c, DoubleUnaryOperator derivative) {
        if (!c.isUnary()) {
            throw new IllegalArgumentException(c.name() + " is a scalar case; use the GradientFunction overload");
        }
        for (double[] x : c.points()) {
            assertDerivative(c, x[0], derivative.applyAsDouble(x[0]));
        }
    }

    /**
     * Asserts that the Richardson estimate is itself trustworthy at {@code x}: its error estimate
     * is at most 1e-7 * max(1, |estimate|) in every component. Used to vet the corpus's points.
     */
    public static void assertRichardsonReliable(CorpusCase c, double[] x) {
        if (c.single()) {
            return; // float round-off dominates the error estimate; the closed form is the reference
        }
        double[] r = richardson(c, x);
        double[] e = richardsonErrorEstimate(c, x);
        for (int i = 0; i < x.length; i++) {
            double tol = RICHARDSON_RELIABILITY * Math.max(1.0, Math.abs(r[i]));
            if (!(e[i] <= tol)) {
                fail(where(c, x) + ": component " + i + ": Richardson estimate " + r[i] + " is unreliable (error estimate "
                        + e[i] + " > " + tol + "); a kink or branch switch is probably within a step of the point");
            }
        }
    }

    private static void assertArrayUnchanged(CorpusCase c, double[] before, double[] after) {
        for (int i = 0; i < before.length; i++) {
            if (Double.doubleToRawLongBits(before[i]) != Double.doubleToRawLongBits(after[i])) {
                fail(where(c, before) + ": the input array was modified at index " + i + ": " + before[i] + " -> " + after[i]);
            }
        }
    }

    private static void compare(String where, String reference, double[] expected, double[] actual, double relTol,
            double floor) {
        for (int i = 0; i < expected.length; i++) {
            double e = expected[i];
            double a = actual[i];
            if (e == a) {
                continue; // also covers equal infinities
            }
            double err = Math.abs(e - a);
            double tol = relTol * Math.max(floor, Math.abs(e));
            if (!(err <= tol)) {
                fail(where + ": component " + i + " of the gradient: expected " + e + " (" + reference + ") but was " + a
                        + " (|error| = " + err + ", tolerance " + tol + ")");
            }
        }
    }

    private static String where(CorpusCase c, double[] x) {
        return "case " + c.name() + " at x = " + CorpusCase.describe(x);
    }
}
