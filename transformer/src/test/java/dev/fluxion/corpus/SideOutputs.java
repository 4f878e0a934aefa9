package dev.fluxion.corpus;

import dev.fluxion.Differentiable;

/**
 * A callee that returns one value and also writes another into a buffer it is given: the buffer
 * is an output of the callee too, though its result does not depend on it.
 */
public final class SideOutputs {
    private SideOutputs() {
    }

    /** Returns x; writes 2x into buf[0] and x^2 into buf[1]. */
    @Differentiable
    public static double valueAndSideOutput(double[] buf, double x) {
        buf[0] = 2 * x;
        buf[1] = x * x;
        return x;
    }

    /** f = 2 x0 x1 + x0^2 x1 through the callee's buffer (another class: never inlined). */
    @Differentiable
    public static double readsTheSideOutput(double[] x) {
        double[] b = new double[2];
        double r = SideOutputsCaller.call(b, x[0]);
        return b[0] * x[1] + b[1] * x[1] + 0 * r;
    }
}
