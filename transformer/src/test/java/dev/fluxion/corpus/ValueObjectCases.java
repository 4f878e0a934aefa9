package dev.fluxion.corpus;

import dev.fluxion.Differentiable;

/**
 * Value objects in differentiated code, written as a Java developer writes them: records of
 * records, a final class with a validating constructor, objects chosen by a branch, objects carried
 * around a loop, static and instance methods of the value classes and helpers of this class that
 * take and return them. Each becomes the numbers it holds before differentiation.
 */
public final class ValueObjectCases {
    private ValueObjectCases() {
    }

    /** A sphere of a scene. */
    record Sphere(Vec3 center, double radius) {
    }

    /** Data: objects from outside, read and never differentiated. */
    static final Vec3 ORIGIN = new Vec3(0, 0, 0);
    static final Sphere[] SPHERES = {new Sphere(new Vec3(0, 0, 3), 1), new Sphere(new Vec3(1, 0.5, 4), 0.5)};
    static final java.util.List<Sphere> MORE_SPHERES = java.util.List.of(new Sphere(new Vec3(-1, 0, 5), 2));

    /** A ray: an origin and a direction. */
    record Ray(Vec3 origin, Vec3 dir) {
        Vec3 at(double t) {
            return origin.plus(dir.times(t));
        }
    }

    /** A particle's state: nested records, replaced by six numbers. */
    record State(Vec3 pos, Vec3 vel) {
    }

    /** {@code |a x b + a / 2|^2 + (a / |a|) . b} for {@code a = (p0, p1, p2)}, {@code b = (p3, 1, -p0)}. */
    @Differentiable
    public static double crossAndNormalize(double[] p) {
        Vec3 a = new Vec3(p[0], p[1], p[2]);
        Vec3 b = new Vec3(p[3], 1.0, -p[0]);
        Vec3 c = Vec3.cross(a, b).plus(a.times(0.5));
        return c.dot(c) + a.normalized().dot(b);
    }

    /** {@code |z_n|^2} for {@code z <- z^2 + c}, {@code z_0 = c = p0 + i p1}, three steps. */
    @Differentiable
    public static double complexIteration(double[] p) {
        Complex c = new Complex(p[0], p[1]);
        Complex z = c;
        for (int k = 0; k < 3; k++) {
            z = z.times(z).plus(c);
        }
        return z.abs2();
    }

    /** Gaussian bumps sampled along a ray whose direction depends on p; the last point's x. */
    @Differentiable
    public static double marchAlongARay(double[] p) {
        Ray r = new Ray(new Vec3(0, 0, 0), new Vec3(p[0], p[1], 1).normalized());
        Vec3 pos = r.origin();
        double s = 0;
        for (int i = 0; i < 10; i++) {
            pos = r.at(0.1 * i * p[2]);
            Vec3 d = pos.minus(new Vec3(0.3, 0.2, 1.5));
            s += Math.exp(-d.dot(d));
        }
        return s + pos.x();
    }

    /** A damped spring integrated by explicit Euler in a {@code State} record: the final position's x and z. */
    @Differentiable
    public static double springEuler(double[] p) {
        State s = new State(new Vec3(p[0], 0, p[1]), new Vec3(0, p[2], 0));
        double k = 4.0;
        double dt = 0.05;
        for (int step = 0; step < 20; step++) {
            Vec3 force = s.pos().times(-k).minus(s.vel().times(0.3));
            s = step(s, force, dt);
        }
        return s.pos().x() + s.pos().z();
    }

    private static State step(State s, Vec3 force, double dt) {
        return new State(s.pos().plus(s.vel().times(dt)), s.vel().plus(force.times(dt)));
    }

    /**
     * A scene held as data (an array and a list of records, a constant origin), probed along a
     * direction that depends on p: {@code sum exp(b^2 - c)} over the array's spheres, plus the
     * distances from the list's centres to {@code p2 d}.
     */
    @Differentiable
    public static double sceneAsData(double[] p) {
        Vec3 dir = new Vec3(p[0], p[1], 1).normalized();
        double s = 0;
        for (int i = 0; i < SPHERES.length; i++) {
            Sphere sphere = SPHERES[i];
            Vec3 oc = ORIGIN.minus(sphere.center());
            double b = oc.dot(dir);
            double c = oc.dot(oc) - sphere.radius() * sphere.radius();
            s += Math.exp(0.1 * (b * b - c));
        }
        for (Sphere sphere : MORE_SPHERES) {
            s += sphere.center().minus(dir.times(p[2])).length();
        }
        return s;
    }

