package dev.fluxion.benchmarks;

import static dev.fluxion.benchmarks.Reference.assertAllClose;
import static dev.fluxion.benchmarks.Reference.assertClose;

import dev.fluxion.Fluxion;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LstmTest {
    static final double TOLERANCE = 1e-8;

    @Test
    void objectiveAndGradientsMatchAdbenchReference() {
        LstmInput in = LstmInput.read(Reference.require("lstm/lstm_l2_c1024.txt"));
        Path expectedFile = Reference.require("lstm/lstm_l2_c1024_expected.txt");
        // upstream prints the objective to 8 significant digits only
        double expected = Reference.section(expectedFile, "objective", 1)[0];
        double[] expectedGradient = Reference.section(expectedFile, "gradient", in.theta().length);
        Lstm lstm = new Lstm(in);
        assertClose(expected, lstm.objective(in.theta()), 1e-8 / expected, "objective");
        assertClose(Reference.computedObjective("lstm/lstm_l2_c1024.txt"), lstm.objective(in.theta()), 1e-12, "objective");

        double[] g = new double[in.theta().length];
        Fluxion.gradient(lstm::objective).valueAndGradient(in.theta(), g);
        assertAllClose(expectedGradient, g, TOLERANCE, "Fluxion gradient");
        Lstm.objectiveGradient(in.theta(), in.l(), in.c(), in.b(), in.state(), in.sequence(), g);
        assertAllClose(expectedGradient, g, TOLERANCE, "@GradientOf gradient");
        new LstmManual(in).valueAndGradient(in.theta(), g);
        assertAllClose(expectedGradient, g, TOLERANCE, "manual gradient");
        LstmHipparchus.valueAndGradient(in, in.theta(), g);
        assertAllClose(expectedGradient, g, TOLERANCE, "Hipparchus gradient");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lstm_l2_c4096", "lstm_l4_c1024", "lstm_l4_c4096"})
    void objectiveMatchesComputedObjectives(String name) {
        String relative = "lstm/" + name + ".txt";
        LstmInput in = LstmInput.read(Reference.require(relative));
        assertClose(Reference.computedObjective(relative), new Lstm(in).objective(in.theta()), 1e-9, relative);
    }

    /** Four layers: the hand-written gradient and Fluxion's agree where no reference gradient is published. */
    @Test
    void fluxionAgreesWithHandWrittenGradientOnFourLayers() {
        LstmInput in = LstmInput.named("lstm_l4_c1024");
        Lstm lstm = new Lstm(in);
        double[] gFluxion = new double[in.theta().length];
        double[] gManual = new double[in.theta().length];
        double v = Fluxion.gradient(lstm::objective).valueAndGradient(in.theta(), gFluxion);
        assertClose(new LstmManual(in).valueAndGradient(in.theta(), gManual), v, 1e-13, "value");
        assertAllClose(gManual, gFluxion, 1e-12, "gradient");
    }
}
