package dev.fluxion.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fluxion.Differentiable;
import dev.fluxion.Fluxion;
import dev.fluxion.FluxionException;
import dev.fluxion.GradientFunction;
import dev.fluxion.ScalarFunction;
import org.junit.jupiter.api.Test;

/** Runs in a JVM started with the real agent jar ({@code -javaagent:target/fluxion-agent.jar}). */
class AgentSmokeTest {
    @Differentiable
    static double sumOfSquares(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        return s;
    }

    static double notAnnotated(double[] x) {
        return x[0];
    }

    static double unknown(double v) {
        return v;
    }

    @Test
    void gradientThroughTheAgent() {
        GradientFunction g = Fluxion.gradient(AgentSmokeTest::sumOfSquares);
        double[] dx = new double[3];
        assertEquals(14.0, g.valueAndGradient(new double[] {1, 2, 3}, dx));
        assertEquals(2.0, dx[0]);
        assertEquals(4.0, dx[1]);
        assertEquals(6.0, dx[2]);
    }

    @Test
    void notAnnotatedMethodIsExplained() {
        FluxionException e = assertThrows(FluxionException.class, () -> Fluxion.gradient(AgentSmokeTest::notAnnotated));
        assertEquals("fluxion: dev.fluxion.agent.AgentSmokeTest.notAnnotated is not annotated @Differentiable. Add "
                + "@dev.fluxion.Differentiable to the method so Fluxion generates its derivative.", e.getMessage());
    }

    @Test
    void failedTransformationResurfacesWithTheSameText() {
        FluxionException e = assertThrows(FluxionException.class, () -> Fluxion.gradient(BadModel::loss));
        assertTrue(e.getMessage().startsWith("fluxion: dev.fluxion.agent.BadModel.loss(BadModel.java:"), e.getMessage());
        assertTrue(e.getMessage().contains("active value passed to dev.fluxion.agent.BadModel.unknown(double), which is not "
                + "@Differentiable"), e.getMessage());
    }

    /** Reads x[3]: throws in the middle of the forward sweep for short inputs. */
    @Differentiable
    static double throwsMidway(double[] x) {
        double s = 0;
        for (int i = 0; i < 4; i++) {
            s = s * Math.sin(x[i]) + x[i];
        }
        return s;
    }

    @Test
    void anExceptionInTheForwardSweepLeavesTheTapeClean() {
        GradientFunction g = Fluxion.gradient(AgentSmokeTest::throwsMidway);
        double[] x = {0.1, 0.2, 0.3, 0.4};
        double[] before = g.gradient(x);
        for (int k = 0; k < 3; k++) {
            assertThrows(ArrayIndexOutOfBoundsException.class, () -> g.gradient(new double[] {0.5, 0.6}));
            assertEquals(0, dev.fluxion.internal.Tape.current().size());
            org.junit.jupiter.api.Assertions.assertArrayEquals(before, g.gradient(x));
        }
    }

    @Test
    void aCallerOfACalleeThatCannotBeDifferentiatedFailsWithItsOwnMessage() {
        FluxionException e = assertThrows(FluxionException.class, () -> Fluxion.gradient(CallsBadCallee::f));
        assertEquals("fluxion: dev.fluxion.agent.CallsBadCallee.f(CallsBadCallee.java:9): active value passed to "
                + "dev.fluxion.agent.BadCallee.g(double), which cannot be differentiated (dev.fluxion.agent.BadCallee.g("
                + "BadCallee.java:10): active value written to field dev.fluxion.agent.BadCallee.scratch). Fix that "
                + "method first: its own message says how.", e.getMessage());
    }

    @Test
    void oneMethodsFailureIsItsOwn() {
        double[] x = {0.5, -1.5};
        assertArrayEquals(new double[] {-1.5, 0.5}, Fluxion.gradient(PartlyDifferentiable::good).gradient(x));
        assertArrayEquals(new double[] {-1.5 + Math.cos(0.5), 0.5},
                Fluxion.gradient(PartlyDifferentiable::callsAGoodOne).gradient(x), 1e-15);
        assertEquals(-1.5 + Math.cos(0.5), Fluxion.tangent(PartlyDifferentiable::callsAGoodOne).jvp(x, new double[] {1, 0}),
                1e-15);
        String cls = "dev.fluxion.agent.PartlyDifferentiable";
        String field = "active value written to field " + cls + ".last";
        FluxionException bad = assertThrows(FluxionException.class,
                () -> Fluxion.gradient(PartlyDifferentiable::keepsInAField));
        assertTrue(bad.getMessage().startsWith("fluxion: " + cls + ".keepsInAField(PartlyDifferentiable.java:19): "
                + field + ". "), bad.getMessage());
        FluxionException caller = assertThrows(FluxionException.class,
                () -> Fluxion.tangent(PartlyDifferentiable::callsTheOneThatFails));
        assertTrue(caller.getMessage().startsWith("fluxion: " + cls + ".callsTheOneThatFails(PartlyDifferentiable.java:"
                + "25): active value passed to " + cls + ".keepsInAField(double[]), which cannot be differentiated (" + cls
                + ".keepsInAField(PartlyDifferentiable.java:19): " + field + ")"), caller.getMessage());
    }

    @Test
    void aClosureIsDifferentiatedAsItsBody() {
        double[] data = {2, -3};
        ScalarFunction f = x -> data[0] * x[0] * x[0] + data[1] * Math.sin(x[1]);
        double[] x = {0.5, 0.25};
        assertArrayEquals(new double[] {2 * data[0] * x[0], data[1] * Math.cos(x[1])}, Fluxion.gradient(f).gradient(x), 1e-12);
        assertArrayEquals(new double[] {2 * data[0] * x[0], data[1] * Math.cos(x[1])}, Fluxion.tangent(f).gradient(x), 1e-12);
        double[][] h = Fluxion.hessian(f).at(x); // diag(2 data[0], -data[1] sin x[1])
        assertArrayEquals(new double[] {2 * data[0], 0}, h[0], 1e-12);
        assertArrayEquals(new double[] {0, -data[1] * Math.sin(x[1])}, h[1], 1e-12);
        assertEquals(2 * data[0] * 1.5, Fluxion.derivative(v -> data[0] * v * v).applyAsDouble(1.5), 1e-12);
        assertEquals(2 * data[0], Fluxion.secondDerivative(v -> data[0] * v * v).applyAsDouble(1.5), 1e-12);
        double[][] j = Fluxion.jacobian((in, out) -> {
            out[0] = data[0] * in[0] * in[1];
            out[1] = data[1] * in[1];
        }, 2).at(x);
        assertArrayEquals(new double[] {data[0] * x[1], data[0] * x[0]}, j[0], 1e-12);
        assertArrayEquals(new double[] {0, data[1]}, j[1], 1e-12);
    }
}
