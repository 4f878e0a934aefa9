package dev.fluxion.transformer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fluxion.Fluxion;
import dev.fluxion.ScalarFunction;
import dev.fluxion.internal.Tape;
import dev.fluxion.transformer.backend.ClassFileLocator;
import java.lang.reflect.Method;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A model passing its data (fields) to a static loss of its class calls an adjoint of the loss
 * specialised to the weights, which does not differentiate the data: the per-thread sink that
 * stands in for the points' adjoint stays untouched. Inlining is off, so the call stays a call.
 */
class SpecializedAdjointsTest {
    private static final ClassLoader PARENT = SpecializedAdjointsTest.class.getClassLoader();
    private static final TransformingClassLoader LOADER = new TransformingClassLoader(PARENT,
            new Transformer(ClassFileLocator.ofClassLoader(PARENT), null, false), "dev.fluxion.corpus");

    @Test
    void dataPassedToAStaticLossIsNotDifferentiated() throws Exception {
        Class<?> type = LOADER.loadClass("dev.fluxion.corpus.DataModel");
        assertTrue(Arrays.stream(type.getDeclaredMethods()).map(Method::getName)
                .anyMatch("fluxion$adjoint$lossOf$0"::equals), "the variant for the weights alone");
        Object model = type.getConstructor(double[].class, double.class).newInstance(new double[] {0.5, -1.5, 2.0}, 0.3);
        double[] points = (double[]) type.getMethod("points").invoke(model);
        double[] w = {0.3, -1.2};
        double[] expected = (double[]) type.getMethod("lossGradient", double[].class).invoke(model, (Object) w);
        for (String name : new String[] {"loss", "shiftedHalfLoss"}) {
            double[] sink = Tape.current().sink(points);
            Arrays.fill(sink, 0.0);
            double[] g = Fluxion.gradient(bound(type, model, name)).gradient(w);
            assertArrayEquals(new double[points.length], Tape.current().sink(points), name + ": the points' adjoint");
            double[] want = name.equals("loss") ? expected : new double[] {0.5 * expected[0] + 1, 0.5 * expected[1]};
            assertArrayEquals(want, g, 1e-12, name);
        }
    }

    /** {@code model::name} as the API gets it: a method reference created in the model's class loader. */
    private static ScalarFunction bound(Class<?> type, Object model, String name) throws Exception {
        return (ScalarFunction) type.getClassLoader().loadClass("dev.fluxion.corpus.DataModelReferences")
                .getMethod(name, type).invoke(null, model);
    }
}
