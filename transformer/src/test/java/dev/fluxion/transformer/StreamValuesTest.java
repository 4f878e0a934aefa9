package dev.fluxion.transformer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fluxion.Fluxion;
import dev.fluxion.ScalarFunction;
import org.junit.jupiter.api.Test;

/**
 * The values the derivatives of stream pipelines return are the stream's own, bit for bit:
 * {@code DoubleStream.sum()} adds with Kahan's compensation, and so must the loop that stands for it.
 */
class StreamValuesTest {
    private final TransformingClassLoader loader = new TransformingClassLoader(getClass().getClassLoader(), "dev.fluxion.corpus");

    @Test
    void aStreamsSumIsCompensatedInTheDerivativesToo() throws Throwable {
        Class<?> c = loader.loadClass("dev.fluxion.corpus.FunctionsAsValues");
        ScalarFunction f = (ScalarFunction) c.getMethod("streamSumFunction").invoke(null);
        double[] x = {1e16, 1, 1, -1e16};
        assertEquals(2.0, f.apply(x), 0.0, "the JDK's compensated sum");
        double[] grad = new double[4];
        assertEquals(2.0, Fluxion.gradient(f).valueAndGradient(x, grad), 0.0, "reverse mode's value");
        assertArrayEquals(new double[] {1, 1, 1, 1}, grad, 0.0);
        double[] jvp = new double[1];
        assertEquals(2.0, Fluxion.tangent(f).valueAndJvp(x, new double[] {1, 1, 1, 1}, jvp), 0.0,
                "forward mode's value");
        assertEquals(4.0, jvp[0], 0.0);
    }
}
