package dev.fluxion.benchmarks.realistic;

import dev.fluxion.Differentiable;

/**
 * A small ray tracer as one would write it over {@code double[3]} vectors: three spheres seen by a
 * pinhole camera, lit by a point light (Lambert plus a Blinn-Phong highlight, hard shadows), one ray
 * per pixel. The loss is the squared difference of the rendered 24 x 16 image to a target rendered
 * with other parameters; the parameters are each sphere's centre and radius and the light's position
 * ({@code scene = c0x c0y c0z r0 | c1x ... r1 | c2x ... r2 | lx ly lz}). Helpers allocate their
 * results ({@code sub}, {@code normalize}), as vector code in Java usually does.
 */
public final class RayTracer {
    public static final int WIDTH = 24;
    public static final int HEIGHT = 16;
    static final int SPHERES = 3;
    static final int LIGHT = 4 * SPHERES;
    static final double[] ALBEDO = {0.9, 0.6, 0.75};
    static final double AMBIENT = 0.1;
    static final double BACKGROUND = 0.05;
    static final double SHININESS = 16;
    static final double EPSILON = 1e-6;
    static final double[] EYE = {0, 0, -4};

    private final double[] target;

    public RayTracer() {
        target = render(targetScene());
    }

    public static double[] initialScene() {
        return new double[] {-0.9, 0.1, 0.6, 0.7, 0.8, -0.2, 0.9, 0.6, 0.0, -0.8, 0.3, 0.45, 2.0, 3.0, -2.0};
    }

