package dev.fluxion.corpus;

import dev.fluxion.Differentiable;

/**
 * if/else chains, ternaries (including one that leaves a value on the operand stack across
 * blocks), compound boolean conditions, and switches: a dense tableswitch and a sparse
 * lookupswitch. Test points lie well inside one branch; the derivative is that of the branch taken.
 */
public final class Branches {
    private Branches() {
    }

    @Differentiable
    public static double ifElseChain(double[] x) {
        if (x[0] > x[1]) {
            return x[0] * x[1] + x[2];
        } else if (x[0] > 0) {
            return x[0] / x[1] - x[2] * x[2];
        }
        return -x[0] * x[0] * x[2];
    }

    @Differentiable
    public static double ternaryMix(double[] x) {
        double a = x[0] < 1 ? x[0] * x[0] : 2 * x[0] - 1;
        double b = x[1] > 2 ? Math.log(x[1]) : x[1] - 1;
        return a * b + (x[2] > a ? x[2] : a);
    }

    /** s stays on the operand stack while the ternary branches: s += (x[i] > 0 ? x[i] : -x[i]) * w. */
    @Differentiable
    public static double ternaryOnStack(double[] x) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double w = i + 1.5;
            s += (x[i] > 0 ? x[i] : -x[i]) * w;
        }
        return s * s;
    }

    /** && and || conditions, a boolean local. */
    @Differentiable
    public static double compoundConditions(double[] x) {
        boolean pos = x[0] > 0;
        if (pos && x[1] < 1 || x[2] > 5) {
            return x[0] * x[1] * x[2];
        }
        if (!pos) {
            return Math.exp(x[0]) + x[1];
        }
        return x[0] + x[1] * x[2];
    }

    /** switch (i % 4) in a loop: a dense tableswitch; the control flow does not depend on x. */
    @Differentiable
    public static double denseSwitch(double[] x) {
        double s = 1;
        for (int i = 0; i < x.length; i++) {
            switch (i % 4) {
                case 0: s += x[i]; break;
                case 1: s *= x[i]; break;
                case 2: s -= x[i] * x[i]; break;
                case 3: s = s / (1 + x[i] * x[i]); break;
                default: break;
            }
        }
        return s;
    }

    /** A sparse lookupswitch on a truncated input (the selector has derivative 0). */
    @Differentiable
    public static double sparseSwitch(double[] x) {
        switch ((int) x[0]) {
            case -7: return x[1] * x[1];
            case 3: return x[0] * x[1];
            case 40: return Math.sqrt(x[0]) + x[1];
            case 95: return x[0] - x[1];
            default: return Math.sin(x[0] + x[1]);
        }
    }

    /** Nested ternaries selecting the median of three. */
    @Differentiable
    public static double median3(double[] x) {
        double a = x[0];
        double b = x[1];
        double c = x[2];
        double m = a > b ? (b > c ? b : (a > c ? c : a)) : (a > c ? a : (b > c ? c : b));
        return m * m + a;
    }

    /** A piecewise unary function with early returns. */
    @Differentiable
    public static double piecewise(double x) {
        if (x < -1) {
            return -x * x;
        }
        if (x < 2) {
            return Math.sin(x) * x;
        }
        return x * Math.log(x);
    }
}
