package dev.fluxion.transformer;

import dev.fluxion.ScalarFunction;
import dev.fluxion.corpus.LongLoops;
import dev.fluxion.testing.TapeMemory;
import org.junit.jupiter.api.Test;

/**
 * The gradient of a loop of 10^6 iterations records what its reverse sweep needs and no more,
 * measured on the tape ({@code Tape.peakBytes}), never by timing. Transformed in-process; the
 * agent module runs the same checks through the agent jar.
 */
class TapeMemoryTest {
    private static final TransformingClassLoader LOADER =
            new TransformingClassLoader(TapeMemoryTest.class.getClassLoader(), "dev.fluxion.corpus");

    private static ScalarFunction function(String name) throws Exception {
        return (ScalarFunction) LOADER.loadClass("dev.fluxion.corpus.LongLoops").getMethod("function", String.class)
                .invoke(null, name);
    }

    /**
     * s = s * c + x[i % n]: the overwritten s (8 bytes) and the index i % n (4 bytes; i itself is
     * recomputed from the trip count, the remainder could be too, which would make it 8).
     */
    @Test
    void scalarRecurrence() throws Exception {
        TapeMemory.check(function("recurrence"), "recurrence", 12);
        TapeMemory.checkRecurrenceGradient(function("recurrence"));
    }

    /** a[k] = a[k] * c + x[k]: the overwritten a[k] (8 bytes) and k (4 bytes). */
    @Test
    void overwrittenArray() throws Exception {
        TapeMemory.check(function("overwrittenArray"), "overwrittenArray", 12);
    }

    /**
     * Time stepping, a loop nested in a loop. The inner update is linear with constant
     * coefficients and its index is recomputed from the trip count, so an inner iteration needs
     * nothing on the tape; a step needs its trip count and the shadows of u and v (about 16 bytes
     * a step): values defined outside the inner loop are recorded once per execution of it.
     */
    /**
     * GMM's triangular product (see {@code LongLoops.triangularProducts}): nothing per inner
     * iteration. v, refilled for every repetition, is never recorded: its reads are forwarded to
     * x[(a + r) % n] - 0.5 (re-read; only the index, a remainder, is recorded: 4 bytes). Per column,
     * once per execution of the inner loop: v[col]'s index and value (12 bytes); per element and
     * repetition, out[a] for the squares and v[a]'s index (12 bytes): 24 bytes an element a
     * repetition in all. The packed index l is recorded once per repetition, where the loop over
     * columns exits, and stepped back column by column in the reverse sweep ({@code InvertedIndices};
     * 28 bytes when l's start was recorded per column, 44 when v's elements were recorded, 16 bytes
     * an inner iteration before that).
     */
    @Test
    void triangularProducts() throws Exception {
        long inner = (long) LongLoops.TRIANGLE * (LongLoops.TRIANGLE - 1) / 2 * LongLoops.TRIANGLE_REPEATS;
        TapeMemory.check(function("triangularProducts"), "triangularProducts", 0, inner,
                25L * LongLoops.TRIANGLE * LongLoops.TRIANGLE_REPEATS + TapeMemory.OVERHEAD);
    }

    /**
     * Rows of different lengths stored back to back ({@code LongLoops.raggedRows}): per row, the dot
     * product the sine reads (8 bytes) and the row's length, the inner loop's trip count (4 bytes).
     * The entry index k, which runs on from row to row, is recorded once, where the loop over rows
     * exits, and stepped back by each row's length in the reverse sweep ({@code InvertedIndices}):
     * 16 bytes a row when k's value at the start of each row was recorded.
     */
    @Test
    void raggedRows() throws Exception {
        TapeMemory.check(function("raggedRows"), "raggedRows", 12, LongLoops.RAGGED_ROWS, TapeMemory.OVERHEAD);
    }

    /**
     * Rows of a {@code double[n][2]} state updated in place: 8 bytes an inner iteration, the angle
     * the sine read; no reference to the row's shadow, which the reverse sweep reads again. Once,
     * the indices {@code i % x.length} of the first loop's reads (4 bytes a cell).
     */
    @Test
    void rowsUpdatedInPlace() throws Exception {
        long inner = (long) LongLoops.ROW_CELLS * LongLoops.ROW_STEPS;
        TapeMemory.check(function("rowsInPlace"), "rowsInPlace", 8, inner, TapeMemory.OVERHEAD + 4L * LongLoops.ROW_CELLS);
    }

    /**
     * A filter with zero padding by {@code continue}: nothing per tap nor per row of the kernel. The
     * reverse sweep takes the tests {@code c < 0 || c >= n} and {@code r < 0 || r >= n} again, from
     * indices it recomputes from trip counts ({@code JoinDecisions}), where it popped which way each
     * went (4 bytes a tap, and 4 bytes per row of the kernel at each pixel); 12 bytes a tap when the
     * inner loop, without an exit of its own, recorded its index and its entry edge too.
     */
    @Test
    void paddedFilter() throws Exception {
        int n = LongLoops.IMAGE;
        int k = LongLoops.KERNEL;
        long rowsInRange = (long) n * k - 2L * ((k / 2) * (k / 2 + 1) / 2); // (row, a) with row + a - 2 in range
        long taps = rowsInRange * n * k;
        double[] x = new double[k * k];
        for (int i = 0; i < x.length; i++) {
            x[i] = 0.1 * i - 1;
        }
        long bytes = TapeMemory.peakBytes(function("paddedFilter"), x);
        System.out.printf("paddedFilter: %d bytes on the tape for %d taps%n", bytes, taps);
        org.junit.jupiter.api.Assertions.assertTrue(bytes <= TapeMemory.OVERHEAD,
                bytes + " bytes for " + taps + " taps");
    }

    /**
     * A matrix-vector product per sample over a hidden vector the sample overwrites: the product
     * reads the whole vector once per row, and the forward sweep records it once per product (16
     * numbers and their count, 132 bytes: an array snapshot), not once per multiplication (2048
     * bytes, 2304 a sample in all). Besides: the 16 tanh values (128 bytes) and the 16 products
     * {@code out[o]} that the squares read (128 bytes); the weights are re-read. Once: the weights'
     * fill, an index and a value per weight (12 bytes each).
     */
    @Test
    void denseLayers() throws Exception {
        int weights = LongLoops.LAYER_WIDTH * LongLoops.LAYER_WIDTH;
        TapeMemory.check(function("denseLayers"), "denseLayers", 388, LongLoops.LAYER_SAMPLES,
                12L * weights + TapeMemory.OVERHEAD);
    }

    @Test
    void nestedTimeSteppingLoop() throws Exception {
        long inner = (long) (LongLoops.HEAT_POINTS - 2) * LongLoops.HEAT_STEPS;
        TapeMemory.check(function("heatSteps"), "heatSteps", 0, inner, 16L * LongLoops.HEAT_STEPS + TapeMemory.OVERHEAD);
    }
}
