package dev.fluxion.transformer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fluxion.GradCheck;
import dev.fluxion.ScalarFunction;
import dev.fluxion.testing.CorpusCase;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The public {@link GradCheck} passes on every smooth scalar case of the corpus. (Its failing side: AdjointRulesTest.) */
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
        }
    }
}
