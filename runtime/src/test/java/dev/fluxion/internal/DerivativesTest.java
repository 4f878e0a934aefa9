package dev.fluxion.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.DoubleBinaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Partials whose formulas square their arguments stay accurate where the squares underflow or
 * overflow. Scaling both arguments by a power of two s scales a partial of degree k by s^k
 * exactly, so each is checked at tiny and huge arguments against its value at ordinary ones
 * (fuzzer finding F6: a tiny {@code hypot} gave a Hessian-vector product of NaN).
 */
class DerivativesTest {
    private static final double[][] POINTS = {{0.3, -1.7}, {-2.5, 0.4}, {1.0, 1.0}, {0.7, 0.0}, {0.0, -0.9}};

    @Test
    void atan2PartialsAtTinyAndHugeArguments() {
        for (int exponent : new int[] {-600, -500, 480, 600}) {
            checkDegree(Derivatives::atan2First, -1, exponent);
            checkDegree(Derivatives::atan2Second, -1, exponent);
            if (Math.abs(exponent) <= 500) { // s^-2 must stay finite
                checkDegree(Derivatives::atan2FirstFirst, -2, exponent);
                checkDegree(Derivatives::atan2Mixed, -2, exponent);
                checkDegree(Derivatives::atan2SecondSecond, -2, exponent);
            }
        }
    }

    @Test
    void hypotPartialsAtTinyAndHugeArguments() {
        for (int exponent : new int[] {-600, -520, 500, 600}) {
            checkDegree((a, b) -> Derivatives.hypotFirst(a, Math.hypot(a, b)), 0, exponent);
            checkDegree((a, b) -> Derivatives.hypotPartialArg(a, Math.hypot(a, b)), -1, exponent);
            checkDegree((a, b) -> Derivatives.hypotPartialResult(a, Math.hypot(a, b)), -1, exponent);
        }
    }

    @Test
    void theOriginKeepsItsConvention() {
        assertEquals(0.0, Derivatives.atan2First(0, 0));
        assertEquals(0.0, Derivatives.atan2Mixed(0, 0));
        assertEquals(0.0, Derivatives.hypotPartialResult(0, 0));
    }

    /** f(s a, s b) = s^degree f(a, b), to a few ulps, for s = 2^exponent. */
    private static void checkDegree(DoubleBinaryOperator f, int degree, int exponent) {
        double s = Math.scalb(1.0, exponent);
        for (double[] p : POINTS) {
            double expected = Math.scalb(f.applyAsDouble(p[0], p[1]), degree * exponent);
            double actual = f.applyAsDouble(s * p[0], s * p[1]);
            assertEquals(expected, actual, 1e-13 * Math.abs(expected),
                    () -> "at (" + p[0] + ", " + p[1] + ") * 2^" + exponent);
        }
    }
}
