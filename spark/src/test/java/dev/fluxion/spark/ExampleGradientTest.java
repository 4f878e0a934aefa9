package dev.fluxion.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fluxion.Differentiable;
import dev.fluxion.FluxionException;
import dev.fluxion.spark.samples.LogisticRegression;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The per-example gradient that Spark's executors run, on one JVM, against closed forms and
 * Richardson-extrapolated central differences; derivatives generated on demand (fluxion.jar is on
 * the tests' class path, and nothing else transformed these classes).
 */
class ExampleGradientTest {

    /** Writes into both of its arrays: the gradient is still with respect to the values on entry, and the caller's arrays stay. */
    @Differentiable
    static double overwrites(double[] p, double[] e) {
        for (int j = 0; j < p.length; j++) {
            p[j] = p[j] * e[j];       // p_j e_j
            e[j] = Math.sin(p[j]);    // sin(p_j e_j)
        }
        double s = 0;
        for (int j = 0; j < p.length; j++) {
            s += p[j] * e[j];         // sum p_j e_j sin(p_j e_j)
        }
        return s;
    }

    static double notAnnotated(double[] p, double[] e) {
        return p[0] * e[0];
    }

    @Test
    void logisticGradientIsTheClosedForm() {
        ExampleGradient gradient = ExampleGradient.of(LogisticRegression::loss);
        Random random = new Random(5);
        for (double[] example : LogisticRegression.examples(20, new double[] {0.3, -1, 2, 0.5}, 11)) {
            double[] w = {random.nextGaussian(), random.nextGaussian(), 3 * random.nextGaussian(), random.nextGaussian()};
            double[] g = new double[w.length];
            double value = gradient.valueAndAddGradient(w, example, g);
            assertEquals(LogisticRegression.loss(w, example), value, 0.0);
            double[] expected = LogisticRegression.closedFormGradient(w, example);
            for (int j = 0; j < w.length; j++) {
                assertEquals(expected[j], g[j], 1e-15 * (1 + Math.abs(expected[j])), "d loss / d w" + j);
            }
        }
    }

    @Test
    void gradientsAreAddedToTheSum() {
        ExampleGradient gradient = ExampleGradient.of(LogisticRegression::loss);
        double[][] examples = LogisticRegression.examples(50, new double[] {0.3, -1, 2}, 3);
        double[] w = {0.1, 0.4, -0.2};
        double[] sum = new double[w.length];
        double value = 0;
        double[] expected = new double[w.length];
        double expectedValue = 0;
        for (double[] e : examples) {
            value += gradient.valueAndAddGradient(w, e, sum);
            expectedValue += LogisticRegression.loss(w, e);
            double[] g = LogisticRegression.closedFormGradient(w, e);
            for (int j = 0; j < w.length; j++) {
                expected[j] += g[j];
            }
        }
        assertEquals(expectedValue, value, 1e-12 * expectedValue);
        for (int j = 0; j < w.length; j++) {
            assertEquals(expected[j], sum[j], 1e-12 * (1 + Math.abs(expected[j])), "component " + j);
        }
    }

    @Test
    void mixtureGradientMatchesRichardsonDifferences() {
        ExampleGradient gradient = ExampleGradient.of(GaussianMixture::loss);
        Random random = new Random(17);
        for (int point = 0; point < 5; point++) {
            double[] params = new double[GaussianMixture.PARAMETERS];
            for (int j = 0; j < params.length; j++) {
                params[j] = 0.7 * random.nextGaussian();
            }
            double[] x = {random.nextGaussian(), random.nextGaussian()};
            double[] g = new double[params.length];
            double value = gradient.valueAndAddGradient(params, x, g);
            assertEquals(GaussianMixture.loss(params, x), value, 1e-14 * Math.abs(value));
            double[] reference = Richardson.gradient(p -> GaussianMixture.loss(p, x), params, 1e-3);
            for (int j = 0; j < params.length; j++) {
                assertEquals(reference[j], g[j], 1e-8 * (1 + Math.abs(reference[j])), "point " + point + ", component " + j);
            }
            assertTrue(java.util.Arrays.stream(g).map(Math::abs).max().orElse(0) > 1e-2, "the gradient says something");
        }
    }

    @Test
    void aLossThatWritesIntoItsArraysLeavesTheCallersAsTheyWere() {
        ExampleGradient gradient = ExampleGradient.of(ExampleGradientTest::overwrites);
        double[] p = {0.4, -1.1, 0.9};
        double[] e = {1.5, 0.7, -2.0};
        double[] reference = Richardson.gradient(q -> overwrites(q.clone(), e.clone()), p, 1e-3);
        double[] u = {0.4 * 1.5, -1.1 * 0.7, 0.9 * -2.0}; // p_j e_j
        for (int call = 0; call < 3; call++) { // the same each time: no call sees another's writes or adjoints
            double[] g = new double[p.length];
            gradient.valueAndAddGradient(p, e, g);
            assertArrayEquals(new double[] {0.4, -1.1, 0.9}, p);
            assertArrayEquals(new double[] {1.5, 0.7, -2.0}, e);
            for (int j = 0; j < p.length; j++) {
                // d/dp_j of u sin(u), u = p_j e_j: (sin u + u cos u) e_j
                double closedForm = (Math.sin(u[j]) + u[j] * Math.cos(u[j])) * e[j];
                assertEquals(closedForm, g[j], 1e-14, "call " + call + ", component " + j);
                assertEquals(reference[j], g[j], 1e-8, "call " + call + ", component " + j);
            }
        }
    }

    @Test
    void aDeserialisedCopyLinksItsOwnDerivative() throws Exception {
        ExampleGradient gradient = ExampleGradient.of(LogisticRegression::loss);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(gradient);
        }
        assertTrue(bytes.size() < 300, "what is shipped is a class and a method name: " + bytes.size() + " bytes");
        ExampleGradient copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (ExampleGradient) in.readObject();
        }
        assertNotSame(gradient, copy);
        double[] w = {0.2, -0.3, 0.8};
        double[] example = {1, 1, 0.5, -2};
        double[] g = new double[3];
        double[] h = new double[3];
        assertEquals(gradient.valueAndAddGradient(w, example, g), copy.valueAndAddGradient(w, example, h));
        assertArrayEquals(g, h);
        assertEquals("dev.fluxion.spark.samples.LogisticRegression.loss", copy.toString());
    }

    @Test
    void badLossesAreClearErrors() {
        FluxionException lambda = assertThrows(FluxionException.class,
                () -> ExampleGradient.of((p, e) -> p[0] * e[0]));
        assertTrue(lambda.getMessage().contains("is not a reference to a static method double loss(double[] params, "
                + "double[] example)"), lambda.getMessage());
        FluxionException notAnnotated = assertThrows(FluxionException.class,
                () -> ExampleGradient.of(ExampleGradientTest::notAnnotated));
        assertEquals("fluxion: dev.fluxion.spark.ExampleGradientTest.notAnnotated(double[], double[]) is not annotated "
                + "@Differentiable. Add @dev.fluxion.Differentiable to the method so Fluxion generates its derivative.",
                notAnnotated.getMessage());
        IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
                () -> ExampleGradient.of(LogisticRegression::loss).valueAndAddGradient(new double[2], new double[3],
                        new double[3]));
        assertEquals("gradientSum has length 3, params has length 2", tooLong.getMessage());
    }

    @Test
    void aLossFluxionCannotDifferentiateFailsWhenTheGradientIsMade() {
        FluxionException e = assertThrows(FluxionException.class, () -> ExampleGradient.of(Unsupported::loss));
        assertTrue(e.getMessage().contains("Unsupported.loss"), e.getMessage());
        assertTrue(e.getMessage().contains("synchronized"), e.getMessage());
    }

    /** A loss with a synchronized block, which Fluxion rejects: in a class of its own, so that the others stay clean. */
    static final class Unsupported {
        private static final Object LOCK = new Object();

        @Differentiable
        static double loss(double[] p, double[] e) {
            synchronized (LOCK) {
                return p[0] * e[0];
            }
        }
    }
}
