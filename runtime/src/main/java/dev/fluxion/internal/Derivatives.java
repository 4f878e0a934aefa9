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

    /**
     * {@code x} itself, whose derivative does not propagate: the primal optimisations put it where
     * the derivatives through a value cancel exactly, as the shift of a log-sum-exp does (see
     * {@code ShiftedLogSumExp} in the transformer).
     */
    public static double detach(double x) { return x; }

    /**
     * max(a, b) and min(a, b) given the comparison {@code c} of a with b ({@code dcmpl} for max,
     * {@code dcmpg} for min, so that NaN compares as the losing side): the reverse sweep records the
     * int c, not both operands, and the partials below read only c. Same conventions as above:
     * a >= b is c >= 0 under dcmpl, a <= b is c <= 0 under dcmpg.
     */
    public static double maxBy(double a, double b, int c) { return Math.max(a, b); }
    public static double minBy(double a, double b, int c) { return Math.min(a, b); }
    public static float maxBy(float a, float b, int c) { return Math.max(a, b); }
    public static float minBy(float a, float b, int c) { return Math.min(a, b); }
    public static double maxFirstBy(int c) { return c >= 0 ? 1.0 : 0.0; }
    public static double maxSecondBy(int c) { return c >= 0 ? 0.0 : 1.0; }
    public static double minFirstBy(int c) { return c <= 0 ? 1.0 : 0.0; }
    public static double minSecondBy(int c) { return c <= 0 ? 0.0 : 1.0; }
    public static float maxFirstByF(int c) { return c >= 0 ? 1.0f : 0.0f; }
    public static float maxSecondByF(int c) { return c >= 0 ? 0.0f : 1.0f; }
    public static float minFirstByF(int c) { return c <= 0 ? 1.0f : 0.0f; }
    public static float minSecondByF(int c) { return c <= 0 ? 0.0f : 1.0f; }

    public static double powBase(double a, double b) {
        return b == 0.0 ? 0.0 : b * Math.pow(a, b - 1.0);
    }

    public static double powExponent(double a, double r) {
        return r == 0.0 ? 0.0 : r * Math.log(a);
    }

    public static double atan2First(double y, double x) {
        double d = x * x + y * y;
        return isSafeSquare(d) ? x / d : overHypotSquared(x, y, x);
    }

    public static double atan2Second(double y, double x) {
        double d = x * x + y * y;
        return isSafeSquare(d) ? -y / d : -overHypotSquared(y, x, y);
    }

    /**
     * Whether {@code d = x^2 + y^2} was computed without underflow or overflow, so that formulas
     * over it are accurate. Outside (arguments below about 1e-150 or above 1e150), they are
     * computed from {@code hypot(x, y)} instead: {@code x / d} as {@code (x / h) / h}, never 0/0 or
     * 0 where the true value is finite (a Hessian-vector product of a tiny {@code hypot} was NaN:
     * fuzzer finding F6).
     */
    private static boolean isSafeSquare(double d) {
        return d > 0x1p-900 && d < 0x1p900;
    }

    /** {@code a / (x^2 + y^2)} from {@code h = hypot(x, y)}: 0 at the origin (the convention above). */
    private static double overHypotSquared(double x, double y, double a) {
        double h = Math.hypot(x, y);
        return h == 0.0 ? 0.0 : a / h / h;
    }

    public static double hypotFirst(double a, double r) { return r == 0.0 ? 0.0 : a / r; }
    public static double hypotSecond(double b, double r) { return r == 0.0 ? 0.0 : b / r; }

    /** d copySign(m, s) / dm: +1 where m and s have the same sign bit, else -1. */
    public static double copySign(double m, double s) { return Math.copySign(1.0, m) * Math.copySign(1.0, s); }
    public static float copySign(float m, float s) { return Math.copySign(1.0f, m) * Math.copySign(1.0f, s); }

    // Derivatives of the partials above, for second derivatives (reverse mode over generated
    // tangents, which call the partials): each is named after the partial it differentiates.
    public static double negCos(double x) { return -Math.cos(x); }
    public static double twice(double r) { return 2.0 * r; }
    public static double negTwice(double r) { return -2.0 * r; }
    public static double asinSecond(double x) { double u = 1.0 - x * x; return x / (u * Math.sqrt(u)); }
    public static double acosSecond(double x) { double u = 1.0 - x * x; return -x / (u * Math.sqrt(u)); }
    public static double atanSecond(double x) { double u = 1.0 + x * x; return -2.0 * x / (u * u); }
    public static double logSecond(double x) { return -1.0 / (x * x); }
    public static double log10Second(double x) { return -1.0 / (x * x * LN10); }
    public static double log1pSecond(double x) { return -1.0 / ((1.0 + x) * (1.0 + x)); }
    public static double sqrtSecond(double r) { return -0.5 / (r * r); }
    public static double cbrtSecond(double r) { return -2.0 / (3.0 * r * r * r); }
    public static double lnOf(double a) { return Math.log(a); }

    /** d powBase(a, b) / da = b (b - 1) a^(b - 2). */
    public static double powBaseBase(double a, double b) {
        return b == 0.0 || b == 1.0 ? 0.0 : b * (b - 1.0) * Math.pow(a, b - 2.0);
    }

    /** d powBase(a, b) / db = a^(b - 1) (1 + b ln a). */
    public static double powBaseExponent(double a, double b) {
        double p = Math.pow(a, b - 1.0);
        return b == 0.0 ? p : p * (1.0 + b * Math.log(a));
    }

    /** d powExponent(a, r) / da = r / a (r = a^b). */
    public static double powExponentBase(double a, double r) { return r == 0.0 ? 0.0 : r / a; }

    /** d atan2First(y, x) / dy = -2xy / d^2, with d = x^2 + y^2. */
    public static double atan2FirstFirst(double y, double x) {
        double d = x * x + y * y;
        return isSafeSquare(d) ? -2.0 * x * y / (d * d) : -2.0 * overHypotSquared(x, y, x) * overHypotSquared(x, y, y);
    }

    /** d atan2First(y, x) / dx = d atan2Second(y, x) / dy = (y^2 - x^2) / d^2. */
    public static double atan2Mixed(double y, double x) {
        double d = x * x + y * y;
        if (isSafeSquare(d)) {
            return (y * y - x * x) / (d * d);
        }
        double h = Math.hypot(x, y);
        return h == 0.0 ? 0.0 : (y / h - x / h) * (y / h + x / h) / h / h;
    }

    /** d atan2Second(y, x) / dx = 2xy / d^2. */
    public static double atan2SecondSecond(double y, double x) {
        return -atan2FirstFirst(y, x);
    }

    /** d (a / r) / da = 1 / r, for hypot's partials a / r. */
    public static double hypotPartialArg(double a, double r) { return r == 0.0 ? 0.0 : 1.0 / r; }

    /** d (a / r) / dr = -a / r^2, as -(a / r) / r: r * r underflows for a tiny r (fuzzer finding F6). */
    public static double hypotPartialResult(double a, double r) { return r == 0.0 ? 0.0 : -(a / r) / r; }

    /** The quotient a % b subtracts b times: d(a % b)/db = -trunc(a / b). */
    public static double remDivisor(double a, double b, double r) { return -Math.rint((a - r) / b); }
    public static float remDivisor(float a, float b, float r) { return (float) -Math.rint(((double) a - r) / b); }

    /** scalb(x, n) = x * 2^n, exact while in range: its derivative in x is 2^n. */
    public static double scalb(int n) { return Math.scalb(1.0, n); }
    public static float scalbF(int n) { return Math.scalb(1.0f, n); }

    /**
     * clamp(v, lo, hi) = min(max(v, lo), hi) (Java 21): the partial goes to the operand the result
     * is, v on a tie by the convention of max and min (lo <= hi, or clamp throws).
     */
    public static double clampValue(double v, double lo, double hi) { return v >= lo && v <= hi ? 1.0 : 0.0; }
    public static double clampLow(double v, double lo, double hi) { return v < lo ? 1.0 : 0.0; }
    public static double clampHigh(double v, double lo, double hi) { return v > hi ? 1.0 : 0.0; }
    public static float clampValue(float v, float lo, float hi) { return v >= lo && v <= hi ? 1.0f : 0.0f; }
    public static float clampLow(float v, float lo, float hi) { return v < lo ? 1.0f : 0.0f; }
    public static float clampHigh(float v, float lo, float hi) { return v > hi ? 1.0f : 0.0f; }
}
