package dev.fluxion.corpus;

import dev.fluxion.Differentiable;

/**
 * Two- and three-dimensional arrays: matrix products into temporaries, Gaussian elimination with
 * row swaps, jagged arrays whose rows are allocated separately, rows swapped and moved with
 * {@code arraycopy}, copies of arrays of rows (which share their rows), a callee writing a 2-D
 * output, and a repeated matrix product whose temporaries are replaced every iteration.
 */
public final class ArrayShapes {
    private ArrayShapes() {
    }

    /** c = a * b for square matrices, into a new temporary. */
    @Differentiable
    public static void multiply(double[][] a, double[][] b, double[][] c) {
        int n = a.length;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += a[i][k] * b[k][j];
                }
                c[i][j] = s;
            }
        }
    }

    /** X (2x2, from x) cubed through two temporaries filled in place; trace plus an off-diagonal entry. */
    @Differentiable
    public static double matrixCube(double[] x) {
        double[][] m = new double[2][2];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                m[i][j] = x[2 * i + j];
            }
        }
        double[][] p = new double[2][2];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                for (int k = 0; k < 2; k++) {
                    p[i][j] += m[i][k] * m[k][j];
                }
            }
        }
        double[][] q = new double[2][2];
        multiply(p, m, q);
        return q[0][0] + q[1][1] + 0.5 * q[0][1];
    }

    /** The determinant of a 3x3 matrix by Gaussian elimination with partial pivoting (rows swapped). */
    @Differentiable
    public static double determinant(double[] x) {
        int n = 3;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = new double[n];
            for (int j = 0; j < n; j++) {
                a[i][j] = x[n * i + j];
            }
        }
        double det = 1;
        for (int k = 0; k < n; k++) {
            int p = k;
            for (int i = k + 1; i < n; i++) {
                if (Math.abs(a[i][k]) > Math.abs(a[p][k])) {
                    p = i;
                }
            }
            if (p != k) {
                double[] t = a[p];
                a[p] = a[k];
                a[k] = t;
                det = -det;
            }
            det *= a[k][k];
            for (int i = k + 1; i < n; i++) {
                double f = a[i][k] / a[k][k];
                for (int j = k; j < n; j++) {
                    a[i][j] -= f * a[k][j];
                }
            }
        }
        return det;
    }

    /** A triangle of rows of growing length, each allocated separately: t[i][j] = t[i-1][j-1] * x[i] + t[i-1][j]. */
    @Differentiable
    public static double jaggedTriangle(double[] x) {
        int n = x.length;
        double[][] t = new double[n][];
        t[0] = new double[] {x[0]};
        for (int i = 1; i < n; i++) {
            t[i] = new double[i + 1];
            for (int j = 0; j <= i; j++) {
                double left = j > 0 ? t[i - 1][j - 1] : 1;
                double up = j < i ? t[i - 1][j] : 0;
                t[i][j] = left * x[i] + up;
            }
        }
        double s = 0;
        for (double v : t[n - 1]) {
            s += v * v;
        }
        return s;
    }

    /** Rows rotated by repeated swaps in a loop, each swap followed by writes into the moved rows. */
    @Differentiable
    public static double rowRotation(double[] x) {
        int n = x.length / 2;
        double[][] m = new double[n][2];
        for (int i = 0; i < n; i++) {
            m[i][0] = x[2 * i];
            m[i][1] = x[2 * i + 1];
        }
        for (int round = 0; round < 3; round++) {
            for (int k = 0; k + 1 < n; k++) {
                double[] t = m[k];
                m[k] = m[k + 1];
                m[k + 1] = t;
                m[k][1] += m[k][0] * m[k + 1][1] * 0.5;
            }
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += (i + 1) * m[i][0] + m[i][1] * m[i][1];
        }
        return s;
    }

    /** A copy of an array of rows shares the rows: writes through the copy are seen through the original. */
    @Differentiable
    public static double sharedRows(double[] x) {
        double[] a = x.clone();
        double[] b = {x[1] * x[2], x[0]};
        double[][] m = {a, b};
        double[][] c = m.clone();
        c[0][0] = c[0][0] * x[1];
        c[1] = new double[] {c[1][0] + 1, 7};
        c[1][1] *= m[1][1];
        return m[0][0] + a[0] * m[1][0] + c[1][0] * c[1][1] + m[1][1];
    }

    /** Row references moved with arraycopy between arrays of rows, then written through the new array. */
    @Differentiable
    public static double rowArraycopy(double[] x) {
        int n = x.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = new double[] {x[i], x[i] * x[i]};
        }
        double[][] shifted = new double[n][];
        System.arraycopy(m, 0, shifted, 1, n - 1);
        shifted[0] = m[n - 1];
        for (int i = 0; i < n; i++) {
            shifted[i][1] += shifted[i][0] * (i + 1);
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += m[i][1] * m[i][0];
        }
        return s;
    }

    /** A three-dimensional array: t[i][j][k] = x[i] * x[j] + x[k], contracted against itself. */
    @Differentiable
    public static double tensor3d(double[] x) {
        int n = x.length;
        double[][][] t = new double[n][n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    t[i][j][k] = x[i] * x[j] + x[k];
                }
            }
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                s += t[i][j][i] * t[j][i][j];
            }
        }
        return s;
    }

    /** A jagged 3-D array allocated level by level, with in-place updates across levels. */
    @Differentiable
    public static double jagged3d(double[] x) {
        int n = x.length;
        double[][][] t = new double[n][][];
        for (int i = 0; i < n; i++) {
            t[i] = new double[i + 1][];
            for (int j = 0; j <= i; j++) {
                t[i][j] = new double[j + 1];
                for (int k = 0; k <= j; k++) {
                    t[i][j][k] = x[i] * x[k] + x[j];
                }
            }
        }
        for (int i = 1; i < n; i++) {
            for (int j = 0; j < i; j++) {
                t[i][j][0] += t[i - 1][j][0] * t[i][j + 1][j + 1];
            }
        }
        double s = 0;
        for (double[][] plane : t) {
            for (double[] row : plane) {
                for (double v : row) {
                    s += v;
                }
            }
        }
        return s;
    }

    /** A callee writing a 2-D output: the outer product of two vectors. */
    @Differentiable
    public static void outer(double[] a, double[] b, double[][] out) {
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                out[i][j] = a[i] * b[j];
            }
        }
    }

    /** Frobenius norm squared of sin(x) (x) x, plus its trace, through a callee filling a 2-D buffer. */
    @Differentiable
    public static double outerProduct(double[] x) {
        int n = x.length;
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = Math.sin(x[i]);
        }
        double[][] m = new double[n][n];
        outer(a, x, m);
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += m[i][i];
            for (int j = 0; j < n; j++) {
                s += m[i][j] * m[i][j];
            }
        }
        return s;
    }

    /** X^5 (2x2) by repeated products, each into a fresh temporary: a loop-carried phi of 2-D arrays. */
    @Differentiable
    public static double matrixPower(double[] x) {
        double[][] m = {{x[0], x[1]}, {x[2], x[3]}};
        double[][] r = {{1, 0}, {0, 1}};
        for (int k = 0; k < 5; k++) {
            double[][] next = new double[2][2];
            multiply(r, m, next);
            r = next;
        }
        return r[0][0] + 2 * r[0][1] + 3 * r[1][0] + 4 * r[1][1];
    }

    /** Rows that are copies of slices of the input, updated in place. */
    @Differentiable
    public static double rowsFromSlices(double[] x) {
        int n = x.length;
        double[][] m = new double[n - 1][];
        for (int i = 0; i + 1 < n; i++) {
            m[i] = java.util.Arrays.copyOfRange(x, i, i + 2);
            m[i][0] *= m[i][1];
        }
        double s = 0;
        for (int i = 0; i + 1 < n; i++) {
            s += m[i][0] + m[i][1] * m[i][0];
        }
        return s;
    }

    /** Arrays.copyOf of an array of rows: the copy shares the rows, and grows by a row of its own. */
    @Differentiable
    public static double copiedRows(double[] x) {
        double[][] m = {x.clone(), {x[0] * x[1]}};
        double[][] c = java.util.Arrays.copyOf(m, 3);
        c[2] = new double[] {c[1][0] * 2};
        c[0][1] = c[1][0] * c[0][2];
        double[][] r = java.util.Arrays.copyOfRange(c, 1, 3);
        r[1][0] *= r[0][0];
        return m[0][1] + c[2][0] * m[0][0];
    }
}
