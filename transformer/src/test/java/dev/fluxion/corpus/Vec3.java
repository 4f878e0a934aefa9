package dev.fluxion.corpus;

/** A 3-vector as a Java developer writes one: a record with the usual operations. */
public record Vec3(double x, double y, double z) {
    Vec3 plus(Vec3 o) {
        return new Vec3(x + o.x, y + o.y, z + o.z);
    }

    Vec3 minus(Vec3 o) {
        return new Vec3(x - o.x, y - o.y, z - o.z);
    }

    Vec3 times(double s) {
        return new Vec3(x * s, y * s, z * s);
    }

    double dot(Vec3 o) {
        return x * o.x + y * o.y + z * o.z;
    }

    double length() {
        return Math.sqrt(dot(this));
    }

    Vec3 normalized() {
        return times(1 / length());
    }

    static Vec3 cross(Vec3 a, Vec3 b) {
        return new Vec3(a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x);
    }
}
