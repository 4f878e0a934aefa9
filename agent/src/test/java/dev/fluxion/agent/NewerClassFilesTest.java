package dev.fluxion.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fluxion.Fluxion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent on the newest JDK installed beside the default one (JDK 25 on our machines), with a
 * class compiled for it: class-file version 69 must go through ASM and the transformer.
 */
class NewerClassFilesTest {
    private static final String SOURCE = """
            import dev.fluxion.*;
            public class Newer {
                @Differentiable
                static double f(double[] x) {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        s += switch (i % 2) { case 0 -> Math.sin(x[i]); default -> x[i] * x[i]; };
                    }
                    return s;
                }
                public static void main(String[] a) {
                    double[] g = Fluxion.gradient(Newer::f).gradient(new double[] {0.5, 3.0});
                    System.out.println(g[0] + " " + g[1]);
                }
            }
            """;

    @Test
    void agentDifferentiatesAClassCompiledForJdk25(@TempDir Path dir) throws Exception {
        Optional<Path> jdk = newestJdk();
        assumeTrue(jdk.isPresent(), "no JDK 25 installed beside the default one");
        Files.writeString(dir.resolve("Newer.java"), SOURCE);
        String runtime = Path.of(Fluxion.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        run(dir, jdk.get().resolve("bin/javac").toString(), "--release", "25", "-cp", runtime, "Newer.java");
        String out = run(dir, jdk.get().resolve("bin/java").toString(),
                "-javaagent:" + Path.of("target/fluxion-agent.jar").toAbsolutePath(), "-cp", dir + ":" + runtime, "Newer");
        assertEquals(Math.cos(0.5) + " " + 6.0, out.strip());
    }

    private static Optional<Path> newestJdk() throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(h -> h.getFileName().toString().contains("25"))
                    .filter(h -> Files.isExecutable(h.resolve("bin/javac"))).findFirst();
        }
    }

    private static String run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), String.join(" ", command) + "\n" + out);
        return out;
    }
}
