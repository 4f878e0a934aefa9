package dev.fluxion.ondemand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A class in a named module, with {@code fluxion.jar} on the module path (the automatic module
 * {@code dev.fluxion}): on demand works when the module opens its package to Fluxion, and without
 * the {@code opens} line the message says which line to add.
 */
class NamedModuleTest {
    private static final Path FLUXION_JAR = Path.of("target/fluxion.jar").toAbsolutePath();
    private static final String MAIN = """
            package app.pkg;

            import dev.fluxion.Differentiable;
            import dev.fluxion.Fluxion;

            public class Main {
                @Differentiable
                static double f(double[] x) {
                    return x[0] * x[0] * Math.sin(x[1]);
                }

                public static void main(String[] args) {
                    try {
                        System.out.println(java.util.Arrays.toString(Fluxion.gradient(Main::f).gradient(new double[] {2, 0.5})));
                    } catch (dev.fluxion.FluxionException e) {
                        System.out.println(e.getMessage());
                    }
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void aModuleThatOpensItsPackage() throws Exception {
        assertEquals("[" + 4 * Math.sin(0.5) + ", " + 4 * Math.cos(0.5) + "]",
                run("module app { requires dev.fluxion; opens app.pkg to dev.fluxion; }"));
    }

    @Test
    void aModuleThatDoesNotSaysWhichLineToAdd() throws Exception {
        String out = run("module app { requires dev.fluxion; }");
        assertTrue(out.startsWith("fluxion: module app does not open package app.pkg to Fluxion"), out);
        assertTrue(out.contains("Add `opens app.pkg to dev.fluxion;` to module app's module-info.java."), out);
    }

    private String run(String moduleInfo) throws IOException, InterruptedException {
        Path src = dir.resolve("src");
        Files.createDirectories(src.resolve("app/pkg"));
        Files.writeString(src.resolve("module-info.java"), moduleInfo);
        Files.writeString(src.resolve("app/pkg/Main.java"), MAIN);
        Path out = dir.resolve("out/app");
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", out.toString(), "--module-path",
                FLUXION_JAR.toString(), src.resolve("module-info.java").toString(), src.resolve("app/pkg/Main.java").toString());
        assertEquals(0, status, "javac");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path", FLUXION_JAR + File.pathSeparator + out.getParent(), "-m", "app/app.pkg.Main"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes()).strip();
        assertEquals(0, p.waitFor(), text);
        return text;
    }
}
