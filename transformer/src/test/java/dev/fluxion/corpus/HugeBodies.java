package dev.fluxion.corpus;

import dev.fluxion.Differentiable;

/**
 * A long straight-line body (an unrolled recurrence, as generated code or a hand-unrolled kernel
 * has) with a few calls of a small same-class helper: inlining the helper would make the adjoint
 * larger than the 8000 bytes of bytecode HotSpot JIT-compiles, so Fluxion keeps the calls
 * ({@code HugeMethodsTest}).
 */
public final class HugeBodies {
    private HugeBodies() {
    }

    /** A gate: the kind of small callee that is normally inlined. */
    @Differentiable
    static double gate(double a, double b, double c) {
        double s = 1 / (1 + Math.exp(-(a * b + c)));
        double t = Math.tanh(a - b * c);
        double u = Math.log(1 + s * s + t * t);
        double w = Math.atan(a * s - c * t) + Math.cos(b * u);
        double r = Math.sqrt(1 + w * w + u * s);
        return s * t + 0.5 * s * s - 0.25 * t * t * a + Math.sin(b) * c + u * w / r - 0.1 * Math.exp(-r * r) * t;
    }

    @Differentiable
    public static double unrolled(double[] x) {
        double a = x[0];
        double b = x[1];
        double c = x[2];
        c = c - 0.01 * Math.cos(a + b);
        b = b * 0.95 + a * c * 0.05;
        a = a + 0.02 * b * b - 0.01 * c;
        c = c * 0.99 + 0.01 * a * b;
        a = a * 0.9 + Math.sin(b) * 0.1;
        a = a * 0.9 + Math.sin(b) * 0.1;
        b = b - 0.03 * Math.tanh(c);
        a = a * 0.9 + Math.sin(b) * 0.1;
        c = c - 0.01 * Math.cos(a + b);
        b = b - 0.03 * Math.tanh(c);
        a = a * 0.9 + Math.sin(b) * 0.1;
        b = b - 0.03 * Math.tanh(c);
        b = b * 0.95 + a * c * 0.05;
        a = a * 0.9 + Math.sin(b) * 0.1;
        a = a * 0.9 + Math.sin(b) * 0.1;
        a = a + 0.02 * b * b - 0.01 * c;
        a = a + 0.02 * b * b - 0.01 * c;
        a = a * 0.9 + Math.sin(b) * 0.1;
        b = b * 0.95 + a * c * 0.05;
        a = a + 0.1 * gate(a, b, c);
        a = a * 0.9 + Math.sin(b) * 0.1;
        b = b - 0.03 * Math.tanh(c);
        a = a + 0.02 * b * b - 0.01 * c;
        a = a * 0.9 + Math.sin(b) * 0.1;
        b = b - 0.03 * Math.tanh(c);
        a = a * 0.9 + Math.sin(b) * 0.1;
        b = b * 0.95 + a * c * 0.05;
        c = c * 0.99 + 0.01 * a * b;
        c = c * 0.99 + 0.01 * a * b;
        b = b - 0.03 * Math.tanh(c);
        a = a * 0.9 + Math.sin(b) * 0.1;
        b = b - 0.03 * Math.tanh(c);
        b = b - 0.03 * Math.tanh(c);
        a = a + 0.02 * b * b - 0.01 * c;
        a = a * 0.9 + Math.sin(b) * 0.1;
        b = b * 0.95 + a * c * 0.05;
        a = a * 0.9 + Math.sin(b) * 0.1;
        b = b - 0.03 * Math.tanh(c);
        b = b * 0.95 + a * c * 0.05;
        c = c - 0.01 * Math.cos(a + b);
        a = a + 0.02 * b * b - 0.01 * c;
        b = b * 0.95 + a * c * 0.05;
        b = b - 0.03 * Math.tanh(c);
        a = a * 0.9 + Math.sin(b) * 0.1;
        b = b - 0.03 * Math.tanh(c);
        c = c - 0.01 * Math.cos(a + b);
        b = b - 0.03 * Math.tanh(c);
        c = c * 0.99 + 0.01 * a * b;
        b = b * 0.95 + a * c * 0.05;
        a = a * 0.9 + Math.sin(b) * 0.1;
        b = b - 0.03 * Math.tanh(c);
        b = b - 0.03 * Math.tanh(c);
        c = c * 0.99 + 0.01 * a * b;
        b = b * 0.95 + a * c * 0.05;
        c = c - 0.01 * Math.cos(a + b);
        a = a * 0.9 + Math.sin(b) * 0.1;
        b = b - 0.03 * Math.tanh(c);
        a = a + 0.1 * gate(a, b, c);
        b = b + 0.1 * gate(b, c, a);
        c = c + 0.1 * gate(c, a, b);
        c = c * 0.99 + 0.01 * a * b;
        a = a + 0.1 * gate(a, c, b);
        a = a * 0.9 + Math.sin(b) * 0.1;
        return a * b + c + gate(c, a, b);
    }

