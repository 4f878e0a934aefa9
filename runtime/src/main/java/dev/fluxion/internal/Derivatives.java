package dev.fluxion.internal;

/**
 * Partial derivatives of the {@link Math} functions, called by generated reverse sweeps. Each
 * method returns one partial derivative at a point, from the arguments and/or the primal result
 * {@code r}; the transformer's rule table says which method serves which partial. They are tiny
 * static methods, so the JIT inlines them into the adjoint.
 *
 * <p><b>Non-differentiable points</b> follow one convention: the derivative of the branch that
 * the primal takes. {@code abs} has derivative +1 at 0 (also at -0.0); {@code min}/{@code max}
 * pass the whole derivative to the first argument on a tie; {@code floor}, {@code ceil},
 * {@code rint}, {@code round} and {@code signum} have derivative 0 everywhere; where a formula
 * would give 0/0 ({@code hypot} and {@code atan2} at the origin, {@code pow} with exponent 0 or
 * base 0) the partial is 0. Derivatives that are genuinely infinite ({@code sqrt} at 0) stay
 * infinite.
 *
 * <p>Public because generated code in user classes calls it; not part of the API.
 */
public final class Derivatives {
    private static final double LN10 = Math.log(10.0);
    // the constants Math.toRadians and Math.toDegrees multiply by
    private static final double DEGREES_TO_RADIANS = 0.017453292519943295;
    private static final double RADIANS_TO_DEGREES = 57.29577951308232;

    private Derivatives() {
    }

    public static double sin(double x) { return Math.cos(x); }
    public static double cos(double x) { return -Math.sin(x); }
    public static double tan(double r) { return 1.0 + r * r; }
    public static double asin(double x) { return 1.0 / Math.sqrt(1.0 - x * x); }
    public static double acos(double x) { return -1.0 / Math.sqrt(1.0 - x * x); }
    public static double atan(double x) { return 1.0 / (1.0 + x * x); }
    public static double sinh(double x) { return Math.cosh(x); }
    public static double cosh(double x) { return Math.sinh(x); }
    public static double tanh(double r) { return 1.0 - r * r; }
    public static double expm1(double r) { return r + 1.0; }
    public static double log(double x) { return 1.0 / x; }
    public static double log10(double x) { return 1.0 / (x * LN10); }
    public static double log1p(double x) { return 1.0 / (1.0 + x); }
    public static double sqrt(double r) { return 0.5 / r; }
    public static double cbrt(double r) { return 1.0 / (3.0 * r * r); }
    public static double toRadians() { return DEGREES_TO_RADIANS; }
    public static double toDegrees() { return RADIANS_TO_DEGREES; }
    public static double zero() { return 0.0; }
    public static double one() { return 1.0; }
    public static float zeroF() { return 0.0f; }
    public static float oneF() { return 1.0f; }

    public static double abs(double x) { return x < 0 ? -1.0 : 1.0; }
    public static float abs(float x) { return x < 0 ? -1.0f : 1.0f; }

    /** d min(a, b) / da: the first argument wins ties, as in {@code Math.min}'s branch. */
    public static double minFirst(double a, double b) { return a <= b ? 1.0 : 0.0; }
    public static double minSecond(double a, double b) { return a <= b ? 0.0 : 1.0; }
    public static double maxFirst(double a, double b) { return a >= b ? 1.0 : 0.0; }
    public static double maxSecond(double a, double b) { return a >= b ? 0.0 : 1.0; }
    public static float minFirst(float a, float b) { return a <= b ? 1.0f : 0.0f; }
    public static float minSecond(float a, float b) { return a <= b ? 0.0f : 1.0f; }
    public static float maxFirst(float a, float b) { return a >= b ? 1.0f : 0.0f; }
    public static float maxSecond(float a, float b) { return a >= b ? 0.0f : 1.0f; }

    public static double powBase(double a, double b) {
        return b == 0.0 ? 0.0 : b * Math.pow(a, b - 1.0);
    }

    public static double powExponent(double a, double r) {
        return r == 0.0 ? 0.0 : r * Math.log(a);
    }

    public static double atan2First(double y, double x) {
        double d = x * x + y * y;
        return d == 0.0 ? 0.0 : x / d;
    }

    public static double atan2Second(double y, double x) {
        double d = x * x + y * y;
        return d == 0.0 ? 0.0 : -y / d;
    }

    public static double hypotFirst(double a, double r) { return r == 0.0 ? 0.0 : a / r; }
    public static double hypotSecond(double b, double r) { return r == 0.0 ? 0.0 : b / r; }

    /** d copySign(m, s) / dm: +1 where m and s have the same sign bit, else -1. */
    public static double copySign(double m, double s) { return Math.copySign(1.0, m) * Math.copySign(1.0, s); }
    public static float copySign(float m, float s) { return Math.copySign(1.0f, m) * Math.copySign(1.0f, s); }

    /** The quotient a % b subtracts b times: d(a % b)/db = -trunc(a / b). */
    public static double remDivisor(double a, double b, double r) { return -Math.rint((a - r) / b); }
    public static float remDivisor(float a, float b, float r) { return (float) -Math.rint(((double) a - r) / b); }
}
