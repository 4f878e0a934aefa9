package dev.fluxion.corpus;

import dev.fluxion.Differentiable;

/** A spring between two points: its constants are fields, its energy an instance method its users call. */
public final class Spring {
    private final double stiffness;
    private final double restLength;

    public Spring(double stiffness, double restLength) {
        this.stiffness = stiffness;
        this.restLength = restLength;
    }

    /** The energy stored when the spring spans from {@code (x0, y0)} to {@code (x1, y1)}. */
    @Differentiable
    public double energy(double x0, double y0, double x1, double y1) {
        double stretch = Math.hypot(x1 - x0, y1 - y0) - restLength;
        return 0.5 * stiffness * stretch * stretch;
    }
}
