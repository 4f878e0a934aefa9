package dev.fluxion.benchmarks;

import static dev.fluxion.benchmarks.Reference.assertAllClose;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BaTest {
    static final double TOLERANCE = 1e-8;

    @Test
    void residualsMatchAdbenchReference() {
        BaInput ba = BaInput.read(Reference.require("ba/test.txt"));
        Path expected = Reference.require("ba/test_expected.txt");
        double[] reprojection = new double[2 * ba.p()];
        double[] weightErrors = new double[ba.p()];
        Ba.objective(ba, new double[BaJacobian.INPUTS], new double[2], reprojection, weightErrors);
        assertAllClose(Reference.section(expected, "reproj_err", 2 * ba.p()), reprojection, TOLERANCE, "reproj_err");
        assertAllClose(Reference.section(expected, "w_err", ba.p()), weightErrors, TOLERANCE, "w_err");
    }

    @Test
    void jacobiansMatchAdbenchReference() {
        BaInput ba = BaInput.read(Reference.require("ba/test.txt"));
        double[] expected = Reference.section(Reference.require("ba/test_expected.txt"), "vals", BaJacobian.nonzeros(ba));
        double[] values = new double[BaJacobian.nonzeros(ba)];
        BaJacobian.fluxion(ba).compute(values);
        assertAllClose(expected, values, TOLERANCE, "Fluxion");
        BaJacobian.manual(ba).compute(values);
        assertAllClose(expected, values, TOLERANCE, "manual");
        BaJacobian.hipparchus(ba).compute(values);
        assertAllClose(expected, values, TOLERANCE, "Hipparchus");
        BaJacobian.finiteDifferences(ba).compute(values);
        assertAllClose(expected, values, 1e-5, "finite differences");
    }

    @Test
    void ba1ResidualsMatchComputedObjectives() {
        BaInput ba = BaInput.read(Reference.require("ba/ba1_n49_m7776_p31843.txt")).sample(100);
        double[] reprojection = new double[2 * ba.p()];
        double[] weightErrors = new double[ba.p()];
        Ba.objective(ba, new double[BaJacobian.INPUTS], new double[2], reprojection, weightErrors);
        Reference.require("COMPUTED_OBJECTIVES.txt");
        // the values printed in COMPUTED_OBJECTIVES.txt for ba1..ba20 (every observation is a copy)
        for (int i = 0; i < ba.p(); i++) {
            Reference.assertClose(0.10133583791453256, reprojection[2 * i], 1e-9, "reproj_err x");
            Reference.assertClose(-0.068967765924244015, reprojection[2 * i + 1], 1e-9, "reproj_err y");
            Reference.assertClose(0.82609265151599998, weightErrors[i], 1e-9, "w_err");
        }
    }

    /** The theta = 0 branch of the Rodrigues rotation, which ADBench's data never takes. */
    @Test
    void handWrittenAndFluxionAgreeWithoutRotation() {
        BaInput ba = BaInput.named("ba1_n49_m7776_p31843").sample(3);
        for (int i = 0; i < ba.n(); i++) {
            ba.cams()[i * BaInput.CAM] = 0;
            ba.cams()[i * BaInput.CAM + 1] = 0;
            ba.cams()[i * BaInput.CAM + 2] = 0;
        }
        double[] manual = new double[BaJacobian.nonzeros(ba)];
        double[] fluxion = new double[manual.length];
        BaJacobian.manual(ba).compute(manual);
        BaJacobian.fluxion(ba).compute(fluxion);
        assertAllClose(manual, fluxion, 1e-12, "theta = 0");
    }
}
