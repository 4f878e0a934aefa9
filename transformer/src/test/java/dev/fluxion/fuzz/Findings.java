package dev.fluxion.fuzz;

import java.util.Map;
import java.util.TreeMap;

/**
 * Constructs switched off in the default campaign because Fluxion gets programs with them wrong,
 * each with the finding (in FUZZ-FINDINGS.md, with its minimized reproduction) that explains why.
 * When the transformer is fixed, remove the entry: the CI test then fuzzes the construct again.
 */
final class Findings {
    /** Construct -> the finding in FUZZ-FINDINGS.md. */
    static final Map<Construct, String> DISABLED = new TreeMap<>(Map.of(
            Construct.RECURSION_ALIASED_ARGUMENTS, "F1",
            Construct.HELPER_MATRIX_FROM_ARGUMENTS, "F2",
            Construct.COPY_OF_UNVARIED_ARRAY, "F3"));

    private Findings() {
    }
}
