package dev.fluxion.corpus;

import dev.fluxion.Differentiable;

/**
 * Temporary arrays filled by one loop and read by others, and repeated reads of one element: the
 * shapes the primal optimisations (store-to-load forwarding between loops, redundant loads) rewrite,
 * and the near misses they must leave alone because a write in between changes what the read sees.
 * Each near miss is built so that a wrongly forwarded or merged read gives a different value.
 */
public final class Temporaries {
    private Temporaries() {
    }

    /**
     * GMM's shape: t is refilled for every j and read in full by two later loops (t[a] and the
     * triangle's t[col], both forwarded) and by the triangle's t[row] (an inner index, not forwarded).
     * f = sum_j (j + 1) |t_j|^2 + sum_{col < row} t_j[row] t_j[col], t_j[a] = x[a] - j/2 x[a + 1 mod n].
     */
    @Differentiable
    public static double refilledTemporary(double[] x) {
        int n = x.length;
        double[] t = new double[n];
        double s = 0;
        for (int j = 0; j < 3; j++) {
            for (int a = 0; a < n; a++) {
                t[a] = x[a] - 0.5 * j * x[(a + 1) % n];
            }
            for (int a = 0; a < n; a++) {
                s += (j + 1) * t[a] * t[a];
            }
            for (int col = 0; col < n; col++) {
                for (int row = col + 1; row < n; row++) {
                    s += t[row] * t[col];
                }
            }
        }
        return s;
    }

    public static double[] refilledTemporaryGradient(double[] x) {
        int n = x.length;
        double[] g = new double[n];
        for (int j = 0; j < 3; j++) {
            double[] t = new double[n];
            double sum = 0;
            for (int a = 0; a < n; a++) {
                t[a] = x[a] - 0.5 * j * x[(a + 1) % n];
                sum += t[a];
            }
            for (int a = 0; a < n; a++) {
                double tBar = 2 * (j + 1) * t[a] + (sum - t[a]); // d/dt_a of (j+1)|t|^2 + ((sum t)^2 - |t|^2) / 2
                g[a] += tBar;
                g[(a + 1) % n] -= 0.5 * j * tBar;
            }
        }
        return g;
    }

    /** t[0] is tripled between the filling loop and the reading loop: f = 2 (9 (x0 + 1)^2 + sum_{a>0} (x_a + 1)^2). */
    @Differentiable
    public static double temporaryWrittenBetween(double[] x) {
        int n = x.length;
        double[] t = new double[n];
        double s = 0;
        for (int j = 0; j < 2; j++) {
            for (int a = 0; a < n; a++) {
                t[a] = x[a] + 1;
            }
            t[0] = 3 * t[0];
            for (int a = 0; a < n; a++) {
                s += t[a] * t[a];
            }
        }
        return s;
    }

    /**
     * y[0], which the filling loop read, changes before t is read: t still holds 2 y_old. With y = x
     * at first and y0 incremented per pass, f = 2 x0^2 + 2 (x0 + 1) x0 + 4 sum_{a>0} x_a^2.
     */
    @Differentiable
    public static double sourceWrittenBetween(double[] x) {
        int n = x.length;
        double[] y = new double[n];
        for (int a = 0; a < n; a++) {
            y[a] = x[a];
        }
        double[] t = new double[n];
        double s = 0;
        for (int pass = 0; pass < 2; pass++) {
            for (int a = 0; a < n; a++) {
                t[a] = 2 * y[a];
            }
            y[0] = y[0] + 1;
            for (int a = 0; a < n; a++) {
                s += t[a] * x[a];
            }
        }
        return s;
    }

    /**
     * The filling loop breaks early, so t keeps older elements: pass j fills t[0..j] only.
     * For n >= 4, f = 3 x0^2 + 2 x1^2 + x2^2.
     */
    @Differentiable
    public static double fillingLoopBreaks(double[] x) {
        int n = x.length;
        double[] t = new double[n];
        double s = 0;
        for (int j = 0; j < 3; j++) {
            for (int a = 0; a < n; a++) {
                if (a == j + 1) {
                    break;
                }
                t[a] = x[a] * x[a];
            }
            for (int a = 0; a < n; a++) {
                s += t[a];
            }
        }
        return s;
    }

    /** b[0] read, overwritten, read again: f = b_old b_new = x0 (x0 x1) = x0^2 x1. */
    @Differentiable
    public static double reloadAfterStore(double[] x) {
        double[] b = {x[0], x[1]};
        double before = b[0];
        b[0] = before * x[1];
        double after = b[0];
        return before * after;
    }

