package dev.fluxion.ondemand;

import dev.fluxion.Differentiable;

/** Another class's {@code @Differentiable} method: on demand, its derivative lives in its own hidden class. */
public final class Curves {
    private Curves() {
    }

    @Differentiable
    public static double survival(double spread, double t) {
        return Math.exp(-spread * t);
    }
}
