package dev.fluxion;

/**
 * The derivative of a {@link VectorFunction} {@code f: R^n -> R^m}. A vector-Jacobian product is
 * one reverse sweep, a Jacobian-vector product one forward (tangent) sweep; the dense Jacobian is
 * {@code m} reverse sweeps (one per output) or {@code n} forward sweeps (one per input), whichever
 * is fewer. Immutable and thread-safe; {@code f}'s input is never modified.
 *
 * <p>{@code f} runs on a copy of {@code x} and a fresh-looking output array that are per-thread
 * buffers, reused from call to call (so that many small Jacobians allocate nothing): {@code f}
 * should not keep a reference to either beyond its call.
 */
public interface Jacobian {
    /** The number of outputs {@code m}. */
    int outputs();

    /** The dense {@code m x n} Jacobian at {@code x}: {@code J[i][j] = d out[i] / d in[j]}. */
    default double[][] at(double[] x) {
        double[][] j = new double[outputs()][x.length];
        at(x, j);
        return j;
    }

    /** Fills {@code jOut} ({@code m} rows of length {@code n}) with the Jacobian at {@code x}. */
    void at(double[] x, double[][] jOut);

    /** {@code J(x)^T seed}, the gradient of {@code dot(seed, f(x))}; {@code seed} has length {@code m}. */
    default double[] vjp(double[] x, double[] seed) {
        double[] out = new double[x.length];
        vjp(x, seed, out);
        return out;
    }

    /** Writes {@code J(x)^T seed} into {@code vjpOut} (length {@code n}, overwritten). */
    void vjp(double[] x, double[] seed, double[] vjpOut);

    /** {@code J(x) v}, the derivative of {@code f} at {@code x} along {@code v} (length {@code n}), by one forward sweep. */
    default double[] jvp(double[] x, double[] v) {
        double[] out = new double[outputs()];
        jvp(x, v, out);
        return out;
    }

    /** Writes {@code J(x) v} into {@code jvpOut} (length {@code m}, overwritten). */
    void jvp(double[] x, double[] v, double[] jvpOut);
}
