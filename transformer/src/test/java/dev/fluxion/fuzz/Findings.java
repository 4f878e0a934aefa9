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

    static final List<Finding> ALL = List.of();

    /**
     * Findings fixed since, whose reproductions must now pass every check ({@link KnownFindingsTest}):
     * F1, a read-only recursive callee taken to write the arrays it passes to itself (fixed by
     * summarising a self-recursive callee to a fixed point); F3, no second derivative of a copy of
     * an array without derivatives ({@code zerosLike} is now a fresh allocation, the tangent of an
     * arraycopy from one {@code Arrays.fill}); F2, a callee that builds a matrix of its argument's
     * rows taken to move the argument's rows (the rows moved are now those of the parameter itself,
     * {@code ArrayFamilies.rowsMovedParameters}); F5 (programs 847, 1173 and 1260 of seed 7), a callee
     * that stores its argument as a row of a new matrix taken to write it (a row store into a matrix
     * that holds an array's rows writes none of its numbers); F4, an exit from two nested loops inside
     * a third (a labelled break, or a return from an inlined helper's loops) whose inner index the
     * reverse sweep took from the previous pass (an induction variable is recomputed from its loop's
     * trip count only inside the loop; after it, it is recorded); F7 (program 16 of seed 2718), an
     * internal error: a loop fused into an earlier one over the same range left its counter's uses
     * after it referring to the removed header ({@code LoopFusion} now points them at the fused index);
     * F8 (program 5725 of seed 4242), a false rejection: a helper nobody annotated, given only a
     * literal, returned an array later written with differentiated values, and was not inlined
     * ({@code ReadableCallees} now inlines helpers that return floating arrays).
     */
    static final List<String> FIXED = List.of("F1a", "F1b", "F1d", "F2a", "F2b", "F3a", "F3b", "F3c", "F4a", "F4b", "F4c", "F4d", "F5a", "F5b",
            "F5c", "F7a", "F8a", "F10a");

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
