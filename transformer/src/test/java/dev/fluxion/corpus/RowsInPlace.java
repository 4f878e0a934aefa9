package dev.fluxion.corpus;

import dev.fluxion.Differentiable;

/**
 * State held in rows of a matrix and updated in place, as a simulation over {@code double[n][2]}
 * is written: the reverse sweep reads a row's shadow again from its holder's shadow by the index,
 * where it used to record the reference, as long as nothing puts another row in its place after
 * the read. Beside them, buffers swapped by storing rows in the loop that reads them (their shadows
 * are recorded), rows of rows of a {@code double[][][]} reached by a computed index, and rows stored
 * before the loop that reads them. Each gradient's reference is the forward-mode recurrence written
 * by hand, one direction at a time.
 */
public final class RowsInPlace {
    static final int STEPS = 6;

    private RowsInPlace() {
    }

    /**
     * Coupled pendulums {@code q[i] = {angle, speed}} from {@code x = (angles, speeds)}, a
     * symplectic step per mass, then each speed pushed by the next angle: {@code sum q0 q1} at the end.
     */
    @Differentiable
    public static double pendulums(double[] x) {
        int n = x.length / 2;
        double[][] q = new double[n][2];
        for (int i = 0; i < n; i++) {
            q[i][0] = x[i];
            q[i][1] = x[n + i];
        }
        for (int step = 0; step < STEPS; step++) {
            for (int i = 0; i < n; i++) {
                double[] r = q[i];
                r[1] -= 0.1 * Math.sin(r[0]);
                r[0] += 0.1 * r[1];
            }
            for (int i = 0; i + 1 < n; i++) {
                double d = q[i + 1][0] - q[i][0];
                q[i][1] += 0.05 * d * d;
            }
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += q[i][0] * q[i][1];
        }
        return s;
    }

    /** The gradient of {@link #pendulums}: its tangent recurrence, one direction at a time. */
    static double[] pendulumsGradient(double[] x) {
        int n = x.length / 2;
        double[] g = new double[x.length];
        for (int dir = 0; dir < x.length; dir++) {
            double[][] q = new double[n][2];
            double[][] t = new double[n][2];
            for (int i = 0; i < n; i++) {
                q[i][0] = x[i];
                q[i][1] = x[n + i];
                t[i][0] = dir == i ? 1 : 0;
                t[i][1] = dir == n + i ? 1 : 0;
            }
            for (int step = 0; step < STEPS; step++) {
                for (int i = 0; i < n; i++) {
                    t[i][1] -= 0.1 * Math.cos(q[i][0]) * t[i][0];
                    q[i][1] -= 0.1 * Math.sin(q[i][0]);
                    t[i][0] += 0.1 * t[i][1];
                    q[i][0] += 0.1 * q[i][1];
                }
                for (int i = 0; i + 1 < n; i++) {
                    double d = q[i + 1][0] - q[i][0];
                    double dd = t[i + 1][0] - t[i][0];
                    t[i][1] += 0.1 * d * dd;
                    q[i][1] += 0.05 * d * d;
                }
            }
            for (int i = 0; i < n; i++) {
                g[dir] += t[i][0] * q[i][1] + q[i][0] * t[i][1];
            }
        }
        return g;
    }

    /**
     * Two buffers swapped as rows of a matrix at the end of every step, after the step has read
     * them: {@code next[i] = cur[i] + 0.1 sin(cur[i + 1])} around a ring, the sum of squares at the end.
     */
    @Differentiable
    public static double swappedBuffers(double[] x) {
        int n = x.length;
        double[][] buf = {x.clone(), new double[n]};
        for (int step = 0; step < STEPS; step++) {
            for (int i = 0; i < n; i++) {
                buf[1][i] = buf[0][i] + 0.1 * Math.sin(buf[0][(i + 1) % n]);
            }
            double[] t = buf[0];
            buf[0] = buf[1];
            buf[1] = t;
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += buf[0][i] * buf[0][i];
        }
        return s;
    }

