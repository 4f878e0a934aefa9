package dev.fluxion.samples.robot;

/**
 * The ground, a stiff damped spring under {@code y = level}: a particle below it is pushed up in
 * proportion to its depth, and friction, up to {@code friction} times that push, resists its sliding
 * (Coulomb's law, smoothed: the friction grows with the sliding speed as {@code tanh(v / slipSpeed)}).
 */
final class Ground {
    final double level;
    final double stiffness;
    final double damping;
    final double friction;
    final double slipSpeed; // friction reaches its full strength at about this sliding speed

    Ground(double level, double stiffness, double damping, double friction, double slipSpeed) {
        this.level = level;
        this.stiffness = stiffness;
        this.damping = damping;
        this.friction = friction;
        this.slipSpeed = slipSpeed;
    }

    /** Pushes on a particle that is below the ground. */
    void push(Particle p) {
        double depth = level - p.y;
        if (depth > 0) {
            double normal = stiffness * depth - damping * p.vy;
            if (normal > 0) {
                p.push(-friction * normal * Math.tanh(p.vx / slipSpeed), normal);
            }
        }
    }
}
