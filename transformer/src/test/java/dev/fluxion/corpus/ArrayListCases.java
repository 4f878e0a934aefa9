package dev.fluxion.corpus;

import dev.fluxion.Differentiable;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ArrayList}s of objects filled with {@code add}, written as a Java developer writes a
 * particle system or a scene: particles added in a loop and stepped in place through for-each, a
 * polygon of records read with {@code get(i)} and {@code size()}, records replaced with
 * {@code set}, shapes of two classes behind an interface, a list made and stepped by helpers, a
 * list held in a final field of a cloud object, and an emitter that adds particles while the
 * simulation runs. Several lists grow past the ten slots an {@code ArrayList} starts with.
 */
public final class ArrayListCases {
    /** The spring constant and time step of the particle cases. */
    static final double K = 0.8;
    static final double DT = 0.05;
    static final int STEPS = 40;

    private ArrayListCases() {
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

    /** Particles at p_i, at rest, each pulled back to 0 by a spring: the sum of where they end. */
    @Differentiable
    public static double particlesOnSprings(double[] p) {
        List<Particle> particles = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            particles.add(new Particle(p[i], 0));
        }
        for (int step = 0; step < STEPS; step++) {
            for (Particle q : particles) {
                q.push(-K * q.x, DT);
            }
        }
        double sum = 0;
        for (Particle q : particles) {
            sum += q.x;
        }
        return sum;
    }

    record Point(double x, double y) {
        double cross(Point o) {
            return x * o.y - y * o.x;
        }
    }

    /** The shoelace area of the polygon whose corners are (p_2i, p_2i+1). */
    @Differentiable
    public static double polygonArea(double[] p) {
        List<Point> corners = new ArrayList<>(p.length / 2);
        for (int i = 0; i + 1 < p.length; i += 2) {
            corners.add(new Point(p[i], p[i + 1]));
        }
        double twice = 0;
        for (int i = 0; i < corners.size(); i++) {
            twice += corners.get(i).cross(corners.get((i + 1) % corners.size()));
        }
        return 0.5 * twice;
    }

    record Sample(double value) {
    }

    /**
     * A sequence smoothed in place, each sample replaced by a new one ({@code set}) that averages it
     * with its left neighbour, already smoothed (Gauss-Seidel), three times; then the sum of squares.
     */
    @Differentiable
    public static double smoothedInPlace(double[] p) {
        List<Sample> samples = new ArrayList<>();
        for (double v : p) {
            samples.add(new Sample(v));
        }
        for (int round = 0; round < 3; round++) {
            for (int i = 1; i < samples.size(); i++) {
                Sample left = samples.get(i - 1);
                Sample here = samples.get(i);
                samples.set(i, new Sample(0.5 * (left.value() + here.value())));
            }
        }
        double s = 0;
        for (Sample q : samples) {
            s += q.value() * q.value();
        }
        return s;
    }

    interface Shape {
        double area();
    }

    record Circle(double r) implements Shape {
        @Override
        public double area() {
            return Math.PI * r * r;
        }
    }

    static final class Square implements Shape {
        private final double side;

        Square(double side) {
            this.side = side;
        }

        @Override
        public double area() {
            return side * side;
        }
    }

    /** A circle and a square per pair (p_2i, p_2i+1), in one list: the mean area. */
    @Differentiable
    public static double shapesOfTwoClasses(double[] p) {
        List<Shape> shapes = new ArrayList<>();
        for (int i = 0; i + 1 < p.length; i += 2) {
            shapes.add(new Circle(p[i]));
            shapes.add(new Square(p[i + 1]));
        }
        if (shapes.isEmpty()) {
            return 0;
        }
        double total = 0;
        for (Shape s : shapes) {
            total += s.area();
        }
        return total / shapes.size();
    }

