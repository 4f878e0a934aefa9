package dev.fluxion.transformer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.fluxion.Fluxion;
import dev.fluxion.Jacobian;
import dev.fluxion.TangentFunction;
import dev.fluxion.internal.AdjointLinker;
import dev.fluxion.internal.ScalarTangent;
import dev.fluxion.internal.VectorForward;
import dev.fluxion.internal.VectorTangent;
import dev.fluxion.testing.CorpusCase;
import dev.fluxion.testing.JacobianCase;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Vector forward mode at every width: each corpus gradient and Jacobian pushed through sweeps of
 * one width only (1, 2, 4 and 8 lanes, whatever the number of inputs, so that lanes are left over
 * wherever n is not a multiple of the width) agrees with reverse mode and with the one-lane tangent
 * to round-off; the classes were transformed as {@link CorpusTest}'s, through CheckClassAdapter. And
 * the width chosen for n directions is the one {@link VectorForward#plan} promises.
 */
class VectorWidthsTest {
    private static final int[] WIDTHS = VectorForward.widths();

    @Test
    void theWidthsAreOneTwoFourAndEight() {
        assertArrayEquals(new int[] {1, 2, 4, 8}, WIDTHS);
    }

    /** The fewest sweeps, all of the widest width but the last, which is as narrow as carries the rest. */
    @Test
    void theFewestSweepsTheLastNoWiderThanNeeded() {
        assertArrayEquals(new int[] {}, VectorForward.plan(0));
        assertArrayEquals(new int[] {1}, VectorForward.plan(1));
        assertArrayEquals(new int[] {2}, VectorForward.plan(2));
        assertArrayEquals(new int[] {4}, VectorForward.plan(3));
        assertArrayEquals(new int[] {8}, VectorForward.plan(5));
        assertArrayEquals(new int[] {8, 1}, VectorForward.plan(9));
        assertArrayEquals(new int[] {8, 8, 4}, VectorForward.plan(20));
        assertArrayEquals(new int[] {8, 8, 8, 8, 8, 8, 2}, VectorForward.plan(50));
        for (int n = 1; n <= 100; n++) {
            int[] plan = VectorForward.plan(n);
            assertEquals((n + 7) / 8, plan.length, "sweeps for " + n);
            int carried = Arrays.stream(plan).sum();
            int last = plan[plan.length - 1];
            assertTrue(carried >= n && carried - last < n, n + ": " + Arrays.toString(plan));
            assertTrue(last == 1 || carried - last + last / 2 < n, n + ": the last sweep could be narrower");
        }
    }

    /**
     * Every static scalar function of the corpus but the few too large for a vector tangent the JIT
     * compiles (HugeBodies) has a tangent of every width; those have the one-lane tangent only.
     */
    @Test
    void almostEveryFunctionHasEveryWidth() throws Exception {
        List<String> narrower = scalarCases().filter(c -> new VectorForward.OfScalar(c.f(),
                AdjointLinker.linkTangent(c.f(), "([D)D", ScalarTangent.class)).widths().length < WIDTHS.length)
                .map(CorpusCase::name).distinct().toList();
        long all = scalarCases().count();
        assertTrue(narrower.size() * 20 < all, narrower.size() + " of " + all + " have fewer widths: " + narrower);
        assertTrue(narrower.contains("HugeBodies.unrolled"), "a vector tangent too large for the JIT is not bound");
        assertArrayEquals(new int[] {1}, new VectorForward.OfScalar(named("HugeBodies.unrolled").f(),
                AdjointLinker.linkTangent(named("HugeBodies.unrolled").f(), "([D)D", ScalarTangent.class)).widths());
    }

    private static CorpusCase named(String name) throws Exception {
        return scalarCases().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    static Stream<CorpusCase> scalarCases() throws Exception {
        return CorpusTest.cases().filter(c -> c.f() != null && AdjointLinker.receiver(c.f()) == null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scalarCases")
    void everyWidthGivesTheGradientOfReverseMode(CorpusCase c) {
        TangentFunction oneLane = Fluxion.tangent(c.f());
        VectorForward.OfScalar vector = new VectorForward.OfScalar(c.f(),
                AdjointLinker.linkTangent(c.f(), "([D)D", ScalarTangent.class));
        for (double[] point : c.points()) {
            double[] reverse = Fluxion.gradient(c.f()).gradient(point.clone());
            double[] single = new double[point.length];
            double[] e = new double[point.length];
            for (int i = 0; i < point.length; i++) {
                e[i] = 1;
                single[i] = oneLane.jvp(point, e);
                e[i] = 0;
            }
            for (int width : vector.widths()) {
                double[] x = point.clone();
                double[] g = vector.gradient(x, VectorForward.uniform(x.length, width));
                assertArrayEquals(point, x, c.name() + ": the input was modified");
                String where = c.name() + " at " + CorpusCase.describe(point) + ", " + width + " lanes";
                assertAgree(where, "reverse mode", reverse, g, c.single());
                assertAgree(where, "the one-lane tangent", single, g, c.single());
            }
            assertAgree(c.name() + " at " + CorpusCase.describe(point), "TangentFunction.gradient", reverse,
                    oneLane.gradient(point), c.single());
        }
    }

    @SuppressWarnings("unchecked")
    static Stream<JacobianCase> jacobianCases() throws Exception {
        return ((List<JacobianCase>) CorpusTest.LOADER.loadClass("dev.fluxion.corpus.Corpus").getMethod("jacobians")
                .invoke(null)).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jacobianCases")
    void everyWidthGivesTheJacobianOfReverseMode(JacobianCase c) {
        Jacobian jacobian = Fluxion.jacobian(c.f(), c.outputs());
        VectorForward.OfVector vector = new VectorForward.OfVector(c.f(),
                AdjointLinker.linkTangent(c.f(), "([D[D)V", VectorTangent.class), c.outputs());
        for (double[] point : c.points()) {
            int n = point.length;
            double[][] reverse = new double[c.outputs()][];
            for (int row = 0; row < c.outputs(); row++) { // J^T e_row, by reverse sweeps whatever n is
                double[] seed = new double[c.outputs()];
                seed[row] = 1;
                reverse[row] = jacobian.vjp(point.clone(), seed);
            }
            double[][] single = new double[c.outputs()][n];
            double[] e = new double[n];
            for (int k = 0; k < n; k++) {
                e[k] = 1;
                double[] column = jacobian.jvp(point.clone(), e);
                e[k] = 0;
                for (int row = 0; row < c.outputs(); row++) {
                    single[row][k] = column[row];
                }
            }
            for (int width : vector.widths()) {
                double[] x = point.clone();
                double[][] j = new double[c.outputs()][n];
                for (double[] row : j) {
                    Arrays.fill(row, Double.NaN); // every entry must be written
                }
                vector.jacobian(x, j, VectorForward.uniform(n, width));
                assertArrayEquals(point, x, c.name() + ": the input was modified");
                for (int row = 0; row < c.outputs(); row++) {
                    String where = c.name() + " at " + Arrays.toString(point) + ", " + width + " lanes, row " + row;
                    assertAgree(where, "reverse mode", reverse[row], j[row], false);
                    assertAgree(where, "the one-lane tangent", single[row], j[row], false);
                }
            }
        }
    }

    /** Forward and reverse mode sum the same products in different orders: 1e-12 relative to the largest component. */
    private static void assertAgree(String where, String reference, double[] expected, double[] actual, boolean single) {
        double scale = Arrays.stream(expected).map(Math::abs).max().orElse(0);
        double tol = (single ? 1e-4 : 1e-12) * Math.max(1, scale);
        IntStream.range(0, expected.length).forEach(i -> {
            if (!(Math.abs(expected[i] - actual[i]) <= tol)) {
                fail(where + ": component " + i + " was " + actual[i] + ", " + reference + " gives " + expected[i]);
            }
        });
    }
}
