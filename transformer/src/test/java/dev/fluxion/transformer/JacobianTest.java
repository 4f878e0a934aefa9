package dev.fluxion.transformer;

import dev.fluxion.testing.JacobianCase;
import dev.fluxion.testing.JacobianRunner;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Jacobians and vector-Jacobian products of the corpus's vector-valued functions, transformed
 * in-process like {@link CorpusTest}; the agent module runs the same cases through the agent jar.
 */
class JacobianTest {
    private static final TransformingClassLoader LOADER =
            new TransformingClassLoader(JacobianTest.class.getClassLoader(), "dev.fluxion.corpus");

    @SuppressWarnings("unchecked")
    static Stream<JacobianCase> cases() throws Exception {
        return ((List<JacobianCase>) LOADER.loadClass("dev.fluxion.corpus.Corpus").getMethod("jacobians").invoke(null))
                .stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void jacobianMatchesReferences(JacobianCase c) {
        JacobianRunner.check(c);
    }

    /**
     * Entry points reuse their work arrays from call to call; one nested in another (here in the
     * primal of the function being differentiated) must get its own. Seen to fail when it shares
     * them: J[0][0] came out 0.
     */
    @Test
    void entryPointNestedInAnotherHasItsOwnWorkArrays() throws Exception {
        JacobianRunner.check((JacobianCase) LOADER.loadClass("dev.fluxion.corpus.Corpus").getMethod("nestedJacobian")
                .invoke(null));
    }
}
