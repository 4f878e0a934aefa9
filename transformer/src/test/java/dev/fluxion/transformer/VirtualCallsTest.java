package dev.fluxion.transformer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fluxion.Fluxion;
import dev.fluxion.FluxionException;
import dev.fluxion.ScalarFunction;
import dev.fluxion.testing.GradientCheck;
import org.junit.jupiter.api.Test;

/**
 * Calls through an interface on an object from outside the differentiated code ({@code
 * analysis.VirtualCalls}, the runtime's {@code VirtualDerivatives}): one call site meets objects of
 * more classes than its inline cache holds, one whose method has no derivative, and a lambda made
 * outside.
 */
class VirtualCallsTest {
    private final TransformingClassLoader loader = new TransformingClassLoader(getClass().getClassLoader(),
            "dev.fluxion.dispatch");

    private ScalarFunction loss(int activation) throws Exception {
        return (ScalarFunction) loader.loadClass("dev.fluxion.dispatch.Activations").getMethod("loss", int.class)
                .invoke(null, activation);
    }

    /** act'(z) of the activations the fixture numbers 0 to 5. */
    private static double slope(int activation, double z) {
        return switch (activation) {
            case 0 -> 1 - Math.tanh(z) * Math.tanh(z);
            case 1 -> Math.cos(z);
            case 2 -> 3 * z * z;
            case 3 -> Math.exp(z);
            case 4 -> -1.5;
            default -> (1 - z * z) / ((1 + z * z) * (1 + z * z));
        };
    }

    @Test
    void eachObjectRunsTheDerivativeOfItsClass() throws Exception {
        double[] x = {0.7, -0.4};
        for (int round = 0; round < 2; round++) { // the second round through the cache the first filled
            for (int a = 0; a < 6; a++) { // six classes at one call site: past the four it tests, a look-up
                ScalarFunction f = loss(a);
                double s = slope(a, x[0] * x[1]);
                double[] expected = {s * x[1], s * x[0] + 1};
                assertArrayEquals(expected, Fluxion.gradient(f).gradient(x), 1e-12, "activation " + a);
                assertArrayEquals(expected, Fluxion.tangent(f).gradient(x), 1e-12, "activation " + a + ", forward");
                assertEquals(expected[0] + 2 * expected[1], Fluxion.tangent(f).jvp(x, new double[] {1, 2}), 1e-12);
                double[] richardson = GradientCheck.richardson(f, x);
                assertArrayEquals(expected, richardson, 1e-7, "activation " + a + ", Richardson");
            }
        }
    }

    @Test
    void anObjectWhoseMethodHasNoDerivativeFailsAtTheCallNamingItsClass() throws Exception {
        ScalarFunction doubling = loss(6);
        FluxionException e = assertThrows(FluxionException.class, () -> Fluxion.gradient(doubling).gradient(new double[] {1, 2}));
        assertTrue(e.getMessage().contains("dev.fluxion.dispatch.Activations$Net, line 84: the call of "
                + "dev.fluxion.dispatch.Activations$Activation.apply(double) ran on an object of "
                + "dev.fluxion.dispatch.Activations$Doubling, which runs dev.fluxion.dispatch.Activations$Doubling.apply, "
                + "not @Differentiable: Fluxion has no derivative for it. Annotate "
                + "dev.fluxion.dispatch.Activations$Doubling.apply with @Differentiable"), e.getMessage());
        assertThrows(FluxionException.class, () -> Fluxion.tangent(doubling).gradient(new double[] {1, 2}));
        // the call site still serves the classes that have derivatives
        assertArrayEquals(new double[] {-1.5 * 2, -1.5 + 1}, Fluxion.gradient(loss(4)).gradient(new double[] {1, 2}), 1e-12);
    }

    @Test
    void aGenericInterfacesMethodReachedThroughABridge() throws Exception {
        ScalarFunction f = (ScalarFunction) loader.loadClass("dev.fluxion.dispatch.Bridges").getMethod("objective")
                .invoke(null);
        double[] xs = {1, 2, 3};
        double[] ys = {2, 3, 5};
        for (double[] w : new double[][] {{0.5, 0.25}, {-1, 2}}) {
            double[] expected = {0.2 * w[0], 0};
            for (int i = 0; i < 3; i++) {
                double r = w[0] * xs[i] + w[1] - ys[i];
                expected[0] += 2 * r * xs[i];
                expected[1] += 2 * r;
            }
            assertArrayEquals(expected, Fluxion.gradient(f).gradient(w), 1e-12);
            assertArrayEquals(expected, Fluxion.tangent(f).gradient(w), 1e-12);
            assertArrayEquals(expected, GradientCheck.richardson(f, w), 1e-7);
        }
    }

    @Test
    void aCallOfAnOverridableMethodOfThisRunsTheOverridesDerivative() throws Exception {
        double[] x = {0.7, -0.4};
        var f = loader.loadClass("dev.fluxion.dispatch.Overrides").getMethod("f", boolean.class);
        ScalarFunction plain = (ScalarFunction) f.invoke(null, false);
        ScalarFunction squaring = (ScalarFunction) f.invoke(null, true);
        assertArrayEquals(new double[] {2 * x[1], 2 * x[0]}, Fluxion.gradient(plain).gradient(x), 1e-12);
        double z = x[0] * x[1]; // (x0 x1)^2
        assertArrayEquals(new double[] {2 * z * x[1], 2 * z * x[0]}, Fluxion.gradient(squaring).gradient(x), 1e-12);
        assertArrayEquals(new double[] {2 * z * x[1], 2 * z * x[0]}, Fluxion.tangent(squaring).gradient(x), 1e-12);
    }

    /**
     * This module's tests register the on-demand generator (a test resource, as {@code fluxion.jar}
     * does), so the lambda's body is differentiated when the call first meets it. Without the
     * generator the call is an error: the plugin's module tests that (ClassDirectoryTransformerTest).
     */
    @Test
    void aLambdaMadeOutsideRunsTheDerivativeOfItsBody() throws Exception {
        ScalarFunction f = loss(7); // z -> 3 * z, made outside the differentiated code
        for (double[] x : new double[][] {{1, 2}, {-0.5, 0.75}}) {
            double[] expected = {3 * x[1], 3 * x[0] + 1};
            assertArrayEquals(expected, Fluxion.gradient(f).gradient(x), 1e-12);
            assertArrayEquals(expected, Fluxion.tangent(f).gradient(x), 1e-12);
            assertArrayEquals(expected, GradientCheck.richardson(f, x), 1e-7);
        }
    }
}
