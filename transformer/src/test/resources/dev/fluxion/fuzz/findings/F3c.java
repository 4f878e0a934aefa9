package dev.fluxion.fuzz.gen;

import dev.fluxion.Differentiable;
import dev.fluxion.ScalarFunction;

/** x has length 3. */
public final class F3c {
    public static ScalarFunction entry() {
        return F3c::f;
    }

    @Differentiable
    public static double f(double[] x) {
        double[] zeros = new double[2];
        double[] t = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            t[i] = Math.tanh(x[1]);
        }
        System.arraycopy(zeros, 0, t, 1, 2);
        double c = 0;
        for (double e : t) {
            c += e * e;
        }
        return c;
    }
}
