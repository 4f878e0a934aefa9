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
    record Finding(String id, Construct disables, java.util.Set<Failure.Kind> kinds, String summary,
            List<String> reproductions) {
    }

    static final List<Finding> ALL = List.of(
            new Finding("F1", Construct.RECURSION_ALIASED_ARGUMENTS,
                    java.util.Set.of(Failure.Kind.REJECTED, Failure.Kind.REJECTED_AT_RUN_TIME),
                    "a recursive callee (or one that calls a recursive one) is taken to write every array it passes "
                            + "on to itself: one array passed twice, or a matrix and its row, is rejected although "
                            + "the callee writes neither",
                    List.of("F1a", "F1b", "F1d")),
            new Finding("F2", Construct.HELPER_MATRIX_FROM_ARGUMENTS, java.util.Set.of(Failure.Kind.REJECTED),
                    "a callee that builds a new matrix of the rows of a matrix it is given, or moves the rows of "
                            + "a copy of it, is rejected as moving the rows of the matrix it is given",
                    List.of("F2a", "F2b")),
            new Finding("F3", Construct.COPY_OF_UNVARIED_ARRAY, java.util.Set.of(Failure.Kind.LINK_ERROR),
                    "no second derivative where a copy (clone(), Arrays.copyOf, System.arraycopy) of an array "
                            + "without derivatives meets differentiated values: the tangent's ArrayTangents.zerosLike "
                            + "and copyZeros have no derivative rules",
                    List.of("F3a", "F3b", "F3c")),
            new Finding("F4", Construct.EXIT_FROM_NESTED_LOOPS,
                    java.util.Set.of(Failure.Kind.FORWARD, Failure.Kind.RICHARDSON, Failure.Kind.HVP),
                    "a jump out of two nested loops inside a third loop (a labelled break, or a return from an "
                            + "inlined callee's nested loops called in a loop): reverse mode, and Hessian-vector "
                            + "products, use index 0 for the inner loop's index at the exit: wrong gradients",
                    List.of("F4a", "F4b", "F4c", "F4d")));

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
