package dev.fluxion.fuzz;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A long campaign outside Maven, configured like {@link FuzzTest} by {@code -Dfluxion.fuzz.*}
 * properties: {@code java --add-exports java.base/jdk.internal.access=ALL-UNNAMED --add-exports
 * java.base/jdk.internal.reflect=ALL-UNNAMED -cp <test class path> -Dfluxion.fuzz.programs=20000
 * dev.fluxion.fuzz.FuzzMain} (the exports, as the transformer module's surefire passes them, tell
 * lambdas of one shape made outside apart; {@code target/test-classes} registers the on-demand
 * generator that differentiates them).
 * Exits with status 1 if anything failed; the report goes to standard output (and to
 * {@code fluxion.fuzz.report} if set).
 */
public final class FuzzMain {
    private FuzzMain() {
    }

    public static void main(String[] args) throws Exception {
        Campaign.Config config = FuzzTest.configFromSystemProperties();
        long start = System.nanoTime();
        Campaign c = new Campaign(config).run();
        String summary = String.format("fuzz: seed %s, programs %d..%d, constructs %s%n%s%n%.1f s",
                Long.toUnsignedString(config.seed()), config.first(), config.first() + config.count() - 1,
                FuzzTest.constructs(config), c.stats.summary(), (System.nanoTime() - start) / 1e9);
        String report = c.report();
        System.out.println(summary);
        System.out.println(report);
        String file = System.getProperty("fluxion.fuzz.report");
        if (file != null) {
            Files.writeString(Path.of(file), summary + "\n\n" + report);
        }
        System.exit(report.isEmpty() ? 0 : 1);
    }
}
