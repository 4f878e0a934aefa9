package dev.fluxion.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The checkpointing schedule, driven as generated code drives it, over a state whose contents say
 * which step it is: every step is reversed once, last first, from its own state; the forward steps
 * are the fewest an exhaustive search finds; snapshots live on the tape and leave it as they found it.
 */
class RevolveTest {
    /** What a reversal did: steps reversed in order, forward steps run, snapshots held, tape bytes. */
    private record Run(List<Integer> reversed, long forward, int mostSnapshots, long peakBytes, int segment) {
    }

    /**
     * Drives a controller over a state of a double[], a float[] and a double[][] that all hold the
     * step number (advancing adds one to each element); a segment's adjoint leaves garbage behind.
     * {@code extra} more numbers of state (a double[] that stays zero) make the segments shorter:
     * with 504 or more, every step is a segment.
     */
    private static Run drive(int steps, int snapshots, long maxBytes) {
        return drive(steps, snapshots, maxBytes, 504);
    }

    private static Run drive(int steps, int snapshots, long maxBytes, int extra) {
        Tape tape = new Tape();
        tape.pushDouble(-7); // something already on the tape
        tape.resetPeak();
        long before = tape.sizeInBytes();
        double[] a = new double[3];
        float[] b = new float[2];
        double[][] c = {new double[2], new double[1]};
        Revolve r = Revolve.start(tape, steps, snapshots, maxBytes);
        r.watch(a);
        r.watch(b);
        r.watch(c);
        r.watch(new double[extra]);
        List<Integer> reversed = new ArrayList<>();
        for (int action = r.next(); action != Revolve.DONE; action = r.next()) {
            if (action == Revolve.ADVANCE) {
                assertTrue(r.from() < r.to() && r.to() <= steps, r.from() + ".." + r.to());
                for (int i = r.from(); i < r.to(); i++) {
                    assertState(i, a, b, c);
                    set(i + 1, a, b, c);
                }
            } else {
                assertEquals(Revolve.REVERSE, action);
                assertTrue(r.from() < r.to() && r.to() - r.from() <= r.segment(), r.from() + ".." + r.to());
                assertState(r.from(), a, b, c);
                for (int j = r.to() - 1; j >= r.from(); j--) { // the segment's adjoint reverses its steps, the last first
                    reversed.add(j);
                }
                tape.pushDouble(1); // it records above the snapshots, and pops what it pushed
                tape.popDouble();
                set(-12345, a, b, c);
            }
        }
        assertEquals(before, tape.sizeInBytes(), "the snapshots were all dropped");
        assertEquals(-7, tape.popDouble());
        return new Run(reversed, r.forwardSteps(), r.mostSnapshots(), tape.peakBytes() - before, r.segment());
    }

    private static void set(int v, double[] a, float[] b, double[][] c) {
        java.util.Arrays.fill(a, v);
        java.util.Arrays.fill(b, v);
        for (double[] row : c) {
            java.util.Arrays.fill(row, v);
        }
    }

    private static void assertState(int step, double[] a, float[] b, double[][] c) {
        for (double v : a) {
            assertEquals(step, v, "the state of step " + step);
        }
        for (float v : b) {
            assertEquals(step, v, "the state of step " + step);
        }
        for (double[] row : c) {
            for (double v : row) {
                assertEquals(step, v, "the state of step " + step);
            }
        }
    }

    @Test
    void everyStepIsReversedOnceFromItsOwnStateWithTheFewestForwardSteps() {
        for (int steps = 1; steps <= 120; steps++) {
            for (int s = 1; s <= 7; s++) {
                Run run = drive(steps, s, 0);
                List<Integer> expected = new ArrayList<>();
                for (int j = steps - 1; j >= 0; j--) {
                    expected.add(j);
                }
                assertEquals(expected, run.reversed(), steps + " steps, " + s + " snapshots");
                int used = Math.min(s, steps);
                assertEquals(Revolve.fewestForwardSteps(steps, used), run.forward(), steps + " steps, " + s + " snapshots");
                assertTrue(run.mostSnapshots() <= used, run.mostSnapshots() + " snapshots held of " + used);
                // 512 numbers a snapshot, 8 bytes each, and the step's one number
                assertTrue(run.peakBytes() <= 4096L * used + 8, run.peakBytes() + " bytes for " + used + " snapshots");
            }
        }
    }

