package dev.fluxion.corpus;

import dev.fluxion.Differentiable;

/**
 * Mutable objects created in differentiated code, as a Java developer writes a simulation: a
 * {@code Particle} whose fields are updated every step by its own method, a record held in a
 * mutable field and replaced under a branch, a statistics accumulator with an {@code int} count.
 */
public final class LocalObjectCases {
    private LocalObjectCases() {
    }

    static class Particle {
        double x;
        double v;
        Vec3 trail = new Vec3(0, 0, 0);

        Particle(double x, double v) {
            this.x = x;
            this.v = v;
        }

        void step(double a, double dt) {
            v += a * dt;
            x += v * dt;
        }

        double energy(double k) {
            return 0.5 * v * v + 0.5 * k * x * x;
        }
    }

    static class Stats {
        double sum;
        int n;

        void add(double value) {
            sum += value;
            n++;
        }

        double mean() {
            return sum / n;
        }
    }

    /** A damped oscillator (x0 = p0, v0 = p1, stiffness p2), 50 semi-implicit Euler steps: the mean energy, and a trail of positive positions. */
    @Differentiable
    public static double dampedOscillator(double[] p) {
        Particle particle = new Particle(p[0], p[1]);
        Stats stats = new Stats();
        double k = p[2];
        for (int i = 0; i < 50; i++) {
            particle.step(-k * particle.x - 0.1 * particle.v, 0.02);
            if (particle.x > 0) {
                particle.trail = particle.trail.plus(new Vec3(particle.x, 0, 0));
            }
            stats.add(particle.energy(k));
        }
        return stats.mean() + 0.01 * particle.trail.x();
    }

    static final class Box {
        double v;

        void put(double value) {
            v = value;
        }
    }

    /** Issue 17's example, whose gradient was [0, 1] (the value kept by {@code put} was lost): {@code p0^2 + p1}. */
    @Differentiable
    public static double valueKeptInABox(double[] p) {
        Box b = new Box();
        b.put(p[0] * p[0]);
        return b.v + p[1];
    }

    static final class Holder {
        double[] a;
    }

    record Wrapper(double[] a) {
    }

    /** Squares x[0] in place, through an object that holds the array. */
    @Differentiable
    static void squareFirstThroughAHolder(double[] x) {
        Holder h = new Holder();
        h.a = x;
        h.a[0] = h.a[0] * h.a[0];
    }

    /** Returns its argument, through a record. */
    @Differentiable
    static double[] throughARecord(double[] a) {
        return new Wrapper(a).a();
    }

    /**
     * Callees that write and return an argument through objects they create (the review found both
     * came back wrong: the callees' summaries were taken from the code before its objects were
     * replaced): {@code x0^2 + x1 + x1^2}.
     */
    @Differentiable
    public static double arraysThroughObjectsInCallees(double[] x) {
        double[] y = x.clone();
        squareFirstThroughAHolder(y);
        double[] z = x.clone();
        double[] r = throughARecord(z);
        r[1] = r[1] * r[1];
        return y[0] + x[1] + z[1];
    }

    /** A mutable pair of running sums, updated in place: {@code (sum x_i)^2 + sum x_i^2}. */
    @Differentiable
    public static double runningSums(double[] x) {
        Stats linear = new Stats();
        Stats squares = new Stats();
        for (double v : x) {
            linear.add(v);
            squares.add(v * v);
        }
        return linear.sum * linear.sum + squares.sum;
    }
}
