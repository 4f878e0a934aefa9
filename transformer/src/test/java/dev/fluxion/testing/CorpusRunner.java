package dev.fluxion.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.fluxion.Fluxion;
import dev.fluxion.GradientFunction;
import java.util.function.DoubleUnaryOperator;

/**
 * Checks one corpus case through the public API, whichever way its class was transformed (the
 * in-process transforming class loader, or the real agent in its own JVM).
 */
public final class CorpusRunner {
    private CorpusRunner() {
    }

    public static void check(CorpusCase c) {
        if (c.f() != null) {
            GradientFunction g = Fluxion.gradient(c.f());
            for (double[] x : c.points()) {
                double[] copy = x.clone();
                double[] grad = new double[x.length];
                double value = g.valueAndGradient(x, grad);
                assertArrayEquals(copy, x, c.name() + ": the input array was modified");
                GradientCheck.assertGradient(c, x, grad, value);
            }
        } else {
            DoubleUnaryOperator d = Fluxion.derivative(c.u());
            for (double[] x : c.points()) {
                GradientCheck.assertGradient(c, x, new double[] {d.applyAsDouble(x[0])}, c.u().apply(x[0]));
            }
        }
    }
}
