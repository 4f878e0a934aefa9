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
        String out = compiledForJdk25UnderTheAgent(dir, "Newer", SOURCE);
        assertEquals(Math.cos(0.5) + " " + 6.0, out.strip());
    }

    private static final String CLAMP = """
            import dev.fluxion.*;
            public class Clamped {
                @Differentiable
                static double f(double[] x) {
                    return 3 * Math.clamp(x[0] * x[1], -1.0, x[2]) + x[0] + Math.clamp((float) x[1], 0f, 2f);
                }
                public static void main(String[] a) {
                    for (double[] x : new double[][] {{0.5, 1.5, 2.0}, {2.0, 1.5, 2.5}, {-2.0, 1.5, 2.0}}) {
                        double[] g = Fluxion.gradient(Clamped::f).gradient(x);
                        double[] t = Fluxion.tangent(Clamped::f).gradient(x);
                        System.out.println(java.util.Arrays.toString(g) + " " + java.util.Arrays.toString(t));
                    }
                }
            }
            """;

    /** Java 21's {@code Math.clamp}, which JDK 17 cannot call: the derivative goes to the operand it returns. */
    @Test
    void clampOfJava21IsDifferentiated(@TempDir Path dir) throws Exception {
        String out = compiledForJdk25UnderTheAgent(dir, "Clamped", CLAMP);
        // inside [-1, x2]: d/dx0 = 3 x1 + 1, d/dx1 = 3 x0 + 1 (x1 in [0, 2]); above x2: d/dx2 = 3; below -1: -1 is a constant
        assertEquals(String.join("\n",
                "[5.5, 2.5, 0.0] [5.5, 2.5, 0.0]",
                "[1.0, 1.0, 3.0] [1.0, 1.0, 3.0]",
                "[1.0, 1.0, 0.0] [1.0, 1.0, 0.0]"), out.strip());
    }

    /** What class {@code name}, compiled from {@code source} for Java 25, prints when run under the agent on JDK 25. */
    private static String compiledForJdk25UnderTheAgent(Path dir, String name, String source) throws Exception {
        Optional<Path> jdk = newestJdk();
        assumeTrue(jdk.isPresent(), "no JDK 25 installed beside the default one");
        Files.writeString(dir.resolve(name + ".java"), source);
        String runtime = Path.of(Fluxion.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        run(dir, jdk.get().resolve("bin/javac").toString(), "--release", "25", "-cp", runtime, name + ".java");
        return run(dir, jdk.get().resolve("bin/java").toString(),
                "-javaagent:" + Path.of("target/fluxion-agent.jar").toAbsolutePath(), "-cp", dir + ":" + runtime, name);
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
