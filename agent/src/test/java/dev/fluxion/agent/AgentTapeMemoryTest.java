package dev.fluxion.agent;

import dev.fluxion.corpus.LongLoops;
import dev.fluxion.testing.TapeMemory;
import org.junit.jupiter.api.Test;

/** The memory tests of {@code TapeMemoryTest}, in a JVM started with the agent jar. */
class AgentTapeMemoryTest {
    @Test
    void scalarRecurrence() {
        TapeMemory.check(LongLoops.function("recurrence"), "recurrence", 12);
        TapeMemory.checkRecurrenceGradient(LongLoops.function("recurrence"));
    }

    @Test
    void overwrittenArray() {
        TapeMemory.check(LongLoops.function("overwrittenArray"), "overwrittenArray", 12);
    }

    /** GMM's triangular product, as in {@code TapeMemoryTest}: what the agent's transformation records. */
    @Test
    void triangularProducts() {
        long inner = (long) LongLoops.TRIANGLE * (LongLoops.TRIANGLE - 1) / 2 * LongLoops.TRIANGLE_REPEATS;
        TapeMemory.check(LongLoops.function("triangularProducts"), "triangularProducts", 0, inner,
                29L * LongLoops.TRIANGLE * LongLoops.TRIANGLE_REPEATS + TapeMemory.OVERHEAD);
    }

    /** A matrix-vector product per sample, its input vector recorded once per product, as in {@code TapeMemoryTest}. */
    @Test
    void denseLayers() {
        int weights = LongLoops.LAYER_WIDTH * LongLoops.LAYER_WIDTH;
        TapeMemory.check(LongLoops.function("denseLayers"), "denseLayers", 388, LongLoops.LAYER_SAMPLES,
                12L * weights + TapeMemory.OVERHEAD);
    }
}
