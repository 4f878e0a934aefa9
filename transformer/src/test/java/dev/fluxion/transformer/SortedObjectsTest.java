package dev.fluxion.transformer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fluxion.testing.CorpusCase;
import dev.fluxion.testing.CorpusRunner;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lists and arrays of objects made in the method sorted by a key ({@code SortedObjects} in the
 * corpus), and streamed, filtered and mapped to new objects ({@code ObjectStreams}): gradients
 * against closed forms and Richardson differences, forward against reverse ({@link CorpusTest}
 * does that too), and here Hessian-vector products, which every one must have.
 */
class SortedObjectsTest {
    static Stream<CorpusCase> cases() throws Exception {
        return CorpusTest.cases().filter(c -> c.name().startsWith("SortedObjects.") || c.name().startsWith("ObjectStreams."));
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
