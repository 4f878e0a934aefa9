package dev.fluxion.corpus;

import dev.fluxion.Differentiable;

/**
 * Objects handed to helpers nobody annotated, as a simulation's code is split into methods: a
 * helper given only the particles ({@code centreX(particles)}), a factory that makes them, starting
 * positions read from objects outside the method, a spring picking its particles by indices from a
 * table, a right-hand side object passed to an integrator with constant arguments, and a bound
 * method reference. The class is final and has an instance field, as a simulation class often has:
 * its static tables are not objects.
 */
public final class ObjectHelpers {
    /** An instance field of this final class: it makes the class look like a value class to a careless check. */
    final int revision;

    ObjectHelpers(int revision) {
        this.revision = revision;
    }

    static final class Particle {
        double x;
        double v;

        Particle(double x) {
            this.x = x;
        }

        void kick(double f) {
            v += f;
            x += v;
        }
    }

    /** A starting position, mutable, held outside the differentiated code and only read there. */
    static final class Start {
        double x;

        Start(double x) {
            this.x = x;
        }
    }

    static final Start[] STARTS = {new Start(1), new Start(2), new Start(4)};
    /** The particles a spring joins, as indices into the particles. */
    static final int[][] SPRINGS = {{0, 1}, {1, 2}};

    interface Rhs {
        double slope(double y);
    }

    record Decay(double rate) implements Rhs {
        @Override
        public double slope(double y) {
            return -rate * y;
        }
    }

    /** Three particles placed from STARTS (read, not differentiated), kicked by k0 and k1 along springs picked by SPRINGS; centreX of them. */
    @Differentiable
    public static double kickedAlongSprings(double[] k) {
        Particle[] particles = placed();
        for (int step = 0; step < 3; step++) {
            for (int[] s : SPRINGS) {
                particles[s[0]].kick(k[0] * 0.5);
                particles[s[1]].kick(k[1] * 0.25);
            }
        }
        return centreX(particles) * particles[2].x;
    }

    private static Particle[] placed() {
        Particle[] ps = new Particle[STARTS.length];
        for (int i = 0; i < ps.length; i++) {
            ps[i] = new Particle(STARTS[i].x);
        }
        return ps;
    }

    private static double centreX(Particle[] particles) {
        double sum = 0;
        for (Particle p : particles) {
            sum += p.x;
        }
        return sum / particles.length;
    }

    /**
     * y' = -p0 y from y = 1 by 20 Euler steps of 0.05, through an Rhs object given to the integrator
     * with constant arguments, and from y = 2 through a record of another file (its field private
     * to it); then a bound method reference.
     */
    @Differentiable
    public static double decayThroughAnObject(double[] p) {
        Rhs rhs = new Decay(p[0]);
        double y = euler(rhs, 1.0, 20, 0.05) + euler(new Exponential(p[0]), 2.0, 20, 0.05);
        Decay twice = new Decay(2 * p[0]);
        java.util.function.DoubleUnaryOperator slope = twice::slope;
        return y + slope.applyAsDouble(1.0);
    }

    private static double euler(Rhs rhs, double y0, int steps, double h) {
        double y = y0;
        for (int i = 0; i < steps; i++) {
            y += h * rhs.slope(y);
        }
        return y;
    }
}
