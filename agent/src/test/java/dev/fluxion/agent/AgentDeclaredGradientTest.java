package dev.fluxion.agent;

import dev.fluxion.corpus.DeclaredGradientCases;
import org.junit.jupiter.api.Test;

/** {@code @GradientOf} methods called directly, in a JVM started with the real agent jar. */
class AgentDeclaredGradientTest {
    @Test
    void declaredGradientsMatchClosedForms() {
        DeclaredGradientCases.checkAll();
    }
}