    /** The closed form is the optimum of all recursive schedules (exhaustive search over the first snapshot). */
    @Test
    void theClosedFormIsTheOptimum() {
        int maxSteps = 60;
        int maxSnapshots = 6;
        long[][] best = new long[maxSteps + 1][maxSnapshots + 1];
        for (int n = 2; n <= maxSteps; n++) {
            best[n][1] = (long) n * (n - 1) / 2;
            for (int s = 2; s <= maxSnapshots; s++) {
                long min = Long.MAX_VALUE;
                for (int m = 1; m < n; m++) {
                    min = Math.min(min, m + best[n - m][s - 1] + best[m][s]);
                }
                best[n][s] = min;
            }
        }
        for (int n = 1; n <= maxSteps; n++) {
            for (int s = 1; s <= maxSnapshots; s++) {
                assertEquals(best[n][s], Revolve.fewestForwardSteps(n, s), n + " steps, " + s + " snapshots");
            }
        }
    }

    @Test
    void longLoopsTakeFewRuns() {
        // 10^5 steps and 17 snapshots (the default): each step runs at most 6 times; 100 snapshots: 3
        Run run = drive(100_000, 0, 0);
        assertEquals(17, run.mostSnapshots());
        assertEquals(566_351, run.forward()); // 6 n - C(23, 5)
        assertEquals(294_747, drive(100_000, 100, 0).forward()); // 3 n - C(103, 2)
    }

    /**
     * A small state (8 numbers) makes segments of 64 steps: the schedule is over 1563 segments
     * (ceil(log2) = 11 snapshots by default), whose advances are whole segments but for none: the
     * last, shorter one is reversed first and never advanced.
     */
    @Test
    void aSmallStateIsReversedBySegments() {
        Run run = drive(100_000, 0, 0, 0);
        assertEquals(64, run.segment());
        assertEquals(11, run.mostSnapshots());
        assertEquals(64 * Revolve.fewestForwardSteps(1563, 11), run.forward());
        List<Integer> expected = new ArrayList<>();
        for (int j = 100_000 - 1; j >= 0; j--) {
            expected.add(j);
        }
        assertEquals(expected, run.reversed());
        // a short loop: segments of at most a quarter of the steps a snapshot
        Run shortLoop = drive(400, 6, 0, 0);
        assertEquals(400 / 24, shortLoop.segment());
    }

    @Test
    void aBudgetInBytesSetsTheSnapshots() {
        // 512 numbers (4096 bytes) a snapshot: 82 000 bytes hold 20
        Run run = drive(500, 0, 82_000);
        assertEquals(20, run.mostSnapshots());
        assertTrue(run.peakBytes() <= 82_000, run.peakBytes() + " bytes");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> drive(500, 0, 4000));
        assertEquals("fluxion: @Checkpointed(maxBytes = 4000) holds no snapshot of the loop's state, 4096 bytes: raise "
                + "maxBytes to at least 8192 (two snapshots), or give the number of snapshots instead", e.getMessage());
    }

    @Test
    void theDefaultIsTheLogarithmOfTheSteps() {
        assertEquals(1, Revolve.defaultSnapshots(1));
        assertEquals(1, Revolve.defaultSnapshots(2));
        assertEquals(2, Revolve.defaultSnapshots(3));
        assertEquals(10, Revolve.defaultSnapshots(1000));
        assertEquals(10, Revolve.defaultSnapshots(1024));
        assertEquals(11, Revolve.defaultSnapshots(1025));
        assertEquals(17, Revolve.defaultSnapshots(100_000));
    }

    @Test
    void noStepsIsNothingToDo() {
        Tape tape = new Tape();
        for (int steps : new int[] {0, -3}) {
            Revolve r = Revolve.start(tape, steps, 5, 0);
            r.watch(new double[4]);
            assertEquals(Revolve.DONE, r.next());
            assertEquals(0, tape.size());
        }
    }
}
