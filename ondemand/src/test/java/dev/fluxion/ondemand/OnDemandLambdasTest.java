package dev.fluxion.ondemand;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fluxion.Fluxion;
import dev.fluxion.FluxionException;
import dev.fluxion.GradCheck;
import dev.fluxion.ScalarFunction;
import dev.fluxion.dispatch.OutsideLambdas;
import org.junit.jupiter.api.Test;

/**
 * Calls through lambdas and method references made outside the differentiated code, on demand: the
 * derivative of each lambda's body is generated when a call first meets the lambda's class. Each
 * gradient is checked against its closed form, against Richardson-extrapolated central differences
 * at two points, and forward mode against reverse ({@link GradCheck}).
 */
class OnDemandLambdasTest {
    private static final double[][] WEIGHTS = {{0.2, -0.4, 0.3, 0.1}, {-0.6, 0.5, 0.25, -0.3}};

    @Test
    void aMethodReferenceToAJdkFunction() {
        for (double[] w : WEIGHTS) {
            double t = Math.tanh(z(w));
            assertArrayEquals(neuronGradient(w, 1 - t * t), Fluxion.gradient(OutsideLambdas.tanhNeuron()).gradient(w), 1e-12);
            checked(OutsideLambdas.tanhNeuron(), w);
        }
    }

    @Test
    void aLambdaCapturingANumber() {
        for (double[] w : WEIGHTS) {
            double sigmoid = 1 / (1 + Math.exp(-2 * z(w))); // softplus' with sharpness 2
            assertArrayEquals(neuronGradient(w, sigmoid), Fluxion.gradient(OutsideLambdas.softplusNeuron(2)).gradient(w),
                    1e-12);
            checked(OutsideLambdas.softplusNeuron(2), w);
        }
    }

    @Test
    void anOdeRightHandSideWrittenIntoAnArray() {
        double h = 0.01;
        int steps = 300;
        double k = 4;
        double c = 0.5;
        ScalarFunction f = new OutsideLambdas.Simulator(OutsideLambdas.oscillator(k, c), h, steps)::finalPosition;
        // Euler's step is y <- (I + h A) y, A = [[0, 1], [-k, -c]]: the final position's gradient is row 0 of (I + h A)^steps
        double[][] m = {{1, 0}, {0, 1}};
        for (int s = 0; s < steps; s++) {
            m = new double[][] {{m[0][0] - h * k * m[0][1], m[0][1] + h * (m[0][0] - c * m[0][1])},
                {m[1][0] - h * k * m[1][1], m[1][1] + h * (m[1][0] - c * m[1][1])}};
        }
        for (double[] y0 : new double[][] {{1, 0}, {-0.5, 2}}) {
            assertArrayEquals(m[0], Fluxion.gradient(f).gradient(y0), 1e-12);
            checked(f, y0);
        }
    }

