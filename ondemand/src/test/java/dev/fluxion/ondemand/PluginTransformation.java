package dev.fluxion.ondemand;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The build-time plugin's directory transformation, run from a test as Maven runs the plugin. */
final class PluginTransformation {
    private PluginTransformation() {
    }

    /**
     * Runs the plugin's directory transformation over {@code classes}, in place, and returns the class
     * files it wrote. Here {@code fluxion.jar}'s transformer, whose ASM is relocated, comes first on the
     * class path; the plugin's code runs in a class loader of its own over the plugin's jars, as Maven
     * runs it.
     *
     * @param classPath where the transformation looks up other classes
     */
    static List<?> transform(Path classes, List<Path> classPath) throws Exception {
        List<URL> jars = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.matches(".*(fluxion-maven-plugin|fluxion-transformer-[^/]*[0-9T]\\.jar|fluxion-runtime|/asm).*")
                    || entry.endsWith("maven-plugin/target/classes")
                    || entry.endsWith("transformer/target/classes") || entry.endsWith("runtime/target/classes")) {
                jars.add(Path.of(entry).toUri().toURL());
            }
        }
        try (URLClassLoader plugin = new URLClassLoader(jars.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            Class<?> transformer = plugin.loadClass("dev.fluxion.maven.ClassDirectoryTransformer");
            Object run = transformer.getConstructor(Path.class, List.class, Path.class).newInstance(classes, classPath, null);
            Object result = transformer.getMethod("run").invoke(run);
            return (List<?>) result.getClass().getMethod("written").invoke(result);
        }
    }
}
