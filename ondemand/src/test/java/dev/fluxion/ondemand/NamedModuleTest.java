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
 * the {@code opens} line the message says which line to add. The same for a private field of
 * another module's class, which the derivative reads through a method handle: the other module
 * must open its package to the loss's.
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

    /** A picture of module lib whose samples are private, inlined into a loss of module app. */
    private static final String PICTURE = """
            package lib.img;

            import java.util.function.DoubleUnaryOperator;

            public final class Picture {
                private final double[] samples;

                public Picture(double... samples) {
                    this.samples = samples;
                }

                public Picture map(DoubleUnaryOperator f) {
                    double[] out = new double[samples.length];
                    for (int i = 0; i < samples.length; i++) {
                        out[i] = f.applyAsDouble(samples[i]);
                    }
                    return new Picture(out);
                }

                public double sum() {
                    double s = 0;
                    for (double v : samples) {
                        s += v;
                    }
                    return s;
                }
            }
            """;

    private static final String LOSS = """
            package app.pkg;

            import dev.fluxion.Differentiable;
            import dev.fluxion.Fluxion;
            import lib.img.Picture;

            public class Main {
                final Picture photo = new Picture(0.1, 0.5, 0.9);

                @Differentiable
                double loss(double[] p) {
                    return photo.map(v -> p[0] * v + p[1] * v * v).sum();
                }

                public static void main(String[] args) {
                    try {
                        System.out.println(java.util.Arrays.toString(Fluxion.gradient(new Main()::loss).gradient(new double[] {1, 2})));
                    } catch (dev.fluxion.FluxionException e) {
                        System.out.println(e.getMessage());
                    }
                }
            }
            """;

    /** The derivative reads Picture's private field through privateLookupIn, which module lib must open to app. */
    @Test
    void aPrivateFieldOfAnotherModuleThatOpensItsPackage() throws Exception {
        assertEquals("[1.5, 1.07]", runTwo("module lib { exports lib.img; opens lib.img to app; }"));
    }

    @Test
    void aPrivateFieldOfAnotherModuleThatDoesNotSaysWhichLineToAdd() throws Exception {
        String out = runTwo("module lib { exports lib.img; }");
        assertEquals("fluxion: the derivative in app.pkg.Main reads the field lib.img.Picture.samples, which only Picture "
                + "may use; Fluxion reaches it through MethodHandles.privateLookupIn, and module lib does not open package "
                + "lib.img to module app. Add `opens lib.img to app;` to module lib's module-info.java (or run with "
                + "--add-opens lib/lib.img=app), or make the member public.", out);
    }

    private String runTwo(String libInfo) throws IOException, InterruptedException {
        Path src = dir.resolve("src");
        write(src.resolve("lib/module-info.java"), libInfo);
        write(src.resolve("lib/lib/img/Picture.java"), PICTURE);
        write(src.resolve("app/module-info.java"), "module app { requires dev.fluxion; requires lib; opens app.pkg to dev.fluxion; }");
        write(src.resolve("app/app/pkg/Main.java"), LOSS);
        Path out = dir.resolve("out");
        List<String> args = new ArrayList<>(List.of("-d", out.toString(), "--module-path", FLUXION_JAR.toString(),
                "--module-source-path", src.toString()));
        try (var files = Files.walk(src)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> args.add(f.toString()));
        }
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new)), "javac");
        return java(FLUXION_JAR + File.pathSeparator + out.resolve("app") + File.pathSeparator + out.resolve("lib"));
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
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
        return java(FLUXION_JAR + File.pathSeparator + out.getParent());
    }

    /** Runs app/app.pkg.Main on {@code modulePath}: what it prints. */
    private static String java(String modulePath) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path", modulePath, "-m", "app/app.pkg.Main"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes()).strip();
        assertEquals(0, p.waitFor(), text);
        return text;
    }
}
