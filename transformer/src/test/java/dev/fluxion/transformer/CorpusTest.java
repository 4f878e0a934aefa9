package dev.fluxion.transformer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fluxion.testing.CorpusCase;
import dev.fluxion.testing.CorpusRunner;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The gradient corpus, transformed in-process by the real transformer (every transformed class is
 * checked by ASM's CheckClassAdapter and then by the JVM verifier when it is defined). The agent
 * module runs the same corpus through the real agent jar in a separate JVM.
 */
class CorpusTest {
    static final TransformingClassLoader LOADER =
            new TransformingClassLoader(CorpusTest.class.getClassLoader(), "dev.fluxion.corpus");

    static Stream<CorpusCase> cases() throws Exception {
        return cases(LOADER);
    }

    /** The corpus as loaded, and so transformed, by {@code loader}. */
    @SuppressWarnings("unchecked")
    static Stream<CorpusCase> cases(ClassLoader loader) throws Exception {
        return ((List<CorpusCase>) loader.loadClass("dev.fluxion.corpus.Corpus").getMethod("all").invoke(null)).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradientMatchesReferences(CorpusCase c) {
        CorpusRunner.check(c);
    }

    /**
     * Hessian-vector products of the corpus, wherever Fluxion generates them: all but the functions
     * that meet a documented limit (a call dispatched by the object's class), which must say so.
     */
    @Test
    void secondDerivativesOfTheCorpus() throws Exception {
        long checked = cases().filter(CorpusRunner::checkSecondOrder).count();
        long eligible = cases().filter(c -> c.f() != null && !c.single()).count();
        assertTrue(checked >= eligible * 95 / 100, checked + " of " + eligible + " corpus functions have second derivatives");
    }

    @Test
    void everyCorpusClassWasTransformed() throws Exception {
        cases().forEach(c -> { });
        assertFalse(LOADER.transformed().isEmpty());
    }
}
