package dev.fluxion.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** A class compiled by javac at test time into a jar of its own, as a job's jar that Spark ships to its executors. */
final class ShippedJar {
    private ShippedJar() {
    }

    static Path compile(Path dir, String className, String source) throws IOException {
        Path sources = dir.resolve("src");
        Path classes = dir.resolve("classes");
        Path file = sources.resolve(className.replace('.', '/') + ".java");
        Files.createDirectories(file.getParent());
        Files.createDirectories(classes);
        Files.writeString(file, source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        // against fluxion's API and this module's alone: javac would read all of Spark's jars on the class path
        String classPath = where(dev.fluxion.Differentiable.class) + java.io.File.pathSeparator + where(ExampleLoss.class);
        int status = javac.run(null, null, null, "-d", classes.toString(), "-cp", classPath, "--release", "17",
                file.toString());
        if (status != 0) {
            throw new IllegalStateException("javac failed on " + file);
        }
        Path jar = dir.resolve(className + ".jar");
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream entries = new JarOutputStream(out);
                Stream<Path> walk = Files.walk(classes)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                entries.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                entries.write(Files.readAllBytes(p));
                entries.closeEntry();
            }
        }
        return jar;
    }

    private static String where(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
