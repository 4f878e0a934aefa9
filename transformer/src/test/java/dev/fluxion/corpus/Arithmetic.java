package dev.fluxion.corpus;

import dev.fluxion.Differentiable;

/**
 * Straight-line double arithmetic ({@code + - * / %}, negation), element access into the input
 * array, and int/long/float/boolean values used only as inactive control data.
 */
public final class Arithmetic {
    /** A constant table indexed by a truncated input. */
    static final double[] COEFF = {1.5, -0.75, 2.5};

    private Arithmetic() {
    }

    /** sum x_i^2. */
    @Differentiable
    public static double sumOfSquares(double[] x) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * x[i];
        }
        return s;
    }

    /** Extended Rosenbrock: sum over i of 100 (x[i+1] - x[i]^2)^2 + (1 - x[i])^2. */
    @Differentiable
    public static double rosenbrock(double[] x) {
        double s = 0;
        for (int i = 0; i < x.length - 1; i++) {
            double a = x[i + 1] - x[i] * x[i];
            double b = 1 - x[i];
            s += 100 * a * a + b * b;
        }
        return s;
    }

    /** Division, subtraction and negation. */
    @Differentiable
    public static double rational(double[] x) {
        double num = x[0] * x[1] - x[2] + 3;
        double den = 1 + x[0] * x[0] + x[2] * x[2];
        double neg = -x[2];
        return -(num / den) + x[1] / 4 - neg * x[0];
    }

    /** Double remainder: d(a % b)/da = 1, d(a % b)/db = -trunc(a / b). */
    @Differentiable
    public static double remainder(double[] x) {
        return x[0] % 1.5 + (x[1] % x[2]) * x[0];
    }

    /** (int) and (long) conversions of active values have derivative 0; one is used as an index. */
    @Differentiable
    public static double truncations(double[] x) {
        int k = (int) x[0];
        long m = (long) (x[1] * 4);
        double w = COEFF[(k % 3 + 3) % 3];
        return k * x[1] + m * x[0] + w * x[2] * x[2] + (int) (x[0] * x[1]);
    }

    /** int, long, float and boolean locals as inactive control data. */
    @Differentiable
    public static double inactiveControl(double[] x) {
        int n = 0;
        long m = 1;
        float half = 0.5f;
        boolean flip = false;
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            n++;
            m *= 3;
            flip = !flip;
            s += flip ? x[i] * half : -x[i] * m;
        }
        return s / n;
    }

    /** x[x.length - 1] and differences x[i + 1] - x[i]. */
    @Differentiable
    public static double differences(double[] x) {
        double s = x[x.length - 1] * x[0];
        for (int i = 0; i + 1 < x.length; i++) {
            double d = x[i + 1] - x[i];
            s += d * d * (i + 1);
        }
        return s;
    }

    /** A unary rational function. */
    @Differentiable
    public static double rationalUnary(double x) {
        return (x * x - 3) / (x * x + 1) - x / 7;
    }
}
