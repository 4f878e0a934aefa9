package dev.fluxion.fuzz;

import dev.fluxion.FluxionException;
import dev.fluxion.testing.GradientCheck;
import dev.fluxion.testing.HessianRunner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Checks one function's derivatives at random points, every way they can be checked against each
 * other and against the primal alone:
 *
 * <ul>
 *   <li>the value reverse and forward mode return is the primal's, and the input is left alone;
 *   <li>reverse mode against forward mode, one lane per sweep (a sweep per unit vector) and the
 *       vector tangents' lanes per sweep (2, 4 or 8, as many as the inputs need), and against a
 *       tangent along a random direction (the dot-product test), to {@value #MODE_TOLERANCE} relative: the same derivatives summed in other orders;
 *   <li>each gradient component, of each mode, against Richardson-extrapolated central differences
 *       of the primal ({@link GradientCheck#richardson}). Generated programs branch, so a component whose
 *       extrapolations from two step sizes disagree (a kink or a branch switch within a step) is
 *       skipped and counted, not failed;
 *   <li>{@code H(x) v} against Richardson differences of the reverse-mode gradient along v, where
 *       Fluxion generates second derivatives (its documented limits, {@link HessianRunner#isDocumentedLimit},
 *       are counted, not failed).
 * </ul>
 *
 * Points are drawn uniformly from [-1.5, 1.5]^n where the primal is finite.
 */
final class Oracle {
    static final int POINTS = 3;
    static final int CANDIDATES = 12;
    /** Reverse against forward mode: {@code |r - f| <= 1e-9 * max(1, max_i |g_i|)}. */
    static final double MODE_TOLERANCE = 1e-9;
    /** The value returned with a derivative against the primal's (relative). */
    static final double VALUE_TOLERANCE = GradientCheck.VALUE_TOLERANCE;
    /** Base steps of the two Richardson extrapolations (times {@code max(1, |x_i|)}). */
    static final double STEP = 1e-3;
    static final double SMALL_STEP = 1e-4;
    /** Two extrapolations further apart than this (relative to {@code max(1, |estimate|)}) mean: not smooth here. */
    static final double SMOOTH_TOLERANCE = 1e-6;
    /** A derivative further from a smooth estimate than this (relative to {@code max(1, |estimate|)}) is wrong. */
    static final double DIFFERENCE_TOLERANCE = 1e-5;
    /** Second differences at {@link #SMALL_STEP} beyond this (relative) are a jump at the point, not curvature. */
    static final double JUMP_TOLERANCE = 1e-4;
    /**
     * Points where the primal is larger than this are not used: the generator keeps values far
     * below it, and differences of such values carry round-off that hides derivatives (a shrunk
     * program that lost the squashing its generator put in must not pass for the same failure).
     */
    static final double MAX_VALUE = 1e6;

    private final FuzzStats stats;
    private final List<double[]> points = new ArrayList<>();
    private final List<double[]> gradients = new ArrayList<>();

    Oracle(FuzzStats stats) {
        this.stats = stats;
    }

    /** The points of the last {@link #check}, and the reverse-mode gradients there. */
    List<double[]> points() {
        return points;
    }

    List<double[]> gradients() {
        return gradients;
    }

    /**
     * Checks {@code d}, a function of {@code n} inputs, at {@link #POINTS} points drawn from
     * {@code pointSeed}; returns the first failure, or {@code null}.
     */
    Failure check(Derivatives d, int n, long pointSeed, boolean secondOrder) {
        points.clear();
        gradients.clear();
        SplittableRandom rng = new SplittableRandom(pointSeed);
        boolean hvpAvailable = secondOrder;
        int candidates = 0;
        while (points.size() < POINTS && candidates < CANDIDATES) {
            candidates++;
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = rng.nextDouble(-1.5, 1.5);
            }
            double[] u = direction(rng, n);
            double[] v = direction(rng, n);
            double value;
            try {
                value = d.primal(x.clone());
            } catch (RuntimeException | StackOverflowError e) {
                return Failure.error(Failure.Kind.PRIMAL_THREW, Exceptions.gist(e), Exceptions.trace(e), x);
            }
            if (!Double.isFinite(value) || Math.abs(value) > MAX_VALUE) {
                stats.nonFinitePoints++;
                continue;
            }
            stats.points++;
            points.add(x);
            Failure f = firstOrder(d, x, value, u);
            if (f != null) {
                return f;
            }
            if (hvpAvailable) {
                double[] hv;
                try {
                    hv = d.hvp(x.clone(), v);
                } catch (FluxionException e) {
                    if (HessianRunner.isDocumentedLimit(e.getMessage())) {
                        stats.hvpUnavailable++;
                        hvpAvailable = false;
                        continue;
                    }
                    return Failure.error(kind(e), "Hessian-vector product: " + Exceptions.gist(e),
                            Exceptions.trace(e), x);
                } catch (RuntimeException | Error e) {
                    return thrown("Hessian-vector product", e, x);
                }
                f = hvp(d, x, v, hv, gradients.get(gradients.size() - 1));
                if (f != null) {
                    return f;
                }
            }
        }
        if (points.isEmpty()) {
            return new Failure(Failure.Kind.NO_FINITE_POINT, "no finite value at " + CANDIDATES + " points", null);
        }
        return null;
    }

    private static double[] direction(SplittableRandom rng, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextDouble(-1, 1);
        }
        return v;
    }

    private Failure firstOrder(Derivatives d, double[] x, double value, double[] u) {
        int n = x.length;
        double[] g = new double[n];
        double[] input = x.clone();
        double[] reverse = new double[1];
        Failure f = call("reverse mode", x, () -> reverse[0] = d.valueAndGradient(input, g));
        if (f != null) {
            return f;
        }
        gradients.add(g);
        if (!Arrays.equals(input, x)) {
            return new Failure(Failure.Kind.INPUT_MODIFIED, "reverse mode changed x to " + Arrays.toString(input), x);
        }
        f = value("reverse mode", reverse[0], value, x);
        if (f != null) {
            return f;
        }
        double scale = 1;
        for (double gi : g) {
            scale = Math.max(scale, Math.abs(gi));
        }
        // forward mode, one unit vector per sweep
        double[] forward = new double[n];
        for (int i = 0; i < n; i++) {
            double[] e = new double[n];
            e[i] = 1;
            double[] out = new double[1];
            double[] fv = new double[1];
            double[] in = x.clone();
            f = call("forward mode", x, () -> fv[0] = d.valueAndJvp(in, e, out));
            if (f != null) {
                return f;
            }
            f = value("forward mode", fv[0], value, x);
            if (f != null) {
                return f;
            }
            if (!Arrays.equals(in, x)) {
                return new Failure(Failure.Kind.INPUT_MODIFIED, "forward mode changed x to " + Arrays.toString(in), x);
            }
            forward[i] = out[0];
            stats.forwardLanes++;
        }
        f = agree(Failure.Kind.FORWARD, "forward mode (one lane)", forward, g, scale, x);
        if (f != null) {
            return f;
        }
        double[][] four = new double[1][];
        f = call("vector forward mode", x, () -> four[0] = d.vectorForwardGradient(x.clone()));
        if (f != null) {
            return f;
        }
        stats.vectorGradients++;
        f = agree(Failure.Kind.VECTOR_FORWARD, "vector forward mode (lanes for n directions)", four[0], g, scale, x);
        if (f != null) {
            return f;
        }
        // the dot-product test: a tangent along u against grad . u
        double[] out = new double[1];
        f = call("forward mode", x, () -> d.valueAndJvp(x.clone(), u, out));
        if (f != null) {
            return f;
        }
        double dot = 0;
        double dotScale = 1;
        for (int i = 0; i < n; i++) {
            dot += g[i] * u[i];
            dotScale = Math.max(dotScale, Math.abs(g[i] * u[i]));
        }
        stats.dotProducts++;
        if (!(Math.abs(out[0] - dot) <= MODE_TOLERANCE * dotScale * n)) {
            return new Failure(Failure.Kind.DOT_PRODUCT, "tangent along u = " + Arrays.toString(u) + " gave " + out[0]
                    + ", grad . u = " + dot + " (grad " + Arrays.toString(g) + ")", x);
        }
        return richardson(d, x, value, new double[][] {g, forward, four[0]});
    }

    /** The modes' gradients (reverse, forward one lane, vector lanes) against two Richardson extrapolations of the primal. */
    private static final String[] MODES = {"reverse mode", "forward mode (one lane)", "forward mode (vector lanes)"};

    /**
     * Whether {@code x} is a point apart along coordinate {@code i}: the primal's value there is not
     * what its neighbours at {@link #SMALL_STEP} on both sides make continuous. A comparison of two
     * functions equal up to rounding ({@code tanh(u) < atan(u)} for tiny {@code u}) takes one branch
     * at {@code x} and the other all around it; the differences then see a constant, and the
     * derivative of the branch taken at {@code x} is not theirs (finding F9).
     */
    private static boolean isolated(Derivatives d, double[] x, int i, double value) {
        double[] plus = x.clone();
        double[] minus = x.clone();
        plus[i] += SMALL_STEP;
        minus[i] -= SMALL_STEP;
        try {
            double jump = Math.abs(d.primal(plus) + d.primal(minus) - 2 * value);
            return !(jump <= JUMP_TOLERANCE * Math.max(1, Math.abs(value)));
        } catch (RuntimeException e) {
            return true;
        }
    }

    private Failure richardson(Derivatives d, double[] x, double value, double[][] gradients) {
        double[][] r = new double[2][];
        Failure f = call("the primal", x, () -> {
            r[0] = GradientCheck.richardson(d::primal, x, STEP);
            r[1] = GradientCheck.richardson(d::primal, x, SMALL_STEP);
        });
        if (f != null) {
            return new Failure(Failure.Kind.PRIMAL_THREW, f.detail(), x);
        }
        double[] g = gradients[0];
        for (int i = 0; i < x.length; i++) {
            double estimate = r[1][i];
            double scale = Math.max(1, Math.abs(estimate));
            if (!(Math.abs(r[0][i] - estimate) <= SMOOTH_TOLERANCE * scale)
                    || roundOff(value, x[i]) > 0.1 * DIFFERENCE_TOLERANCE * scale || isolated(d, x, i, value)) {
                stats.nonSmoothCoordinates++;
                continue;
            }
            stats.coordinates++;
            if (g[i] == 0) {
                stats.zeroCoordinates++;
            }
            for (int m = 0; m < gradients.length; m++) {
                double gi = gradients[m][i];
                if (!(Math.abs(gi - estimate) <= DIFFERENCE_TOLERANCE * scale)) {
                    return new Failure(Failure.Kind.RICHARDSON, "component " + i + ": " + MODES[m] + " " + gi
                            + ", Richardson " + estimate + " (step " + STEP + ": " + r[0][i] + ")\n" + MODES[m] + " "
                            + Arrays.toString(gradients[m]) + "\nRichardson " + Arrays.toString(r[1]), x);
                }
            }
        }
        return null;
    }

    /** The round-off in the smallest-step differences of values of magnitude {@code |value|}, generously. */
    private static double roundOff(double value, double xi) {
        return 1e-15 * Math.abs(value) / (SMALL_STEP / 4 * Math.max(1, Math.abs(xi)));
    }

    /** {@code hv} against Richardson differences of the reverse-mode gradient along {@code v}. */
    private Failure hvp(Derivatives d, double[] x, double[] v, double[] hv, double[] g) {
        double[][] r = new double[2][];
        Failure f = call("reverse mode (along v)", x, () -> {
            r[0] = Richardson.derivative(t -> gradientAt(d, shifted(x, v, t)), x.length, STEP);
            r[1] = Richardson.derivative(t -> gradientAt(d, shifted(x, v, t)), x.length, SMALL_STEP);
        });
        if (f != null) {
            return f;
        }
        stats.hvps++;
        for (int i = 0; i < x.length; i++) {
            double estimate = r[1][i];
            double scale = Math.max(1, Math.abs(estimate));
            if (!(Math.abs(r[0][i] - estimate) <= SMOOTH_TOLERANCE * scale)
                    || roundOff(g[i], 0) > 0.1 * DIFFERENCE_TOLERANCE * scale) {
                stats.hvpNonSmooth++;
                continue;
            }
            stats.hvpComponents++;
            if (!(Math.abs(hv[i] - estimate) <= DIFFERENCE_TOLERANCE * scale)) {
                return new Failure(Failure.Kind.HVP, "component " + i + " of H v: Fluxion " + hv[i] + ", Richardson of the "
                        + "gradient along v " + estimate + "\nv = " + Arrays.toString(v) + "\nH v        "
                        + Arrays.toString(hv) + "\nRichardson " + Arrays.toString(r[1]), x);
            }
        }
        return null;
    }

    private static double[] shifted(double[] x, double[] v, double t) {
        double[] y = x.clone();
        for (int i = 0; i < y.length; i++) {
            y[i] += t * v[i];
        }
        return y;
    }

    private static double[] gradientAt(Derivatives d, double[] y) {
        double[] g = new double[y.length];
        d.valueAndGradient(y, g);
        return g;
    }

    private static Failure value(String mode, double got, double primal, double[] x) {
        if (got == primal || Math.abs(got - primal) <= VALUE_TOLERANCE * Math.max(Math.abs(got), Math.abs(primal))) {
            return null;
        }
        return new Failure(Failure.Kind.VALUE, mode + " returned " + got + ", the primal " + primal, x);
    }

    private static Failure agree(Failure.Kind kind, String mode, double[] got, double[] reverse, double scale, double[] x) {
        for (int i = 0; i < reverse.length; i++) {
            if (!(Math.abs(got[i] - reverse[i]) <= MODE_TOLERANCE * scale)) {
                return new Failure(kind, "component " + i + ": " + mode + " " + got[i] + ", reverse mode " + reverse[i]
                        + "\n" + mode + " " + Arrays.toString(got) + "\nreverse mode " + Arrays.toString(reverse), x);
            }
        }
        return null;
    }

    /** Runs {@code body}; an exception becomes the failure of {@code what}. */
    private static Failure call(String what, double[] x, Runnable body) {
        try {
            body.run();
            return null;
        } catch (FluxionException e) {
            return Failure.error(kind(e), what + ": " + Exceptions.gist(e), Exceptions.trace(e), x);
        } catch (RuntimeException | Error e) {
            return thrown(what, e, x);
        }
    }

    /**
     * A derivative that could not be bound or generated (no such method, a stub that says why) is
     * a LINK_ERROR; a check of the generated code that fails while it runs (arguments that alias) is
     * a rejection at run time.
     */
    static Failure.Kind kind(FluxionException e) {
        for (StackTraceElement f : e.getStackTrace()) {
            if (f.getMethodName().startsWith("fluxion$")) {
                String m = String.valueOf(e.getMessage());
                return m.contains("no second derivative") || m.contains("internal error") || m.contains("no derivative")
                        ? Failure.Kind.LINK_ERROR : Failure.Kind.REJECTED_AT_RUN_TIME;
            }
        }
        return Failure.Kind.LINK_ERROR;
    }

    private static Failure thrown(String what, Throwable e, double[] x) {
        if (e instanceof LinkageError) {
            return Failure.error(Failure.Kind.VERIFY_ERROR, what + ": " + Exceptions.gist(e), Exceptions.trace(e), x);
        }
        if (e instanceof ThreadDeath td) {
            throw td;
        }
        return Failure.error(Failure.Kind.THREW, what + ": " + Exceptions.gist(e), Exceptions.trace(e), x);
    }
}
