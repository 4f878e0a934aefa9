package dev.fluxion.samples.render;

/**
 * A sphere with a soft silhouette, as differentiable renderers draw one: a ray that passes at
 * distance d from the centre is covered by {@code sigmoid((radius - d) / softness)}, so the image
 * changes smoothly when the sphere moves or grows (a hard edge would give no gradient at all with
 * respect to the geometry). A ray that misses narrowly meets the sphere at its silhouette, the point
 * of the sphere nearest to the ray.
 */
record Sphere(Vec3 centre, double radius, double softness, double albedo) implements Hittable {
    @Override
    public Hit hit(Ray ray, double tMin, double tMax) {
        double tClosest = centre.minus(ray.origin()).dot(ray.dir());
        Vec3 offset = ray.at(tClosest).minus(centre); // from the centre to the ray's nearest point
        double distance = offset.length();
        double t;
        Vec3 normal;
        if (distance < radius) { // the ray enters the sphere
            t = tClosest - Math.sqrt(radius * radius - distance * distance);
            normal = ray.at(t).minus(centre).times(1 / radius);
        } else { // it passes by: the silhouette
            t = tClosest;
            normal = offset.times(1 / distance);
        }
        if (t <= tMin || t >= tMax) {
            return null;
        }
        double coverage = 1 / (1 + Math.exp((distance - radius) / softness));
        return new Hit(t, centre.plus(normal.times(radius)), normal, coverage, albedo);
    }
}