    /** The gradient of {@link #swappedBuffers}. */
    static double[] swappedBuffersGradient(double[] x) {
        int n = x.length;
        double[] g = new double[n];
        for (int dir = 0; dir < n; dir++) {
            double[] u = x.clone();
            double[] t = new double[n];
            t[dir] = 1;
            for (int step = 0; step < STEPS; step++) {
                double[] v = new double[n];
                double[] tv = new double[n];
                for (int i = 0; i < n; i++) {
                    v[i] = u[i] + 0.1 * Math.sin(u[(i + 1) % n]);
                    tv[i] = t[i] + 0.1 * Math.cos(u[(i + 1) % n]) * t[(i + 1) % n];
                }
                u = v;
                t = tv;
            }
            for (int i = 0; i < n; i++) {
                g[dir] += 2 * u[i] * t[i];
            }
        }
        return g;
    }

    /**
     * Two layers of {@code n} cells {@code c[k][i] = {a, b}}, visited by one loop over {@code j}
     * with {@code k = j / n}, {@code i = j % n}: a row of a row read at a computed index, then
     * written in place; {@code sum a b} at the end.
     */
    @Differentiable
    public static double layeredCells(double[] x) {
        int n = x.length / 2;
        double[][][] c = new double[2][n][2];
        for (int j = 0; j < 2 * n; j++) {
            c[j / n][j % n][0] = x[j];
            c[j / n][j % n][1] = 0.5 * x[j];
        }
        for (int step = 0; step < STEPS; step++) {
            for (int j = 0; j < 2 * n; j++) {
                double[] cell = c[j / n][j % n];
                double[] other = c[1 - j / n][j % n];
                cell[1] += 0.1 * Math.sin(cell[0] * other[0]);
                cell[0] -= 0.1 * cell[1] * cell[1];
            }
        }
        double s = 0;
        for (int k = 0; k < 2; k++) {
            for (int i = 0; i < n; i++) {
                s += c[k][i][0] * c[k][i][1];
            }
        }
        return s;
    }

    /** The gradient of {@link #layeredCells}. */
    static double[] layeredCellsGradient(double[] x) {
        int n = x.length / 2;
        double[] g = new double[x.length];
        for (int dir = 0; dir < x.length; dir++) {
            double[][] a = new double[2][n];
            double[][] b = new double[2][n];
            double[][] ta = new double[2][n];
            double[][] tb = new double[2][n];
            for (int j = 0; j < 2 * n; j++) {
                a[j / n][j % n] = x[j];
                b[j / n][j % n] = 0.5 * x[j];
                ta[j / n][j % n] = dir == j ? 1 : 0;
                tb[j / n][j % n] = dir == j ? 0.5 : 0;
            }
            for (int step = 0; step < STEPS; step++) {
                for (int j = 0; j < 2 * n; j++) {
                    int k = j / n;
                    int i = j % n;
                    double p = a[k][i] * a[1 - k][i];
                    double tp = ta[k][i] * a[1 - k][i] + a[k][i] * ta[1 - k][i];
                    tb[k][i] += 0.1 * Math.cos(p) * tp;
                    b[k][i] += 0.1 * Math.sin(p);
                    ta[k][i] -= 0.2 * b[k][i] * tb[k][i];
                    a[k][i] -= 0.1 * b[k][i] * b[k][i];
                }
            }
            for (int k = 0; k < 2; k++) {
                for (int i = 0; i < n; i++) {
                    g[dir] += ta[k][i] * b[k][i] + a[k][i] * tb[k][i];
                }
            }
        }
        return g;
    }

    /**
     * Rows stored into the matrix one by one before the loop that reads them (the stores cannot
     * run after the reads), then a damped recurrence in place; {@code sum m[i][0]} at the end.
     */
    @Differentiable
    public static double rowsStoredFirst(double[] x) {
        int n = x.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = new double[] {x[i], x[i] * x[i]};
        }
        for (int step = 0; step < STEPS; step++) {
            for (int i = 0; i < n; i++) {
                double[] r = m[i];
                r[0] = r[0] * Math.exp(-0.1 * r[1]);
                r[1] = 0.9 * r[1] + 0.1 * r[0];
            }
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += m[i][0];
        }
        return s;
    }

    /** The gradient of {@link #rowsStoredFirst}: each row is independent of the others. */
    static double[] rowsStoredFirstGradient(double[] x) {
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double a = x[i];
            double b = x[i] * x[i];
            double ta = 1;
            double tb = 2 * x[i];
            for (int step = 0; step < STEPS; step++) {
                double e = Math.exp(-0.1 * b);
                ta = ta * e - 0.1 * a * e * tb;
                a = a * e;
                tb = 0.9 * tb + 0.1 * ta;
                b = 0.9 * b + 0.1 * a;
            }
            g[i] = ta;
        }
        return g;
    }
}
