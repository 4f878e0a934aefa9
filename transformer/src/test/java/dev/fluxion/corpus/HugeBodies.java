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
        return s * t + 0.5 * s * s - 0.25 * t * t * a + Math.sin(b) * c;
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
        c = c * 0.99 + 0.01 * a * b;
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
            c = c * 0.99 + 0.01 * a * b;
            a = a * 0.9 + Math.sin(b) * 0.1;
            s += a * b + c + gate(c, a, b);
        }
        return s;
    }
}
