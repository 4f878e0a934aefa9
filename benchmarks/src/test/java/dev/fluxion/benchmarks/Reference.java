package dev.fluxion.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reference outputs of ADBench and the comparisons the tests make with them. */
final class Reference {
    private Reference() {
    }

    /** The data file, or the test is skipped (with a message saying why) when the data is absent. */
    static Path require(String relative) {
        Optional<Path> file = AdbenchData.file(relative);
        assumeTrue(file.isPresent(), AdbenchData.missingMessage(relative));
        return file.get();
    }

    /** The numbers that follow the line starting with {@code section} (comments skipped). */
    static double[] section(Path file, String section, int count) {
        try {
            List<String> lines = Files.readAllLines(file);
            List<Double> values = new ArrayList<>();
            boolean in = false;
            for (String line : lines) {
                String s = line.replaceAll("#.*", "").strip();
                if (!in) {
                    in = line.startsWith(section);
                    continue;
                }
                if (s.isEmpty()) {
                    continue;
                }
                values.add(Double.parseDouble(s.split("\\s+")[0]));
                if (values.size() == count) {
                    return values.stream().mapToDouble(Double::doubleValue).toArray();
                }
            }
            throw new AssertionError(file + ": section " + section + " has fewer than " + count + " values");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value in COMPUTED_OBJECTIVES.txt for the file named in the row's first column. */
    static double computedObjective(String relative) {
        Path file = require("COMPUTED_OBJECTIVES.txt");
        try {
            for (String line : Files.readAllLines(file)) {
                String[] w = line.strip().split("\\s+");
                if (w[0].equals(relative)) {
                    return Double.parseDouble(w[w.length - 1]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("no row for " + relative + " in " + file);
    }

    /**
     * ADBench's tolerance, 1e-8, taken relative to the magnitude of the reference (absolute below
     * 1, as upstream's tests are).
     */
    static void assertClose(double expected, double actual, double tolerance, String what) {
        if (!(Math.abs(expected - actual) <= tolerance * Math.max(1, Math.abs(expected)))) {
            fail(what + ": expected " + expected + " but was " + actual);
        }
    }

    static void assertAllClose(double[] expected, double[] actual, double tolerance, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            assertClose(expected[i], actual[i], tolerance, what + "[" + i + "]");
        }
    }
}