    /** A ray built from p, its soft distances to the scene's spheres and a reflection, through another class's helpers. */
    @Differentiable
    public static double helpersOfAnotherClass(double[] p) {
        Ray ray = new Ray(new Vec3(p[0], 0, 0), new Vec3(p[1], p[2], 1).normalized());
        double s = 0;
        for (Sphere sphere : SPHERES) {
            s += Geometry.softDistance(ray, sphere);
        }
        Vec3 r = Geometry.reflect(ray.dir(), new Vec3(0, 1, 0));
        return s + r.y() * p[0];
    }

    /** A ball of a scene made from the parameters. */
    record Ball(Vec3 center, double radius) {
        /** The nearer t > 0 where the ray meets the ball, or -1: a method given a record that holds records. */
        double intersect(Ray ray) {
            Vec3 oc = ray.origin().minus(center);
            double b = oc.dot(ray.dir());
            double disc = b * b - (oc.dot(oc) - radius * radius);
            if (disc < 0) {
                return -1;
            }
            double t = -b - Math.sqrt(disc);
            return t > 1e-9 ? t : -1;
        }
    }

    /**
     * A small ray tracer's pixel: balls made here in an array, the nearest one the ray meets, and a
     * shadow ray from the hit point, made there and given to a helper that asks each ball
     * ({@code ball.intersect(ray)} reads {@code ray.origin()}, a point computed by {@code ray.at(t)}).
     */
    @Differentiable
    public static double shadowRays(double[] p) {
        Ball[] balls = {new Ball(new Vec3(p[0], 0, 3), p[1]), new Ball(new Vec3(0, 1.2, p[2]), 0.5)};
        Ray ray = new Ray(ORIGIN, new Vec3(0.1 * p[0], 0.05, 1).normalized());
        int hit = -1;
        double nearest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < balls.length; i++) {
            double t = balls[i].intersect(ray);
            if (t > 0 && t < nearest) {
                nearest = t;
                hit = i;
            }
        }
        if (hit < 0) {
            return 0;
        }
        Vec3 point = ray.at(nearest);
        Vec3 normal = point.minus(balls[hit].center()).normalized();
        Vec3 toLight = new Vec3(0, 5, 0).minus(point).normalized();
        if (inShadow(balls, new Ray(point, toLight), hit)) {
            return 0.1 * nearest;
        }
        return normal.dot(toLight) + nearest;
    }

    private static boolean inShadow(Ball[] balls, Ray shadowRay, int self) {
        for (int i = 0; i < balls.length; i++) {
            if (i != self && balls[i].intersect(shadowRay) > 0) {
                return true;
            }
        }
        return false;
    }

    /** A small callee of this class that computes with a record: inlined for second derivatives too. */
    @Differentiable
    static double normSquared(double a, double b) {
        Vec3 v = new Vec3(a, b, a * b);
        return v.dot(v);
    }

    /** {@code p0^2 + p1^2 + p0^2 p1^2 + p0}. */
    @Differentiable
    public static double callsARecordHelper(double[] p) {
        return normSquared(p[0], p[1]) + p[0];
    }

    /** The nearer of two points to p, by a branch on p: a phi of objects. */
    @Differentiable
    public static double nearerOfTwo(double[] p) {
        Vec3 q = new Vec3(p[0], p[1], p[2]);
        Vec3 a = new Vec3(1, 0, 0);
        Vec3 b = new Vec3(0, 2, 0);
        Vec3 nearer = q.minus(a).length() < q.minus(b).length() ? a : b;
        return q.minus(nearer).dot(q.minus(nearer)) * nearer.y() + nearer.x() * q.z();
    }

    /** A value whose constructor assigns its field in one of two branches: soft-clamped above 1. */
    static final class Clamped {
        final double v;

        Clamped(double a, double limit) {
            if (a > limit) {
                v = limit + Math.log(a - limit + 1);
            } else {
                v = a;
            }
        }
    }

    /** Sum of a * clamp(a): the field has a value per path through the constructor. */
    @Differentiable
    public static double softClamps(double[] x) {
        double s = 0;
        for (double a : x) {
            s += new Clamped(a, 1.0).v * a;
        }
        return s;
    }

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(ValueObjectCases.class.getName());

    /**
     * Records shown and compared beside the computation: logged through string concatenation, turned
     * into text, compared by equals, hashed. Each is made again from its numbers where it is shown.
     */
    @Differentiable
    public static double describedAndCompared(double[] x) {
        Vec3 a = new Vec3(x[0], x[1], x[2]);
        Vec3 b = a.plus(new Vec3(1, -1, 0.5));
        LOG.fine("a = " + a + ", b = " + b);
        String text = String.valueOf(b);
        boolean same = a.equals(b);
        int hash = b.hashCode();
        return (same ? 2 : 1) * a.dot(b) + (text.isEmpty() || hash == 7 ? 1 : 0);
    }
}
