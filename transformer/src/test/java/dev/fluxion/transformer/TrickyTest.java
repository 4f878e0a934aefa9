package dev.fluxion.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fluxion.Fluxion;
import dev.fluxion.GradientFunction;
import dev.fluxion.ScalarFunction;
import java.lang.reflect.Method;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrickyTest {
    @ParameterizedTest
    @ValueSource(strings = {"nested", "whileLoop", "sw", "callsInLoop", "floats", "earlyReturn", "ternaryStack"})
    void matchesFiniteDifferences(String name) throws Exception {
        TransformingClassLoader loader = new TransformingClassLoader(getClass().getClassLoader(), "dev.fluxion.smoke");
        Class<?> c = loader.loadClass("dev.fluxion.smoke.Tricky");
        Method m = c.getMethod(name, double[].class);
        ScalarFunction plain = x -> {
            try {
                return (double) m.invoke(null, (Object) x);
            } catch (ReflectiveOperationException e) {
                throw new RuntimeException(e);
            }
        };
        GradientFunction g = (GradientFunction) loader.loadClass("dev.fluxion.smoke.TrickyCases").getMethod("gradient", String.class)
                .invoke(null, name);
        double[][] points = {{0.3, -0.7, 1.1, 0.4}, {1.2, 0.5, -0.3, 0.9}, {-0.4, 0.8, 0.6, -1.3}};
        for (double[] x : points) {
            double[] grad = new double[x.length];
            double v = g.valueAndGradient(x, grad);
            assertEquals(plain.apply(x), v, 1e-12);
            for (int i = 0; i < x.length; i++) {
                double h = name.equals("floats") ? 1e-2 : 1e-5; // float code: a larger step beats round-off
                double[] xp = x.clone();
                double[] xm = x.clone();
                xp[i] += h;
                xm[i] -= h;
                double fd = (plain.apply(xp) - plain.apply(xm)) / (2 * h);
                assertEquals(fd, grad[i], (name.equals("floats") ? 1e-4 : 1e-6) * Math.max(1, Math.abs(fd)), name + " d/dx" + i + " at " + java.util.Arrays.toString(x));
            }
        }
    }
}
