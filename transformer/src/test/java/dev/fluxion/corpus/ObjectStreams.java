package dev.fluxion.corpus;

import dev.fluxion.Differentiable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Streams over objects made in the method, filtered, as a Java developer writes them: the energy of
 * the particles that are still inside a box, the highest of the charges on the positive side.
 */
public final class ObjectStreams {
    private ObjectStreams() {
    }

    record Particle(double x, double v, double m) {
        double energy() {
            return 0.5 * m * v * v;
        }
    }

    /** Particles at x_i = p_i with speed p_i / 2, mass i + 1: the kinetic energy of those with x > 0. */
    @Differentiable
    public static double energyInside(double[] p) {
        List<Particle> particles = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            particles.add(new Particle(p[i], 0.5 * p[i], i + 1));
        }
        return particles.stream().filter(q -> q.x() > 0).mapToDouble(Particle::energy).sum();
    }

    record Charge(double position, double q) {
    }

    /** Charges (p_i, p_i^2) in an array: the largest q among those at a position above -1. */
    @Differentiable
    public static double largestChargeRightOfMinusOne(double[] p) {
        Charge[] charges = new Charge[p.length];
        for (int i = 0; i < p.length; i++) {
            charges[i] = new Charge(p[i], p[i] * p[i]);
        }
        return Arrays.stream(charges).filter(c -> c.position() > -1).mapToDouble(Charge::q).max().orElse(0);
    }
}
