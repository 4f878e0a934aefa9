package dev.fluxion.benchmarks;

import static dev.fluxion.benchmarks.Reference.assertAllClose;
import static dev.fluxion.benchmarks.Reference.assertClose;

import dev.fluxion.Fluxion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Extended Rosenbrock and the RK4 simulation: every gradient against the others. */
class SimulationTest {

    @ParameterizedTest
    @ValueSource(ints = {10, 100, 1000})
    void rosenbrockGradientsAgree(int n) {
        double[] x = Rosenbrock.start(n);
        double[] manual = new double[n];
        double[] other = new double[n];
        double value = Rosenbrock.manual(x, manual);
        assertClose(value, Fluxion.gradient(Rosenbrock::objective).valueAndGradient(x, other), 1e-14, "Fluxion value");
        assertAllClose(manual, other, 1e-12, "Fluxion");
        assertClose(value, Rosenbrock.hipparchus(x, other), 1e-12, "Hipparchus value");
        assertAllClose(manual, other, 1e-12, "Hipparchus");
        FiniteDifferences.valueAndGradient(Rosenbrock::objective, x, other, new double[n]);
        assertAllClose(manual, other, 1e-5, "finite differences");
    }

    @Test
    void lotkaVolterraGradientsAgree() {
        double[] theta = LotkaVolterra.initialTheta();
        double[] manual = new double[6];
        double[] other = new double[6];
        double value = new LotkaVolterra.Manual().valueAndGradient(theta, manual);
        assertClose(LotkaVolterra.loss(theta), value, 1e-13, "manual value");
        assertClose(value, Fluxion.gradient(LotkaVolterra::loss).valueAndGradient(theta, other), 1e-13, "Fluxion value");
        assertAllClose(manual, other, 1e-10, "Fluxion");
        assertClose(value, LotkaVolterra.hipparchus(theta, other), 1e-13, "Hipparchus value");
        assertAllClose(manual, other, 1e-10, "Hipparchus");
        FiniteDifferences.valueAndGradient(LotkaVolterra::loss, theta, other, new double[6]);
        assertAllClose(manual, other, 1e-5, "finite differences");
    }
}
