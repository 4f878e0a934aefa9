package dev.fluxion.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fluxion.Fluxion;
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
}
