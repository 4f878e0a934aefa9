package dev.fluxion.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The documented convention at non-differentiable points: the derivative of the branch taken. */
class KinksTest {
    private static final TransformingClassLoader LOADER =
            new TransformingClassLoader(KinksTest.class.getClassLoader(), "dev.fluxion.smoke");

    @ParameterizedTest(name = "{0}''({1}) = {2}")
    @CsvSource({
        "abs, 0.0, 1.0",
        "abs, -0.0, 1.0",
        "abs, -2.0, -1.0",
        "minFirst, 1.0, 1.0",        // tie: the first argument takes the derivative
        "minFirst, 2.0, 0.0",
        "maxSecond, 1.0, 0.0",       // tie: the first argument (the constant) takes it
        "maxSecond, 3.0, 1.0",
        "minFirstInLoop, 1.0, 2.0",  // the same conventions where the reverse records who won
        "minFirstInLoop, 2.0, 0.0",
        "maxSecondInLoop, 1.0, 0.0",
        "maxSecondInLoop, 3.0, 2.0",
        "maxSecondOfFloatsInLoop, 1.0, 0.0",
        "maxSecondOfFloatsInLoop, 3.0, 2.0",
        "floorTimes, 2.0, 2.0",      // floor' = 0, so d(floor(x) x) = floor(x)
        "floorTimes, 2.5, 2.0",
        "hypotOrigin, 0.0, 0.0",     // 0/0 is defined as 0
        "sqrt, 0.0, Infinity",       // genuinely infinite, not NaN
        "branch, 0.0, -1.0",         // x > 0 is false at 0: the -x branch
        "branch, 1e-300, 2e-300",
    })
    void derivativeAtKink(String name, double x, double expected) throws Exception {
        for (boolean reverse : new boolean[] {false, true}) {
            DoubleUnaryOperator d = (DoubleUnaryOperator) LOADER.loadClass("dev.fluxion.smoke.Kinks")
                    .getMethod("derivative", String.class, boolean.class).invoke(null, name, reverse);
            assertEquals(expected, d.applyAsDouble(x), reverse ? "reverse mode" : "forward mode");
        }
    }
}
