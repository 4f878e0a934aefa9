package dev.fluxion.benchmarks.realistic;

import dev.fluxion.Differentiable;

/**
 * {@link RayTracer}'s scene, camera and loss written with records, as a Java developer writes a ray
 * tracer: a {@code Vec3} value type with its arithmetic, a {@code Ray}, {@code Sphere}s that
 * intersect rays, a scene of spheres built from the parameters. It computes the same function as
 * {@link RayTracer}, operation for operation (the same parameters give the same loss and gradient),
 * so the two measure what records cost against {@code double[3]} vectors (issue 18: a gradient within
 * 1.3 times that of the tracer over {@code double[3]}).
 */
public final class RayTracerRecords {
    static final Vec3 EYE = new Vec3(0, 0, -4);

    /** A point or a direction in space. */
    record Vec3(double x, double y, double z) {
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

        Vec3 normalize() {
            double length = length();
            return new Vec3(x / length, y / length, z / length);
        }
    }

    record Ray(Vec3 origin, Vec3 dir) {
        Vec3 at(double t) {
            return origin.plus(dir.times(t));
        }
    }

    record Sphere(Vec3 centre, double radius, double albedo) {
        /** The nearest t > 0 where the ray meets the sphere, or -1. */
        double intersect(Ray ray) {
            Vec3 oc = ray.origin().minus(centre);
            double b = oc.dot(ray.dir());
            double c = oc.dot(oc) - radius * radius;
            double disc = b * b - c;
            if (disc < 0) {
                return -1;
            }
            double root = Math.sqrt(disc);
            double t = -b - root;
            if (t > RayTracer.EPSILON) {
                return t;
            }
            t = -b + root;
            return t > RayTracer.EPSILON ? t : -1;
        }
    }

    private final double[] target;

    public RayTracerRecords() {
        target = render(RayTracer.targetScene());
    }

    /** Sum over pixels of (rendered - target)^2. */
    @Differentiable
    public double loss(double[] scene) {
        double[] image = render(scene);
        double sum = 0;
        for (int i = 0; i < image.length; i++) {
            double d = image[i] - target[i];
            sum += d * d;
        }
        return sum;
    }

    /** The image, row by row, of the spheres and the light the parameters describe (as {@link RayTracer}'s). */
    public static double[] render(double[] scene) {
        Sphere[] spheres = new Sphere[RayTracer.SPHERES];
        for (int s = 0; s < spheres.length; s++) {
            spheres[s] = new Sphere(new Vec3(scene[4 * s], scene[4 * s + 1], scene[4 * s + 2]), scene[4 * s + 3],
                    RayTracer.ALBEDO[s]);
        }
        Vec3 light = new Vec3(scene[RayTracer.LIGHT], scene[RayTracer.LIGHT + 1], scene[RayTracer.LIGHT + 2]);
        double[] image = new double[RayTracer.WIDTH * RayTracer.HEIGHT];
        for (int py = 0; py < RayTracer.HEIGHT; py++) {
            for (int px = 0; px < RayTracer.WIDTH; px++) {
                image[py * RayTracer.WIDTH + px] = trace(spheres, new Ray(EYE, rayDirection(px, py)), light);
            }
        }
        return image;
    }

    static Vec3 rayDirection(int px, int py) {
        double u = (px + 0.5) / RayTracer.WIDTH * 2 - 1;
        double v = (1 - (py + 0.5) / RayTracer.HEIGHT * 2) * RayTracer.HEIGHT / RayTracer.WIDTH;
        return new Vec3(u, v, 1.5).normalize();
    }

    /** The brightness seen along the ray: the nearest sphere it meets, lit unless another sphere is in the way. */
    static double trace(Sphere[] spheres, Ray ray, Vec3 light) {
        Sphere hit = null;
        double nearest = Double.POSITIVE_INFINITY;
        for (Sphere s : spheres) {
            double t = s.intersect(ray);
            if (t > 0 && t < nearest) {
                nearest = t;
                hit = s;
            }
        }
        if (hit == null) {
            return RayTracer.BACKGROUND;
        }
        Vec3 point = ray.at(nearest);
        Vec3 normal = point.minus(hit.centre()).normalize();
        Vec3 toLight = light.minus(point).normalize();
        double lambert = normal.dot(toLight);
        if (lambert <= 0 || inShadow(spheres, new Ray(point, toLight), hit)) {
            return RayTracer.AMBIENT * hit.albedo();
        }
        Vec3 halfway = toLight.minus(ray.dir()).normalize();
        double specular = Math.pow(Math.max(0, normal.dot(halfway)), RayTracer.SHININESS);
        return hit.albedo() * (RayTracer.AMBIENT + lambert) + 0.5 * specular;
    }

    static boolean inShadow(Sphere[] spheres, Ray shadowRay, Sphere self) {
        for (Sphere s : spheres) {
            if (s != self && s.intersect(shadowRay) > 0) {
                return true;
            }
        }
        return false;
    }
}
