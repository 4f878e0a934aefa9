package dev.fluxion.ondemand;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.fluxion.corpus.Corpus;
import dev.fluxion.internal.TransformationLog;
import dev.fluxion.testing.CorpusCase;
import dev.fluxion.testing.CorpusRunner;
import dev.fluxion.testing.HessianCase;
import dev.fluxion.testing.HessianRunner;
import dev.fluxion.testing.JacobianCase;
import dev.fluxion.testing.JacobianRunner;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole corpus (gradients, second derivatives, Jacobians) with neither agent nor plugin: the
 * corpus classes are plain classes on the class path, and {@code fluxion.jar} generates their
 * derivatives when they are first asked for.
 */
class OnDemandCorpusTest {
    static List<CorpusCase> gradients() {
        return Corpus.all();
    }

    static List<HessianCase> hessians() {
        return Corpus.hessians();
    }

    static List<JacobianCase> jacobians() {
        return Corpus.jacobians();
    }

    @Test
    void noAgentIsInstalled() {
        assertFalse(TransformationLog.isAgentInstalled());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gradients")
    void gradientMatchesReferences(CorpusCase c) {
        CorpusRunner.check(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hessians")
    void secondDerivativesMatchReferences(HessianCase c) {
        HessianRunner.check(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jacobians")
    void jacobianMatchesReferences(JacobianCase c) {
        JacobianRunner.check(c);
    }
}
