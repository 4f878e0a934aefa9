package dev.fluxion.internal;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Vector forward mode: a dense Jacobian (or a gradient) by forward sweeps that each carry several
 * unit directions, the tangent of width {@code K} ({@code Naming.VECTOR_WIDTHS}) running the primal
 * and computing every partial derivative once for its {@code K} lanes. What a sweep costs is
 * roughly {@code A + K B}: {@code A} the primal and its partials, {@code B} one lane's
 * multiply-adds, and {@code A} is most of it wherever there are transcendental functions, memory
 * loads or control flow, so the fewer sweeps the better. For {@code n} directions {@link #plan}
 * takes the fewest sweeps of the widest tangent, the last one only as wide as the directions left
 * need (three directions are one four-lane sweep, two a two-lane one, one the one-lane tangent).
 */
public final class VectorForward {
    /** The widths there are tangents of, narrowest first: the one-lane tangent, then {@code Naming.VECTOR_WIDTHS}. */
    static final int[] WIDTHS = computeWidths();

    private VectorForward() {
    }

    /** The widths there are tangents of, narrowest first, 1 included. */
    public static int[] widths() {
        return WIDTHS.clone();
    }

    private static int[] computeWidths() {
        List<Integer> vector = Naming.VECTOR_WIDTHS.stream().sorted().toList();
        int[] w = new int[vector.size() + 1];
        w[0] = 1;
        for (int i = 0; i < vector.size(); i++) {
            w[i + 1] = vector.get(i);
        }
        return w;
    }

    /**
     * The widths of the sweeps that push {@code n} directions when every width has its tangent:
     * {@code n / W} sweeps of the widest width {@code W}, then, for the {@code n mod W} left, one
     * sweep of the narrowest width that carries them all.
     */
    public static int[] plan(int n) {
        return plan(n, WIDTHS);
    }

    /** The same with the tangents of {@code widths} only (ascending, 1 among them). */
    static int[] plan(int n, int[] widths) {
        int widest = widths[widths.length - 1];
        int full = n / widest;
        int rest = n % widest;
        int[] sweeps = new int[full + (rest > 0 ? 1 : 0)];
        Arrays.fill(sweeps, 0, full, widest);
        if (rest > 0) {
            for (int w : widths) {
                if (w >= rest) {
                    sweeps[full] = w;
                    break;
                }
            }
        }
        return sweeps;
    }

    /**
     * A sweep of a tangent of {@code double f(double[])}: returns {@code f(x)} and leaves the
     * derivatives along {@code d[0] .. d[K-1]} on the tape, the last on top.
     */
    @FunctionalInterface
    public interface ScalarSweep {
        double sweep(double[] x, double[][] d, Tape tape);
    }

    /** A sweep of a tangent of {@code void f(double[] in, double[] out)}: {@code outDots[k] = J inDots[k]}. */
    @FunctionalInterface
    public interface VectorSweep {
        void sweep(double[] in, double[] out, double[][] inDots, double[][] outDots, Tape tape);
    }

    /**
     * {@code f}'s tangents of every width, a reference to a static {@code double f(double[])}, as
     * one sweep each, indexed as {@link #WIDTHS}; the one-lane tangent is {@code one}.
     */
    static ScalarSweep[] scalarSweeps(Serializable f, ScalarTangent one) {
        ScalarSweep[] sweeps = new ScalarSweep[WIDTHS.length];
        for (int i = 0; i < WIDTHS.length; i++) {
            sweeps[i] = switch (WIDTHS[i]) {
                case 1 -> (x, d, t) -> one.tangent(x, d[0], t);
                case 2 -> {
                    ScalarTangent2 s = link(f, "([D)D", ScalarTangent2.class, 2);
                    yield s == null ? null : (x, d, t) -> s.tangent(x, d[0], d[1], t);
                }
                case 4 -> {
                    ScalarTangent4 s = link(f, "([D)D", ScalarTangent4.class, 4);
                    yield s == null ? null : (x, d, t) -> s.tangent(x, d[0], d[1], d[2], d[3], t);
                }
                case 8 -> {
                    ScalarTangent8 s = link(f, "([D)D", ScalarTangent8.class, 8);
                    yield s == null ? null
                            : (x, d, t) -> s.tangent(x, d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7], t);
                }
                default -> throw new IllegalStateException("no interface for " + WIDTHS[i] + " lanes");
            };
        }
        return sweeps;
    }

    /** The same for a static {@code void f(double[] in, double[] out)}. */
    static VectorSweep[] vectorSweeps(Serializable f, VectorTangent one) {
        VectorSweep[] sweeps = new VectorSweep[WIDTHS.length];
        for (int i = 0; i < WIDTHS.length; i++) {
            String d = Naming.VECTOR_DESCRIPTOR;
            sweeps[i] = switch (WIDTHS[i]) {
                case 1 -> (x, y, a, b, t) -> one.tangent(x, y, a[0], b[0], t);
                case 2 -> {
                    VectorTangent2 s = link(f, d, VectorTangent2.class, 2);
                    yield s == null ? null : (x, y, a, b, t) -> s.tangent(x, y, a[0], b[0], a[1], b[1], t);
                }
                case 4 -> {
                    VectorTangent4 s = link(f, d, VectorTangent4.class, 4);
                    yield s == null ? null
                            : (x, y, a, b, t) -> s.tangent(x, y, a[0], b[0], a[1], b[1], a[2], b[2], a[3], b[3], t);
                }
                case 8 -> {
                    VectorTangent8 s = link(f, d, VectorTangent8.class, 8);
                    yield s == null ? null
                            : (x, y, a, b, t) -> s.tangent(x, y, a[0], b[0], a[1], b[1], a[2], b[2], a[3], b[3], a[4],
                                    b[4], a[5], b[5], a[6], b[6], a[7], b[7], t);
                }
                default -> throw new IllegalStateException("no interface for " + WIDTHS[i] + " lanes");
            };
        }
        return sweeps;
    }

    /**
     * The {@code lanes}-lane tangent, or {@code null} if there is no binder for it: the transformer
     * binds only the widths whose tangent is a true vector tangent (one too large for the JIT is made
     * of narrower calls and left unbound), and a class transformed by an older Fluxion may lack a
     * width. The one-lane tangent, linked before, proves the class itself can be reached.
     */
    private static <T> T link(Serializable f, String descriptor, Class<T> tangent, int lanes) {
        try {
            return AdjointLinker.linkVectorTangent(f, descriptor, tangent, lanes);
        } catch (dev.fluxion.FluxionException e) {
            return null;
        }
    }

    /** The widths whose sweep is among {@code sweeps} (indexed as {@link #WIDTHS}), ascending. */
    static int[] present(Object[] sweeps) {
        return IntStream.range(0, WIDTHS.length).filter(i -> sweeps[i] != null).map(i -> WIDTHS[i]).toArray();
    }

    /** The sweep of {@code width} lanes among {@code sweeps} (indexed as {@link #WIDTHS}). */
    static <S> S ofWidth(S[] sweeps, int width) {
        for (int i = 0; i < WIDTHS.length; i++) {
            if (WIDTHS[i] == width && sweeps[i] != null) {
                return sweeps[i];
            }
        }
        throw new IllegalArgumentException("no tangent of " + width + " lanes; there are "
                + Arrays.toString(present(sweeps)));
    }

    /**
     * Forward mode for a static {@code double f(double[])}: its gradient by vector sweeps. The wider
     * tangents are linked when first used, so that a function whose gradient is never asked of
     * forward mode costs no more to link than before.
     */
    public static final class OfScalar {
        private final Serializable f;
        private final ScalarTangent one;
        private volatile ScalarSweep[] sweeps;
        /** The widths of {@link #sweeps} there are, written before it. */
        private volatile int[] present;

        public OfScalar(Serializable f, ScalarTangent one) {
            this.f = f;
            this.one = one;
        }

        /** The gradient at {@code x}, by the sweeps of {@link #plan} over the widths there are tangents of. */
        public double[] gradient(double[] x) {
            sweeps();
            return gradient(x, plan(x.length, present));
        }

        /** The widths {@code f} has a true vector tangent of, ascending, 1 included. */
        public int[] widths() {
            sweeps();
            return present.clone();
        }

        /**
         * The gradient at {@code x} by sweeps of the widths {@code plan} ({@link #plan}, or
         * {@link #uniform}), which must carry at least {@code x.length} directions.
         */
        public double[] gradient(double[] x, int[] plan) {
            ScalarSweep[] linked = sweeps();
            int n = x.length;
            double[] g = new double[n];
            double[][] e = new double[maxOf(plan)][n];
            Tape tape = Tape.current();
            tape.enter();
            try {
                int j = 0;
                for (int width : plan) {
                    ScalarSweep sweep = ofWidth(linked, width);
                    for (int k = 0; k < width; k++) {
                        Arrays.fill(e[k], 0.0);
                        if (j + k < n) {
                            e[k][j + k] = 1.0;
                        }
                    }
                    sweep.sweep(x, e, tape);
                    for (int k = width - 1; k >= 0; k--) { // the last lane's on top
                        double component = tape.popDouble();
                        if (j + k < n) {
                            g[j + k] = component;
                        }
                    }
                    j += width;
                }
            } catch (RuntimeException | Error ex) {
                tape.unwindToMark(); // what the abandoned sweep recorded, for the caller to explain ex
                throw ex;
            } finally {
                tape.leave();
            }
            return g;
        }

        private ScalarSweep[] sweeps() {
            ScalarSweep[] s = sweeps;
            if (s == null) { // two threads may both link: the same tangents, harmless
                s = scalarSweeps(f, one);
                present = present(s);
                sweeps = s;
            }
            return s;
        }
    }

    /**
     * Forward mode for a static {@code void f(double[] in, double[] out)} of {@code outputs}
     * outputs: its dense Jacobian by vector sweeps, the wider tangents linked when first used.
     */
    public static final class OfVector {
        private final Serializable f;
        private final VectorTangent one;
        private final int outputs;
        private volatile VectorSweep[] sweeps;
        /** The widths of {@link #sweeps} there are, written before it. */
        private volatile int[] present;

        public OfVector(Serializable f, VectorTangent one, int outputs) {
            this.f = f;
            this.one = one;
            this.outputs = outputs;
        }

        /** The Jacobian at {@code x} into {@code jOut}, by the sweeps of {@link #plan} over the widths there are tangents of. */
        public void jacobian(double[] x, double[][] jOut) {
            sweeps();
            jacobian(x, jOut, plan(x.length, present));
        }

        /** The widths {@code f} has a true vector tangent of, ascending, 1 included. */
        public int[] widths() {
            sweeps();
            return present.clone();
        }

        /**
         * The dense Jacobian ({@code outputs} rows of {@code x.length}) at {@code x} into
         * {@code jOut}, by forward sweeps of the widths {@code plan}, each on a fresh copy of
         * {@code x} (the function may write its input) and a zeroed output array, in the tape's work
         * arrays. If a sweep throws, the tape is unwound to its mark before the exception goes on.
         */
        public void jacobian(double[] x, double[][] jOut, int[] plan) {
            VectorSweep[] linked = sweeps();
            int n = x.length;
            int widest = maxOf(plan);
            Tape tape = Tape.current();
            double[] xCopy = tape.workArray(0, n);
            double[] value = tape.workArray(1, outputs);
            double[][] in = new double[widest][];
            double[][] out = new double[widest][];
            for (int k = 0; k < widest; k++) {
                in[k] = tape.workArray(3 + 2 * k, n);
                out[k] = tape.workArray(4 + 2 * k, outputs);
            }
            tape.enter();
            try {
                int j = 0;
                for (int width : plan) {
                    VectorSweep sweep = ofWidth(linked, width);
                    for (int k = 0; k < width; k++) {
                        Arrays.fill(in[k], 0.0);
                        Arrays.fill(out[k], 0.0);
                        if (j + k < n) {
                            in[k][j + k] = 1.0;
                        }
                    }
                    System.arraycopy(x, 0, xCopy, 0, n);
                    Arrays.fill(value, 0.0);
                    sweep.sweep(xCopy, value, in, out, tape);
                    for (int k = 0; k < width && j + k < n; k++) {
                        for (int row = 0; row < outputs; row++) {
                            jOut[row][j + k] = out[k][row];
                        }
                    }
                    j += width;
                }
            } catch (RuntimeException | Error e) {
                tape.unwindToMark(); // what the abandoned sweep recorded, for the caller to explain e
                throw e;
            } finally {
                tape.leave();
            }
        }

        private VectorSweep[] sweeps() {
            VectorSweep[] s = sweeps;
            if (s == null) { // two threads may both link: the same tangents, harmless
                s = vectorSweeps(f, one);
                present = present(s);
                sweeps = s;
            }
            return s;
        }
    }

    /** {@code width} repeated for {@code n} directions: a plan that uses one width only (to test every width). */
    public static int[] uniform(int n, int width) {
        int[] sweeps = new int[(n + width - 1) / width];
        Arrays.fill(sweeps, width);
        return sweeps;
    }

    private static int maxOf(int[] plan) {
        return Math.max(1, Arrays.stream(plan).max().orElse(1));
    }
}
