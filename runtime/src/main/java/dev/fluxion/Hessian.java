package dev.fluxion;

/**
 * Second derivatives of a {@link ScalarFunction}, by reverse mode over forward mode: Fluxion
 * differentiates the generated tangent {@code t(x, v) = grad f(x) . v} once more in reverse mode,
 * so one sweep gives a Hessian-vector product {@code H(x) v} at a small multiple of the cost of
 * {@code f}, and the dense Hessian is {@code n} of them. Immutable and thread-safe; {@code x} and
 * {@code v} are never modified.
 */
public interface Hessian {
    /** Writes {@code H(x) v} into {@code hvpOut} (length {@code n}, overwritten). */
    void hvp(double[] x, double[] v, double[] hvpOut);

    /** {@code H(x) v} in a new array. */
    default double[] hvp(double[] x, double[] v) {
        double[] out = new double[x.length];
        hvp(x, v, out);
        return out;
    }

    /** Fills {@code hOut} ({@code n} rows of length {@code n}) with the Hessian at {@code x}, one sweep per column. */
    default void at(double[] x, double[][] hOut) {
        if (hOut.length != x.length) {
            throw new IllegalArgumentException("hOut has " + hOut.length + " rows, x has length " + x.length);
        }
        double[] e = new double[x.length];
        double[] column = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            e[j] = 1.0;
            hvp(x, e, column);
            e[j] = 0.0;
            for (int i = 0; i < x.length; i++) {
                hOut[i][j] = column[i];
            }
        }
    }

    /** The dense {@code n x n} Hessian at {@code x}: {@code H[i][j] = d^2 f / dx_i dx_j}. */
    default double[][] at(double[] x) {
        double[][] h = new double[x.length][x.length];
        at(x, h);
        return h;
    }
}
