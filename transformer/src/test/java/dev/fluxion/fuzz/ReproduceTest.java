package dev.fluxion.fuzz;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Runs the fuzzer's checks on one Java source file, for a finding's reproduction or a variation of
 * it written by hand (skipped unless {@code -Dfluxion.fuzz.source=FILE} is given):
 *
 * <pre>
 * mvn -B -o -pl runtime,transformer test -Dtest=ReproduceTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dfluxion.fuzz.source=/path/to/Fuzz_7_123.java [-Dfluxion.fuzz.dimension=3] [-Dfluxion.dump=DIR]
 * </pre>
 *
 * The class must be in package {@code dev.fluxion.fuzz.gen}, have the entry point
 * {@code public static double f(double[] x)} and {@code public static ScalarFunction entry()},
 * as generated programs do; the points are those of the program the class is named after
 * ({@code Fuzz_SEED_INDEX}), or of seed 0, index 0.
 */
class ReproduceTest {
    @Test
    void reproduce() throws IOException {
        String file = System.getProperty("fluxion.fuzz.source");
        assumeTrue(file != null, "no -Dfluxion.fuzz.source=FILE");
        String source = Files.readString(Path.of(file));
        Matcher name = Pattern.compile("public final class (\\w+)").matcher(source);
        if (!name.find()) {
            throw new IllegalArgumentException("no public final class in " + file);
        }
        String simple = name.group(1);
        Matcher seedIndex = Pattern.compile("Fuzz_(\\d+)_(\\d+)").matcher(simple);
        long seed = seedIndex.matches() ? Long.parseUnsignedLong(seedIndex.group(1)) : 0;
        int index = seedIndex.matches() ? Integer.parseInt(seedIndex.group(2)) : 0;
        Matcher length = Pattern.compile("x has length (\\d+)").matcher(source);
        int n = Integer.getInteger("fluxion.fuzz.dimension", length.find() ? Integer.parseInt(length.group(1)) : 3);
        Program p = new Program(seed, index, n, List.of());
        String qualified = p.qualifiedName(simple);
        InMemoryJavac.Result compiled = new InMemoryJavac().compile(Map.of(qualified, source));
        assumeTrue(compiled.errors().isEmpty(), () -> "does not compile: " + compiled.errors());
        ClassLoader parent = getClass().getClassLoader();
        FuzzStats stats = new FuzzStats();
        Failure f;
        try (ProgramCheck check = new ProgramCheck(60_000)) {
            f = check.check(p, simple, new BatchLoader(parent, compiled.classes(), true),
                    new BatchLoader(parent, compiled.classes(), false), stats);
        }
        System.out.println(stats.summary());
        assertNull(f, () -> String.valueOf(f));
    }
}
