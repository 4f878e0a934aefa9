package dev.fluxion.transformer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.fluxion.GradientFunction;
import org.junit.jupiter.api.Test;

/** The smallest reproducers of array bugs (fixtures in {@code dev.fluxion.smoke.ArrayRegressions}), with exact gradients. */
class ArrayRegressionsTest {
    private static final TransformingClassLoader LOADER =
            new TransformingClassLoader(ArrayRegressionsTest.class.getClassLoader(), "dev.fluxion.smoke");
    private static final double[] X = {0.3, -0.7, 1.1};

    private static double[] gradient(String name, double[] x) throws Exception {
        GradientFunction g = (GradientFunction) LOADER.loadClass("dev.fluxion.smoke.ArrayRegressions")
                .getMethod("gradient", String.class).invoke(null, name);
        return g.gradient(x);
    }

    /** Was: internal error (UnsupportedOperationException), a scalar adjoint added for an array phi. */
    @Test
    void loopCarriedArrayPhi() throws Exception {
        assertArrayEquals(new double[] {8 * X[1], 8 * X[0], 0}, gradient("loopCarriedArray", X), 1e-14);
        assertArrayEquals(new double[] {X[1] * X[1] * X[1], 3 * X[0] * X[1] * X[1], 0}, gradient("loopCarriedRows", X), 1e-14);
        assertArrayEquals(new double[] {3, 1, 0}, gradient("chosenArray", X), 0);
        assertArrayEquals(new double[] {1, 3, 0}, gradient("chosenArray", new double[] {0.3, -0.7, -1.1}), 0);
    }

    /**
     * Was: gradient silently 0. The phis of two buffers swapped every step only feed each other, so
     * the frontend could not type them double[]; untyped, they were no array family's members.
     */
    @Test
    void swappedBuffers() throws Exception {
        assertArrayEquals(new double[] {4, 4, 0}, gradient("swappedBuffers", X), 0);
        assertArrayEquals(new double[] {8, 8, 0}, gradient("swappedBuffers", new double[] {0.3, -0.7, -1.1}), 0);
    }

    /**
     * Was: ClassCastException ([J cannot be cast to [[D). Arrays.copyOf of a double[][] is typed
     * Object[], one dimension, and its shadow was allocated as a primitive array.
     */
    @Test
    void copyOfArrayOfRows() throws Exception {
        double x0 = X[0];
        double x1 = X[1];
        double x2 = X[2];
        assertArrayEquals(new double[] {x1 * x2 + 4 * x0 * x1, x0 * x2 + 2 * x0 * x0, x0 * x1},
                gradient("copiedRows", X), 1e-15);
    }
}
