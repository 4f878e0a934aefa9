package dev.fluxion.agent;

import dev.fluxion.Differentiable;

/** Transformable itself, but calls a @Differentiable method whose class cannot be transformed. */
public class CallsBadCallee {
    @Differentiable
    static double f(double[] x) {
        return BadCallee.g(x[0]) + x[1];
    }
}
