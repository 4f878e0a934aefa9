package dev.fluxion.samples.render;

/**
 * Where a ray meets an object: at distance {@code t}, with the surface's unit normal, its albedo
 * and how much of the ray the object covers (1 inside a silhouette, falling smoothly to 0 outside).
 */
record Hit(double t, Vec3 point, Vec3 normal, double coverage, double albedo) {
}
