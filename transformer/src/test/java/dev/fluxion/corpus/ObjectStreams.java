package dev.fluxion.corpus;

import dev.fluxion.Differentiable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

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

        Particle moved(double dt) {
            return new Particle(x + v * dt, v, m);
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

    /**
     * Particles at x_i = p_i with speed p_i / 2, mass i + 1, moved by dt = p_0 into a new list
     * ({@code map(..).toList()}), read back: sum m x^2 of the moved ones.
     */
    @Differentiable
    public static double movedList(double[] p) {
        List<Particle> particles = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            particles.add(new Particle(p[i], 0.5 * p[i], i + 1));
        }
        List<Particle> moved = particles.stream().map(q -> q.moved(p[0])).toList();
        double s = 0;
        for (Particle q : moved) {
            s += q.m() * q.x() * q.x();
        }
        return s;
    }

    /** The same particles in an array, moved by 0.5 twice ({@code collect(Collectors.toList())}, then get): x of the first times v of the last. */
    @Differentiable
    public static double movedCollected(double[] p) {
        Particle[] particles = new Particle[p.length];
        for (int i = 0; i < p.length; i++) {
            particles[i] = new Particle(p[i], 0.5 * p[i] * p[i], i + 1);
        }
        List<Particle> moved = Arrays.stream(particles).map(q -> q.moved(0.5).moved(0.5)).collect(Collectors.toList());
        return moved.get(0).x() * moved.get(moved.size() - 1).v();
    }

    /** The kinetic energy of the particles moved by p_0 (map to objects, then mapToDouble, sum). */
    @Differentiable
    public static double energyAfterMoving(double[] p) {
        List<Particle> particles = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            particles.add(new Particle(p[i], 0.5 * p[i], i + 1));
        }
        return particles.stream().map(q -> q.moved(p[0])).mapToDouble(q -> q.energy() + q.x()).sum();
    }
}
