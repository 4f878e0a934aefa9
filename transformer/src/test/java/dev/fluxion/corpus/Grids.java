package dev.fluxion.corpus;

import dev.fluxion.Differentiable;

/**
 * Matrices a method makes for itself, {@code new double[n][m]}, written as one writes a grid, a
 * rotation or a table of sums: the primal optimiser lays those with constant dimensions and indices
 * it can bound out flat ({@code FlatArrays}); the others stay arrays of rows. Either way the
 * derivatives must be the same.
 */
public final class Grids {
    static final int SIZE = 6;
    static final int STEPS = 12;
    static final double RATE = 0.2;

    private Grids() {
    }

    /** Heat spreading on a square plate with cold edges, the new grid copied back after each step. */
    @Differentiable
    public static double heatCopiedBack(double[] k) {
        double[][] u = new double[SIZE][SIZE];
        double[][] next = new double[SIZE][SIZE];
        for (int i = 0; i < SIZE; i++) {
            for (int j = 0; j < u[i].length; j++) {
                u[i][j] = k[0] * Math.sin(Math.PI * i / (SIZE - 1)) * Math.sin(Math.PI * j / (SIZE - 1));
            }
        }
        u[2][3] += k[1];
        for (int step = 0; step < STEPS; step++) {
            for (int i = 1; i < SIZE - 1; i++) {
                for (int j = 1; j < SIZE - 1; j++) {
                    double laplacian = u[i - 1][j] + u[i + 1][j] + u[i][j - 1] + u[i][j + 1] - 4 * u[i][j];
                    next[i][j] = u[i][j] + RATE * k[2] * laplacian;
                }
            }
            for (int i = 1; i < SIZE - 1; i++) {
                for (int j = 1; j < SIZE - 1; j++) {
                    u[i][j] = next[i][j];
                }
            }
        }
        double energy = 0;
        for (double[] row : u) {
            for (double v : row) {
                energy += v * v;
            }
        }
        return energy;
    }

    /** The same plate, the two grids swapped after each step: which array {@code u} is changes, so it keeps its rows. */
    @Differentiable
    public static double heatSwapped(double[] k) {
        double[][] u = new double[SIZE][SIZE];
        double[][] next = new double[SIZE][SIZE];
        for (int i = 0; i < SIZE; i++) {
            for (int j = 0; j < SIZE; j++) {
                u[i][j] = k[0] * Math.sin(Math.PI * i / (SIZE - 1)) * Math.sin(Math.PI * j / (SIZE - 1));
            }
        }
        u[2][3] += k[1];
        for (int step = 0; step < STEPS; step++) {
            for (int i = 1; i < SIZE - 1; i++) {
                for (int j = 1; j < SIZE - 1; j++) {
                    double laplacian = u[i - 1][j] + u[i + 1][j] + u[i][j - 1] + u[i][j + 1] - 4 * u[i][j];
                    next[i][j] = u[i][j] + RATE * k[2] * laplacian;
                }
            }
            double[][] t = u;
            u = next;
            next = t;
        }
        double energy = 0;
        for (double[] row : u) {
            for (double v : row) {
                energy += v * v;
            }
        }
        return energy;
    }

    static final double[][] POINTS = {{1, 0.5, -0.3}, {-0.4, 2, 0.7}, {0.9, -1.1, 0.2}, {0.3, 0.3, 1.5}};

    /** s times the sum of the x coordinates of the points turned by t about the z axis, through a 3 x 3 matrix. */
    @Differentiable
    public static double rotatedPoints(double[] a) {
        double[][] r = new double[3][3];
        r[0][0] = Math.cos(a[0]);
        r[0][1] = -Math.sin(a[0]);
        r[1][0] = Math.sin(a[0]);
        r[1][1] = Math.cos(a[0]);
        r[2][2] = 1;
        double sum = 0;
        for (double[] p : POINTS) {
            double[] q = new double[3];
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    q[i] += r[i][j] * p[j];
                }
            }
            sum += q[0];
        }
        return a[1] * sum;
    }

    /** The sum of squared distances between points (x[2i], x[2i + 1]), through a distance matrix as large as the input. */
    @Differentiable
    public static double pairwiseSquares(double[] x) {
        int n = x.length / 2;
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double dx = x[2 * i] - x[2 * j];
                double dy = x[2 * i + 1] - x[2 * j + 1];
                d[i][j] = dx * dx + dy * dy;
            }
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                sum += d[i][j];
            }
        }
        return sum;
    }

    /** Sums and sums of squares of three interleaved groups, in a table whose row is {@code i % 3}. */
    @Differentiable
    public static double groupMoments(double[] x) {
        double[][] moments = new double[3][2];
        for (int i = 0; i < x.length; i++) {
            moments[i % 3][0] += x[i];
            moments[i % 3][1] += x[i] * x[i];
        }
        double f = 0;
        for (double[] m : moments) {
            f += m[0] * m[1];
        }
        return f;
    }

    /** A loop that runs one row too far: the primal throws, and so must every derivative. */
    @Differentiable
    public static double oneRowTooFar(double[] x) {
        double[][] table = new double[3][2];
        double sum = 0;
        for (int i = 0; i < 4; i++) { // a for loop: the bound is what keeps it out of the flat layout
            table[i][0] = x[0] * i;
            sum += table[i][0];
        }
        return sum;
    }
}
