package dev.fluxion.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class TapeTest {
    @Test
    void stacksAreLastInFirstOutAndGrow() {
        Tape t = new Tape();
        for (int i = 0; i < 1000; i++) {
            t.pushDouble(i * 0.5);
            t.pushInt(i);
            t.pushLong(i * 3L);
            t.pushFloat(i);
            t.pushRef("r" + i);
        }
        for (int i = 999; i >= 0; i--) {
            assertEquals("r" + i, t.popRef());
            assertEquals((float) i, t.popFloat());
            assertEquals(i * 3L, t.popLong());
            assertEquals(i, t.popInt());
            assertEquals(i * 0.5, t.popDouble());
        }
        assertEquals(0, t.size());
    }

    @Test
    void unwindReturnsToTheInnermostMark() {
        Tape t = new Tape();
        t.pushDouble(1);
        t.enter();
        t.pushDouble(2);
        t.pushInt(3);
        for (int k = 0; k < 10; k++) { // nested marks, more than the initial capacity
            t.enter();
        }
        t.pushRef("x");
        t.unwindToMark();
        assertEquals(3, t.size());
        for (int k = 0; k < 10; k++) {
            t.leave();
        }
        t.pushLong(4);
        t.unwindToMark();
        t.leave();
        assertEquals(1, t.size());
        assertEquals(1.0, t.popDouble());
    }

    @Test
    void sinksAndZerosAreReusedForSeveralLengths() {
        Tape t = new Tape();
        double[] small = new double[3];
        double[] large = new double[1000];
        double[] sinkSmall = t.sink(small);
        double[] sinkLarge = t.sink(large);
        double[] zerosLarge = t.zeros(large);
        for (int call = 0; call < 3; call++) { // two data arrays of different lengths per call: no allocation
            assertSame(sinkSmall, t.sink(small));
            assertSame(sinkLarge, t.sink(large));
            assertSame(zerosLarge, t.zeros(large));
        }
        assertEquals(3, sinkSmall.length);
        assertEquals(1000, sinkLarge.length);
        assertNotSame(sinkLarge, zerosLarge); // sinks are written, zeros never
    }

    @Test
    void adjointDescriptorAddsShadowsSeedAndTape() {
        assertEquals("([DDI[DDLdev/fluxion/internal/Tape;)D", Naming.adjointDescriptor("([DDI)D"));
        assertEquals("(FFLdev/fluxion/internal/Tape;)F", Naming.adjointDescriptor("(F)F"));
    }
}
