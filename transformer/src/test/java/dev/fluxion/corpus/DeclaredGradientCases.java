package dev.fluxion.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fluxion.Differentiable;
import dev.fluxion.Fluxion;
import dev.fluxion.GradientOf;

/**
 * {@code @GradientOf}: gradients declared as ordinary methods, called directly, of a function of
 * several arguments (weights, a bias, data), with respect to some of them or all. {@link #checkAll}
 * compares them with closed forms; it runs in-process and through the agent.
 */
public final class DeclaredGradientCases {
    private DeclaredGradientCases() {
    }

    /** Mean squared error of the linear model w . x + b. */
    @Differentiable
    public static double loss(double[] w, double b, double[][] xs, double[] ys) {
        double s = 0;
        for (int i = 0; i < xs.length; i++) {
            double r = b - ys[i];
            for (int j = 0; j < w.length; j++) {
                r += w[j] * xs[i][j];
            }
            s += r * r;
        }
        return s / xs.length;
    }

    /** With respect to the weights and the bias; the data are not differentiated. */
    @GradientOf(value = "loss", wrt = {0, 1})
    public static double lossGradient(double[] w, double b, double[][] xs, double[] ys, double[] dw, double[] db) {
        throw Fluxion.notTransformed();
    }

    /** With respect to every argument (no {@code wrt}). */
    @GradientOf("loss")
    public static double fullGradient(double[] w, double b, double[][] xs, double[] ys, double[] dw, double[] db,
            double[][] dxs, double[] dys) {
        throw Fluxion.notTransformed();
    }

    /** Writes into its argument: sum of v_i^2 after v_i *= c, i.e. c^2 |v|^2. */
    @Differentiable
    public static double scaledNorm(double[] v, double c) {
        for (int i = 0; i < v.length; i++) {
            v[i] *= c;
        }
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return s;
    }

    @GradientOf("scaledNorm")
    public static double scaledNormGradient(double[] v, double c, double[] dv, double[] dc) {
        throw Fluxion.notTransformed();
    }

    public static void checkAll() {
        double[] w = {0.5, -1.25, 2.0};
        double b = 0.3;
        double[][] xs = {{1, 2, 3}, {-0.5, 0.25, 1.5}, {2, -1, 0.75}, {0.1, 0.2, -0.3}};
        double[] ys = {1.5, -0.5, 2.25, 0.0};
        int n = xs.length;
        double[] r = new double[n];
        double value = 0;
        for (int i = 0; i < n; i++) {
            r[i] = b - ys[i];
            for (int j = 0; j < w.length; j++) {
                r[i] += w[j] * xs[i][j];
            }
            value += r[i] * r[i] / n;
        }
        double[] dw = new double[w.length];
        double db = 0;
        double[][] dxs = new double[n][w.length];
        double[] dys = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < w.length; j++) {
                dw[j] += 2 * r[i] * xs[i][j] / n;
                dxs[i][j] = 2 * r[i] * w[j] / n;
            }
            db += 2 * r[i] / n;
            dys[i] = -2 * r[i] / n;
        }

        double[] gw = {9, 9, 9}; // overwritten, not accumulated
        double[] gb = new double[1];
        assertEquals(value, lossGradient(w, b, xs, ys, gw, gb), 1e-14);
        assertArrayEquals(dw, gw, 1e-14);
        assertEquals(db, gb[0], 1e-14);

        double[][] gxs = new double[n][w.length];
        double[] gys = new double[n];
        assertEquals(value, fullGradient(w, b, xs, ys, gw, gb, gxs, gys), 1e-14);
        assertArrayEquals(dw, gw, 1e-14);
        assertEquals(db, gb[0], 1e-14);
        for (int i = 0; i < n; i++) {
            assertArrayEquals(dxs[i], gxs[i], 1e-14);
        }
        assertArrayEquals(dys, gys, 1e-14);

        double[] v = {1.5, -2.0, 0.5};
        double[] dv = new double[3];
        double[] dc = new double[1];
        double c = 0.75;
        double norm = 1.5 * 1.5 + 4 + 0.25;
        assertEquals(c * c * norm, scaledNormGradient(v, c, dv, dc), 1e-14);
        assertArrayEquals(new double[] {1.5, -2.0, 0.5}, v, "the argument must not be modified");
        assertArrayEquals(new double[] {2 * c * c * 1.5, 2 * c * c * -2.0, 2 * c * c * 0.5}, dv, 1e-14);
        assertEquals(2 * c * norm, dc[0], 1e-14);
    }
}
