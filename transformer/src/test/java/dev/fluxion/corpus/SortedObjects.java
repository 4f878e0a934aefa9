package dev.fluxion.corpus;

import static java.util.Comparator.comparingDouble;

import dev.fluxion.Differentiable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Lists and arrays of objects made in the method, sorted by a key as a Java developer sorts them
 * ({@code list.sort(Comparator.comparingDouble(..))}, {@code Collections.sort}, {@code Arrays.sort},
 * {@code .reversed()}), then read in their sorted order: the k nearest, a median by key, weights by
 * rank. The order is the JDK's (stable, {@code Double.compare}'s); the derivative follows the objects.
 */
public final class SortedObjects {
    private SortedObjects() {
    }

    record Particle(double x, double y, double mass) {
        double distance2() {
            return x * x + y * y;
        }
    }

    /** Particles at (p_2i, p_2i+1) of masses 1, 2, ..: the mass-weighted squared distances of the two nearest the origin. */
    @Differentiable
    public static double twoNearest(double[] p) {
        List<Particle> particles = new ArrayList<>();
        for (int i = 0; i + 1 < p.length; i += 2) {
            particles.add(new Particle(p[i], p[i + 1], 1 + i / 2));
        }
        particles.sort(Comparator.comparingDouble(Particle::distance2));
        double s = 0;
        for (int k = 0; k < 2; k++) {
            Particle q = particles.get(k);
            s += q.mass() * q.distance2();
        }
        return s;
    }

    record Point(double x, double y) {
    }

    /** Points (x_i, x_i^2 + i) sorted by x in an array: the y of the median point plus the weights by rank, sum (k+1) y_k / 10. */
    @Differentiable
    public static double medianByX(double[] x) {
        Point[] points = new Point[x.length];
        for (int i = 0; i < x.length; i++) {
            points[i] = new Point(x[i], x[i] * x[i] + i);
        }
        Arrays.sort(points, Comparator.comparingDouble(Point::x));
        double s = points[points.length / 2].y();
        for (int k = 0; k < points.length; k++) {
            s += (k + 1) * points[k].y() / 10;
        }
        return s;
    }

    /** A mutable item, its score set after it is made. */
    static final class Item {
        double value;
        double score;

        Item(double value) {
            this.value = value;
        }
    }

    /** Items of values x_i, scored sin(x_i), by score from the largest down (a lambda key, reversed): sum value_k / (k + 1). */
    @Differentiable
    public static double rankWeighted(double[] x) {
        List<Item> items = new ArrayList<>();
        for (double v : x) {
            Item item = new Item(v);
            item.score = Math.sin(v);
            items.add(item);
        }
        Collections.sort(items, comparingDouble((Item it) -> it.score).reversed());
        double s = 0;
        int k = 0;
        for (Item it : items) {
            s += it.value / (k + 1);
            k++;
        }
        return s;
    }

    /** A body whose state the simulation changes. */
    static final class Body {
        double x;
        double v;

        Body(double x, double v) {
            this.x = x;
            this.v = v;
        }
    }

    /**
     * Bodies at x_i with speeds 0.1 i, sorted by position (a lambda key), then each pulled towards
     * the one before it in that order for 10 steps: sum (k + 1) x_k of the sorted bodies at the end.
     */
    @Differentiable
    public static double sortedThenPulled(double[] x) {
        List<Body> bodies = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            bodies.add(new Body(x[i], 0.1 * i));
        }
        bodies.sort(comparingDouble(b -> b.x));
        for (int step = 0; step < 10; step++) {
            for (int k = 1; k < bodies.size(); k++) {
                Body b = bodies.get(k);
                b.v += 0.05 * (bodies.get(k - 1).x - b.x);
            }
            for (Body b : bodies) {
                b.x += 0.1 * b.v;
            }
        }
        double s = 0;
        for (int k = 0; k < bodies.size(); k++) {
            s += (k + 1) * bodies.get(k).x;
        }
        return s;
    }

    /** Each of three rounds scales the point's y by x_0 and sorts by y: the sum of the first's x times the last's y, each round. */
    @Differentiable
    public static double sortedEachRound(double[] p) {
        Body[] bodies = {new Body(p[0], p[1]), new Body(p[2], p[3]), new Body(p[4], p[5])};
        double s = 0;
        for (int round = 0; round < 3; round++) {
            for (Body b : bodies) {
                b.v = b.v * p[0] - b.x;
            }
            Arrays.sort(bodies, Comparator.comparingDouble(b -> b.v));
            s += bodies[0].x * bodies[2].v;
        }
        return s;
    }

    /** Data from outside: points read, not differentiated. */
    static final Point[] STARS = {new Point(1, 5), new Point(-2, 3), new Point(0.5, -1), new Point(3, 2)};

    /**
     * A copy of the data sorted by a key that reads p_0 (x p_0: the order flips with its sign): the
     * first point's y times p_1, plus p_0 squared.
     */
    @Differentiable
    public static double sortedData(double[] p) {
        Point[] stars = STARS.clone();
        Arrays.sort(stars, Comparator.comparingDouble(s -> s.x() * p[0]));
        return stars[0].y() * p[1] + p[0] * p[0];
    }
}
