package dev.fluxion.samples.render;

/** Something a ray can hit. */
interface Hittable {
    /** The nearest hit of {@code ray} with {@code tMin < t < tMax}, or {@code null}. */
    Hit hit(Ray ray, double tMin, double tMax);

    /** How much of the light along {@code ray} this object blocks between {@code tMin} and {@code tMax}. */
    default double occlusion(Ray ray, double tMin, double tMax) {
        Hit hit = hit(ray, tMin, tMax);
        return hit == null ? 0 : hit.coverage();
    }
}
