package dev.fluxion.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.fluxion.Fluxion;
import dev.fluxion.FluxionException;
import dev.fluxion.Hessian;
import dev.fluxion.GradientFunction;
import dev.fluxion.TangentFunction;
import java.util.function.DoubleUnaryOperator;

/**
 * Checks one corpus case through the public API, whichever way its class was transformed (the
 * in-process transforming class loader, or the real agent in its own JVM): reverse mode and
 * forward mode (one direction per sweep, and four) each against the references, and against each
 * other to round-off.
 */
public final class CorpusRunner {
    private CorpusRunner() {
    }

    public static void check(CorpusCase c) {
        if (c.f() != null) {
            GradientFunction g = Fluxion.gradient(c.f());
            TangentFunction t = Fluxion.tangent(c.f());
            for (double[] x : c.points()) {
                double[] copy = x.clone();
                double[] grad = new double[x.length];
                double value = g.valueAndGradient(x, grad);
                assertArrayEquals(copy, x, c.name() + ": the input array was modified");
                GradientCheck.assertGradient(c, x, grad, value);
                double[] forward = t.gradient(x); // several directions per sweep (vector forward mode)
                assertArrayEquals(copy, x, c.name() + ": forward mode modified the input array");
                double[] oneLane = new double[x.length];
                double[] e = new double[x.length];
                for (int i = 0; i < x.length; i++) {
                    e[i] = 1;
                    oneLane[i] = t.jvp(x, e);
                    e[i] = 0;
                }
                assertForwardAgreesWithReverse(c, x, oneLane, grad);
                double[] jvp = new double[1];
                assertEquals(value, t.valueAndJvp(x, grad, jvp), 0.0, c.name() + ": the value forward mode returns");
                GradientCheck.assertGradient(c, x, forward, value);
                assertForwardAgreesWithReverse(c, x, forward, grad);
                double dot = 0; // grad . grad by one sweep along the gradient: all of forward mode's terms at once
                for (double gi : grad) {
                    dot += gi * gi;
                }
                assertAgree(c, x, "jvp along the gradient", dot, jvp[0], dot);
            }
        } else {
            DoubleUnaryOperator forward = Fluxion.derivative(c.u());
            DoubleUnaryOperator reverse = Fluxion.reverseDerivative(c.u());
            for (double[] x : c.points()) {
                double f = forward.applyAsDouble(x[0]);
                double r = reverse.applyAsDouble(x[0]);
                GradientCheck.assertGradient(c, x, new double[] {f}, c.u().apply(x[0]));
                GradientCheck.assertGradient(c, x, new double[] {r}, c.u().apply(x[0]));
                assertAgree(c, x, "derivative", r, f, r);
            }
        }
    }

    /**
     * Checks Hessian-vector products of a {@code double f(double[])} case (double precision) along
     * a fixed direction against Richardson extrapolation of the reverse-mode gradient along it.
     * Returns {@code false}, checking nothing, where Fluxion reports that it has no second
     * derivative for the function for one of its documented limits ({@link HessianRunner#isDocumentedLimit}).
     */
    public static boolean checkSecondOrder(CorpusCase c) {
        if (c.f() == null || c.single()) {
            return false;
        }
        Hessian h;
        try {
            h = Fluxion.hessian(c.f());
            h.hvp(c.points()[0], c.points()[0]);
        } catch (FluxionException e) {
            if (!HessianRunner.isDocumentedLimit(e.getMessage())) {
                throw e;
            }
            return false;
        }
        GradientFunction g = Fluxion.gradient(c.f());
        for (double[] x : c.points()) {
            double[] v = new double[x.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = 0.6 - 0.35 * (i % 3) + 0.05 * i;
            }
            double[] hv = h.hvp(x, v);
            for (int i = 0; i < x.length; i++) {
                int component = i;
                double fd = GradientCheck.richardson(t -> {
                    double[] y = x.clone();
                    for (int k = 0; k < y.length; k++) {
                        y[k] += t * v[k];
                    }
                    return g.gradient(y)[component];
                }, 0.0);
                double tol = 1e-6 * Math.max(1, Math.abs(fd));
                if (!(Math.abs(hv[i] - fd) <= tol)) {
                    fail(c.name() + " at " + CorpusCase.describe(x) + ": (H v)[" + i + "] was " + hv[i]
                            + ", Richardson of the gradient along v gives " + fd);
                }
            }
        }
        return true;
    }

    /**
     * Forward and reverse mode compute the same sums of the same products in different orders:
     * they agree to round-off, 1e-12 relative in double (1e-4 in float, as against a closed form), scaled by the gradient's size.
     */
    private static void assertForwardAgreesWithReverse(CorpusCase c, double[] x, double[] forward, double[] reverse) {
        double scale = 0;
        for (double r : reverse) {
            scale = Math.max(scale, Math.abs(r));
        }
        for (int i = 0; i < x.length; i++) {
            assertAgree(c, x, "component " + i, reverse[i], forward[i], scale);
        }
    }

    private static void assertAgree(CorpusCase c, double[] x, String what, double reverse, double forward, double scale) {
        double tol = (c.single() ? 1e-4 : 1e-12) * Math.max(1, Math.abs(scale));
        if (!(Math.abs(forward - reverse) <= tol)) {
            fail(c.name() + " at " + CorpusCase.describe(x) + ": " + what + ": forward mode gave " + forward
                    + ", reverse mode " + reverse + " (|difference| " + Math.abs(forward - reverse) + " > " + tol + ")");
        }
    }
}
