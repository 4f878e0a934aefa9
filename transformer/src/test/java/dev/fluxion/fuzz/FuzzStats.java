package dev.fluxion.fuzz;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a campaign checked, so that a passing run can be seen not to be vacuous: how many programs,
 * points, gradient components compared with differences (and how many were skipped because the
 * function is not smooth within a step of the point), Hessian-vector products, and how often each
 * construct occurred in the programs checked.
 */
final class FuzzStats {
    long programs;
    long compiled;
    long transformed;
    long passed;
    long failed;
    long points;
    /** Candidate points where the primal was not finite (another point was drawn). */
    long nonFinitePoints;
    /** Gradient components compared with Richardson extrapolation of the primal. */
    long coordinates;
    /** Components skipped: the differences at two step sizes disagree (a kink or branch switch within a step). */
    long nonSmoothCoordinates;
    /** Checked components where the gradient is exactly zero (x_i does not reach the result there). */
    long zeroCoordinates;
    /** Forward-mode components (one lane per sweep) compared with reverse mode. */
    long forwardLanes;
    /** Four-lane forward gradients compared with reverse mode. */
    long vectorGradients;
    long dotProducts;
    /** Hessian-vector products computed and compared (components, and components skipped as non-smooth). */
    long hvps;
    long hvpComponents;
    long hvpNonSmooth;
    /** Programs without a second derivative for one of Fluxion's documented limits ({@code HessianRunner.isDocumentedLimit}). */
    long hvpUnavailable;
    /** Programs whose gradient was also compared with the one Fluxion computes without inlining. */
    long noInliningTwins;
    /** Programs whose gradient was also compared with the one of f {@code @Checkpointed}, and those checkpointing rejected. */
    long checkpointedTwins;
    long notCheckpointed;
    /** Time in javac, and in checking (transformation included). */
    long javacNanos;
    long checkNanos;
    long transformNanos;
    final Map<Construct, Long> constructs = new EnumMap<>(Construct.class);
    final Map<Failure.Kind, Long> failures = new EnumMap<>(Failure.Kind.class);
    final Map<String, Long> signatures = new TreeMap<>();

    synchronized void add(FuzzStats o) {
        programs += o.programs;
        compiled += o.compiled;
        transformed += o.transformed;
        passed += o.passed;
        failed += o.failed;
        points += o.points;
        nonFinitePoints += o.nonFinitePoints;
        coordinates += o.coordinates;
        nonSmoothCoordinates += o.nonSmoothCoordinates;
        zeroCoordinates += o.zeroCoordinates;
        forwardLanes += o.forwardLanes;
        vectorGradients += o.vectorGradients;
        dotProducts += o.dotProducts;
        hvps += o.hvps;
        hvpComponents += o.hvpComponents;
        hvpNonSmooth += o.hvpNonSmooth;
        hvpUnavailable += o.hvpUnavailable;
        noInliningTwins += o.noInliningTwins;
        checkpointedTwins += o.checkpointedTwins;
        notCheckpointed += o.notCheckpointed;
        javacNanos += o.javacNanos;
        checkNanos += o.checkNanos;
        transformNanos += o.transformNanos;
        o.constructs.forEach((k, v) -> constructs.merge(k, v, Long::sum));
        o.failures.forEach((k, v) -> failures.merge(k, v, Long::sum));
        o.signatures.forEach((k, v) -> signatures.merge(k, v, Long::sum));
    }

    void countConstructs(Program p) {
        p.constructs().forEach((c, n) -> constructs.merge(c, (long) n, Long::sum));
    }

    void countFailure(Failure f) {
        failed++;
        failures.merge(f.kind(), 1L, Long::sum);
        signatures.merge(f.signature(), 1L, Long::sum);
    }

    String summary() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(java.util.Locale.ROOT,
                "%d programs (%d compiled, %d transformed, %d passed, %d failed), %d points (%d non-finite candidates redrawn)%n"
                        + "gradient components against Richardson: %d checked (%d of them zero), %d skipped as non-smooth (%.1f%%)%n"
                        + "forward mode against reverse: %d one-lane components, %d vector-lane gradients, %d dot products%n"
                        + "Hessian-vector products: %d checked (%d components, %d skipped as non-smooth); "
                        + "%d programs without one (a documented limit)%n"
                        + "gradients compared with Fluxion's without inlining: %d programs%n"
                        + "gradients compared with f @Checkpointed: %d programs (%d more rejected by checkpointing)%n"
                + "time: javac %.1f s, transformation %.1f s, checks %.1f s (transformation included)",
                programs, compiled, transformed, passed, failed, points, nonFinitePoints, coordinates, zeroCoordinates,
                nonSmoothCoordinates,
                100.0 * nonSmoothCoordinates / Math.max(1, coordinates + nonSmoothCoordinates), forwardLanes,
                vectorGradients, dotProducts, hvps, hvpComponents, hvpNonSmooth, hvpUnavailable, noInliningTwins,
                checkpointedTwins, notCheckpointed,
                javacNanos / 1e9, transformNanos / 1e9, checkNanos / 1e9));
        if (!failures.isEmpty()) {
            s.append("\nfailures by kind: ").append(failures);
        }
        s.append("\nconstructs (occurrences): ").append(constructs);
        return s.toString();
    }
}
