package dev.fluxion.corpus;

import dev.fluxion.Differentiable;
import java.util.Arrays;

/**
 * Single precision: float twins of array corpus functions. Each converts its input to a local
 * {@code float[]}, computes in {@code float} (float arrays, float temporaries, float callees) and
 * returns the float result widened; the derivative is computed in float too. Their closed forms
 * are the double twins', checked with single-precision tolerances.
 */
public final class FloatArrays {
    private FloatArrays() {
    }

    /** The input narrowed to float, into a buffer: a callee converting between array types. */
    @Differentiable
    static void narrow(double[] x, float[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = (float) x[i];
        }
    }

    @Differentiable
    public static double prefixSums(double[] x) {
        float[] v = new float[x.length];
        narrow(x, v);
        float[] p = new float[v.length];
        p[0] = v[0];
        for (int i = 1; i < v.length; i++) {
            p[i] = p[i - 1] + v[i];
        }
        float s = 0;
        for (int i = 0; i < p.length; i++) {
            s += (i + 1) * p[i] * p[i];
        }
        return s;
    }

    @Differentiable
    public static double cosineRecurrence(double[] x) {
        float[] a = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            a[i] = (float) x[i];
        }
        for (int i = 1; i < a.length; i++) {
            a[i] = a[i - 1] * (float) Math.cos(a[i]) + a[i];
        }
        return a[a.length - 1] * a[0] + a[a.length / 2];
    }

    @Differentiable
    public static double laplacianEnergy(double[] x) {
        int n = x.length;
        float[] v = new float[n];
        narrow(x, v);
        float[] y = new float[n];
        y[0] = v[1] - v[0];
        for (int i = 1; i + 1 < n; i++) {
            y[i] = v[i - 1] - 2 * v[i] + v[i + 1];
        }
        y[n - 1] = v[n - 2] - v[n - 1];
        float s = 0;
        for (int i = 0; i < n; i++) {
            s += (float) ArrayWrites.W[i % 4] * y[i] * y[i] + y[i] * v[i];
        }
        return s;
    }

    @Differentiable
    public static double heatEquation(double[] x) {
        int n = x.length;
        float[] u = new float[n];
        narrow(x, u);
        float[] v = new float[n];
        float r = (float) ArrayWrites.HEAT_R;
        for (int step = 0; step < ArrayWrites.HEAT_STEPS; step++) {
            v[0] = u[0] + r * (u[1] - u[0]);
            for (int i = 1; i + 1 < n; i++) {
                v[i] = u[i] + r * (u[i - 1] - 2 * u[i] + u[i + 1]);
            }
            v[n - 1] = u[n - 1] + r * (u[n - 2] - u[n - 1]);
            float[] t = u;
            u = v;
            v = t;
        }
        float s = 0;
        for (int i = 0; i < n; i++) {
            s += (i + 1) * u[i] + u[i] * u[i] * u[i];
        }
        return s;
    }

    @Differentiable
    public static double pendulumEuler(double[] x) {
        float[] s = {(float) x[0], (float) x[1]};
        float g = (float) x[2];
        float dt = (float) ArrayWrites.PENDULUM_DT;
        for (int k = 0; k < ArrayWrites.PENDULUM_STEPS; k++) {
            float th = s[0];
            float om = s[1];
            s[0] = th + dt * om;
            s[1] = om - dt * g * (float) Math.sin(th);
        }
        return s[0] * s[0] + s[1];
    }

    @Differentiable
    public static double shiftRight(double[] x) {
        int n = x.length;
        float[] v = new float[n];
        narrow(x, v);
        float[] a = Arrays.copyOf(v, n + 1);
        System.arraycopy(a, 0, a, 1, n);
        a[0] = a[n] * a[1];
        float s = 0;
        for (int i = 0; i <= n; i++) {
            s += (i + 1) * a[i] * a[i];
        }
        return s;
    }

    @Differentiable
    public static double delayLine(double[] x) {
        int n = x.length;
        float[] buf = new float[n];
        narrow(x, buf);
        float y = 0;
        for (int k = 0; k < 3 * n; k++) {
            float out = buf[0];
            System.arraycopy(buf, 1, buf, 0, n - 1);
            buf[n - 1] = 0.5f * out + 0.3f * (float) Math.sin(out);
            y += out * (k + 1);
        }
        return y;
    }

    @Differentiable
    public static double fillThenWrite(double[] x) {
        int n = x.length;
        float[] a = new float[n + 2];
        Arrays.fill(a, 0.5f * (float) x[0]);
        Arrays.fill(a, 1, 3, (float) x[1] * (float) x[2]);
        a[n + 1] = (float) x[n - 1];
        a[2] = a[2] * a[0];
        float s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (i + 1) * a[i] * a[i];
        }
        return s;
    }

    @Differentiable
    public static double slidingWindows(double[] x) {
        float[] v = new float[x.length];
        narrow(x, v);
        float s = 0;
        for (int i = 0; i < v.length; i++) {
            float[] w = Arrays.copyOfRange(v, i, i + 3);
            w[0] = w[0] * w[1] + w[2];
            s += w[0] * (i + 1);
        }
        return s;
    }

    @Differentiable
    public static double suffixProducts(double[] x) {
        float[] v = new float[x.length];
        narrow(x, v);
        float[] a = v.clone();
        for (int i = a.length - 2; i >= 0; i--) {
            a[i] *= a[i + 1];
        }
        float s = 0;
        for (float e : a) {
            s += e;
        }
        return s;
    }

    /** c = a * b for 2x2 float matrices. */
    @Differentiable
    static void multiply(float[][] a, float[][] b, float[][] c) {
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                float s = 0;
                for (int k = 0; k < 2; k++) {
                    s += a[i][k] * b[k][j];
                }
                c[i][j] = s;
            }
        }
    }

    @Differentiable
    public static double matrixCube(double[] x) {
        float[][] m = new float[2][2];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                m[i][j] = (float) x[2 * i + j];
            }
        }
        float[][] p = new float[2][2];
        multiply(m, m, p);
        float[][] q = new float[2][2];
        multiply(p, m, q);
        return q[0][0] + q[1][1] + 0.5f * q[0][1];
    }

    /** y[i] += c * z[i] in float. */
    @Differentiable
    static void axpy(float[] y, float[] z, float c) {
        for (int i = 0; i < y.length; i++) {
            y[i] += c * z[i];
        }
    }

    @Differentiable
    public static double distinctArguments(double[] x) {
        float[] a = new float[x.length];
        narrow(x, a);
        axpy(a, a.clone(), (float) x[0]);
        float s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * a[i];
        }
        return s;
    }

    /** The dot product of two float arrays, a callee returning float. */
    @Differentiable
    static float dot(float[] a, float[] b) {
        float s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Differentiable
    public static double polynomialSquare(double[] x) {
        int n = x.length;
        float[] v = new float[n];
        narrow(x, v);
        float[] c = new float[2 * n - 1];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                c[i + j] += v[i] * v[j];
            }
        }
        float[] w = new float[c.length];
        for (int k = 0; k < c.length; k++) {
            w[k] = (float) ArrayWrites.W[k % 4] * c[k];
        }
        return dot(c, w);
    }

    static final float[] WF = {1.0f, -0.5f, 2.0f, 0.25f};

    @Differentiable
    public static double copyConstantsIn(double[] x) {
        float[] a = new float[x.length];
        narrow(x, a);
        a[0] = a[0] * a[1];
        System.arraycopy(WF, 1, a, 1, 2);
        return a[0] * a[1] + a[2] * a[3];
    }

    /** float and double arrays updating each other. */
    @Differentiable
    public static double mixedPrecision(double[] x) {
        float[] f = new float[x.length];
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            f[i] = (float) x[i];
            d[i] = f[i] * 2.0;
        }
        for (int i = 1; i < x.length; i++) {
            d[i] += d[i - 1] * f[i];
            f[i - 1] = (float) d[i];
        }
        return d[x.length - 1] + f[0];
    }
}
