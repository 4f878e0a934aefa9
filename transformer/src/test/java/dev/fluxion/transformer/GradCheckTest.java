package dev.fluxion.transformer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fluxion.GradCheck;
import dev.fluxion.ScalarFunction;
import dev.fluxion.testing.CorpusCase;
import dev.fluxion.testing.JacobianCase;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The public {@link GradCheck} passes on every smooth scalar case and every vector function of the
 * corpus, finite differences and the dot-product test of forward against reverse mode. (Its failing
 * side: AdjointRulesTest.)
 */
class GradCheckTest {
    static Stream<CorpusCase> smoothCases() throws Exception {
        return CorpusTest.cases().filter(c -> c.smooth() && !c.isUnary() && !c.single()); // float cases: GradCheck is for double code
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("smoothCases")
    void passesOnTheCorpus(CorpusCase c) {
        ScalarFunction f = c.f();
        for (double[] x : c.points()) {
            GradCheck.Report r = GradCheck.gradient(f, x);
            r.assertPassed();
            assertTrue(r.maxError() < 1e-6, r::toString);
            assertTrue(r.modesError() <= GradCheck.MODES_TOLERANCE, r::toString); // the dot-product test was run
            assertTrue(r.toString().contains("dot-product test"), r::toString);
        }
    }

    @SuppressWarnings("unchecked")
    static Stream<JacobianCase> vectorCases() throws Exception {
        return ((List<JacobianCase>) CorpusTest.LOADER.loadClass("dev.fluxion.corpus.Corpus").getMethod("jacobians")
                .invoke(null)).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectorCases")
    void passesOnTheVectorFunctions(JacobianCase c) {
        for (double[] x : c.points()) {
            GradCheck.Report r = GradCheck.jacobian(c.f(), c.outputs(), x);
            r.assertPassed();
            assertTrue(r.modesError() <= GradCheck.MODES_TOLERANCE, r::toString);
        }
    }
}
