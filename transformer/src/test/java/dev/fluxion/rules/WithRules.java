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
}
