package dev.fluxion.transformer;

import org.junit.jupiter.api.Test;

/** {@code @GradientOf} methods, transformed in-process; the agent module runs the same checks through the agent. */
class DeclaredGradientTest {
    private static final TransformingClassLoader LOADER =
            new TransformingClassLoader(DeclaredGradientTest.class.getClassLoader(), "dev.fluxion.corpus");

    @Test
    void declaredGradientsMatchClosedForms() throws Throwable {
        try {
            LOADER.loadClass("dev.fluxion.corpus.DeclaredGradientCases").getMethod("checkAll").invoke(null);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