    static List<Particle> spawn(double[] p) { // a factory helper, not annotated
        List<Particle> particles = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            particles.add(new Particle(p[i], 0.1 * i));
        }
        return particles;
    }

    static void relax(List<Particle> particles, int steps) { // a helper given the list
        for (int n = 0; n < steps; n++) {
            for (int i = 0; i < particles.size(); i++) {
                Particle q = particles.get(i);
                q.push(-K * q.x, DT);
            }
        }
    }

    static double centre(List<Particle> particles) {
        double s = 0;
        for (Particle q : particles) {
            s += q.x;
        }
        return s / particles.size();
    }

    /** {@link #spawn}, {@link #relax} and {@link #centre}: the list goes from helper to helper. */
    @Differentiable
    public static double listThroughHelpers(double[] p) {
        List<Particle> particles = spawn(p);
        relax(particles, STEPS);
        return centre(particles);
    }

    /** A cloud of particles, held in a final field, filled by its own method. */
    static final class Cloud {
        private final List<Particle> particles = new ArrayList<>();
        private final double stiffness;

        Cloud(double stiffness) {
            this.stiffness = stiffness;
        }

        void add(double x) {
            particles.add(new Particle(x, 0));
        }

        void step() {
            for (Particle q : particles) {
                q.push(-stiffness * q.x, DT);
            }
        }

        double spread() {
            double s = 0;
            for (Particle q : particles) {
                s += q.x * q.x;
            }
            return s;
        }
    }

    /** A cloud of particles at p_1.. on springs of stiffness p_0: the sum of their squared positions. */
    @Differentiable
    public static double cloudHoldingAList(double[] p) {
        Cloud cloud = new Cloud(p[0]);
        for (int i = 1; i < p.length; i++) {
            cloud.add(p[i]);
        }
        for (int step = 0; step < STEPS; step++) {
            cloud.step();
        }
        return cloud.spread();
    }

    /**
     * An emitter: every fifth step a particle is added at p_0 with speed p_1 while the others fly,
     * pulled back by springs; the list is read while it is filled.
     */
    @Differentiable
    public static double emitter(double[] p) {
        List<Particle> particles = new ArrayList<>();
        for (int step = 0; step < 60; step++) {
            if (step % 5 == 0) {
                particles.add(new Particle(p[0], p[1]));
            }
            for (Particle q : particles) {
                q.push(-K * q.x, DT);
            }
        }
        double sum = 0;
        for (int i = 0; i < particles.size(); i++) {
            sum += particles.get(i).x * (i + 1);
        }
        return sum;
    }

    record Vec(double x, double y) {
    }

    record Body(Vec pos, double mass) {
    }

    /**
     * Bodies, records holding a record, replaced by moved copies ({@code set}) that read the old
     * body's position: the sum of mass x y, each x doubled first; the list grows from one slot.
     */
    @Differentiable
    public static double movedBodies(double[] p) {
        List<Body> bodies = new ArrayList<>(1);
        for (int i = 0; i < p.length; i++) {
            bodies.add(new Body(new Vec(p[i], p[i] * p[i]), i + 1));
        }
        for (int k = 0; k < bodies.size(); k++) {
            Body b = bodies.get(k);
            bodies.set(k, new Body(new Vec(2 * b.pos().x(), b.pos().y()), b.mass()));
        }
        double s = 0;
        for (Body b : bodies) {
            s += b.mass() * b.pos().x() * b.pos().y();
        }
        return s;
    }

    static List<Particle> lineOf(int n) { // a factory given no numbers: its list is one made here once it is inlined
        List<Particle> particles = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            particles.add(new Particle(i, 0));
        }
        return particles;
    }

    /** Particles at 0, 1, 2, ..., the i-th kicked to speed p_i (moving it by p_i), then on springs: the sum of squares. */
    @Differentiable
    public static double kickedLine(double[] p) {
        List<Particle> particles = lineOf(p.length);
        for (int i = 0; i < particles.size(); i++) {
            particles.get(i).push(p[i], 1);
        }
        for (int step = 0; step < STEPS; step++) {
            for (Particle q : particles) {
                q.push(-K * q.x, DT);
            }
        }
        double s = 0;
        for (Particle q : particles) {
            s += q.x * q.x;
        }
        return s;
    }
}
