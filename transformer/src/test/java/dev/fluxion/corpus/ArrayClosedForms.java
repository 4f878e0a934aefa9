package dev.fluxion.corpus;

import java.util.Arrays;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Hand-written derivatives of the array corpus. Most are forward mode written out by hand: the
 * function's own loop, carrying beside every array {@code a} its tangent {@code da} (the
 * derivative along one direction {@code dx}); {@link #byTangents} runs it along each unit vector.
 * Where the function simplifies, the gradient is written directly.
 */
final class ArrayClosedForms {
    private ArrayClosedForms() {
    }

    /** The directional derivative of a function at {@code x} along {@code dx}; both may be modified. */
    interface Tangent {
        double apply(double[] x, double[] dx);
    }

    /** The gradient, one tangent sweep per unit vector. */
    static Function<double[], double[]> byTangents(Tangent t) {
        return x -> {
            double[] g = new double[x.length];
            for (int j = 0; j < x.length; j++) {
                double[] dx = new double[x.length];
                dx[j] = 1;
                g[j] = t.apply(x.clone(), dx);
            }
            return g;
        };
    }

    static double[] prefixSums(double[] x) {
        int n = x.length;
        double[] p = new double[n];
        p[0] = x[0];
        for (int i = 1; i < n; i++) {
            p[i] = p[i - 1] + x[i];
        }
        double[] g = new double[n];
        for (int j = 0; j < n; j++) {
            for (int i = j; i < n; i++) {
                g[j] += 2 * (i + 1) * p[i];
            }
        }
        return g;
    }

    static double cosineRecurrence(double[] a, double[] da) {
        for (int i = 1; i < a.length; i++) {
            double ai = a[i];
            da[i] = da[i - 1] * Math.cos(ai) - a[i - 1] * Math.sin(ai) * da[i] + da[i];
            a[i] = a[i - 1] * Math.cos(ai) + ai;
        }
        int last = a.length - 1;
        return da[last] * a[0] + a[last] * da[0] + da[a.length / 2];
    }

    static double updatesInput(double[] x, double[] dx) {
        for (int i = 1; i < x.length; i++) {
            double xi = x[i];
            dx[i] = dx[i] * x[i - 1] + xi * dx[i - 1] + Math.cos(xi) * dx[i];
            x[i] = xi * x[i - 1] + Math.sin(xi);
        }
        return Arrays.stream(dx).sum();
    }

    static double gaussSeidelSweeps(double[] x, double[] dx) {
        int n = x.length;
        for (int k = 0; k < 5; k++) {
            for (int i = 0; i < n; i++) {
                double left = i > 0 ? x[i - 1] : 0;
                double dl = i > 0 ? dx[i - 1] : 0;
                double right = i + 1 < n ? x[i + 1] : 0;
                double dr = i + 1 < n ? dx[i + 1] : 0;
                double xi = x[i];
                dx[i] = 0.25 * (0.2 * xi * dx[i] + dl + dr);
                x[i] = 0.25 * (0.1 * xi * xi + left + right + 1);
            }
        }
        double d = 0;
        for (int i = 0; i < n; i++) {
            d += 2 * x[i] * dx[i] * (i + 1);
        }
        return d;
    }

    private static double[] laplacian(double[] x) {
        int n = x.length;
        double[] y = new double[n];
        y[0] = x[1] - x[0];
        for (int i = 1; i + 1 < n; i++) {
            y[i] = x[i - 1] - 2 * x[i] + x[i + 1];
        }
        y[n - 1] = x[n - 2] - x[n - 1];
        return y;
    }

    static double laplacianEnergy(double[] x, double[] dx) {
        double[] y = laplacian(x);
        double[] dy = laplacian(dx); // linear
        double d = 0;
        for (int i = 0; i < x.length; i++) {
            d += 2 * ArrayWrites.W[i % 4] * y[i] * dy[i] + dy[i] * x[i] + y[i] * dx[i];
        }
        return d;
    }

    private static double[] heatStep(double[] u) {
        int n = u.length;
        double r = ArrayWrites.HEAT_R;
        double[] v = new double[n];
        v[0] = u[0] + r * (u[1] - u[0]);
        for (int i = 1; i + 1 < n; i++) {
            v[i] = u[i] + r * (u[i - 1] - 2 * u[i] + u[i + 1]);
        }
        v[n - 1] = u[n - 1] + r * (u[n - 2] - u[n - 1]);
        return v;
    }

    static double heatEquation(double[] u, double[] du) {
        for (int step = 0; step < ArrayWrites.HEAT_STEPS; step++) {
            u = heatStep(u);
            du = heatStep(du); // linear
        }
        double d = 0;
        for (int i = 0; i < u.length; i++) {
            d += (i + 1) * du[i] + 3 * u[i] * u[i] * du[i];
        }
        return d;
    }

    static double pendulumEuler(double[] x, double[] dx) {
        double th = x[0];
        double om = x[1];
        double dth = dx[0];
        double dom = dx[1];
        double g = x[2];
        double dg = dx[2];
        double dt = ArrayWrites.PENDULUM_DT;
        for (int k = 0; k < ArrayWrites.PENDULUM_STEPS; k++) {
            double nth = th + dt * om;
            double nom = om - dt * g * Math.sin(th);
            double ndth = dth + dt * dom;
            double ndom = dom - dt * (dg * Math.sin(th) + g * Math.cos(th) * dth);
            th = nth;
            om = nom;
            dth = ndth;
            dom = ndom;
        }
        return 2 * th * dth + dom;
    }

    /** a = (x[n-1] x[0], x[0], ..., x[n-1]); s = sum (i + 1) a[i]^2. */
    static double[] shiftRight(double[] x) {
        int n = x.length;
        double[] g = new double[n];
        for (int j = 0; j < n; j++) {
            g[j] += 2 * (j + 2) * x[j];
        }
        double p = x[n - 1] * x[0];
        g[0] += 2 * p * x[n - 1];
        g[n - 1] += 2 * p * x[0];
        return g;
    }

    static double delayLine(double[] buf, double[] dbuf) {
        int n = buf.length;
        double dy = 0;
        for (int k = 0; k < 3 * n; k++) {
            double out = buf[0];
            double dout = dbuf[0];
            System.arraycopy(buf, 1, buf, 0, n - 1);
            System.arraycopy(dbuf, 1, dbuf, 0, n - 1);
            buf[n - 1] = 0.5 * out + 0.3 * Math.sin(out);
            dbuf[n - 1] = (0.5 + 0.3 * Math.cos(out)) * dout;
            dy += dout * (k + 1);
        }
        return dy;
    }

    static double copyOfGrowAndTruncate(double[] x, double[] dx) {
        int n = x.length;
        double[] a = Arrays.copyOf(x, n + 2);
        double[] da = Arrays.copyOf(dx, n + 2);
        da[n] = da[0] * a[1] + a[0] * da[1];
        a[n] = a[0] * a[1];
        da[n + 1] = da[n] + da[n - 1];
        a[n + 1] = a[n] + a[n - 1];
        double[] b = Arrays.copyOf(a, 3);
        double[] db = Arrays.copyOf(da, 3);
        db[1] = db[1] * b[2] + b[1] * db[2];
        b[1] = b[1] * b[2];
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d += 2 * a[i] * da[i];
        }
        return d + db[0] * b[1] + b[0] * db[1];
    }

    static double slidingWindows(double[] x, double[] dx) {
        double d = 0;
        for (int i = 0; i < x.length; i++) {
            double[] w = Arrays.copyOfRange(x, i, i + 3);
            double[] dw = Arrays.copyOfRange(dx, i, i + 3);
            d += (dw[0] * w[1] + w[0] * dw[1] + dw[2]) * (i + 1);
        }
        return d;
    }

    static double fillThenWrite(double[] x, double[] dx) {
        int n = x.length;
        double[] a = new double[n + 2];
        double[] da = new double[n + 2];
        Arrays.fill(a, 0.5 * x[0]);
        Arrays.fill(da, 0.5 * dx[0]);
        Arrays.fill(a, 1, 3, x[1] * x[2]);
        Arrays.fill(da, 1, 3, dx[1] * x[2] + x[1] * dx[2]);
        a[n + 1] = x[n - 1];
        da[n + 1] = dx[n - 1];
        da[2] = da[2] * a[0] + a[2] * da[0];
        a[2] = a[2] * a[0];
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d += (i + 1) * 2 * a[i] * da[i];
        }
        return d;
    }

    static double reverseInPlace(double[] a, double[] da) {
        int n = a.length;
        for (int i = 0; i < n / 2; i++) {
            double t = a[i];
            a[i] = a[n - 1 - i];
            a[n - 1 - i] = t;
            t = da[i];
            da[i] = da[n - 1 - i];
            da[n - 1 - i] = t;
        }
        for (int i = 1; i < n; i++) {
            da[i] = 0.5 * da[i] + 2 * a[i - 1] * da[i - 1];
            a[i] = a[i] * 0.5 + a[i - 1] * a[i - 1];
        }
        return da[n - 1];
    }

    /** The element of rank k (0-based) gets weight k + 1. */
    static double[] sortedWeights(double[] x) {
        Integer[] order = IntStream.range(0, x.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> x[i]));
        double[] g = new double[x.length];
        for (int k = 0; k < order.length; k++) {
            g[order[k]] = 2 * (k + 1) * x[order[k]];
        }
        return g;
    }

    static double polynomialSquare(double[] x, double[] dx) {
        int n = x.length;
        double[] c = new double[2 * n - 1];
        double[] dc = new double[2 * n - 1];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                c[i + j] += x[i] * x[j];
                dc[i + j] += dx[i] * x[j] + x[i] * dx[j];
            }
        }
        double d = 0;
        for (int k = 0; k < c.length; k++) {
            d += 2 * c[k] * dc[k] * ArrayWrites.W[k % 4];
        }
        return d;
    }

    static double suffixProducts(double[] a, double[] da) {
        for (int i = a.length - 2; i >= 0; i--) {
            da[i] = da[i] * a[i + 1] + a[i] * da[i + 1];
            a[i] *= a[i + 1];
        }
        return Arrays.stream(da).sum();
    }

    static double activeInitialiser(double[] x, double[] dx) {
        double a0 = x[0] * x[1];
        double da0 = dx[0] * x[1] + x[0] * dx[1];
        double a1 = Math.sin(x[2]);
        double da1 = Math.cos(x[2]) * dx[2];
        double a2 = 3 * a0 + a1;
        double da2 = 3 * da0 + da1;
        return da0 * a1 * a2 + a0 * da1 * a2 + a0 * a1 * da2;
    }

    static double constantsBesideActive(double[] x, double[] dx) {
        int n = x.length;
        double[] c = {1.5, -2.0, 0.5, 3.0};
        int[] perm = new int[n];
        double[] a = new double[n];
        double[] da = new double[n];
        for (int i = 0; i < n; i++) {
            c[i % 4] = c[i % 4] * 0.5 + i;
            perm[i] = (i * 3 + 1) % n;
            a[i] = x[i] * c[i % 4];
            da[i] = dx[i] * c[i % 4];
        }
        double d = 0;
        for (int i = 0; i < n; i++) {
            a[perm[i]] += a[i] * ArrayWrites.W[i % 4];
            da[perm[i]] += da[i] * ArrayWrites.W[i % 4];
            d += da[perm[i]] * x[i] + a[perm[i]] * dx[i];
        }
        return d;
    }

    /** d/dx_j sum p log p = p_j (log p_j - sum_i p_i log p_i). */
    static double[] softmaxEntropy(double[] x) {
        double m = Arrays.stream(x).max().orElseThrow();
        double[] p = Arrays.stream(x).map(v -> Math.exp(v - m)).toArray();
        double z = Arrays.stream(p).sum();
        double h = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] /= z;
            h += p[i] * Math.log(p[i]);
        }
        double[] g = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            g[j] = p[j] * (Math.log(p[j]) - h);
        }
        return g;
    }

    /** Tangent of {@link ArrayCalls#smooth}. */
    private static void smooth(double[] a, double[] da, double w, double dw) {
        for (int i = 1; i + 1 < a.length; i++) {
            double lap = a[i - 1] - 2 * a[i] + a[i + 1];
            double dlap = da[i - 1] - 2 * da[i] + da[i + 1];
            da[i] = da[i] + dw * lap + w * dlap + 0.02 * a[i] * da[i];
            a[i] = a[i] + w * lap + 0.01 * a[i] * a[i];
        }
    }

    static double repeatedSmoothing(double[] a, double[] da) {
        double w = 0.2 + 0.05 * a[0];
        double dw = 0.05 * da[0];
        for (int k = 0; k < 20; k++) {
            smooth(a, da, w, dw);
        }
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d += (i + 1) * 2 * a[i] * da[i];
        }
        return d;
    }

    static double calleeWritesInput(double[] x, double[] dx) {
        smooth(x, dx, 0.3, 0);
        smooth(x, dx, x[0] * 0.1, dx[0] * 0.1);
        int m = x.length - 2;
        return dx[1] * x[m] + x[1] * dx[m] + dx[0];
    }

    /** a = x (1 + x0): s = (1 + x0)^2 |x|^2. */
    static double[] axpyOfItself(double[] x) {
        double sq = Arrays.stream(x).map(v -> v * v).sum();
        double[] g = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            g[j] = 2 * (1 + x[0]) * (1 + x[0]) * x[j];
        }
        g[0] += 2 * (1 + x[0]) * sq;
        return g;
    }

    static double twoNames(double[] a, double[] da) {
        for (int i = 1; i < a.length; i++) {
            da[i] = da[i - 1] * a[i] + a[i - 1] * da[i] + da[i];
            a[i] = a[i - 1] * a[i] + a[i];
            da[i - 1] = Math.cos(a[i - 1]) * da[i - 1];
            a[i - 1] = Math.sin(a[i - 1]);
        }
        return da[0] + 2 * da[a.length - 1] + da[1];
    }

    static double phiOfArrays(double[] x, double[] dx) {
        double[] a = {x[0], x[1]};
        double[] da = {dx[0], dx[1]};
        double[] b = {x[2], x[3]};
        double[] db = {dx[2], dx[3]};
        double d = 0;
        for (int k = 0; k < 4; k++) {
            boolean first = (k % 2 == 0) == (x[0] > x[2]);
            double[] t = first ? a : b;
            double[] dt = first ? da : db;
            dt[0] = dt[0] * t[1] + t[0] * dt[1];
            t[0] = t[0] * t[1] + 0.5;
            dt[1] = -Math.sin(t[0]) * dt[0];
            t[1] = Math.cos(t[0]);
            d += da[0] * b[1] + a[0] * db[1];
        }
        return d + da[1] * b[0] + a[1] * db[0];
    }

    /** a[i] = x[i]^2 + 1; s = sum a[i]^2. */
    static double[] aliasedRows(double[] x) {
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            g[i] = 4 * x[i] * (x[i] * x[i] + 1);
        }
        return g;
    }

    private static double[][] mul(double[][] a, double[][] b) {
        int n = a.length;
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    c[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return c;
    }

    private static double[][] add(double[][] a, double[][] b) {
        double[][] c = new double[a.length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                c[i][j] = a[i][j] + b[i][j];
            }
        }
        return c;
    }

    private static double[][] square(double[] x) {
        return new double[][] {{x[0], x[1]}, {x[2], x[3]}};
    }

    static double matrixCube(double[] x, double[] dx) {
        double[][] m = square(x);
        double[][] dm = square(dx);
        double[][] p = mul(m, m);
        double[][] dp = add(mul(dm, m), mul(m, dm));
        double[][] dq = add(mul(dp, m), mul(p, dm));
        return dq[0][0] + dq[1][1] + 0.5 * dq[0][1];
    }

    /** The cofactors: d det / d a_ij. */
    static double[] determinant(double[] x) {
        double[] g = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                int i1 = (i + 1) % 3;
                int i2 = (i + 2) % 3;
                int j1 = (j + 1) % 3;
                int j2 = (j + 2) % 3;
                g[3 * i + j] = x[3 * i1 + j1] * x[3 * i2 + j2] - x[3 * i1 + j2] * x[3 * i2 + j1];
            }
        }
        return g;
    }

    static double jaggedTriangle(double[] x, double[] dx) {
        int n = x.length;
        double[] t = {x[0]};
        double[] dt = {dx[0]};
        for (int i = 1; i < n; i++) {
            double[] r = new double[i + 1];
            double[] dr = new double[i + 1];
            for (int j = 0; j <= i; j++) {
                double left = j > 0 ? t[j - 1] : 1;
                double dleft = j > 0 ? dt[j - 1] : 0;
                double up = j < i ? t[j] : 0;
                double dup = j < i ? dt[j] : 0;
                r[j] = left * x[i] + up;
                dr[j] = dleft * x[i] + left * dx[i] + dup;
            }
            t = r;
            dt = dr;
        }
        double d = 0;
        for (int j = 0; j < t.length; j++) {
            d += 2 * t[j] * dt[j];
        }
        return d;
    }

    static double rowRotation(double[] x, double[] dx) {
        int n = x.length / 2;
        double[][] m = new double[n][];
        double[][] dm = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = new double[] {x[2 * i], x[2 * i + 1]};
            dm[i] = new double[] {dx[2 * i], dx[2 * i + 1]};
        }
        for (int round = 0; round < 3; round++) {
            for (int k = 0; k + 1 < n; k++) {
                double[] t = m[k];
                m[k] = m[k + 1];
                m[k + 1] = t;
                t = dm[k];
                dm[k] = dm[k + 1];
                dm[k + 1] = t;
                dm[k][1] += 0.5 * (dm[k][0] * m[k + 1][1] + m[k][0] * dm[k + 1][1]);
                m[k][1] += m[k][0] * m[k + 1][1] * 0.5;
            }
        }
        double d = 0;
        for (int i = 0; i < n; i++) {
            d += (i + 1) * dm[i][0] + 2 * m[i][1] * dm[i][1];
        }
        return d;
    }

    /** s = sum_ij (x_i x_j + x_i)(x_j x_i + x_j). */
    static double tensor3d(double[] x, double[] dx) {
        double d = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x.length; j++) {
                double u = x[i] * x[j] + x[i];
                double du = dx[i] * x[j] + x[i] * dx[j] + dx[i];
                double v = x[j] * x[i] + x[j];
                double dv = dx[j] * x[i] + x[j] * dx[i] + dx[j];
                d += du * v + u * dv;
            }
        }
        return d;
    }

    static double outerProduct(double[] x, double[] dx) {
        int n = x.length;
        double d = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double m = Math.sin(x[i]) * x[j];
                double dm = Math.cos(x[i]) * dx[i] * x[j] + Math.sin(x[i]) * dx[j];
                d += 2 * m * dm + (i == j ? dm : 0);
            }
        }
        return d;
    }

    static double matrixPower(double[] x, double[] dx) {
        double[][] m = square(x);
        double[][] dm = square(dx);
        double[][] r = {{1, 0}, {0, 1}};
        double[][] dr = new double[2][2];
        for (int k = 0; k < 5; k++) {
            dr = add(mul(dr, m), mul(r, dm));
            r = mul(r, m);
        }
        return dr[0][0] + 2 * dr[0][1] + 3 * dr[1][0] + 4 * dr[1][1];
    }

    /** s = sum_i x_i x_{i+1} (1 + x_{i+1}). */
    static double rowsFromSlices(double[] x, double[] dx) {
        double d = 0;
        for (int i = 0; i + 1 < x.length; i++) {
            double p = x[i] * x[i + 1];
            double dp = dx[i] * x[i + 1] + x[i] * dx[i + 1];
            d += dp * (1 + x[i + 1]) + p * dx[i + 1];
        }
        return d;
    }
}
