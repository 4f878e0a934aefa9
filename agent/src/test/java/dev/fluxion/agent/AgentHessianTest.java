package dev.fluxion.agent;

import dev.fluxion.corpus.Corpus;
import dev.fluxion.testing.HessianCase;
import dev.fluxion.testing.HessianRunner;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Hessians and second derivatives (reverse over forward), in a JVM started with the agent jar. */
class AgentHessianTest {
    static List<HessianCase> cases() {
        return Corpus.hessians();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void secondDerivativesMatchReferences(HessianCase c) {
        HessianRunner.check(c);
    }
}
