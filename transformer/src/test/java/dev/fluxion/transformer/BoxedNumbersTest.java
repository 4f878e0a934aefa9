package dev.fluxion.transformer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fluxion.testing.CorpusCase;
import dev.fluxion.testing.CorpusRunner;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The boxed numbers of the corpus ({@code BoxedNumbers}: lists of Doubles sorted, searched and
 * iterated, Double locals, a Double[]): gradients against closed forms and Richardson differences,
 * forward against reverse ({@link CorpusTest} does that too), and here Hessian-vector products,
 * which every one of them must have.
 */
class BoxedNumbersTest {
    static Stream<CorpusCase> cases() throws Exception {
        return CorpusTest.cases().filter(c -> c.name().startsWith("BoxedNumbers."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradientAndTangentMatchReferences(CorpusCase c) {
        CorpusRunner.check(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hessianVectorProductsMatchDifferencesOfTheGradient(CorpusCase c) {
        assertTrue(CorpusRunner.checkSecondOrder(c), c.name() + " has no second derivative");
    }
}
