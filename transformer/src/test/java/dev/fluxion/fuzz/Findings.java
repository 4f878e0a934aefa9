package dev.fluxion.fuzz;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the fuzzer found that Fluxion gets wrong, each with its minimized reproductions (in
 * {@code src/test/resources/dev/fluxion/fuzz/findings}, explained in FUZZ-FINDINGS.md at the top
 * of the repository) and the construct switched off in the default campaign because of it, so that
 * everything else keeps being fuzzed in CI. {@link KnownFindingsTest} checks that each reproduction
 * still fails: when the transformer is fixed it says so, and the entry goes (and the construct is
 * fuzzed again).
 */
final class Findings {
    /** A finding: the construct it disables, its reproductions, and how they fail today. */
    record Finding(String id, Construct disables, Failure.Kind kind, String summary, List<String> reproductions) {
    }

    static final List<Finding> ALL = List.of(
            new Finding("F1", Construct.RECURSION_ALIASED_ARGUMENTS, null,
                    "a recursive callee (or one that calls a recursive one) is taken to write every array it passes "
                            + "on to itself: one array passed twice, or a matrix and its row, is rejected although "
                            + "the callee writes neither",
                    List.of("F1a", "F1b", "F1d")),
            new Finding("F2", Construct.HELPER_MATRIX_FROM_ARGUMENTS, Failure.Kind.REJECTED,
                    "a callee that builds a new matrix of the rows of a matrix it is given, or moves the rows of "
                            + "a copy of it, is rejected as moving the rows of the matrix it is given",
                    List.of("F2a", "F2b")),
            new Finding("F3", Construct.COPY_OF_UNVARIED_ARRAY, Failure.Kind.LINK_ERROR,
                    "no second derivative where a copy (clone(), Arrays.copyOf) of an array without derivatives "
                            + "later holds differentiated values: the tangent's ArrayTangents.zerosLike has no "
                            + "derivative rule",
                    List.of("F3a", "F3b")));

    /** Construct -> the finding that switched it off. */
    static final Map<Construct, String> DISABLED = disabled();

    private static Map<Construct, String> disabled() {
        Map<Construct, String> m = new TreeMap<>();
        for (Finding f : ALL) {
            m.put(f.disables(), f.id());
        }
        return m;
    }

    private Findings() {
    }
}
