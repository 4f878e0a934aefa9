package dev.fluxion.corpus;

import dev.fluxion.Differentiable;

/** A planet around a fixed sun: the integrator's step in a class of its own, which a simulation calls in a loop. */
public final class Orbits {
    private Orbits() {
    }

    /** One leapfrog (kick-drift-kick) step of {@code dt} for position {@code q} and velocity {@code v}, in place. */
    @Differentiable
    public static void step(double[] q, double[] v, double dt) {
        kick(q, v, dt / 2);
        q[0] += dt * v[0];
        q[1] += dt * v[1];
        kick(q, v, dt / 2);
    }

    private static void kick(double[] q, double[] v, double dt) {
        double r2 = q[0] * q[0] + q[1] * q[1];
        double r3 = r2 * Math.sqrt(r2);
        v[0] -= dt * q[0] / r3;
        v[1] -= dt * q[1] / r3;
    }
}
