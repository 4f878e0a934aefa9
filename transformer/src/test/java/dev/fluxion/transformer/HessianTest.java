package dev.fluxion.transformer;

import dev.fluxion.testing.HessianCase;
import dev.fluxion.testing.HessianRunner;
import java.util.List;
import java.util.stream.Stream;
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void secondDerivativesMatchReferences(HessianCase c) {
        HessianRunner.check(c);
    }
}
