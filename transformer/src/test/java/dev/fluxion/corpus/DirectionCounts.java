package dev.fluxion.corpus;

import dev.fluxion.Differentiable;
import dev.fluxion.testing.CorpusCase;
import dev.fluxion.testing.JacobianCase;
import java.util.List;

/**
 * Functions of any number of inputs, as a Java developer writes them, for vector forward mode at
 * every width: their gradients and Jacobians are pushed through tangents of 1, 2, 4 and 8 lanes for
 * n = 1 to 19, most of them not a multiple of the width (see {@code VectorWidthsTest}).
 */
public final class DirectionCounts {
    /** More outputs than the inputs tested, so that {@code Jacobian.at} takes forward mode. */
    public static final int RESIDUALS = 24;

    private DirectionCounts() {
    }

    /** A smooth scalar function of all inputs, through a helper of another class and a scratch array. */
    @Differentiable
    public static double coupledEnergy(double[] x) {
        int n = x.length;
        double[] shifted = new double[n];
        for (int i = 0; i < n; i++) {
            shifted[i] = x[i] - 0.1 * i;
        }
        double e = 0;
        for (int i = 0; i < n; i++) {
            double next = shifted[(i + 1) % n];
            e += Math.exp(-0.5 * shifted[i] * shifted[i]) * (1 + next) + DirectionHelpers.bond(shifted[i], next);
        }
        return Math.log(1 + e * e);
    }

    /** The residuals of a sum of exponential decays with an offset (parameters a1, k1, a2, k2, ..., c if odd). */
    @Differentiable
    public static void decayResiduals(double[] p, double[] r) {
        int pairs = p.length / 2;
        double c = p.length % 2 == 1 ? p[p.length - 1] : 0.0;
        for (int i = 0; i < r.length; i++) {
            double t = 0.1 * i;
            double y = c;
            for (int j = 0; j < pairs; j++) {
                y += p[2 * j] * Math.exp(-p[2 * j + 1] * t);
            }
            r[i] = y - Math.cos(t);
        }
    }

    /** Smooths its input in place, then writes every output from the smoothed inputs: a function that writes its input. */
    @Differentiable
    public static void smoothedInPlace(double[] x, double[] out) {
        for (int i = 1; i < x.length; i++) {
            x[i] = 0.5 * (x[i] + x[i - 1] * Math.sin(x[i]));
        }
        for (int k = 0; k < out.length; k++) {
            double s = 0;
            for (int i = 0; i < x.length; i++) {
                s += x[i] * Math.cos(0.3 * k * (i + 1));
            }
            out[k] = s * s + DirectionHelpers.bond(s, 0.25 * k);
        }
    }

    /** A point of {@code n} inputs, none of them special. */
    static double[] point(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 0.3 + 0.6 * Math.sin(1.3 * i + n);
        }
        return x;
    }

    /** Points of 1 to {@code max} inputs. */
    static double[][] points(int max) {
        double[][] points = new double[max][];
        for (int n = 1; n <= max; n++) {
            points[n - 1] = point(n);
        }
        return points;
    }

    /** The scalar function at 1 to 19 inputs. */
    public static List<CorpusCase> scalarCases() {
        return List.of(CorpusCase.scalar("DirectionCounts.coupledEnergy", DirectionCounts::coupledEnergy, null,
                points(19)));
    }

    /** The vector functions at 1 to 19 inputs, fewer than their {@value #RESIDUALS} outputs. */
    public static List<JacobianCase> jacobianCases() {
        return List.of(JacobianCase.of("DirectionCounts.decayResiduals", DirectionCounts::decayResiduals, RESIDUALS, null,
                points(19)), JacobianCase.of("DirectionCounts.smoothedInPlace", DirectionCounts::smoothedInPlace,
                        RESIDUALS, null, points(19)));
    }
}
