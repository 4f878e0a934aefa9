package dev.fluxion.ondemand;

import dev.fluxion.Differentiable;
import dev.fluxion.Fluxion;

/** Asks for its own gradient, from whichever class loader loaded it. */
public final class SeparatelyLoaded {
    private SeparatelyLoaded() {
    }

    @Differentiable
    private static double f(double[] x) {
        return x[1] * Math.sin(x[0] * x[1]);
    }

    public static double[] gradientAt(double[] x) {
        return Fluxion.gradient(SeparatelyLoaded::f).gradient(x);
    }
}
