package dev.fluxion.ondemand;

import dev.fluxion.Differentiable;

/**
 * Written as a user would, with nothing set up for Fluxion: private state, a private helper, a call
 * to another class's {@code @Differentiable} method, and one method that cannot be differentiated.
 */
public class Pricing {
    private final double rate;
    private double lastPrice; // written by quote(), which is why it cannot be differentiated

    public Pricing(double rate) {
        this.rate = rate;
    }

    private double discount(double t) {
        return Math.exp(-rate * t);
    }

    /** The present value of a bond paying coupon c at t = 1..n and the face value 1 at n; x = {c, n-ish spread}. */
    @Differentiable
    public double presentValue(double[] x) {
        double pv = 0;
        for (int t = 1; t <= 5; t++) {
            pv += x[0] * discount(t) * Curves.survival(x[1], t);
        }
        return pv + discount(5) * Curves.survival(x[1], 5);
    }

    @Differentiable
    public double quote(double[] x) {
        lastPrice = presentValue(x);
        return lastPrice;
    }

    @Differentiable
    static double squaredError(double[] x) {
        double e = x[0] * x[0] - 2;
        return e * e;
    }
}
