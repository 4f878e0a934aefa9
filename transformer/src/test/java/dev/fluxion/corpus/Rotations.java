package dev.fluxion.corpus;

import dev.fluxion.Differentiable;

/** Rotations compute sin and cos of one angle: the reverse sweep takes each one's partial from the other. */
public final class Rotations {
    private Rotations() {
    }

    /** Rotates (1, 0) by x_0, x_1, ... in turn and returns the final x coordinate plus y^2. */
    @Differentiable
    public static double chainOfRotations(double[] x) {
        double px = 1;
        double py = 0;
        for (int i = 0; i < x.length; i++) {
            double c = Math.cos(x[i]);
            double s = Math.sin(x[i]);
            double nx = c * px - s * py;
            py = s * px + c * py;
            px = nx;
        }
        return px + py * py;
    }
}