    /**
     * A sum over two points whose body is {@link #unrolled}'s, with a loop of its own: reversed point
     * by point, the body's adjoint with {@code gate} inlined would be too large for the JIT, so the
     * body's adjoint keeps the calls.
     */
    @Differentiable
    public static double sumOfUnrolled(double[] x) {
        int n = 2;
        double s = 0;
        for (int i = 0; i < n; i++) {
            double a = x[0];
            for (int k = 0; k < i + 1; k++) {
                a = a * 0.5 + x[k];
            }
            double b = x[1];
            double c = x[2];
            c = c - 0.01 * Math.cos(a + b);
            b = b * 0.95 + a * c * 0.05;
            a = a + 0.02 * b * b - 0.01 * c;
            c = c * 0.99 + 0.01 * a * b;
            a = a * 0.9 + Math.sin(b) * 0.1;
            a = a * 0.9 + Math.sin(b) * 0.1;
            b = b - 0.03 * Math.tanh(c);
            a = a * 0.9 + Math.sin(b) * 0.1;
            c = c - 0.01 * Math.cos(a + b);
            b = b - 0.03 * Math.tanh(c);
            a = a * 0.9 + Math.sin(b) * 0.1;
            b = b - 0.03 * Math.tanh(c);
            b = b * 0.95 + a * c * 0.05;
            a = a * 0.9 + Math.sin(b) * 0.1;
            a = a * 0.9 + Math.sin(b) * 0.1;
            a = a + 0.02 * b * b - 0.01 * c;
            a = a + 0.02 * b * b - 0.01 * c;
            a = a * 0.9 + Math.sin(b) * 0.1;
            b = b * 0.95 + a * c * 0.05;
            a = a + 0.1 * gate(a, b, c);
            a = a * 0.9 + Math.sin(b) * 0.1;
            b = b - 0.03 * Math.tanh(c);
            a = a + 0.02 * b * b - 0.01 * c;
            a = a * 0.9 + Math.sin(b) * 0.1;
            b = b - 0.03 * Math.tanh(c);
            a = a * 0.9 + Math.sin(b) * 0.1;
            b = b * 0.95 + a * c * 0.05;
            c = c * 0.99 + 0.01 * a * b;
            c = c * 0.99 + 0.01 * a * b;
            b = b - 0.03 * Math.tanh(c);
            a = a * 0.9 + Math.sin(b) * 0.1;
            b = b - 0.03 * Math.tanh(c);
            b = b - 0.03 * Math.tanh(c);
            a = a + 0.02 * b * b - 0.01 * c;
            a = a * 0.9 + Math.sin(b) * 0.1;
            b = b * 0.95 + a * c * 0.05;
            a = a * 0.9 + Math.sin(b) * 0.1;
            b = b - 0.03 * Math.tanh(c);
            b = b * 0.95 + a * c * 0.05;
            c = c - 0.01 * Math.cos(a + b);
            a = a + 0.02 * b * b - 0.01 * c;
            b = b * 0.95 + a * c * 0.05;
            b = b - 0.03 * Math.tanh(c);
            a = a * 0.9 + Math.sin(b) * 0.1;
            b = b - 0.03 * Math.tanh(c);
            c = c - 0.01 * Math.cos(a + b);
            b = b - 0.03 * Math.tanh(c);
            c = c * 0.99 + 0.01 * a * b;
            b = b * 0.95 + a * c * 0.05;
            a = a * 0.9 + Math.sin(b) * 0.1;
            b = b - 0.03 * Math.tanh(c);
            b = b - 0.03 * Math.tanh(c);
            c = c * 0.99 + 0.01 * a * b;
            b = b * 0.95 + a * c * 0.05;
            c = c - 0.01 * Math.cos(a + b);
            a = a * 0.9 + Math.sin(b) * 0.1;
            b = b - 0.03 * Math.tanh(c);
            a = a + 0.1 * gate(a, b, c);
            b = b + 0.1 * gate(b, c, a);
            c = c + 0.1 * gate(c, a, b);
            c = c * 0.99 + 0.01 * a * b;
            a = a + 0.1 * gate(a, c, b);
            a = a * 0.9 + Math.sin(b) * 0.1;
            s += a * b + c + gate(c, a, b);
        }
        return s;
    }

    /**
     * A picture of a row of pixels, each lit by the nearest of three lamps and dimmed by three
     * occluders: a loop over pixels that writes an image, and within it a loop over lamps that
     * carries the nearest distance and its shade from lamp to lamp, and one over occluders that
     * carries the light let through, each step a few gates (a ray tracer's shape). With the gates
     * inlined, the adjoint would be too large for the JIT: loops, which carry numbers, become methods
     * of their own, their numbers passed in an array ({@code HugeMethodsTest}).
     */
    @Differentiable
    public static double picture(double[] x) {
        int width = 5;
        double[] image = new double[width];
        for (int px = 0; px < width; px++) {
            double u = (px + 0.5) / width;
            double nearest = Double.POSITIVE_INFINITY;
            double shade = 0;
            for (int k = 0; k < 3; k++) {
                double lamp = x[k];
                double d = (u - lamp) * (u - lamp) + 0.1 * gate(u, lamp, x[3]) * gate(lamp, u, 0.5)
                        + 0.05 * gate(x[3], u * lamp, lamp) + 0.02 * gate(u + lamp, 0.3, x[3] * u);
                if (d < nearest) {
                    nearest = d;
                    shade = gate(d, u, lamp) + 0.5 * gate(lamp, d, x[3]) - 0.25 * gate(u, d * lamp, 0.1);
                }
            }
            double visible = 1;
            for (int k = 0; k < 3; k++) {
                double occluder = x[(k + 1) % 4];
                visible *= 1 - 0.2 * gate(u, occluder, nearest) * gate(occluder, nearest, x[3])
                        - 0.1 * gate(nearest * u, occluder, 0.2) * gate(x[3], u, occluder);
            }
            image[px] = shade * visible + 0.1 * nearest;
        }
        double s = 0;
        for (double v : image) {
            s += v * v;
        }
        return s;
    }
}
