package dev.fluxion.benchmarks;

import dev.fluxion.Differentiable;
import java.util.ArrayList;
import java.util.List;

/**
 * One particle system written twice, as people write it: its particles in a {@code Particle[]} and
 * in an {@code ArrayList<Particle>} filled with {@code add}. Each particle starts at rest at
 * {@code p[i]} and is pulled back by a spring whose stiffness grows with its position; the loss is
 * the particles' mean square position after {@value #STEPS} steps. The two gradients are the same
 * bit for bit; {@link ParticleSwarmBenchmark} measures what the list costs.
 */
public final class ParticleSwarm {
    public static final int COUNT = 64;
    public static final int STEPS = 200;
    static final double DT = 0.01;
    static final double K = 4;

    private ParticleSwarm() {
    }

    static final class Particle {
        double x;
        double v;

        Particle(double x, double v) {
            this.x = x;
            this.v = v;
        }

        void push(double force, double dt) {
            v += force * dt;
            x += v * dt;
        }
    }

    public static double[] start() {
        double[] p = new double[COUNT];
        for (int i = 0; i < COUNT; i++) {
            p[i] = Math.sin(0.7 * i) + 0.2;
        }
        return p;
    }

    @Differentiable
    public static double inArray(double[] p) {
        Particle[] particles = new Particle[p.length];
        for (int i = 0; i < p.length; i++) {
            particles[i] = new Particle(p[i], 0);
        }
        for (int step = 0; step < STEPS; step++) {
            for (Particle q : particles) {
                q.push(-K * q.x * (1 + q.x * q.x), DT);
            }
        }
        double sum = 0;
        for (Particle q : particles) {
            sum += q.x * q.x;
        }
        return sum / particles.length;
    }

    @Differentiable
    public static double inList(double[] p) {
        List<Particle> particles = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            particles.add(new Particle(p[i], 0));
        }
        for (int step = 0; step < STEPS; step++) {
            for (Particle q : particles) {
                q.push(-K * q.x * (1 + q.x * q.x), DT);
            }
        }
        double sum = 0;
        for (Particle q : particles) {
            sum += q.x * q.x;
        }
        return sum / particles.size();
    }
}
