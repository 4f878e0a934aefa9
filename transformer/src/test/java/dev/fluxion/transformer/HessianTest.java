package dev.fluxion.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fluxion.testing.HessianCase;
import dev.fluxion.testing.HessianRunner;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hessians, Hessian-vector products and second derivatives (reverse over forward), transformed
 * in-process like {@link CorpusTest}; the agent module runs the same cases through the agent jar.
 */
class HessianTest {
    private static final TransformingClassLoader LOADER =
            new TransformingClassLoader(HessianTest.class.getClassLoader(), "dev.fluxion.corpus");

    @SuppressWarnings("unchecked")
    static Stream<HessianCase> cases() throws Exception {
        return ((List<HessianCase>) LOADER.loadClass("dev.fluxion.corpus.Corpus").getMethod("hessians").invoke(null))
                .stream();
    }

    @Test
    void aCallThatWasNotInlinedIsReportedClearly() throws Exception {
        String message = (String) LOADER.loadClass("dev.fluxion.corpus.SecondOrderCases")
                .getMethod("hessianThroughACallIntoAnotherClass").invoke(null);
        assertEquals("fluxion: dev.fluxion.corpus.Calls.crossClass(Calls.java:65): no second derivative: a call to "
                + "dev.fluxion.corpus.Arithmetic.sumOfSquares that was not inlined: second derivatives differentiate "
                + "the tangent once more, and go through calls only where the callee is inlined. Make the callee a small "
                + "static @Differentiable method of the same class, or write its code in the caller.", message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void secondDerivativesMatchReferences(HessianCase c) {
        HessianRunner.check(c);
    }
}
