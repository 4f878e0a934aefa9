package dev.fluxion.corpus;

import dev.fluxion.Differentiable;

/** Nested counted loops with bounds that depend on the outer index: each loop is reversed by its own trip count. */
public final class NestedLoops {
    private NestedLoops() {
    }

    /** sum_{j < i} x_i x_j. */
    @Differentiable
    public static double triangle(double[] x) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < i; j++) {
                s += x[i] * x[j];
            }
        }
        return s;
    }

    /** sum_i sum_{j <= i} sum_{k < j} sin(x_k) x_i, three loops deep, a product carried through. */
    @Differentiable
    public static double threeDeep(double[] x) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j <= i; j++) {
                for (int k = 0; k < j; k++) {
                    s += Math.sin(x[k]) * x[i];
                }
            }
        }
        return s;
    }

    /** A 5 x 5 image, data. */
    static final double[] IMAGE = {0.3, -0.1, 0.8, 0.5, -0.4, 0.2, 0.9, -0.6, 0.1, 0.4, -0.3, 0.7, 0.2, -0.8, 0.6,
        0.5, -0.2, 0.4, 0.3, -0.7, 0.1, 0.6, -0.5, 0.9, 0.2};

    /**
     * sum of the squares of a 3 x 3 filter (the kernel is x) over {@link #IMAGE}, zero padding by
     * {@code continue}: the inner loop's exit and the outer test's {@code continue} meet at the
     * outer loop's latch.
     */
    @Differentiable
    public static double paddedFilter(double[] x) {
        int n = 5;
        double[] out = new double[n * n];
        for (int row = 0; row < n; row++) {
            for (int col = 0; col < n; col++) {
                double v = 0;
                for (int a = 0; a < 3; a++) {
                    int r = row + a - 1;
                    if (r < 0 || r >= n) {
                        continue;
                    }
                    for (int b = 0; b < 3; b++) {
                        int c = col + b - 1;
                        if (c < 0 || c >= n) {
                            continue;
                        }
                        v += x[a * 3 + b] * IMAGE[r * n + c];
                    }
                }
                out[row * n + col] = v;
            }
        }
        double s = 0;
        for (int p = 0; p < n * n; p++) {
            s += out[p] * out[p];
        }
        return s;
    }

    static double[] paddedFilterGradient(double[] x) {
        int n = 5;
        double[] g = new double[x.length];
        for (int row = 0; row < n; row++) {
            for (int col = 0; col < n; col++) {
                double v = 0;
                for (int a = 0; a < 3; a++) {
                    for (int b = 0; b < 3; b++) {
                        int r = row + a - 1;
                        int c = col + b - 1;
                        if (r >= 0 && r < n && c >= 0 && c < n) {
                            v += x[a * 3 + b] * IMAGE[r * n + c];
                        }
                    }
                }
                for (int a = 0; a < 3; a++) {
                    for (int b = 0; b < 3; b++) {
                        int r = row + a - 1;
                        int c = col + b - 1;
                        if (r >= 0 && r < n && c >= 0 && c < n) {
                            g[a * 3 + b] += 2 * v * IMAGE[r * n + c];
                        }
                    }
                }
            }
        }
        return g;
    }

    /**
     * sum_i s_i^2, s_i = x_i (x_0 + .. + x_J) with J the first j whose partial sum passes 1 (or the
     * last): the inner loop is left by its {@code break} and by its test, two exits into one block.
     */
    @Differentiable
    public static double partialSumsWithBreak(double[] x) {
        double total = 0;
        for (int i = 0; i < x.length; i++) {
            double s = 0;
            for (int j = 0; j < x.length; j++) {
                s += x[i] * x[j];
                if (s > 1) {
                    break;
                }
            }
            total += s * s;
        }
        return total;
    }

    static double[] partialSumsWithBreakGradient(double[] x) {
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double s = 0;
            int last = x.length - 1;
            for (int j = 0; j < x.length; j++) {
                s += x[i] * x[j];
                if (s > 1) {
                    last = j;
                    break;
                }
            }
            for (int j = 0; j <= last; j++) {
                g[i] += 2 * s * x[j];
                g[j] += 2 * s * x[i];
            }
        }
        return g;
    }

    /**
     * A join of three ways inside a loop, decided by tests of the index and the length (a square at
     * the first element, a multiple at the last, a band sum over a loop of its own in between): the
     * reverse sweep takes the tests again, and passes over the band's loop to its exit, rather than
     * popping which way each iteration went ({@code JoinDecisions}). The total is a recurrence, so
     * the iterations are reversed in one loop, not one by one as independent ones.
     */
    @Differentiable
    public static double bandedSums(double[] x) {
        int n = x.length;
        double total = 0;
        for (int i = 0; i < n; i++) {
            double v;
            if (i < 1) {
                v = x[i] * x[i];
            } else if (i + 1 >= n) {
                v = 3 * x[i];
            } else {
                v = 0;
                for (int j = i - 1; j <= i + 1; j++) {
                    v += x[i] * x[j];
                }
            }
            total = 0.5 * total + v * x[i];
        }
        return total;
    }

    static double[] bandedSumsGradient(double[] x) {
        int n = x.length;
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            double w = Math.pow(0.5, n - 1 - i); // the weight of iteration i's term in the total
            if (i == 0) {
                g[i] += w * 3 * x[i] * x[i]; // x0^3
            } else if (i == n - 1) {
                g[i] += w * 6 * x[i]; // 3 x^2
            } else {
                double s = x[i - 1] + x[i] + x[i + 1]; // x_i^2 s
                g[i] += w * (2 * x[i] * s + x[i] * x[i]);
                g[i - 1] += w * x[i] * x[i];
                g[i + 1] += w * x[i] * x[i];
            }
        }
        return g;
    }
}
