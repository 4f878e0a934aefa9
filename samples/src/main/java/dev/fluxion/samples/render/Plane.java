package dev.fluxion.samples.render;

/** An infinite plane through {@code point} with the unit normal {@code normal}. */
record Plane(Vec3 point, Vec3 normal, double albedo) implements Hittable {
    @Override
    public Hit hit(Ray ray, double tMin, double tMax) {
        double facing = normal.dot(ray.dir());
        if (Math.abs(facing) < 1e-12) {
            return null;
        }
        double t = point.minus(ray.origin()).dot(normal) / facing;
        if (t <= tMin || t >= tMax) {
            return null;
        }
        return new Hit(t, ray.at(t), normal, 1, albedo);
    }
}
