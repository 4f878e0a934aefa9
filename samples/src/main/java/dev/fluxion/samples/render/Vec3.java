package dev.fluxion.samples.render;

/** A point or a direction in space. */
record Vec3(double x, double y, double z) {
    static final Vec3 ZERO = new Vec3(0, 0, 0);
    static final Vec3 UP = new Vec3(0, 1, 0);

    Vec3 plus(Vec3 o) {
        return new Vec3(x + o.x, y + o.y, z + o.z);
    }

    Vec3 minus(Vec3 o) {
        return new Vec3(x - o.x, y - o.y, z - o.z);
    }

    Vec3 times(double s) {
        return new Vec3(s * x, s * y, s * z);
    }

    double dot(Vec3 o) {
        return x * o.x + y * o.y + z * o.z;
    }

    Vec3 cross(Vec3 o) {
        return new Vec3(y * o.z - z * o.y, z * o.x - x * o.z, x * o.y - y * o.x);
    }

    double length() {
        return Math.sqrt(dot(this));
    }

    Vec3 normalize() {
        return times(1 / length());
    }
}
