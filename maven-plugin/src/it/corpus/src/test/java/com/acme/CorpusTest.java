package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fluxion.corpus.Corpus;
import dev.fluxion.testing.CorpusCase;
import dev.fluxion.testing.CorpusRunner;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Fluxion's gradient corpus, as transformed by the transform-tests goal; no agent in this JVM. */
class CorpusTest {
    static List<CorpusCase> cases() {
        return Corpus.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradientMatchesReferences(CorpusCase c) {
        CorpusRunner.check(c);
    }

    @Test
    void corpusIsTheTransformedCopy() throws Exception {
        Path origin = Path.of(Corpus.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertEquals(Path.of("target/test-classes").toAbsolutePath(), origin);
    }
}
