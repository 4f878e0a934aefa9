package dev.fluxion.corpus;

import dev.fluxion.Differentiable;

/**
 * Element updates whose reverse leaves the element's adjoint in place ({@code a[i] += e},
 * {@code a[i] -= e}, {@code a[i] = e + a[i]}) beside one that must not ({@code a[i] = e - a[i]}: the
 * old value enters with a minus sign), repeated so that a wrong sign or a lost adjoint shows.
 */
public final class Increments {
    private Increments() {
    }

    /**
     * Each pass maps a_i to u_i - a_i with u_i = x_i^2 + x_i + x_{i+1 mod n} / 2; from 0, three passes
     * give a = u, so f = |u|^2.
     */
    @Differentiable
    public static double increments(double[] x) {
        int n = x.length;
        double[] a = new double[n];
        for (int pass = 0; pass < 3; pass++) {
            for (int i = 0; i < n; i++) {
                a[i] += x[i];
                a[i] -= 0.5 * x[(i + 1) % n];
                a[i] = x[i] * x[i] - a[i];
                a[i] = 2 * x[i] + a[i];
            }
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += a[i] * a[i];
        }
        return s;
    }

    public static double[] incrementsGradient(double[] x) {
        int n = x.length;
        double[] u = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = x[i] * x[i] + x[i] + 0.5 * x[(i + 1) % n];
        }
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] += 2 * u[i] * (2 * x[i] + 1);
            g[(i + 1) % n] += 2 * u[i] * 0.5;
        }
        return g;
    }
}