    static double[] targetScene() {
        return new double[] {-0.8, 0.2, 0.5, 0.75, 0.7, -0.1, 1.0, 0.55, 0.1, -0.75, 0.2, 0.5, 2.5, 2.5, -2.5};
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

    /** The image, row by row. */
    public static double[] render(double[] scene) {
        double[] image = new double[WIDTH * HEIGHT];
        double[] light = {scene[LIGHT], scene[LIGHT + 1], scene[LIGHT + 2]};
        for (int py = 0; py < HEIGHT; py++) {
            for (int px = 0; px < WIDTH; px++) {
                double[] dir = normalize(rayDirection(px, py));
                image[py * WIDTH + px] = trace(scene, EYE, dir, light);
            }
        }
        return image;
    }

    static double[] rayDirection(int px, int py) {
        double u = (px + 0.5) / WIDTH * 2 - 1;
        double v = (1 - (py + 0.5) / HEIGHT * 2) * HEIGHT / WIDTH;
        return new double[] {u, v, 1.5};
    }

    /** The brightness seen along the ray origin + t dir. */
    @Differentiable // larger than a helper Fluxion differentiates through unannotated (150 instructions)
    static double trace(double[] scene, double[] origin, double[] dir, double[] light) {
        int hit = -1;
        double nearest = Double.POSITIVE_INFINITY;
        for (int s = 0; s < SPHERES; s++) {
            double t = intersect(scene, s, origin, dir);
            if (t > 0 && t < nearest) {
                nearest = t;
                hit = s;
            }
        }
        if (hit < 0) {
            return BACKGROUND;
        }
        double[] point = add(origin, scale(dir, nearest));
        double[] centre = {scene[4 * hit], scene[4 * hit + 1], scene[4 * hit + 2]};
        double[] normal = normalize(sub(point, centre));
        double[] toLight = normalize(sub(light, point));
        double lambert = dot(normal, toLight);
        if (lambert <= 0 || inShadow(scene, point, toLight, hit)) {
            return AMBIENT * ALBEDO[hit];
        }
        double[] halfway = normalize(sub(toLight, dir));
        double specular = Math.pow(Math.max(0, dot(normal, halfway)), SHININESS);
        return ALBEDO[hit] * (AMBIENT + lambert) + 0.5 * specular;
    }

    /** The nearest t > 0 where the ray meets sphere s, or -1. */
    static double intersect(double[] scene, int s, double[] origin, double[] dir) {
        double[] oc = {origin[0] - scene[4 * s], origin[1] - scene[4 * s + 1], origin[2] - scene[4 * s + 2]};
        double radius = scene[4 * s + 3];
        double b = dot(oc, dir);
        double c = dot(oc, oc) - radius * radius;
        double disc = b * b - c;
        if (disc < 0) {
            return -1;
        }
        double root = Math.sqrt(disc);
        double t = -b - root;
        if (t > EPSILON) {
            return t;
        }
        t = -b + root;
        return t > EPSILON ? t : -1;
    }

    static boolean inShadow(double[] scene, double[] point, double[] toLight, int self) {
        for (int s = 0; s < SPHERES; s++) {
            if (s != self && intersect(scene, s, point, toLight) > 0) {
                return true;
            }
        }
        return false;
    }

    /** The loss's gradient derived by hand: each pixel's shading reversed right after it is computed, in scalars. */
    public double manualGradient(double[] scene, double[] grad) {
        java.util.Arrays.fill(grad, 0);
        double lx = scene[LIGHT];
        double ly = scene[LIGHT + 1];
        double lz = scene[LIGHT + 2];
        double sum = 0;
        for (int py = 0; py < HEIGHT; py++) {
            for (int px = 0; px < WIDTH; px++) {
                double u = (px + 0.5) / WIDTH * 2 - 1;
                double v = (1 - (py + 0.5) / HEIGHT * 2) * HEIGHT / WIDTH;
                double dl = Math.sqrt(u * u + v * v + 1.5 * 1.5);
                double dx = u / dl;
                double dy = v / dl;
                double dz = 1.5 / dl;
                int hit = -1;
                double nearest = Double.POSITIVE_INFINITY;
                boolean farRoot = false;
                for (int s = 0; s < SPHERES; s++) {
                    double ox = EYE[0] - scene[4 * s];
                    double oy = EYE[1] - scene[4 * s + 1];
                    double oz = EYE[2] - scene[4 * s + 2];
                    double r = scene[4 * s + 3];
                    double b = ox * dx + oy * dy + oz * dz;
                    double disc = b * b - (ox * ox + oy * oy + oz * oz - r * r);
                    if (disc < 0) {
                        continue;
                    }
                    double root = Math.sqrt(disc);
                    double t = -b - root;
                    boolean far = false;
                    if (!(t > EPSILON)) {
                        t = -b + root;
                        far = true;
                        if (!(t > EPSILON)) {
                            continue;
                        }
                    }
                    if (t < nearest) {
                        nearest = t;
                        hit = s;
                        farRoot = far;
                    }
                }
                double value;
                if (hit < 0) {
                    value = BACKGROUND;
                    double diff = value - target[py * WIDTH + px];
                    sum += diff * diff;
                    continue;
                }
                double t = nearest;
                double cx = scene[4 * hit];
                double cy = scene[4 * hit + 1];
                double cz = scene[4 * hit + 2];
                double pxw = EYE[0] + t * dx;
                double pyw = EYE[1] + t * dy;
                double pzw = EYE[2] + t * dz;
                double nxr = pxw - cx;
                double nyr = pyw - cy;
                double nzr = pzw - cz;
                double nl = Math.sqrt(nxr * nxr + nyr * nyr + nzr * nzr);
                double nx = nxr / nl;
                double ny = nyr / nl;
                double nz = nzr / nl;
                double lxr = lx - pxw;
                double lyr = ly - pyw;
                double lzr = lz - pzw;
                double ll = Math.sqrt(lxr * lxr + lyr * lyr + lzr * lzr);
                double tlx = lxr / ll;
                double tly = lyr / ll;
                double tlz = lzr / ll;
                double lambert = nx * tlx + ny * tly + nz * tlz;
                if (lambert <= 0 || inShadow(scene, new double[] {pxw, pyw, pzw}, new double[] {tlx, tly, tlz}, hit)) {
                    value = AMBIENT * ALBEDO[hit];
                    double diff = value - target[py * WIDTH + px];
                    sum += diff * diff;
                    continue;
                }
                double hxr = tlx - dx;
                double hyr = tly - dy;
                double hzr = tlz - dz;
                double hl = Math.sqrt(hxr * hxr + hyr * hyr + hzr * hzr);
                double hx = hxr / hl;
                double hy = hyr / hl;
                double hz = hzr / hl;
                double nh = nx * hx + ny * hy + nz * hz;
                double specular = nh > 0 ? Math.pow(nh, SHININESS) : 0;
                value = ALBEDO[hit] * (AMBIENT + lambert) + 0.5 * specular;
                double diff = value - target[py * WIDTH + px];
                sum += diff * diff;

                double valueBar = 2 * diff;
                double lambertBar = ALBEDO[hit] * valueBar;
                double nhBar = nh > 0 ? 0.5 * valueBar * SHININESS * Math.pow(nh, SHININESS - 1) : 0;
                double nxBar = lambertBar * tlx + nhBar * hx;
                double nyBar = lambertBar * tly + nhBar * hy;
                double nzBar = lambertBar * tlz + nhBar * hz;
                double tlxBar = lambertBar * nx;
                double tlyBar = lambertBar * ny;
                double tlzBar = lambertBar * nz;
                // halfway = normalize(toLight - dir)
                double hxBar = nhBar * nx;
                double hyBar = nhBar * ny;
                double hzBar = nhBar * nz;
                double hDot = hx * hxBar + hy * hyBar + hz * hzBar;
                tlxBar += (hxBar - hx * hDot) / hl;
                tlyBar += (hyBar - hy * hDot) / hl;
                tlzBar += (hzBar - hz * hDot) / hl;
                // toLight = normalize(light - point)
                double tlDot = tlx * tlxBar + tly * tlyBar + tlz * tlzBar;
                double lxrBar = (tlxBar - tlx * tlDot) / ll;
                double lyrBar = (tlyBar - tly * tlDot) / ll;
                double lzrBar = (tlzBar - tlz * tlDot) / ll;
                grad[LIGHT] += lxrBar;
                grad[LIGHT + 1] += lyrBar;
                grad[LIGHT + 2] += lzrBar;
                // normal = normalize(point - centre)
                double nDot = nx * nxBar + ny * nyBar + nz * nzBar;
                double nxrBar = (nxBar - nx * nDot) / nl;
                double nyrBar = (nyBar - ny * nDot) / nl;
                double nzrBar = (nzBar - nz * nDot) / nl;
                double pxBar = nxrBar - lxrBar;
                double pyBar = nyrBar - lyrBar;
                double pzBar = nzrBar - lzrBar;
                grad[4 * hit] -= nxrBar;
                grad[4 * hit + 1] -= nyrBar;
                grad[4 * hit + 2] -= nzrBar;
                // point = eye + t dir; t = -b -+ sqrt(b^2 - c), b = oc.dir, c = oc.oc - r^2, oc = eye - centre
                double tBar = pxBar * dx + pyBar * dy + pzBar * dz;
                double ox = EYE[0] - cx;
                double oy = EYE[1] - cy;
                double oz = EYE[2] - cz;
                double r = scene[4 * hit + 3];
                double b = ox * dx + oy * dy + oz * dz;
                double root = Math.sqrt(b * b - (ox * ox + oy * oy + oz * oz - r * r));
                double rootBar = farRoot ? tBar : -tBar;
                double discBar = rootBar / (2 * root);
                double bBar = -tBar + 2 * b * discBar;
                double cBar = -discBar;
                grad[4 * hit] -= 2 * ox * cBar + bBar * dx;
                grad[4 * hit + 1] -= 2 * oy * cBar + bBar * dy;
                grad[4 * hit + 2] -= 2 * oz * cBar + bBar * dz;
                grad[4 * hit + 3] -= 2 * r * cBar;
            }
        }
        return sum;
    }

    static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    static double[] add(double[] a, double[] b) {
        return new double[] {a[0] + b[0], a[1] + b[1], a[2] + b[2]};
    }

    static double[] sub(double[] a, double[] b) {
        return new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
    }

    static double[] scale(double[] a, double s) {
        return new double[] {a[0] * s, a[1] * s, a[2] * s};
    }

    static double[] normalize(double[] a) {
        double length = Math.sqrt(dot(a, a));
        return new double[] {a[0] / length, a[1] / length, a[2] / length};
    }
}
