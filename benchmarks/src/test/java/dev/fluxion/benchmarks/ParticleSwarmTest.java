package dev.fluxion.benchmarks;

import static dev.fluxion.benchmarks.Reference.assertAllClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fluxion.Fluxion;
import org.junit.jupiter.api.Test;

/** The particle system of {@link ParticleSwarmBenchmark}: both gradients the same, and right. */
class ParticleSwarmTest {
    @Test
    void theListsGradientIsTheArraysAndAgreesWithDifferences() {
        double[] x = ParticleSwarm.start();
        double[] array = new double[x.length];
        double[] list = new double[x.length];
        double value = Fluxion.gradient(ParticleSwarm::inArray).valueAndGradient(x, array);
        assertEquals(value, Fluxion.gradient(ParticleSwarm::inList).valueAndGradient(x, list));
        assertArrayEquals(array, list);
        double[] differences = new double[x.length];
        FiniteDifferences.valueAndGradient(ParticleSwarm::inList, x, differences, new double[x.length]);
        assertAllClose(differences, list, 1e-6, "finite differences");
    }
}
