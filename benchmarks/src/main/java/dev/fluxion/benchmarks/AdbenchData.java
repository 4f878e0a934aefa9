package dev.fluxion.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;

/**
 * Where ADBench's inputs and reference outputs are: the system property {@code fluxion.adbench},
 * or else the nearest {@code ../shared/adbench-data} found walking up from the working directory
 * (CI checks the repository out beside {@code shared/}). The data is never copied into the project;
 * without it the benchmarks generate random inputs of the same shapes.
 */
public final class AdbenchData {
    public static final String PROPERTY = "fluxion.adbench";

    private AdbenchData() {
    }

    /** The data directory, if there is one. */
    public static Optional<Path> directory() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path p = Paths.get(configured).toAbsolutePath();
            return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("../shared/adbench-data").normalize();
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** A file of the data set, if the data set and the file exist. */
    public static Optional<Path> file(String relative) {
        return directory().map(d -> d.resolve(relative)).filter(Files::isRegularFile);
    }

    /** Why a test that needs reference outputs is skipped. */
    public static String missingMessage(String relative) {
        return "ADBench data file " + relative + " not found: set -D" + PROPERTY
                + "=DIR or put the data in ../shared/adbench-data beside the checkout; test skipped";
    }

    /** The whitespace-separated numbers of an ADBench text file, read in order. */
    static final class Tokens {
        private final String[] words;
        private int next;

        Tokens(Path file) {
            try {
                String text = Files.readString(file);
                words = text.strip().split("\\s+");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        int nextInt() {
            return Integer.parseInt(words[next++]);
        }

        double nextDouble() {
            return Double.parseDouble(words[next++]);
        }

        double[] nextDoubles(int count) {
            double[] v = new double[count];
            for (int i = 0; i < count; i++) {
                v[i] = nextDouble();
            }
            return v;
        }
    }
}
