package dev.fluxion.corpus;

/** Geometry on value objects in a class of its own, as a ray tracer splits its code: static helpers that take and return them. */
final class Geometry {
    private Geometry() {
    }

    /** A smooth stand-in for the distance along {@code ray} to the sphere: {@code b + hypot(b, c)}. */
    static double softDistance(ValueObjectCases.Ray ray, ValueObjectCases.Sphere sphere) {
        Vec3 oc = ray.origin().minus(sphere.center());
        double b = -oc.dot(ray.dir());
        double c = oc.dot(oc) - sphere.radius() * sphere.radius();
        return b + Math.hypot(b, c);
    }

    /** The reflection of {@code d} about the unit normal {@code n}. */
    static Vec3 reflect(Vec3 d, Vec3 n) {
        return d.minus(n.times(2 * d.dot(n)));
    }
}
