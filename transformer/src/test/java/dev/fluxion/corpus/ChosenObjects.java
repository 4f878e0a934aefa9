package dev.fluxion.corpus;

import dev.fluxion.Differentiable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * An object chosen by a variable, as a Java developer writes it: {@code Sphere hit = null}, then
 * {@code hit = s} for each nearer sphere of a for-each loop, tested with {@code hit == null} and
 * read after the loop; the heaviest particle of an array, written through the variable that chose
 * it; the closest ball of a list; the chosen object's class among two.
 */
public final class ChosenObjects {
    private ChosenObjects() {
    }

    record Vec3(double x, double y, double z) {
        Vec3 minus(Vec3 o) {
            return new Vec3(x - o.x, y - o.y, z - o.z);
        }

        Vec3 plus(Vec3 o) {
            return new Vec3(x + o.x, y + o.y, z + o.z);
        }

        Vec3 times(double s) {
            return new Vec3(x * s, y * s, z * s);
        }

        double dot(Vec3 o) {
            return x * o.x + y * o.y + z * o.z;
        }

        Vec3 normalize() {
            double length = Math.sqrt(dot(this));
            return new Vec3(x / length, y / length, z / length);
        }
    }

    record Ray(Vec3 origin, Vec3 dir) {
        Vec3 at(double t) {
            return origin.plus(dir.times(t));
        }
    }

    record Sphere(Vec3 centre, double radius, double albedo) {
        /** The nearest t > 0 where the ray meets the sphere, or -1. */
        double intersect(Ray ray) {
            Vec3 oc = ray.origin().minus(centre);
            double b = oc.dot(ray.dir());
            double c = oc.dot(oc) - radius * radius;
            double disc = b * b - c;
            if (disc < 0) {
                return -1;
            }
            double t = -b - Math.sqrt(disc);
            return t > 1e-9 ? t : -1;
        }
    }

    /**
     * Two spheres (centre x of the first p0, of the second p1, radii p2 and p3) seen along a few
     * rays: the nearest sphere each ray hits, its normal lit from above; the sum of the shades.
     */
    @Differentiable
    public static double nearestSphere(double[] p) {
        Sphere[] spheres = {new Sphere(new Vec3(p[0], 0, 3), p[2], 0.8), new Sphere(new Vec3(p[1], 0.2, 5), p[3], 0.5)};
        Vec3 light = new Vec3(0.3, 1, -0.5).normalize();
        double total = 0;
        for (int k = 0; k < 5; k++) {
            Ray ray = new Ray(new Vec3(0, 0, 0), new Vec3(-0.2 + 0.1 * k, 0.05 * k, 1).normalize());
            Sphere hit = null;
            double nearest = Double.POSITIVE_INFINITY;
            for (Sphere s : spheres) {
                double t = s.intersect(ray);
                if (t > 0 && t < nearest) {
                    nearest = t;
                    hit = s;
                }
            }
            if (hit == null) {
                total += 0.05;
                continue;
            }
            Vec3 normal = ray.at(nearest).minus(hit.centre()).normalize();
            total += hit.albedo() * Math.max(0, normal.dot(light)) + 0.1 * hit.radius();
        }
        return total;
    }

    /**
     * {@link #nearestSphere}'s scene lit by a point light at (p4, 0.5, 0.5), with shadows: a point is
     * in shadow if another sphere ({@code s != hit}) stands between it and the light.
     */
    @Differentiable
    public static double shadowedSpheres(double[] p) {
        Sphere[] spheres = {new Sphere(new Vec3(p[0], 0, 3), p[2], 0.8), new Sphere(new Vec3(p[1], 0.2, 5), p[3], 0.5)};
        Vec3 light = new Vec3(p[4], 0.5, 0.5);
        double total = 0;
        for (int k = 0; k < 5; k++) {
            Ray ray = new Ray(new Vec3(0, 0, 0), new Vec3(-0.2 + 0.1 * k, 0.05 * k, 1).normalize());
            Sphere hit = null;
            double nearest = Double.POSITIVE_INFINITY;
            for (Sphere s : spheres) {
                double t = s.intersect(ray);
                if (t > 0 && t < nearest) {
                    nearest = t;
                    hit = s;
                }
            }
            if (hit == null) {
                continue;
            }
            Vec3 point = ray.at(nearest);
            Vec3 toLight = light.minus(point).normalize();
            double lambert = Math.max(0, point.minus(hit.centre()).normalize().dot(toLight));
            total += inShadow(spheres, new Ray(point, toLight), hit) ? 0.1 * hit.albedo() : hit.albedo() * lambert;
        }
        return total;
    }

    private static boolean inShadow(Sphere[] spheres, Ray shadowRay, Sphere self) {
        for (Sphere s : spheres) {
            if (s != self && s.intersect(shadowRay) > 0) {
                return true;
            }
        }
        return false;
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
    }

    /**
     * Masses p0, p1, p2 at rest; the heaviest one is given the speed p3 (through the variable that chose
     * it), then all drift for ten steps: the sum of x * mass.
     */
    @Differentiable
    public static double kickTheHeaviest(double[] p) {
        Particle[] ps = new Particle[3];
        for (int i = 0; i < ps.length; i++) {
            ps[i] = new Particle(i, 0, p[i]);
        }
        Particle heaviest = ps[0];
        for (Particle q : ps) {
            if (q.mass > heaviest.mass) {
                heaviest = q;
            }
        }
        heaviest.v += p[3];
        double sum = 0;
        for (int step = 0; step < 10; step++) {
            for (Particle q : ps) {
                q.x += 0.1 * q.v;
            }
        }
        for (Particle q : ps) {
            sum += q.x * q.mass;
        }
        return sum;
    }