    /** b[0] read, written by a call (not inlined: another class), read again: f = 2 x0 x1 + x1^2. */
    @Differentiable
    public static double reloadAfterCall(double[] x) {
        double[] b = new double[2];
        b[0] = x[0];
        double before = b[0];
        SideOutputsCaller.call(b, x[1]);
        double after = b[0];
        return before * after + b[1];
    }

    /**
     * GMM's centered: every read of t is forwarded, after which nothing reads t and its stores go too.
     * f = sum_j sum_a (a + 1) (x[a] - j)^2.
     */
    @Differentiable
    public static double forwardedAway(double[] x) {
        int n = x.length;
        double[] t = new double[n];
        double s = 0;
        for (int j = 0; j < 3; j++) {
            for (int a = 0; a < n; a++) {
                t[a] = x[a] - j;
            }
            for (int a = 0; a < n; a++) {
                s += (a + 1) * t[a] * t[a];
            }
        }
        return s;
    }

    /**
     * Differences forwarded into the loop that scales them, and the scaled values into the norm, in
     * each of two passes: what is left of the two filling loops reads x[a] and x[n + a], which the
     * loop after each reads again in the same iterations, so both go (SubsumedLoops) and one loop
     * per pass remains. For n = length / 2, f = sum_{j < 2} sum_{a < n} ((a + 2) (x[a] - x[n + a] -
     * j))^2.
     */
    @Differentiable
    public static double differencesThenScaled(double[] x) {
        int n = x.length / 2;
        double[] c = new double[n];
        double[] z = new double[n];
        double s = 0;
        for (int j = 0; j < 2; j++) {
            for (int a = 0; a < n; a++) {
                c[a] = x[a] - x[n + a] - j;
            }
            for (int a = 0; a < n; a++) {
                z[a] = (a + 2) * c[a];
            }
            for (int a = 0; a < n; a++) {
                s += z[a] * z[a];
            }
        }
        return s;
    }

    /**
     * As {@link #differencesThenScaled}, with a store between the differences and the loop that
     * reads them: only blocks that compute may lie between, so what is left of the filling loop
     * stays. f = sum_{j < 2} (j + 1) sum_{a < n} ((a + 2) (x[a] - x[n + a] - j))^2.
     */
    @Differentiable
    public static double differencesWithAStoreBetween(double[] x) {
        int n = x.length / 2;
        double[] c = new double[n];
        double[] weights = new double[2];
        double s = 0;
        for (int j = 0; j < 2; j++) {
            for (int a = 0; a < n; a++) {
                c[a] = x[a] - x[n + a] - j;
            }
            weights[j] = j + 1;
            for (int a = 0; a < n; a++) {
                double z = (a + 2) * c[a];
                s += weights[j] * z * z;
            }
        }
        return s;
    }

    /**
     * As {@link #differencesThenScaled}, over n = (int) x[0] differences of the elements after it:
     * an n too large for x throws, in the primal and, at the same element, in the derivative code,
     * although the loop whose read threw first is gone there.
     */
    @Differentiable
    public static double differencesOfACount(double[] x) {
        int n = (int) x[0];
        double[] c = new double[n];
        double[] z = new double[n];
        double s = 0;
        for (int j = 0; j < 2; j++) {
            for (int a = 0; a < n; a++) {
                c[a] = x[1 + a] - x[1 + n + a] - j;
            }
            for (int a = 0; a < n; a++) {
                z[a] = (a + 2) * c[a];
            }
            for (int a = 0; a < n; a++) {
                s += z[a] * z[a];
            }
        }
        return s;
    }

    /** d/dx of sum_{j < 2} w_j sum_{a < n} ((a + 2) (x[at + a] - x[at + n + a] - j))^2, w_j = j + 1 if weighted, else 1. */
    static double[] scaledDifferencesGradient(double[] x, int at, int n, boolean weighted) {
        double[] g = new double[x.length];
        for (int j = 0; j < 2; j++) {
            for (int a = 0; a < n; a++) {
                double d = (weighted ? j + 1 : 1) * 2 * (a + 2) * (a + 2) * (x[at + a] - x[at + n + a] - j);
                g[at + a] += d;
                g[at + n + a] -= d;
            }
        }
        return g;
    }

    /**
     * t is never read, but its loop runs to x.length, not to t's length: for a longer x the store
     * throws, in the primal and so in the derivative code, so it stays. f = x0^2 for x of length 2.
     */
    @Differentiable
    public static double unreadButMayThrow(double[] x) {
        double[] t = new double[2];
        for (int a = 0; a < x.length; a++) {
            t[a] = 2 * x[a];
        }
        return x[0] * x[0];
    }

