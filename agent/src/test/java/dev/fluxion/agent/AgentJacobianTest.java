package dev.fluxion.agent;

import dev.fluxion.corpus.Corpus;
import dev.fluxion.testing.JacobianCase;
import dev.fluxion.testing.JacobianRunner;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Jacobians and vector-Jacobian products of the corpus's vector-valued functions, in a JVM started with the agent jar. */
class AgentJacobianTest {
    static List<JacobianCase> cases() {
        return Corpus.jacobians();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void jacobianMatchesReferences(JacobianCase c) {
        JacobianRunner.check(c);
    }
}