    /**
     * Three rounds, each with particles made anew (speeds p_i (round + 1)): the fastest is moved by its
     * speed, then scores x v. The variable chooses from the round's own array.
     */
    @Differentiable
    public static double roundsOfTheFastest(double[] p) {
        double total = 0;
        for (int round = 0; round < 3; round++) {
            Particle[] ps = new Particle[p.length];
            for (int i = 0; i < ps.length; i++) {
                ps[i] = new Particle(i, p[i] * (round + 1), 1);
            }
            Particle fastest = null;
            for (Particle q : ps) {
                if (fastest == null || q.v > fastest.v) {
                    fastest = q;
                }
            }
            fastest.x += fastest.v;
            total += fastest.x * fastest.v;
        }
        return total;
    }

    /** Two particles of masses p0 and p1; the heavier one is given the speed p2; ten steps: the sum of x m. */
    @Differentiable
    public static double heavierGetsTheKick(double[] p) {
        Particle a = new Particle(0, 0, p[0]);
        Particle b = new Particle(1, 0, p[1]);
        Particle heavier = a.mass > b.mass ? a : b;
        heavier.v += p[2];
        for (int step = 0; step < 10; step++) {
            a.x += 0.1 * a.v;
            b.x += 0.1 * b.v;
        }
        return a.x * a.mass + b.x * b.mass;
    }

    static final class Cell {
        double value;

        Cell(double value) {
            this.value = value;
        }
    }

    /** One of two cells chosen by the sign of x2 and tripled through the variable: 3 x_chosen + x_other. */
    @Differentiable
    public static double tripleTheChosen(double[] x) {
        Cell a = new Cell(x[0]);
        Cell b = new Cell(x[1]);
        Cell chosen = x[2] > 0 ? a : b;
        chosen.value *= 3;
        return a.value + b.value;
    }

    /** Each of three rounds makes two cells (x0 r, x1) and doubles the larger through a variable: sum of the cells. */
    @Differentiable
    public static double doubleTheLargerEachRound(double[] x) {
        double total = 0;
        for (int round = 1; round <= 3; round++) {
            Cell a = new Cell(x[0] * round);
            Cell b = new Cell(x[1]);
            Cell larger = a.value > b.value ? a : b;
            larger.value *= 2;
            total += a.value + b.value;
        }
        return total;
    }

    static final class State {
        double x;
        double v;
    }

    /** An oscillator (x, v) = (p0, p1) stepped 20 times by explicit Euler into a second state, the two swapped each step. */
    @Differentiable
    public static double swappedStates(double[] p) {
        State current = new State();
        current.x = p[0];
        current.v = p[1];
        State next = new State();
        for (int step = 0; step < 20; step++) {
            next.v = current.v - 0.1 * current.x;
            next.x = current.x + 0.1 * current.v; // the old speed: explicit Euler, which one shared state would get wrong
            State t = current;
            current = next;
            next = t;
        }
        return current.x * current.x + current.v;
    }

    /** A particle made only if p0 > 0 (else none): its position after a kick of p1, or 0.5 p1 without it. */
    @Differentiable
    public static double perhapsAParticle(double[] p) {
        Particle made = null;
        if (p[0] > 0) {
            made = new Particle(p[0], 0, 2);
        }
        if (made != null) {
            made.v = p[1] / made.mass;
            made.x += made.v;
        }
        return made == null ? 0.5 * p[1] : made.x * made.x;
    }

    record Site(double x, double y, double weight) {
    }

    /**
     * Sites at (p_2i, p_2i+1) of weights 1, 2, ...: the one nearest the origin found by
     * {@code Collections.min} with a lambda key, the heaviest by {@code Collections.max} with a method
     * reference; x y of the nearest plus x of the heaviest.
     */
    @Differentiable
    public static double nearestAndHeaviest(double[] p) {
        List<Site> sites = new ArrayList<>();
        for (int i = 0; i + 1 < p.length; i += 2) {
            sites.add(new Site(p[i], p[i + 1], 1 + i));
        }
        Site nearest = Collections.min(sites, Comparator.comparingDouble(s -> s.x() * s.x() + s.y() * s.y()));
        Site heaviest = Collections.max(sites, Comparator.comparingDouble(Site::weight));
        return nearest.x() * nearest.y() + heaviest.x();
    }

    /** {@link #nearestAndHeaviest} with streams: {@code sites.stream().min(comparingDouble(..)).get()}, {@code max(..).orElseThrow()}. */
    @Differentiable
    public static double nearestAndHeaviestStreamed(double[] p) {
        List<Site> sites = new ArrayList<>();
        for (int i = 0; i + 1 < p.length; i += 2) {
            sites.add(new Site(p[i], p[i + 1], 1 + i));
        }
        Site nearest = sites.stream().min(Comparator.comparingDouble(s -> s.x() * s.x() + s.y() * s.y())).get();
        Site heaviest = sites.stream().max(Comparator.comparingDouble(Site::weight)).orElseThrow();
        return nearest.x() * nearest.y() + heaviest.x();
    }

    record Ball(double x, double y, double r) {
    }

    /** Balls at (p_i, i) with radius 0.5 + p_i^2 / 10 in a list: the one nearest to (1, 1) and its distance to its surface, squared. */
    @Differentiable
    public static double closestBall(double[] p) {
        List<Ball> balls = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            balls.add(new Ball(p[i], i, 0.5 + p[i] * p[i] / 10));
        }
        Ball closest = null;
        double best = Double.MAX_VALUE;
        for (Ball b : balls) {
            double d = Math.hypot(b.x() - 1, b.y() - 1);
            if (d < best) {
                best = d;
                closest = b;
            }
        }
        double gap = best - closest.r();
        return gap * gap;
    }
}
