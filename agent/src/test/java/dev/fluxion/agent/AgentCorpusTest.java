package dev.fluxion.agent;

import dev.fluxion.corpus.Corpus;
import dev.fluxion.testing.CorpusCase;
import dev.fluxion.testing.CorpusRunner;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole gradient corpus, in a JVM started with the real agent jar: the corpus classes are
 * plain classes on the class path, transformed by the agent when first loaded.
 */
class AgentCorpusTest {
    static List<CorpusCase> cases() {
        return Corpus.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradientMatchesReferences(CorpusCase c) {
        CorpusRunner.check(c);
    }
}
