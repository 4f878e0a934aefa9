package dev.fluxion.corpus;

import dev.fluxion.Checkpointed;
import dev.fluxion.Differentiable;

/**
 * A forced, damped pendulum whose constants and forcing table are fields of the model: its
 * checkpointed time loop reads them, so each step is given the receiver.
 */
public final class Pendulum {
    private final double gravity;
    private final double length;
    private final double damping;
    private final double[] forcing;

    public Pendulum(double gravity, double length, double damping, double[] forcing) {
        this.gravity = gravity;
        this.length = length;
        this.damping = damping;
        this.forcing = forcing;
    }

    /** From angle p[0] and angular velocity p[1], damping scaled by p[2]: where the pendulum ends. */
    @Differentiable
    @Checkpointed(snapshots = 4)
    public double swing(double[] p) {
        double theta = p[0];
        double omega = p[1];
        double dt = 0.01;
        int n = Simulations.steps;
        for (int i = 0; i < n; i++) {
            double torque = -gravity / length * Math.sin(theta) - damping * p[2] * omega + forcing[i % forcing.length];
            theta += dt * omega;
            omega += dt * torque;
        }
        return theta * theta + 0.1 * omega;
    }
}
