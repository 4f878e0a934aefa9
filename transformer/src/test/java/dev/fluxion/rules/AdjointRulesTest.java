package dev.fluxion.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fluxion.Fluxion;
import dev.fluxion.GradCheck;
import dev.fluxion.ScalarFunction;
import dev.fluxion.transformer.TransformingClassLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An {@code @AdjointOf} rule replaces differentiating through a method: proved with a rule that
 * is deliberately not the true derivative. (Correct rules for library methods are in the corpus,
 * {@code CustomRules}, checked against closed forms and finite differences, in-process and through
 * the agent.)
 */
class AdjointRulesTest {
    private static final TransformingClassLoader LOADER =
            new TransformingClassLoader(AdjointRulesTest.class.getClassLoader(), "dev.fluxion.rules");

    private static ScalarFunction function(String name) throws Exception {
        return (ScalarFunction) LOADER.loadClass("dev.fluxion.rules.Functions").getMethod(name).invoke(null);
    }

    @Test
    void theRuleIsUsedNotTheBody() throws Exception {
        double[] x = {0.3, -1.2, 2.0};
        double[] g = Fluxion.gradient(function("sumOfSoftplus")).gradient(x);
        for (int i = 0; i < x.length; i++) {
            double t = x[i] * x[i];
            double trueDerivative = 2 * x[i] / (1 + Math.exp(-t));
            assertEquals(2 * trueDerivative, g[i], 1e-14, "the deliberately doubled rule must be what is used");
        }
    }

    /**
     * One rule serves the three modes: forward mode calls it, and a Hessian-vector product
     * differentiates its code, so the doubled rule doubles the first derivatives of every mode
     * and the second derivatives are those of the rule's (doubled) gradient. The second function's
     * rule is for an instance method (the receiver first), whose code would otherwise be inlined.
     */
    @ParameterizedTest
    @CsvSource({"sumOfSoftplus, 1", "sumOfScaled, 3"})
    void theRuleServesForwardModeAndSecondDerivatives(String name, double k) throws Exception {
        double[] x = {0.3, -1.2, 2.0};
        ScalarFunction f = function(name);
        double[] reverse = Fluxion.gradient(f).gradient(x);
        double[] forward = Fluxion.tangent(f).gradient(x);
        for (int i = 0; i < x.length; i++) {
            double sigma = 1 / (1 + Math.exp(-x[i] * x[i]));
            double ruleGradient = 2 * k * sigma * 2 * x[i]; // the rule's, twice the truth
            assertEquals(ruleGradient, reverse[i], 1e-13, "reverse mode uses the rule");
            assertEquals(ruleGradient, forward[i], 1e-13, "forward mode uses the rule");
            double[] e = new double[x.length];
            e[i] = 1;
            double[] column = Fluxion.hessian(f).hvp(x, e);
            // d/dx_i of 4 k sigma(x_i^2) x_i
            double expected = 4 * k * (sigma + 2 * x[i] * x[i] * sigma * (1 - sigma));
            for (int j = 0; j < x.length; j++) {
                assertEquals(i == j ? expected : 0, column[j], 1e-12, "the Hessian of the rule's gradient, at " + i + ", " + j);
            }
        }
    }

    @Test
    void gradCheckCatchesTheWrongRule() throws Exception {
        GradCheck.Report r = GradCheck.gradient(function("sumOfSoftplus"), new double[] {0.3, -1.2, 2.0});
        assertFalse(r.passed(), r::toString);
        AssertionError e = assertThrows(AssertionError.class, r::assertPassed);
        assertTrue(e.getMessage().startsWith("GradCheck FAILED"), e.getMessage());
        assertTrue(e.getMessage().contains("<--"), "the wrong entries are marked: " + e.getMessage());
        // the doubled rule is exactly twice the differences
        for (int i = 0; i < 3; i++) {
            assertEquals(2 * r.reference()[0][i], r.fluxion()[0][i], 1e-7 * Math.max(1, Math.abs(r.fluxion()[0][i])));
        }
    }
}
