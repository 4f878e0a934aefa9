package dev.fluxion.corpus;

import dev.fluxion.AdjointOf;
import dev.fluxion.Differentiable;

/**
 * Calls into a library ({@link Lib}, not annotated, never transformed) differentiated by
 * {@code @AdjointOf} rules declared here, in the calling class.
 */
public final class CustomRules {
    private CustomRules() {
    }

    @AdjointOf(value = "hypot3", in = Lib.class)
    static double hypot3Adjoint(double a, double b, double c, double seed, double[] bars) {
        double r = Lib.hypot3(a, b, c);
        bars[0] = seed * a / r;
        bars[1] = seed * b / r;
        bars[2] = seed * c / r;
        return r;
    }

    @AdjointOf(value = "logSumExp", in = Lib.class)
    static double logSumExpAdjoint(double[] v, double[] vBar, double seed) {
        double r = Lib.logSumExp(v);
        for (int i = 0; i < v.length; i++) {
            vBar[i] += seed * Math.exp(v[i] - r);
        }
        return r;
    }

    /** hypot3(x0, 2 x1, x2 x0) + logSumExp of a local array built from x, through library calls with rules. */
    @Differentiable
    public static double libraryCalls(double[] x) {
        double[] v = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            v[i] = 3 * x[i];
        }
        return Lib.hypot3(x[0], 2 * x[1], x[2] * x[0]) + Lib.logSumExp(v);
    }

    private static final Lib.Softplus SOFTPLUS = new Lib.Softplus(4.0);

    /** A rule for an instance method: the receiver comes first, and is data. */
    @AdjointOf(value = "apply", in = Lib.Softplus.class)
    static double softplusAdjoint(Lib.Softplus f, double v, double seed, double[] bars) {
        bars[0] = seed / (1 + Math.exp(-f.sharpness() * v));
        return f.apply(v);
    }

    /** A smooth hinge loss over neighbouring products, through a library object's method with a rule. */
    @Differentiable
    public static double smoothHinge(double[] x) {
        double s = 0;
        for (int i = 0; i + 1 < x.length; i++) {
            s += SOFTPLUS.apply(x[i] * x[i + 1] - 1) * (i + 1);
        }
        return s;
    }
}