    /**
     * The filling loop reads the element it overwrites, t[a] = t[a] / 2 + x[a]: a later read of t[a]
     * is not the old t[a] / 2 + x[a] recomputed. t is x, 1.5 x, 1.75 x in the three passes, so
     * f = 4.25 |x|^2.
     */
    @Differentiable
    public static double fillReadsItself(double[] x) {
        int n = x.length;
        double[] t = new double[n];
        double s = 0;
        for (int j = 0; j < 3; j++) {
            for (int a = 0; a < n; a++) {
                t[a] = 0.5 * t[a] + x[a];
            }
            for (int a = 0; a < n; a++) {
                s += t[a] * x[a];
            }
        }
        return s;
    }

    /**
     * The filling loop runs inside the reading loop, before the read: t[b] is forwarded to
     * x[b] * (b + 1), computed where the read was (the filling loop's exit does not dominate the
     * reading loop's first block). f = sum_b (b + 1) x[b]^2.
     */
    @Differentiable
    public static double fillInsideTheReadingLoop(double[] x) {
        int n = x.length;
        double[] t = new double[n];
        double s = 0;
        for (int b = 0; b < n; b++) {
            for (int a = 0; a < n; a++) {
                t[a] = x[a] * (b + 1);
            }
            s += t[b] * x[b];
        }
        return s;
    }

    /** {@link #refilledTemporary}'s shape in {@code float}: f = sum_j (j + 1) |x - j/2|^2, in float. */
    @Differentiable
    public static double refilledFloatTemporary(double[] x) {
        int n = x.length;
        float[] t = new float[n];
        float s = 0;
        for (int j = 0; j < 3; j++) {
            for (int a = 0; a < n; a++) {
                t[a] = (float) x[a] - 0.5f * j;
            }
            for (int a = 0; a < n; a++) {
                s += (j + 1) * t[a] * t[a];
            }
        }
        return s;
    }

    /**
     * A temporary allocated anew in every iteration of the loop that fills and reads it: forwarded,
     * and its stores removed. f = sum_j sum_a (x[a] + j)^2 for j = 0, 1.
     */
    @Differentiable
    public static double temporaryPerIteration(double[] x) {
        int n = x.length;
        double s = 0;
        for (int j = 0; j < 2; j++) {
            double[] t = new double[n];
            for (int a = 0; a < n; a++) {
                t[a] = x[a] + j;
            }
            for (int a = 0; a < n; a++) {
                s += t[a] * t[a];
            }
        }
        return s;
    }

    /** An unread temporary allocated in the block that writes it (its store goes): f = |x|^2. */
    @Differentiable
    public static double allocatedWhereWritten(double[] x) {
        int n = x.length;
        double s = 0;
        for (int a = 0; a < n; a++) {
            double[] t = new double[n];
            t[a] = x[a] * x[a];
            s += x[a] * x[a];
        }
        return s;
    }

    /**
     * The reading loop itself writes what the filling loop read, before the read: t[b] must not be
     * recomputed from the new y[b]. y = x at first, t = 2 y; then y[b] = 0 and s += t[b] x[b],
     * twice (the second pass fills t with zeros): f = 2 |x|^2.
     */
    @Differentiable
    public static double sourceWrittenInTheReadingLoop(double[] x) {
        int n = x.length;
        double[] y = x.clone();
        double[] t = new double[n];
        double s = 0;
        for (int pass = 0; pass < 2; pass++) {
            for (int a = 0; a < n; a++) {
                t[a] = 2 * y[a];
            }
            for (int b = 0; b < n; b++) {
                y[b] = 0;
                s += t[b] * x[b];
            }
        }
        return s;
    }

    /**
     * A state of fixed length worked on as general code is written, a loop to {@code y.length} and a
     * factor {@code 0.5 * h} of constants: both fold to constants ({@code ConstantFolding}), so the
     * loop's trip count and the factor need no recording.
     */
    @Differentiable
    public static double fixedLengthState(double[] x) {
        double[] y = {x[0], x[1]};
        double h = 0.1;
        for (int i = 0; i < y.length; i++) {
            y[i] = y[i] * (0.5 * h) * x[2];
        }
        return y[0] + y[1] * y[1];
    }

    static double[] fixedLengthStateGradient(double[] x) {
        double c = 0.5 * 0.1; // y0 = c x0 x2, y1 = c x1 x2; f = y0 + y1^2
        return new double[] {c * x[2], 2 * c * c * x[1] * x[2] * x[2], c * x[0] + 2 * c * c * x[1] * x[1] * x[2]};
    }
}
