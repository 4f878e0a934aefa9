package dev.fluxion.samples.render;

/** A half-line from {@code origin} along the unit vector {@code dir}. */
record Ray(Vec3 origin, Vec3 dir) {
    Vec3 at(double t) {
        return origin.plus(dir.times(t));
    }
}
