package dev.fluxion.agent;

import dev.fluxion.Differentiable;

public class BadCallee {
    static double scratch;

    @Differentiable
    static double g(double v) {
        scratch = v; // an active value written to a field: the class stays untransformed
        return v * v;
    }
}
