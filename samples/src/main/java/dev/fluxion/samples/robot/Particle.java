package dev.fluxion.samples.robot;

/**
 * A point mass of the robot (mass 1): its position and velocity change every time step; the force
 * pushed on it during a step is gathered in {@code fx, fy} and used up by {@link #advance}.
 */
final class Particle {
    double x, y;
    double vx, vy;
    double fx, fy;

    Particle(double x, double y) {
        this.x = x;
        this.y = y;
    }

    /** Adds a force for this step. */
    void push(double fx, double fy) {
        this.fx += fx;
        this.fy += fy;
    }

    /**
     * Semi-implicit Euler: the velocity takes the force, gravity, the ground's push and damping
     * first, and the position moves with the new velocity. The force is cleared for the next step.
     */
    void advance(double dt, double gravity, double damping, Ground ground) {
        ground.push(this);
        double decay = Math.exp(-dt * damping);
        vx = decay * (vx + dt * fx);
        vy = decay * (vy + dt * (fy + gravity));
        x += dt * vx;
        y += dt * vy;
        fx = 0;
        fy = 0;
    }
}
