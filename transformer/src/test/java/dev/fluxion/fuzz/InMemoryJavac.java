package dev.fluxion.fuzz;

import dev.fluxion.Differentiable;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles generated sources in memory with the JDK's own javac ({@code javax.tools}), many classes
 * per call: javac's start-up, not the programs, is what a call costs. One instance keeps its file
 * manager (and so javac's cache of the platform classes) from call to call; not thread-safe.
 */
final class InMemoryJavac {
    /** The outcome of one batch: class bytes by binary name, and the sources javac rejected, with why. */
    record Result(Map<String, byte[]> classes, Map<String, String> errors) {
    }

    private final JavaCompiler javac;
    private final StandardJavaFileManager standard;
    private final List<String> options;

    InMemoryJavac() {
        javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no system Java compiler: run the tests on a JDK, not a JRE");
        }
        standard = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
        options = List.of("-g", "-nowarn", "-proc:none", "-Xlint:none", "-classpath", classPath());
    }

    /**
     * The test class path, and in any case the runtime's classes (the generated code needs
     * {@code dev.fluxion.Differentiable}): under Surefire, {@code java.class.path} may be a
     * manifest-only jar that javac does not expand.
     */
    private static String classPath() {
        Set<String> entries = new LinkedHashSet<>();
        try {
            entries.add(Path.of(Differentiable.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        } catch (URISyntaxException | RuntimeException e) {
            // fall back to java.class.path alone
        }
        for (String e : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!e.isEmpty()) {
                entries.add(e);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /**
     * Compiles {@code sources} (binary class name to source). javac writes no class files from a
     * call with errors, so the sources with errors are set aside and the rest compiled again.
     */
    Result compile(Map<String, String> sources) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, String> todo = new LinkedHashMap<>(sources);
        while (!todo.isEmpty()) {
            Map<String, byte[]> out = new HashMap<>();
            Map<String, String> failed = attempt(todo, out);
            if (failed.isEmpty()) {
                return new Result(out, errors);
            }
            errors.putAll(failed);
            failed.keySet().forEach(todo::remove);
        }
        return new Result(Map.of(), errors);
    }

    private Map<String, String> attempt(Map<String, String> sources, Map<String, byte[]> out) {
        List<JavaFileObject> units = new ArrayList<>();
        for (var e : sources.entrySet()) {
            units.add(new Source(e.getKey(), e.getValue()));
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavaFileManager files = new ForwardingJavaFileManager<>(standard) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                    FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + ".class"), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        return new ByteArrayOutputStream() {
                            @Override
                            public void close() throws IOException {
                                super.close();
                                out.put(className, toByteArray());
                            }
                        };
                    }
                };
            }
        };
        boolean ok = javac.getTask(null, files, diagnostics, options, null, units).call();
        Map<String, String> failed = new LinkedHashMap<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                String name = d.getSource() instanceof Source s ? s.className : "?";
                failed.merge(name, "line " + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT), (a, b) -> a + "\n" + b);
            }
        }
        if (!ok && failed.isEmpty()) {
            failed.put("?", "javac failed without an error message");
        }
        if (failed.containsKey("?")) { // an error javac could not place: give up on the whole batch
            sources.keySet().forEach(k -> failed.putIfAbsent(k, failed.get("?")));
            failed.remove("?");
        }
        return failed;
    }

    /** A source held in a string, named after its class. */
    private static final class Source extends SimpleJavaFileObject {
        final String className;
        private final String code;

        Source(String className, String code) {
            super(URI.create("string:///" + className.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.className = className;
            this.code = code;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }
}
