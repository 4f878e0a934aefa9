package dev.fluxion.corpus;

import dev.fluxion.Differentiable;

/**
 * Arrays of objects created in differentiated code, written as a Java developer writes them: a
 * chain of {@code Particle}s in an array, updated by their own methods and through for-each loops;
 * two bodies under gravity; a polygon of {@code record Point}s; weighted items.
 */
public final class ObjectArrayCases {
    private ObjectArrayCases() {
    }

    static final class Particle {
        double x;
        double v;
        final double mass;

        Particle(double x, double v, double mass) {
            this.x = x;
            this.v = v;
            this.mass = mass;
        }

        void push(double force, double dt) {
            v += force / mass * dt;
        }

        void drift(double dt) {
            x += v * dt;
        }
    }

    /** A chain of three masses joined by springs (stiffness p0, damping p1, first rest length p2): where the last one ends. */
    @Differentiable
    public static double springChain(double[] p) {
        Particle[] chain = new Particle[3];
        for (int i = 0; i < chain.length; i++) {
            chain[i] = new Particle(1.2 * i, 0, 1 + i);
        }
        double dt = 0.01;
        for (int step = 0; step < 80; step++) {
            for (int i = 1; i < chain.length; i++) {
                double rest = i == 1 ? p[2] : 1;
                double stretch = chain[i].x - chain[i - 1].x - rest;
                double force = -p[0] * stretch - p[1] * (chain[i].v - chain[i - 1].v);
                chain[i].push(force, dt);
                chain[i - 1].push(-force, dt);
            }
            for (Particle q : chain) {
                q.drift(dt);
            }
        }
        return chain[chain.length - 1].x;
    }

    static final class Body {
        double x;
        double y;
        double vx;
        double vy;
        final double m;

        Body(double x, double y, double vx, double vy, double m) {
            this.x = x;
            this.y = y;
            this.vx = vx;
            this.vy = vy;
            this.m = m;
        }
    }

    /** Two bodies under gravity from initial velocities p (leapfrog, 40 steps): the total energy drift plus the final separation. */
    @Differentiable
    public static double twoBodies(double[] p) {
        Body[] bodies = {new Body(0, 0, p[0], p[1], 1.0), new Body(1, 0, p[2], p[3], 0.5)};
        double dt = 0.02;
        for (int step = 0; step < 40; step++) {
            for (int i = 0; i < bodies.length; i++) {
                for (int j = 0; j < bodies.length; j++) {
                    if (i == j) {
                        continue;
                    }
                    double dx = bodies[j].x - bodies[i].x;
                    double dy = bodies[j].y - bodies[i].y;
                    double r2 = dx * dx + dy * dy + 0.01;
                    double a = bodies[j].m / (r2 * Math.sqrt(r2));
                    bodies[i].vx += a * dx * dt;
                    bodies[i].vy += a * dy * dt;
                }
            }
            for (Body b : bodies) {
                b.x += b.vx * dt;
                b.y += b.vy * dt;
            }
        }
        double kinetic = 0;
        for (Body b : bodies) {
            kinetic += 0.5 * b.m * (b.vx * b.vx + b.vy * b.vy);
        }
        double dx = bodies[1].x - bodies[0].x;
        double dy = bodies[1].y - bodies[0].y;
        return kinetic + Math.sqrt(dx * dx + dy * dy);
    }

    record Point(double x, double y) {
    }

    /** The area of the polygon whose corners are (x0, x1), (x2, x3), ..., by the shoelace formula over an array of records. */
    @Differentiable
    public static double polygonArea(double[] x) {
        Point[] corners = new Point[x.length / 2];
        for (int i = 0; i < corners.length; i++) {
            corners[i] = new Point(x[2 * i], x[2 * i + 1]);
        }
        double twice = 0;
        for (int i = 0; i < corners.length; i++) {
            Point a = corners[i];
            Point b = corners[(i + 1) % corners.length];
            twice += a.x() * b.y() - b.x() * a.y();
        }
        return 0.5 * twice;
    }

    static final class Item {
        double value;
        double weight;
        int count;
    }

    /** A weighted mean of x with weights 1, 2, 3, ...; the items are filled field by field after they are stored. */
    @Differentiable
    public static double weightedMean(double[] x) {
        Item[] items = new Item[x.length];
        for (int i = 0; i < items.length; i++) {
            items[i] = new Item();
        }
        for (int i = 0; i < items.length; i++) {
            items[i].value = x[i];
            items[i].weight = i + 1;
            items[i].count++;
        }
        double sum = 0;
        double total = 0;
        for (Item item : items) {
            sum += item.value * item.weight * item.count;
            total += item.weight;
        }
        return sum / total * sum;
    }

    static final class Ball {
        Vec3 position;
        Vec3 velocity;
        final double radius;

        Ball(Vec3 position, Vec3 velocity, double radius) {
            this.position = position;
            this.velocity = velocity;
            this.radius = radius;
        }

        void move(Vec3 gravity, double dt) {
            velocity = velocity.plus(gravity.times(dt));
            position = position.plus(velocity.times(dt));
        }
    }

    /** Two balls thrown with velocities (p0, p1, 0) and (p2, 0, p1) under gravity for 30 steps: the squared distance between them. */
    @Differentiable
    public static double thrownBalls(double[] p) {
        Ball[] balls = new Ball[2];
        balls[0] = new Ball(new Vec3(0, 0, 0), new Vec3(p[0], p[1], 0), 0.1);
        balls[1] = new Ball(new Vec3(1, 0, 0), new Vec3(p[2], 0, p[1]), 0.2);
        Vec3 gravity = new Vec3(0, -9.81, 0);
        for (int step = 0; step < 30; step++) {
            for (Ball b : balls) {
                b.move(gravity, 0.01);
            }
        }
        Vec3 d = balls[1].position.minus(balls[0].position);
        return d.dot(d) - balls[0].radius * balls[1].radius;
    }

    record Anchor(Point at, double weight) {
    }

    /**
     * Anchors, records holding a record, each replaced in its slot by a copy whose point's x is
     * doubled, made from the old anchor's fields: the sum of weight x y.
     */
    @Differentiable
    public static double movedAnchors(double[] p) {
        Anchor[] anchors = new Anchor[p.length];
        for (int i = 0; i < p.length; i++) {
            anchors[i] = new Anchor(new Point(p[i], p[i] * p[i]), i + 1);
        }
        for (int k = 0; k < anchors.length; k++) {
            Anchor a = anchors[k];
            anchors[k] = new Anchor(new Point(2 * a.at().x(), a.at().y()), a.weight());
        }
        double s = 0;
        for (Anchor a : anchors) {
            s += a.weight() * a.at().x() * a.at().y();
        }
        return s;
    }
}
