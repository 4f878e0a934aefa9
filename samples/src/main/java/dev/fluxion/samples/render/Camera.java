package dev.fluxion.samples.render;

/** A pinhole camera: rays from {@code origin} through a screen spanned by {@code horizontal} and {@code vertical}. */
record Camera(Vec3 origin, Vec3 lowerLeft, Vec3 horizontal, Vec3 vertical) {
    /** A camera at {@code from} looking at {@code at}, with a vertical field of view in degrees. */
    static Camera lookAt(Vec3 from, Vec3 at, Vec3 up, double verticalFov, double aspect) {
        double halfHeight = Math.tan(Math.toRadians(verticalFov) / 2);
        double halfWidth = aspect * halfHeight;
        Vec3 w = from.minus(at).normalize(); // backwards
        Vec3 u = up.cross(w).normalize(); // to the right... of a camera looking down -w
        Vec3 v = w.cross(u);
        Vec3 lowerLeft = from.minus(u.times(halfWidth)).minus(v.times(halfHeight)).minus(w);
        return new Camera(from, lowerLeft, u.times(2 * halfWidth), v.times(2 * halfHeight));
    }

    /** The ray through the screen point (s, t), both in [0, 1], (0, 0) the lower left corner. */
    Ray ray(double s, double t) {
        Vec3 target = lowerLeft.plus(horizontal.times(s)).plus(vertical.times(t));
        return new Ray(origin, target.minus(origin).normalize());
    }
}
