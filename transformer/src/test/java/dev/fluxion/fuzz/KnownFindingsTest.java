package dev.fluxion.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The minimized reproductions of the fuzzer's findings still fail as recorded ({@link Findings}).
 * When the transformer is fixed this test says which finding no longer reproduces: then remove it
 * from {@link Findings#ALL}, so that the campaign fuzzes its construct again, and update
 * FUZZ-FINDINGS.md.
 */
class KnownFindingsTest {
    static Stream<Arguments> reproductions() {
        return Findings.ALL.stream().flatMap(f -> f.reproductions().stream().map(r -> Arguments.of(f.id(), r)));
    }

    static Stream<String> fixed() {
        return Findings.FIXED.stream();
    }

    /** The reproductions of findings fixed since pass every check: each is a regression test. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fixed")
    void fixedFindingPasses(String name) throws IOException {
        Failure f = check(name);
        assertTrue(f == null, () -> name + " fails again: " + f);
    }

    private Failure check(String name) throws IOException {
        String source;
        try (InputStream in = getClass().getResourceAsStream("findings/" + name + ".java")) {
            assertNotNull(in, "reproduction " + name + " not found");
            source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Program p = new Program(0, 0, 3, List.of());
        InMemoryJavac.Result compiled = new InMemoryJavac().compile(Map.of(p.qualifiedName(name), source));
        assertEquals(Map.of(), compiled.errors());
        ClassLoader parent = getClass().getClassLoader();
        try (ProgramCheck check = new ProgramCheck(60_000)) {
            return check.check(p, name, new BatchLoader(parent, compiled.classes(), true),
                    new BatchLoader(parent, compiled.classes(), false), new FuzzStats());
        }
    }

    /** Each open finding's reproductions still fail as recorded (none is open now: all were fixed). */
    @org.junit.jupiter.api.Test
    void openFindingsStillFail() throws IOException {
        for (Arguments a : (Iterable<Arguments>) reproductions()::iterator) {
            stillFails((String) a.get()[0], (String) a.get()[1]);
        }
    }

    private void stillFails(String id, String name) throws IOException {
        Findings.Finding finding = Findings.ALL.stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
        Failure f = check(name);
        assertNotNull(f, () -> "finding " + id + " (" + finding.summary() + ") no longer reproduces with " + name
                + ": remove it from Findings.ALL, so that " + finding.disables() + " is fuzzed again, and update "
                + "FUZZ-FINDINGS.md");
        assertTrue(finding.kinds().contains(f.kind()), f::toString);
    }
}
