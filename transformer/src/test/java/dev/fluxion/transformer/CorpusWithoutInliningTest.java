package dev.fluxion.transformer;

import dev.fluxion.testing.CorpusCase;
import dev.fluxion.testing.CorpusRunner;
import dev.fluxion.transformer.backend.ClassFileLocator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus again, with inlining off: every call to a {@code @Differentiable} method is then
 * reversed jointly through the callee's adjoint (array snapshots, returned arrays, aliasing checks),
 * the path calls across classes, recursive and large callees always take.
 */
class CorpusWithoutInliningTest {
    private static final TransformingClassLoader LOADER = new TransformingClassLoader(
            CorpusWithoutInliningTest.class.getClassLoader(), new Transformer(
                    ClassFileLocator.ofClassLoader(CorpusWithoutInliningTest.class.getClassLoader()), null, false),
            "dev.fluxion.corpus");

    static Stream<CorpusCase> cases() throws Exception {
        return CorpusTest.cases(LOADER);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradientMatchesReferences(CorpusCase c) {
        CorpusRunner.check(c);
    }
}
