package dev.fluxion.corpus;

import dev.fluxion.Differentiable;

/**
 * Records as a ray tracer's scene uses them: a wall built around a {@code static final} record, a
 * line made from the components of a constant one, and records on both sides of a call to a
 * {@code @Differentiable} static method of a final class with a final field (which is itself a
 * value class: its static methods are helpers, not an object's code).
 */
public final class RecordScenes {
    private RecordScenes() {
    }

    record Vec2(double x, double y) {
        Vec2 plus(Vec2 o) {
            return new Vec2(x + o.x, y + o.y);
        }

        Vec2 times(double s) {
            return new Vec2(s * x, s * y);
        }

        double dot(Vec2 o) {
            return x * o.x + y * o.y;
        }
    }

    record Wall(Vec2 normal, double offset) {
        double distance(Vec2 q) {
            return normal.dot(q) - offset;
        }
    }

    record Line(Vec2 origin, Vec2 dir) {
        Vec2 at(double t) {
            return origin.plus(dir.times(t));
        }
    }

    static final Vec2 UP = new Vec2(0, 1);
    static final Line LINE = new Line(new Vec2(1, 2), new Vec2(3, 4));

    /** Light of a given power: final, its field final, so a value class; shade is a static method of it. */
    static final class Lighting {
        private final double power;

        Lighting(double power) {
            this.power = power;
        }

        double power() {
            return power;
        }

        @Differentiable
        static double shade(double lx, double ly, double nx, double ny) {
            Vec2 l = new Vec2(lx, ly);
            return l.dot(new Vec2(nx, ny));
        }
    }

    /** (p0 - p1) from a wall around the constant UP; (2 + 4 p0) from a line of LINE's components; 0.25 p0 + p1 by shade. */
    @Differentiable
    public static double wallsLinesAndLight(double[] p) {
        Wall w = new Wall(UP, p[1]);
        double d = w.distance(new Vec2(p[0], p[0]));
        Line l = new Line(LINE.origin(), LINE.dir());
        Vec2 n = new Vec2(0.25, 1);
        return d + l.at(p[0]).y() + Lighting.shade(p[0], p[1], n.x(), n.y()) * new Lighting(2).power();
    }

    record Hit(double t, double shade) {
    }

    record Slab(double at, double depth) {
        /** Where a ray from {@code origin} meets it before {@code tMax}, or null: a miss. */
        Hit hit(double origin, double tMax) {
            double t = at - depth - origin;
            if (t <= 0 || t >= tMax) {
                return null;
            }
            return new Hit(t, Math.exp(-t * depth));
        }
    }

    /**
     * The nearest of two hits, as a ray tracer finds it: {@code Hit nearest = null}, replaced by each
     * closer hit, tested with {@code != null} (a record or null: whether it is there, a number of
     * its own); three rays from different origins.
     */
    @Differentiable
    public static double nearestHits(double[] p) {
        Slab[] scene = {new Slab(p[0], 0.5), new Slab(p[1], p[2])};
        double total = 0;
        for (int k = 0; k < 3; k++) {
            double origin = 0.3 * k;
            Hit nearest = null;
            double closest = 100;
            for (Slab s : scene) {
                Hit h = s.hit(origin, closest);
                if (h != null) {
                    nearest = h;
                    closest = h.t();
                }
            }
            total += nearest == null ? 0.1 : nearest.shade() * nearest.t();
        }
        return total;
    }
}
