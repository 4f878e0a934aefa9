package dev.fluxion.samples.render;

import java.util.List;

/**
 * Objects lit by a point light, rendered in grey levels: Lambertian surfaces, light falling off
 * with the square of the distance, soft shadows (an object half covering the way to the light lets
 * half of it through), and soft silhouettes composited front to back.
 */
final class Scene {
    static final double EPSILON = 1e-6;
    static final int MAX_LAYERS = 3;
    static final double SKY = 0.15;
    static final double AMBIENT = 0.05;

    private final List<Hittable> objects;
    private final Vec3 light;
    private final double lightPower;

    Scene(List<Hittable> objects, Vec3 light, double lightPower) {
        this.objects = objects;
        this.light = light;
        this.lightPower = lightPower;
    }

    /** The nearest hit of {@code ray} over all the objects, or {@code null}. */
    Hit nearest(Ray ray, double tMin, double tMax) {
        Hit nearest = null;
        double closest = tMax;
        for (Hittable object : objects) {
            Hit hit = object.hit(ray, tMin, closest);
            if (hit != null) {
                nearest = hit;
                closest = hit.t();
            }
        }
        return nearest;
    }

    /** The fraction of the light that reaches {@code point}. */
    double visibility(Vec3 point) {
        Vec3 toLight = light.minus(point);
        double distance = toLight.length();
        Ray shadowRay = new Ray(point, toLight.times(1 / distance));
        double visible = 1;
        for (Hittable object : objects) {
            visible *= 1 - object.occlusion(shadowRay, EPSILON, distance);
        }
        return visible;
    }

    /** The light leaving a surface towards the viewer: ambient plus Lambert's cosine law. */
    double shade(Hit hit) {
        Vec3 toLight = light.minus(hit.point());
        double distanceSquared = toLight.dot(toLight);
        double cosine = Math.max(0, hit.normal().dot(toLight.normalize()));
        return hit.albedo() * (AMBIENT + lightPower * cosine / distanceSquared * visibility(hit.point()));
    }

    /** The light arriving along {@code ray}: the surfaces it meets, each over what lies behind it. */
    double radiance(Ray ray) {
        double colour = 0;
        double transmitted = 1;
        double tMin = EPSILON;
        for (int layer = 0; layer < MAX_LAYERS; layer++) {
            Hit hit = nearest(ray, tMin, Double.POSITIVE_INFINITY);
            if (hit == null) {
                return colour + transmitted * SKY;
            }
            colour += transmitted * hit.coverage() * shade(hit);
            transmitted *= 1 - hit.coverage();
            tMin = hit.t() + EPSILON;
        }
        return colour;
    }

    /** A width x height image in grey levels, row by row from the top. */
    double[] render(Camera camera, int width, int height) {
        double[] image = new double[width * height];
        for (int row = 0; row < height; row++) {
            for (int column = 0; column < width; column++) {
                Ray ray = camera.ray((column + 0.5) / width, 1 - (row + 0.5) / height);
                image[row * width + column] = radiance(ray);
            }
        }
        return image;
    }
}
