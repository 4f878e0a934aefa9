package dev.fluxion.hipparchus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fluxion.hipparchus.samples.NistDataset;
import org.junit.jupiter.api.Test;

/**
 * The parser reads the lines NIST's headers name. The expected values come from other copies of the
 * datasets than the files do (see the README beside the files).
 */
class NistDatasetTest {

    @Test
    void misra1a() {
        NistDataset d = NistDataset.read("Misra1a");
        assertEquals(14, d.observations());
        assertArrayEquals(new double[] {500, 1e-4}, d.start1());
        assertArrayEquals(new double[] {250, 5e-4}, d.start2());
        assertArrayEquals(new double[] {2.3894212918E+02, 5.5015643181E-04}, d.certified());
        assertArrayEquals(new double[] {2.7070075241E+00, 7.2668688436E-06}, d.certifiedStandardDeviations());
        assertEquals(1.2455138894E-01, d.certifiedResidualSumOfSquares());
        assertEquals(10.07, d.y()[0]);
        assertEquals(77.6, d.x()[0]);
        assertEquals(81.78, d.y()[13]);
        assertEquals(760.0, d.x()[13]);
    }

    @Test
    void thurber() {
        NistDataset d = NistDataset.read("Thurber");
        assertEquals(37, d.observations());
        assertArrayEquals(new double[] {1000, 1000, 400, 40, 0.7, 0.3, 0.03}, d.start1());
        assertArrayEquals(new double[] {1300, 1500, 500, 75, 1, 0.4, 0.05}, d.start2());
        assertArrayEquals(new double[] {1.2881396800E+03, 1.4910792535E+03, 5.8323836877E+02, 7.5416644291E+01,
                9.6629502864E-01, 3.9797285797E-01, 4.9727297349E-02}, d.certified());
        assertEquals(5.6427082397E+03, d.certifiedResidualSumOfSquares());
        assertEquals(80.574, d.y()[0]);
        assertEquals(-3.067, d.x()[0]);
        assertEquals(1457.628, d.y()[36]);
        assertEquals(2.200, d.x()[36]);
    }
}
