package dev.fluxion.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fluxion.Fluxion;
import dev.fluxion.GradientFunction;
import dev.fluxion.ScalarFunction;
import dev.fluxion.corpus.LongLoops;
import dev.fluxion.internal.Tape;

/**
 * Measures what a gradient records on the tape ({@link Tape#peakBytes}), and checks the loops of
 * {@link LongLoops}: shared by the in-process test and the agent's.
 */
public final class TapeMemory {
    /** Fixed costs beside the loop: the few values recorded once, whatever the iteration count. */
    public static final long OVERHEAD = 256;

    private TapeMemory() {
    }

    /** The most bytes the tape held during one gradient of {@code f} at {@code x}. */
    public static long peakBytes(ScalarFunction f, double[] x) {
        GradientFunction g = Fluxion.gradient(f);
        Tape tape = Tape.current();
        long before = tape.sizeInBytes();
        tape.resetPeak();
        g.gradient(x);
        assertEquals(before, tape.sizeInBytes(), "the gradient left values on the tape");
        return tape.peakBytes() - before;
    }

    /**
     * Asserts that the gradient of {@code LongLoops.name} records at most {@code bytesPerIteration}
     * per iteration (plus {@link #OVERHEAD}) and returns the measured bytes per iteration.
     */
    public static double check(ScalarFunction f, String name, int bytesPerIteration) {
        return check(f, name, bytesPerIteration, LongLoops.ITERATIONS, OVERHEAD);
    }

    /** As {@link #check(ScalarFunction, String, int)} for {@code iterations} iterations and a fixed {@code overhead}. */
    public static double check(ScalarFunction f, String name, int bytesPerIteration, long iterations, long overhead) {
        double[] x = {0.3, -1.2, 2.0, 0.7};
        long bytes = peakBytes(f, x);
        double perIteration = (double) bytes / iterations;
        System.out.printf("%s: %d bytes on the tape for %d iterations, %.3f bytes per iteration%n", name, bytes,
                iterations, perIteration);
        assertTrue(bytes <= bytesPerIteration * iterations + overhead, name + " recorded " + bytes
                + " bytes, " + perIteration + " per iteration; the reverse sweep needs " + bytesPerIteration);
        assertTrue(bytes >= bytesPerIteration * iterations, name + " recorded only " + bytes
                + " bytes: the bound " + bytesPerIteration + " per iteration is no longer tight; lower it");
        return perIteration;
    }

    /** The gradient of the recurrence against its hand-written tangent. */
    public static void checkRecurrenceGradient(ScalarFunction f) {
        double[] x = {0.3, -1.2, 2.0, 0.7};
        double[] g = Fluxion.gradient(f).gradient(x);
        for (int j = 0; j < x.length; j++) {
            double[] dx = new double[x.length];
            dx[j] = 1;
            double exact = LongLoops.recurrenceTangent(x, dx);
            assertEquals(exact, g[j], 1e-11 * Math.max(1, Math.abs(exact)), "component " + j);
        }
    }
}
