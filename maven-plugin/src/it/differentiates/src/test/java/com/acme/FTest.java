package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fluxion.Fluxion;
import dev.fluxion.GradientFunction;
import org.junit.jupiter.api.Test;

/** Runs without -javaagent: the derivative methods were added by the plugin at build time. */
class FTest {
    @Test
    void gradientMatchesClosedForm() {
        GradientFunction grad = Fluxion.gradient(F::f);
        double[] x = {0.3, -1.2, 2.0, 0.7};
        double[] dx = new double[x.length];
        double value = grad.valueAndGradient(x, dx);
        assertEquals(F.f(x), value, 1e-15);
        int n = x.length;
        for (int k = 0; k < n; k++) {
            double expected = (k == 0 ? 3 * x[0] * x[0] : 0)
                    + (k + 1 < n ? Math.cos(x[k]) * x[k + 1] : 0)
                    + (k > 0 ? Math.sin(x[k - 1]) : 0);
            assertEquals(expected, dx[k], 1e-12 * Math.max(1, Math.abs(expected)), "d/dx" + k);
        }
    }

    @Test
    void scalarDerivative() {
        assertEquals(2 * Math.exp(1.0), Fluxion.derivative(F::g).applyAsDouble(0.5), 1e-12);
    }

    @Test
    void testClassesAreTransformedToo() {
        double[] x = {0.5, 1.5};
        double[] g = Fluxion.gradient(TestModel::h).gradient(x);
        assertEquals(x[1] + 3 * x[0] * x[0] + Math.cos(x[0]) * x[1], g[0], 1e-12);
        assertEquals(x[0] + Math.sin(x[0]), g[1], 1e-12);
    }
}
