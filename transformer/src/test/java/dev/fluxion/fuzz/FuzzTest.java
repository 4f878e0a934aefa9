package dev.fluxion.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Differential fuzzing of Fluxion: random {@code @Differentiable} programs inside the documented
 * subset, each transformed by the real transformer and its derivatives checked against each other
 * and against the primal ({@link Oracle}).
 *
 * <p>In {@code mvn verify}: about 300 programs of a fixed seed, on the constructs that pass
 * ({@link Construct#passing()}). A long campaign:
 *
 * <pre>
 * mvn -B -o -pl runtime,transformer test -Dtest=FuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dfluxion.fuzz.programs=100000 -Dfluxion.fuzz.seed=7 [-Dfluxion.fuzz.constructs=all] \
 *     [-Dfluxion.fuzz.report=target/fuzz-report.txt]
 * </pre>
 *
 * Properties: {@code fluxion.fuzz.programs}, {@code .seed}, {@code .first} (index of the first
 * program, to rerun one: {@code -Dfluxion.fuzz.first=1234 -Dfluxion.fuzz.programs=1}),
 * {@code .constructs} ({@code all}, {@code passing}, or names, {@code -NAME} to remove one),
 * {@code .batch} (programs per javac call), {@code .twin} (every how many programs also to
 * compare with the transformer without inlining; 0: never), {@code .shrinks} (failures shrunk per signature), {@code .timeout} (ms per
 * program), {@code .threads} (programs checked in parallel), {@code .report} (a file for the
 * findings and counts).
 */
class FuzzTest {
    @Test
    void randomProgramsHaveConsistentDerivatives() throws IOException {
        Campaign.Config config = configFromSystemProperties();
        long start = System.nanoTime();
        Campaign c = new Campaign(config).run();
        String summary = String.format("fuzz: seed %s, programs %d..%d, constructs %s%n%s%n%.1f s",
                Long.toUnsignedString(config.seed()), config.first(), config.first() + config.count() - 1,
                constructs(config), c.stats.summary(), (System.nanoTime() - start) / 1e9);
        System.out.println(summary);
        String report = c.report();
        String file = System.getProperty("fluxion.fuzz.report");
        if (file != null) {
            Files.writeString(Path.of(file), summary + "\n\n" + report);
        }
        if (!report.isEmpty()) {
            fail("fuzzing found failures:\n" + report + "\n" + summary);
        }
        // not vacuous: most components compared, and not zero; second derivatives checked
        assertTrue(c.stats.coordinates > 3 * c.stats.nonSmoothCoordinates, summary);
        assertTrue(c.stats.coordinates > 2 * c.stats.zeroCoordinates, summary);
        assertTrue(c.stats.hvps > 0 || c.stats.programs < 20, summary);
    }

    /** The campaign the {@code fluxion.fuzz.*} system properties describe (see the class comment). */
    static Campaign.Config configFromSystemProperties() {
        return new Campaign.Config(
                Long.parseUnsignedLong(System.getProperty("fluxion.fuzz.seed", "20250101")),
                Integer.getInteger("fluxion.fuzz.first", 0),
                Integer.getInteger("fluxion.fuzz.programs", 300),
                Construct.parse(System.getProperty("fluxion.fuzz.constructs", "passing")),
                Integer.getInteger("fluxion.fuzz.batch", 50),
                Integer.getInteger("fluxion.fuzz.twin", 4),
                Integer.getInteger("fluxion.fuzz.shrinks", 1),
                Integer.getInteger("fluxion.fuzz.shrinkChecks", 600),
                Long.getLong("fluxion.fuzz.timeout", 60_000L),
                Integer.getInteger("fluxion.fuzz.threads", Math.min(2, Runtime.getRuntime().availableProcessors())),
                System.out);
    }

    static String constructs(Campaign.Config config) {
        if (config.constructs().equals(Construct.all())) {
            return "all";
        }
        if (config.constructs().equals(Construct.passing())) {
            return "passing (all but " + Findings.DISABLED.keySet() + ")";
        }
        return Construct.names(config.constructs());
    }
}
