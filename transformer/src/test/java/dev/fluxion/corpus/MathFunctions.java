package dev.fluxion.corpus;

import dev.fluxion.Differentiable;

/**
 * Every {@link Math} function Fluxion has a rule for, and {@link StrictMath#sin}/{@link StrictMath#exp}.
 *
 * <p>Convention at non-differentiable points (see {@code dev.fluxion.internal.Derivatives}): the
 * derivative of the branch the primal takes. {@code abs'(0) = +1} (also at -0.0); {@code min}
 * and {@code max} give the whole derivative to the first argument on a tie; {@code floor},
 * {@code ceil}, {@code rint}, {@code round} and {@code signum} have derivative 0 everywhere;
 * {@code copySign(m, s)} has derivative {@code sign(m) * sign(s)} in m and 0 in s. The corpus
 * test points stay well away from these points, where finite differences are meaningless.
 */
public final class MathFunctions {
    private MathFunctions() {
    }

    /** exp(-v^2 / 2); also called from other classes. */
    @Differentiable
    public static double gaussian(double v) {
        return Math.exp(-0.5 * v * v);
    }

    @Differentiable
    public static double trig(double[] x) {
        return Math.sin(x[0]) * Math.cos(x[1]) + Math.tan(x[2]);
    }

    @Differentiable
    public static double inverseTrig(double[] x) {
        return Math.asin(x[0]) * Math.acos(x[1]) + Math.atan(x[2]) + Math.atan2(x[0], x[2]);
    }

    @Differentiable
    public static double hyperbolic(double[] x) {
        return Math.sinh(x[0]) * Math.cosh(x[1]) + Math.tanh(x[0] * x[1]);
    }

    @Differentiable
    public static double expLog(double[] x) {
        return Math.exp(x[0]) * Math.expm1(x[1]) + Math.log(x[2]) - Math.log10(x[0] * x[0] + 1)
                + Math.log1p(x[1] * x[2]);
    }

    @Differentiable
    public static double roots(double[] x) {
        return Math.sqrt(x[0]) * Math.cbrt(x[1]) + Math.hypot(x[1], x[2]);
    }

    /** pow with both arguments active, a constant exponent, a constant base. */
    @Differentiable
    public static double powers(double[] x) {
        return Math.pow(x[0], x[1]) + Math.pow(x[0], 3) + Math.pow(2, x[1]) + Math.pow(x[2], -1.5);
    }

    @Differentiable
    public static double absMinMax(double[] x) {
        return Math.abs(x[0] - x[1]) + Math.min(x[0], x[2]) * Math.max(x[1], x[2] * x[2]);
    }

    /** floor, ceil, rint, round and signum: derivative 0, so only the other factors contribute. */
    @Differentiable
    public static double rounding(double[] x) {
        return Math.floor(x[0]) * x[1] + Math.ceil(x[1]) * x[0] + Math.rint(x[2]) * x[2]
                + Math.round(x[0] * 2) + Math.signum(x[1]) * x[2] * x[2];
    }

    @Differentiable
    public static double copySignFma(double[] x) {
        return Math.copySign(x[0], x[1]) * x[2] + Math.fma(x[0], x[1], x[2]) + Math.copySign(x[2] * x[2], -1.0);
    }

    @Differentiable
    public static double degrees(double[] x) {
        return Math.toRadians(x[0]) * Math.toDegrees(x[1]) + Math.sin(Math.toRadians(x[2]));
    }

    @Differentiable
    public static double strictMath(double[] x) {
        return StrictMath.sin(x[0]) * StrictMath.exp(x[1]) + StrictMath.exp(x[0] * x[1]);
    }

    /**
     * The floating-point neighbourhood, as code that rounds, steps or scales by powers of two uses it:
     * scalb multiplies by 2^n, nextUp/nextDown/nextAfter move with their argument (derivative 1),
     * ulp and getExponent are steps (0), IEEEremainder(a, b) = a - rint(a / b) b.
     */
    @Differentiable
    public static double neighbourhood(double[] x) {
        double r = Math.IEEEremainder(5 * x[0], x[1]);
        return Math.scalb(x[0], 3) * x[1] + r * r + Math.nextUp(x[2]) * x[2] + Math.ulp(x[1]) * 1e12 * x[0]
                + Math.getExponent(x[2]) * x[2] + Math.nextDown(x[1]) + StrictMath.nextAfter(x[0], 0.0) * x[1];
    }

    /** The same in float: scalb, nextUp, ulp, getExponent and nextAfter of floats. */
    @Differentiable
    public static double neighbourhoodFloat(double[] x) {
        float a = (float) x[0], b = (float) x[1], c = (float) x[2];
        return Math.scalb(a, -2) * b + Math.nextUp(c) * c + Math.ulp(b) * 1e5f * a + Math.getExponent(c) * c
                + Math.nextAfter(a, 0.0) * b + Math.nextDown(b);
    }

    @Differentiable
    public static double sinc(double x) {
        return Math.sin(x) / x;
    }

    /** Kinks in a unary function: abs, max, min. */
    @Differentiable
    public static double kinkUnary(double x) {
        return Math.abs(x - 1) * x + Math.max(x, 0.5) - Math.min(x * x, 2);
    }

    @Differentiable
    public static double atanLogistic(double x) {
        return Math.atan(x) + 1 / (1 + Math.exp(-x));
    }
}
