package dev.fluxion.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fluxion.Fluxion;
import dev.fluxion.ScalarFunction;
import dev.fluxion.corpus.Simulations;
import dev.fluxion.testing.GradientCheck;
import dev.fluxion.testing.TapeMemory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;

/**
 * Binomial checkpointing ({@code @Checkpointed}) on the simulations of {@code corpus.Simulations},
 * transformed in-process: the checkpointed gradient is the plain one to round-off, and the closed
 * form's and Richardson's, over 10^3 to 10^5 steps; its tape stays at the snapshots and one step's
 * recordings, where the plain gradient's grows with the steps; forward mode is unaffected. The
 * corpus runs the same simulations at 400 steps the five ways.
 */
class CheckpointingTest {
    private static final TransformingClassLoader LOADER =
            new TransformingClassLoader(CheckpointingTest.class.getClassLoader(), "dev.fluxion.corpus");
    /** Checkpointed against plain: the same operations, but the parameters' adjoints summed step by step. */
    private static final double ROUND_OFF = 1e-11;

    private static ScalarFunction function(String name) {
        try {
            return (ScalarFunction) LOADER.loadClass(Simulations.class.getName()).getMethod("function", String.class)
                    .invoke(null, name);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** Sets the steps of the transformed simulations, read when one starts. */
    private static void steps(int n) {
        try {
            LOADER.loadClass(Simulations.class.getName()).getField("steps").setInt(null, n);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertClose(double[] expected, double[] actual, double tolerance, String what) {
        assertEquals(expected.length, actual.length);
        assertTrue(java.util.Arrays.stream(expected).anyMatch(g -> Math.abs(g) > 1e-3), what + ": a gradient of "
                + java.util.Arrays.toString(expected) + " shows nothing");
        for (int j = 0; j < expected.length; j++) {
            double err = Math.abs(expected[j] - actual[j]);
            assertTrue(err <= tolerance * Math.max(1, Math.abs(expected[j])), what + ", component " + j + ": expected "
                    + expected[j] + ", got " + actual[j] + " (|difference| " + err + ")");
        }
    }

    /** The checkpointed gradient at {@code x}, checked against the plain one; returned. */
    private static double[] checkpointedGradient(String name, double[] x) {
        double[] plain = Fluxion.gradient(function(name)).gradient(x);
        double[] checkpointed = Fluxion.gradient(function(name + "Checkpointed")).gradient(x);
        assertClose(plain, checkpointed, ROUND_OFF, name + ": checkpointed against plain");
        assertEquals(function(name).apply(x), Fluxion.gradient(function(name + "Checkpointed")).valueAndGradient(x,
                new double[x.length]), "the value");
        return checkpointed;
    }

    /**
     * Damping 0.042 about balances what explicit Euler adds to the energy at k = 4, dt = 0.01: after
     * 10^5 steps the oscillation is still a third of its start, and the gradient far from zero.
     */
    @ParameterizedTest
    @ValueSource(ints = {1_000, 10_000, 100_000})
    void oscillatorOverManySteps(int n) {
        steps(n);
        double[] x = {1.0, 0.0, 4.0, 0.042};
        double[] g = checkpointedGradient("oscillatorEnergy", x);
        assertClose(Simulations.oscillatorGradient(x, n), g, 1e-10, "against the tangents by hand");
        // steps small enough that the phase after n steps moves by little
        assertClose(GradientCheck.richardson(function("oscillatorEnergy"), x, 1.0 / n), g,
                GradientCheck.RICHARDSON_TOLERANCE, "against Richardson");
    }

    @ParameterizedTest
    @ValueSource(ints = {1_000, 100_000})
    void duffingByRungeKuttaOverManySteps(int n) {
        steps(n);
        double[] x = {0.5, 0.0, 0.2, 1.0, 0.5, 0.4};
        double[] g = checkpointedGradient("duffingEnd", x);
        assertClose(GradientCheck.richardson(function("duffingEnd"), x), g, GradientCheck.RICHARDSON_TOLERANCE,
                "against Richardson");
    }

    @ParameterizedTest
    @ValueSource(ints = {1_000, 20_000})
    void massSpringChainOverManySteps(int n) {
        steps(n);
        double[] x = {3.0, 2.0, 4.0, 1.5, 2.5, 1.0, 3.5, 2.0};
        double[] g = checkpointedGradient("chainEnd", x);
        assertClose(Simulations.chainGradient(x, n), g, 1e-10, "against the tangents by hand");
    }

    @Test
    void heatEquationWithinAByteBudget() {
        steps(5_000);
        double[] x = {0.0, 1.0, 0.5, -0.3, 0.8, 0.0, 0.4, -0.2};
        double[] g = checkpointedGradient("heatEnd", x);
        assertClose(Simulations.heatGradient(x, 5_000), g, 1e-10, "against the tangents by hand");
    }

    /** Two buffers swapped after each step: a snapshot holds which buffer is which, and both buffers' contents. */
    @Test
    void swappedBuffers() {
        steps(5_000);
        double[] x = {0.0, 1.0, 0.5, -0.3, 0.8, 0.0, 0.4, -0.2};
        double[] g = checkpointedGradient("reactionDiffusionEnd", x);
        assertClose(GradientCheck.richardson(function("reactionDiffusionEnd"), x), g, GradientCheck.RICHARDSON_TOLERANCE,
                "against Richardson");
        long plain = TapeMemory.peakBytes(function("reactionDiffusionEnd"), x);
        long checkpointed = TapeMemory.peakBytes(function("reactionDiffusionEndCheckpointed"), x);
        // four snapshots of the two buffers' 16 numbers and the two indices, and a segment of 28 steps
        assertTrue(checkpointed <= 4 * 18 * 8 + 28 * (plain / 5_000 + 16 * 8) + TapeMemory.OVERHEAD
                && plain > 20 * checkpointed, plain + " and " + checkpointed + " bytes");
    }

    @Test
    void aStateOfLongsIntsFloatsAndDoubles() {
        steps(50_000);
        double[] x = {1.0, 0.2, 0.3};
        double[] g = checkpointedGradient("kickedEnd", x);
        assertClose(GradientCheck.richardson(function("kickedEnd"), x), g, GradientCheck.RICHARDSON_TOLERANCE,
                "against Richardson");
    }

    /** A vector function's time loop: its Jacobian, row by row through the checkpointed adjoint. */
    @Test
    void jacobianOfAVectorFunction() throws ReflectiveOperationException {
        steps(20_000);
        java.lang.reflect.Method vector = LOADER.loadClass(Simulations.class.getName()).getMethod("vectorFunction",
                String.class);
        double[] x = {1.0, 0.0, 4.0, 0.042};
        double[][] plain = Fluxion.jacobian((dev.fluxion.VectorFunction) vector.invoke(null, "oscillatorEnd"), 2).at(x);
        double[][] checkpointed = Fluxion.jacobian((dev.fluxion.VectorFunction) vector.invoke(null,
                "oscillatorEndCheckpointed"), 2).at(x);
        for (int row = 0; row < 2; row++) {
            assertClose(plain[row], checkpointed[row], ROUND_OFF, "row " + row);
        }
    }

    @Test
    void forwardModeIsUnaffected() {
        steps(10_000);
        double[] x = {1.0, 0.0, 4.0, 0.3};
        double[] v = {0.3, -0.5, 0.2, 1.0};
        double[] g = Simulations.oscillatorGradient(x, 10_000);
        double expected = 0;
        for (int j = 0; j < x.length; j++) {
            expected += g[j] * v[j];
        }
        double jvp = Fluxion.jvp(function("oscillatorEnergyCheckpointed"), x, v);
        assertEquals(expected, jvp, 1e-10 * Math.abs(expected));
    }

    /**
     * 10^4 and 10^5 steps: the plain gradient's tape grows tenfold, the checkpointed one's not at
     * all: six snapshots of the oscillator's two numbers, and the recordings of one segment of 256
     * steps (512 numbers of state in all).
     */
    @Test
    void theTapeOfTheCheckpointedLoopDoesNotGrowWithTheSteps() {
        double[] x = {1.0, 0.0, 4.0, 0.3};
        steps(10_000);
        long plainShort = TapeMemory.peakBytes(function("oscillatorEnergy"), x);
        long checkpointedShort = TapeMemory.peakBytes(function("oscillatorEnergyCheckpointed"), x);
        steps(100_000);
        long plainLong = TapeMemory.peakBytes(function("oscillatorEnergy"), x);
        long checkpointedLong = TapeMemory.peakBytes(function("oscillatorEnergyCheckpointed"), x);
        System.out.printf("oscillator: plain %d bytes at 10^4 steps, %d at 10^5; checkpointed %d and %d%n", plainShort,
                plainLong, checkpointedShort, checkpointedLong);
        assertTrue(plainLong >= 9 * plainShort && plainLong >= 8L * 100_000, "the plain tape grows with the steps");
        assertEquals(checkpointedShort, checkpointedLong, "the checkpointed tape does not");
        long perStep = plainShort / 10_000;
        assertTrue(checkpointedLong <= 6 * 2 * 8 + 256 * (perStep + 16) + TapeMemory.OVERHEAD, checkpointedLong + " bytes");
    }

    /** The chain's state is three arrays of 8 numbers: five snapshots of them, and a segment of 21 steps. */
    @Test
    void arraysAreSnapshottedByCopy() {
        double[] x = {3.0, 2.0, 4.0, 1.5, 2.5, 1.0, 3.5, 2.0};
        steps(2_000);
        long plainShort = TapeMemory.peakBytes(function("chainEnd"), x);
        long checkpointedShort = TapeMemory.peakBytes(function("chainEndCheckpointed"), x);
        steps(20_000);
        long plainLong = TapeMemory.peakBytes(function("chainEnd"), x);
        long checkpointedLong = TapeMemory.peakBytes(function("chainEndCheckpointed"), x);
        System.out.printf("chain: plain %d bytes at 2000 steps, %d at 20000; checkpointed %d and %d%n", plainShort,
                plainLong, checkpointedShort, checkpointedLong);
        assertTrue(plainLong >= 9 * plainShort, "the plain tape grows with the steps");
        assertEquals(checkpointedShort, checkpointedLong, "the checkpointed tape does not");
        long snapshots = 5L * 3 * 8 * 8;
        assertTrue(checkpointedLong >= snapshots, "the snapshots are on the tape");
        assertTrue(checkpointedLong <= snapshots + 21 * (plainShort / 2_000 + 8 * 8) + TapeMemory.OVERHEAD,
                checkpointedLong + " bytes");
    }

    /**
     * By default, as many snapshots as the base-2 logarithm of the segments: 2^16 and 2^20 steps of
     * the Duffing oscillator (three numbers of state: segments of 170 steps) keep 9 and 13.
     */
    @Test
    void theDefaultGrowsAsTheLogarithmOfTheSteps() {
        double[] x = {0.5, 0.0, 0.2, 1.0, 0.5, 0.4};
        steps(1 << 16);
        long short_ = TapeMemory.peakBytes(function("duffingEndCheckpointed"), x);
        steps(1 << 20);
        long long_ = TapeMemory.peakBytes(function("duffingEndCheckpointed"), x);
        // four snapshots more of x, v and t (24 bytes each), the same segment
        assertEquals(4 * 24, long_ - short_, short_ + " and " + long_ + " bytes");
    }

    @Test
    void theTimeLoopIsOutlinedOnlyWhereAsked() {
        List<String> methods = methodsOf(Simulations.class);
        assertTrue(methods.contains("fluxion$loop$oscillatorEnergyCheckpointed$0"), methods.toString());
        assertTrue(methods.contains("fluxion$adjoint$fluxion$step$oscillatorEnergyCheckpointed$0"), methods.toString());
        assertTrue(methods.contains("fluxion$adjoint$fluxion$loop$oscillatorEnergyCheckpointed$0"), methods.toString());
        assertFalse(methods.stream().anyMatch(m -> m.contains("$loop$oscillatorEnergy$")), "the plain method's loop stays");
    }

    private static List<String> methodsOf(Class<?> c) {
        String resource = c.getName().replace('.', '/') + ".class";
        try (InputStream in = CheckpointingTest.class.getClassLoader().getResourceAsStream(resource)) {
            Transformer t = new Transformer(dev.fluxion.transformer.backend.ClassFileLocator.ofClassLoader(
                    CheckpointingTest.class.getClassLoader()), null);
            ClassNode node = new ClassNode();
            new ClassReader(t.transform(in.readAllBytes())).accept(node, 0);
            return node.methods.stream().map(m -> m.name).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
