package dev.fluxion.benchmarks;

import java.nio.file.Path;
import java.util.Random;

/**
 * A bundle-adjustment problem in ADBench's layout: n cameras of 11 parameters (Rodrigues rotation 3,
 * centre 3, focal length 1, principal point 2, radial distortion 2), m points of 3, and p
 * observations, each with a weight w and a measured feature (2). Observation i sees point
 * {@code i mod m} from camera {@code i mod n}. ADBench's files hold one camera, point, weight and
 * feature, which its benchmark replicates to the full sizes; so does {@link #read}.
 */
public record BaInput(int n, int m, int p, double[] cams, double[] points, double[] weights, double[] features) {
    public static final int CAM = 11;

    public int camera(int observation) {
        return observation % n;
    }

    public int point(int observation) {
        return observation % m;
    }

    /**
     * Packs observation i as the 17 inputs of {@link Ba#residual}: camera (11), point (3), weight
     * (1) and feature (2).
     */
    public void pack(int i, double[] in) {
        System.arraycopy(cams, camera(i) * CAM, in, 0, CAM);
        System.arraycopy(points, point(i) * 3, in, CAM, 3);
        in[14] = weights[i];
        in[15] = features[2 * i];
        in[16] = features[2 * i + 1];
    }

    public static BaInput read(Path file) {
        AdbenchData.Tokens t = new AdbenchData.Tokens(file);
        int n = t.nextInt();
        int m = t.nextInt();
        int p = t.nextInt();
        return replicate(n, m, p, t.nextDoubles(CAM), t.nextDoubles(3), t.nextDouble(), t.nextDoubles(2));
    }

    /** The first {@code observations} observations of a problem (all of them if there are fewer). */
    public BaInput sample(int observations) {
        int q = Math.min(p, observations);
        return new BaInput(n, m, q, cams, points, java.util.Arrays.copyOf(weights, q),
                java.util.Arrays.copyOf(features, 2 * q));
    }

    static BaInput replicate(int n, int m, int p, double[] cam, double[] point, double w, double[] feature) {
        double[] cams = new double[n * CAM];
        for (int i = 0; i < n; i++) {
            System.arraycopy(cam, 0, cams, i * CAM, CAM);
        }
        double[] points = new double[m * 3];
        for (int i = 0; i < m; i++) {
            System.arraycopy(point, 0, points, i * 3, 3);
        }
        double[] weights = new double[p];
        double[] features = new double[2 * p];
        for (int i = 0; i < p; i++) {
            weights[i] = w;
            features[2 * i] = feature[0];
            features[2 * i + 1] = feature[1];
        }
        return new BaInput(n, m, p, cams, points, weights, features);
    }

    /** ADBench's file if present, else random values of the same shape (named like "ba1_n49_m7776_p31843"). */
    public static BaInput named(String name) {
        return AdbenchData.file("ba/" + name + ".txt").map(BaInput::read).orElseGet(() -> {
            int n = Integer.parseInt(name.replaceAll(".*_n(\\d+)_.*", "$1"));
            int m = Integer.parseInt(name.replaceAll(".*_m(\\d+)_.*", "$1"));
            int p = Integer.parseInt(name.replaceAll(".*_p(\\d+).*", "$1"));
            Random r = new Random(42);
            double[] cam = {r.nextDouble() - 0.5, r.nextDouble() - 0.5, r.nextDouble() - 0.5, 30, 40, 50, 400, 5, -8,
                0.1 * r.nextDouble(), 0.01 * r.nextDouble()};
            double[] point = {r.nextDouble() * 10, r.nextDouble(), r.nextDouble() * 3};
            return replicate(n, m, p, cam, point, r.nextDouble(), new double[] {300 * r.nextDouble(), 800 * r.nextDouble()});
        });
    }
}
