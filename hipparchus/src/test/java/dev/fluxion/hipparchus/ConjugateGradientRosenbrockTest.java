package dev.fluxion.hipparchus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fluxion.Differentiable;
import dev.fluxion.FluxionException;
import java.util.Arrays;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.SimpleValueChecker;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.gradient.NonLinearConjugateGradientOptimizer;
import org.hipparchus.optim.nonlinear.scalar.gradient.NonLinearConjugateGradientOptimizer.Formula;
import org.junit.jupiter.api.Test;

/**
 * Hipparchus's nonlinear conjugate gradient on the extended Rosenbrock function with Fluxion's
 * gradient: the minimum is known exactly (all ones, value 0), and the gradient is checked against
 * the closed form first.
 */
class ConjugateGradientRosenbrockTest {

    /** The extended Rosenbrock function, {@code sum 100 (x[i+1] - x[i]^2)^2 + (1 - x[i])^2}. */
    @Differentiable
    static double rosenbrock(double[] x) {
        double s = 0;
        for (int i = 0; i + 1 < x.length; i++) {
            double a = x[i + 1] - x[i] * x[i];
            double b = 1 - x[i];
            s += 100 * a * a + b * b;
        }
        return s;
    }

    /** Not annotated: Fluxion has nothing to bind. */
    static double notDifferentiable(double[] x) {
        return x[0];
    }

    private static double[] closedFormGradient(double[] x) {
        double[] g = new double[x.length];
        for (int i = 0; i + 1 < x.length; i++) {
            double a = x[i + 1] - x[i] * x[i];
            g[i] += -400 * x[i] * a - 2 * (1 - x[i]);
            g[i + 1] += 200 * a;
        }
        return g;
    }

    private static double[] start(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i % 2 == 0 ? -1.2 : 1; // the classic start, repeated
        }
        return x;
    }

    @Test
    void gradientIsTheClosedForm() {
        FluxionObjective objective = FluxionObjective.of(ConjugateGradientRosenbrockTest::rosenbrock);
        for (double[] x : new double[][] {start(6), {0.3, -0.7, 1.9, 0.05, -1.4, 2.2}, {1, 1, 1, 1, 1, 1}}) {
            double[] before = x.clone();
            double[] expected = closedFormGradient(x);
            double[] g = objective.gradient().value(x);
            for (int i = 0; i < x.length; i++) {
                assertEquals(expected[i], g[i], 1e-13 * Math.max(1, Math.abs(expected[i])), "component " + i);
            }
            assertEquals(rosenbrock(x), objective.function().value(x));
            assertArrayEquals(before, x, "the point is left as it was");
        }
    }

    @Test
    void conjugateGradientReachesTheMinimum() {
        FluxionObjective objective = FluxionObjective.of(ConjugateGradientRosenbrockTest::rosenbrock);
        // stop only when an iteration no longer lowers f at all, with line searches to 1e-14 (from
        // 1e-8): near the minimum f ~ |x - 1|^2, and the defaults stop at |x - 1| ~ 1e-6 (1.3e-9 here)
        NonLinearConjugateGradientOptimizer optimizer = new NonLinearConjugateGradientOptimizer(
                Formula.POLAK_RIBIERE, new SimpleValueChecker(1e-15, 1e-300), 1e-14, 1e-14, 1e-8);
        PointValuePair minimum = optimizer.optimize(objective.objectiveFunction(), objective.objectiveFunctionGradient(),
                GoalType.MINIMIZE, new InitialGuess(start(6)), new MaxEval(100_000));
        double[] x = minimum.getPoint();
        for (int i = 0; i < x.length; i++) {
            assertEquals(1, x[i], 1e-8, "x" + i + " of " + Arrays.toString(x) + " after "
                    + optimizer.getEvaluations() + " evaluations");
        }
        assertTrue(minimum.getValue() < 1e-16, "f = " + minimum.getValue());
    }

    @Test
    void aMethodThatWasNotTransformedIsFluxionsClearError() {
        FluxionException e = assertThrows(FluxionException.class,
                () -> FluxionObjective.of(ConjugateGradientRosenbrockTest::notDifferentiable));
        assertTrue(e.getMessage().contains("not annotated @Differentiable"), e.getMessage());
    }
}