    @Test
    void aLambdaCapturingTheObjectThatMadeIt() {
        double[] x = {0.5, -1.5, 2};
        double[] expected = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            expected[i] = 0.8 * 2 * Math.abs(x[i]); // d/dv gain v |v|
        }
        assertArrayEquals(expected, Fluxion.gradient(OutsideLambdas.quadraticDrag(0.8)).gradient(x), 1e-12);
        checked(OutsideLambdas.quadraticDrag(0.8), x);
    }

    @Test
    void aMethodReferenceBoundToAnObject() {
        double[] x = {0.5, -1.5, 2};
        double[] expected = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            expected[i] = 3 * 1.25 * x[i] * x[i];
        }
        assertArrayEquals(expected, Fluxion.gradient(OutsideLambdas.boundStiffness(1.25)).gradient(x), 1e-12);
        checked(OutsideLambdas.boundStiffness(1.25), x);
    }

    @Test
    void aDifferentiableMethodGivenFunctions() {
        // sumOf is inlined where it is given the lambda capturing p0, and dispatched where it is given the field's
        double[] p = {0.5, -1.5, 2};
        double squares = 0;
        for (double v : p) {
            squares += v * v;
        }
        double[] expected = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            expected[i] = 2 * p[0] * p[i] + 3 * 1.25 * p[i] * p[i];
        }
        expected[0] += squares;
        assertArrayEquals(expected, Fluxion.gradient(OutsideLambdas.weightedSums(1.25)).gradient(p), 1e-12);
        checked(OutsideLambdas.weightedSums(1.25), p);
    }

    @Test
    void aDefaultMethodOnALambdaRunsTheInterfacesCode() {
        // twice(v) = r(r(v)) with r(v) = 3 v^2: its derivative is r'(r(x0)) r'(x0), not r'(x0)
        double[] x = {0.5, 2};
        double inner = 3 * x[0] * x[0];
        double[] expected = {6 * inner * 6 * x[0], 6 * x[1]};
        assertArrayEquals(expected, Fluxion.gradient(OutsideLambdas.chainedResponse(3)).gradient(x), 1e-12);
        checked(OutsideLambdas.chainedResponse(3), x);
    }

    @Test
    void aJdkFunctionOfTwoArguments() {
        double[] x = {3, 4, -1};
        double a = Math.hypot(3, 4);
        double b = Math.hypot(4, -1);
        assertArrayEquals(new double[] {3 / a, 4 / a + 4 / b, -1 / b}, Fluxion.gradient(OutsideLambdas.hypotPath()).gradient(x),
                1e-12);
        checked(OutsideLambdas.hypotPath(), x);
    }

    @Test
    void lambdasOfOneShapeInOneClassAreToldApartOnlyWithTheConstantPool() {
        // the JVM of this test exports neither jdk.internal.access nor jdk.internal.reflect (the agent does)
        FluxionException e = assertThrows(FluxionException.class,
                () -> Fluxion.gradient(OutsideLambdas.Made.chosen(true)).gradient(new double[] {0.5, 1}));
        String lambdas = e.getMessage().replaceAll("line [0-9]+", "line n");
        assertTrue(lambdas.contains("Fluxion cannot tell which of the lambdas [a lambda (line n), Math::exp (line n), "
                + "Math::sin (line n), Math::cos (line n)] of the same shape a DoubleUnaryOperator made in "
                + "dev.fluxion.dispatch.OutsideLambdas$Made is"), e.getMessage());
        assertTrue(e.getMessage().contains("Run with the agent, or with --add-exports java.base/jdk.internal.access="
                + "ALL-UNNAMED"), e.getMessage());
    }

    @Test
    void aCompositionTheJdkMadeIsAnError() {
        FluxionException e = assertThrows(FluxionException.class,
                () -> Fluxion.gradient(OutsideLambdas.Made.composed()).gradient(new double[] {0.5, 1}));
        assertTrue(e.getMessage().contains("ran on a function the JDK made (in java.util.function.DoubleUnaryOperator, as a "
                + "default method such as andThen, compose or identity does)"), e.getMessage());
        assertTrue(e.getMessage().contains("Write the composition as a lambda of your own, for example "
                + "v -> g.applyAsDouble(f.applyAsDouble(v)) for f.andThen(g)."), e.getMessage());
        assertTrue(!e.getMessage().contains("module-info"), e.getMessage()); // java.base's packages are not the user's to open
    }

    @Test
    void anArrayPassedThroughAGenericInterfaceIsAnError() {
        FluxionException e = assertThrows(FluxionException.class,
                () -> Fluxion.gradient(OutsideLambdas.genericNorm()).gradient(new double[] {3, 4}));
        assertTrue(e.getMessage().replaceAll("java:[0-9]+", "java:n").contains("OutsideLambdas$Norm.of(OutsideLambdas"
                + ".java:n): differentiated double[] "
                + "passed to java.util.function.ToDoubleFunction.applyAsDouble(java.lang.Object) as its parameter 0, of "
                + "type java.lang.Object, which carries no derivative"), e.getMessage());
    }

    private static double z(double[] w) {
        double z = w[3];
        for (int i = 0; i < 3; i++) {
            z += w[i] * OutsideLambdas.INPUTS[i];
        }
        return z;
    }

    private static double[] neuronGradient(double[] w, double slope) {
        double[] g = new double[4];
        for (int i = 0; i < 3; i++) {
            g[i] = slope * OutsideLambdas.INPUTS[i];
        }
        g[3] = slope;
        return g;
    }

    /** Richardson differences and forward mode against reverse. */
    private static void checked(ScalarFunction f, double[] x) {
        GradCheck.gradient(f, x).assertPassed();
    }
}
