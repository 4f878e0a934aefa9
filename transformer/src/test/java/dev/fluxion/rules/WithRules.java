package dev.fluxion.rules;

import dev.fluxion.AdjointOf;
import dev.fluxion.Differentiable;

/** Differentiated code calling methods that have {@code @AdjointOf} rules. */
public final class WithRules {
    private WithRules() {
    }

    /** softplus(t) = log(1 + e^t); its derivative is the logistic function. */
    static double softplus(double t) {
        return Math.log1p(Math.exp(t));
    }

    /** Deliberately TWICE the true derivative: a test can then see that the rule, not the body, was used. */
    @AdjointOf("softplus")
    static double softplusTwiceAdjoint(double t, double seed, double[] bars) {
        bars[0] = 2 * seed / (1 + Math.exp(-t));
        return softplus(t);
    }

    @Differentiable
    public static double sumOfSoftplus(double[] x) {
        double s = 0;
        for (double v : x) {
            s += softplus(v * v);
        }
        return s;
    }

    /** An object's method: a softplus scaled by the object's k. */
    static final class Scaled {
        final double k;

        Scaled(double k) {
            this.k = k;
        }

        double apply(double t) {
            return k * softplus(t);
        }
    }

    private static final Scaled THREE = new Scaled(3);

    /** A rule for an instance method, the receiver first; deliberately TWICE the true derivative too. */
    @AdjointOf(value = "apply", in = Scaled.class)
    static double scaledTwiceAdjoint(Scaled f, double t, double seed, double[] bars) {
        bars[0] = 2 * seed * f.k / (1 + Math.exp(-t));
        return f.apply(t);
    }

    @Differentiable
    public static double sumOfScaled(double[] x) {
        double s = 0;
        for (double v : x) {
            s += THREE.apply(v * v);
        }
        return s;
    }
}
