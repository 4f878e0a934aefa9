package dev.fluxion;

/**
 * The derivative of a {@link VectorFunction} {@code f: R^n -> R^m}, computed in reverse mode: a
 * vector-Jacobian product is one reverse sweep, and the dense Jacobian is {@code m} of them, one
 * per output. Immutable and thread-safe; {@code f}'s input is never modified.
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
}
