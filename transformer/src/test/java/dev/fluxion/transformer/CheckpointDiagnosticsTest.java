package dev.fluxion.transformer;

import static dev.fluxion.transformer.DiagnosticsTest.expectOne;

import dev.fluxion.fixtures.bad.CheckpointedFieldWrite;
import dev.fluxion.fixtures.bad.CheckpointedFreshBuffer;
import dev.fluxion.fixtures.bad.CheckpointedIntArrayWrite;
import dev.fluxion.fixtures.bad.CheckpointedLoopWithBreak;
import dev.fluxion.fixtures.bad.CheckpointedRandomForce;
import dev.fluxion.fixtures.bad.CheckpointedRowReplaced;
import dev.fluxion.fixtures.bad.CheckpointedTwoLimits;
import dev.fluxion.fixtures.bad.CheckpointedWhileLoop;
import dev.fluxion.fixtures.bad.CheckpointedWithoutTimeLoop;
import org.junit.jupiter.api.Test;

/**
 * What {@code @Checkpointed} cannot checkpoint, each a clear error (never a wrong gradient), in the
 * style of {@link DiagnosticsTest}: the fixture's offending line is marked {@code // ERROR}.
 */
class CheckpointDiagnosticsTest {
    private static final String COUNTED_ADVICE = "Count the steps before the loop (int steps = (int) Math.ceil((tEnd - t) "
            + "/ dt);) and write it as for (int i = 0; i < steps; i++), left only by its test: the reverse sweep plans its "
            + "snapshots from the number of steps, known when the loop starts.";

    // double t = 0;
    // while (t < 10) { ...; t += 0.01; }        // ERROR: how many steps is known only at the end
    @Test
    void aWhileLoopIsNotCounted() {
        expectOne(CheckpointedWhileLoop.class, "f", "the time loop that @Checkpointed asks to checkpoint is not a counted "
                + "loop for (int i = start; i < limit; i++)", COUNTED_ADVICE);
    }

    // for (int i = 0; i < 1000; i++) { ...; if (x > 10) break; }   // ERROR
    @Test
    void aLoopLeftByABreak() {
        expectOne(CheckpointedLoopWithBreak.class, "f", "the time loop is left by a break or a return, not only by its "
                + "test", COUNTED_ADVICE);
    }

    // for (...) { double[] next = new double[n]; ...; u = next; }   // ERROR: u refers to an array a step made
    @Test
    void aBufferMadeInEachStep() {
        expectOne(CheckpointedFreshBuffer.class, "f", "the time loop carries a reference to a double[] from one step to "
                + "the next that refers to an array the step makes", "Copy the new values into place instead "
                        + "(System.arraycopy(next, 0, u, 0, n)), or swap arrays made before the loop: a snapshot copies "
                        + "the contents of the arrays, and which of them each variable refers to.");
    }

    // double a = -x + 0.1 * RNG.nextGaussian();   // ERROR: another number when the step runs again
    @Test
    void aRandomNumberGeneratorInTheLoop() {
        expectOne(CheckpointedRandomForce.class, "f", "the time loop calls java.util.Random.nextGaussian(), which may "
                + "give another result when the reverse sweep runs a step again from a snapshot", "Compute what the loop "
                        + "needs from it before the loop (draw random numbers into an array, say) and read that in the "
                        + "loop.");
    }

    // int[] visits = new int[10];
    // for (...) { ...; visits[(int) Math.abs(x * 9.99)]++; }   // ERROR: not a number or a floating-point array
    @Test
    void anIntArrayWrittenByTheLoop() {
        expectOne(CheckpointedIntArrayWrite.class, "f", "the time loop writes an int[] it did not make in the step",
                "Checkpointing snapshots numbers and floating-point arrays: make the array in each step, or keep its "
                        + "values in a double[].");
    }

    // double[][] states = {p.clone(), p.clone()};
    // for (...) { double[] now = states[0]; states[1] = now.clone(); ... }   // ERROR: a row replaced
    @Test
    void aRowReplacedInTheLoop() {
        expectOne(CheckpointedRowReplaced.class, "f", "the time loop stores a row into an array of arrays (m[j] = row)",
                "Copy into the row instead (System.arraycopy(row, 0, m[j], 0, n)): a snapshot copies the contents of the "
                        + "rows, not which row is where.");
    }

    // for (...) { ...; stepsTaken++; }   // ERROR: a step run again would count again
    @Test
    void aFieldWrittenInTheLoop() {
        expectOne(CheckpointedFieldWrite.class, "f", "the time loop writes the field "
                + "dev.fluxion.fixtures.bad.CheckpointedFieldWrite.stepsTaken", "A step run again from a snapshot would "
                        + "write it again: keep the value in a local variable, and write the field after the loop.");
    }

    // @Checkpointed static double f(double[] p) { double s = 0; for (...) s += p[i] * p[i]; return s; }
    @Test
    void aMethodWithoutATimeLoop() {
        expectOne(CheckpointedWithoutTimeLoop.class, "f", "@Checkpointed, but no loop of the method carries a "
                + "differentiated value from one iteration to the next", "Checkpointing is for a time loop, whose steps "
                        + "update a state; remove @Checkpointed, or put it on the method with the time loop.");
    }

    // @Checkpointed(snapshots = 4, maxBytes = 1000)
    @Test
    void aNumberOfSnapshotsAndABudgetAtOnce() {
        expectOne(CheckpointedTwoLimits.class, "f", "@Checkpointed gives both snapshots and maxBytes", "Give one of "
                + "them: the number of snapshots, or a budget in bytes that sets it.");
    }
}
