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
}
