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
