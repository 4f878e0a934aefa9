package dev.fluxion.maven;

import dev.fluxion.internal.Naming;
import dev.fluxion.transformer.Forwarders;
import dev.fluxion.transformer.Transformer;
import dev.fluxion.transformer.backend.ClassFileLocator;
import dev.fluxion.transformer.diagnostics.Diagnostic;
import dev.fluxion.transformer.diagnostics.DifferentiationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Transforms every class file of one directory in place, all or nothing: every class is
 * transformed in memory first; only if none of them has a problem are the new class files written,
 * each atomically (a temporary file in the same directory, then a rename over the original). No
 * Maven types here, so the logic is tested directly.
 */
public final class ClassDirectoryTransformer {

    /** What a run did. */
    public record Result(int methods, int classes, int alreadyTransformed, List<Path> written, int lambdas) {
    }

    /** Some classes cannot be differentiated; nothing was written. */
    public static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient List<Diagnostic> diagnostics;

        Failure(List<Diagnostic> diagnostics) {
            super(diagnostics.stream().map(Diagnostic::message).collect(Collectors.joining("\n")));
            this.diagnostics = List.copyOf(diagnostics);
        }

        public List<Diagnostic> diagnostics() {
            return diagnostics;
        }
    }

    private final Path classesDirectory;
    private final List<Path> classPath;
    private final Path dumpDirectory;

    /**
     * @param classesDirectory the class files to transform
     * @param classPath where other classes are looked up (directories and jars; {@code classesDirectory}
     *                  is always searched first)
     * @param dumpDirectory where to dump SSA and adjoints, or {@code null}
     */
    public ClassDirectoryTransformer(Path classesDirectory, List<Path> classPath, Path dumpDirectory) {
        this.classesDirectory = classesDirectory;
        this.classPath = List.copyOf(classPath);
        this.dumpDirectory = dumpDirectory;
    }

    public Result run() throws Failure, IOException {
        if (!Files.isDirectory(classesDirectory)) {
            return new Result(0, 0, 0, List.of(), 0);
        }
        List<Path> classFiles;
        try (Stream<Path> s = Files.walk(classesDirectory)) {
            classFiles = s.filter(p -> p.toString().endsWith(".class") && Files.isRegularFile(p)).sorted()
                    .collect(Collectors.toList());
        }
        Map<Path, byte[]> output = new LinkedHashMap<>();
        List<Diagnostic> problems = new ArrayList<>();
        int methods = 0;
        int already = 0;
        int lambdas = 0;
        // resources only: the loader never defines a class, its parent sees the JDK's class files
        try (URLClassLoader loader = new URLClassLoader(urls(), ClassLoader.getPlatformClassLoader())) {
            Transformer transformer = new Transformer(ClassFileLocator.ofClassLoader(loader), dumpDirectory)
                    .withLambdaBodies(); // no generator runs with the program: lambdas made outside are done now
            for (Path file : classFiles) {
                byte[] bytes = Files.readAllBytes(file);
                int annotated = countDifferentiable(bytes);
                if (annotated == 0 && !hasFluxionLambdas(bytes) && !Transformer.makesLambdasOfNumbers(bytes)) {
                    continue;
                }
                try {
                    byte[] transformed = transformer.transform(bytes);
                    if (transformed == null) {
                        if (annotated > 0 || Forwarders.count(classNode(bytes, ClassReader.SKIP_CODE)) > 0) {
                            already++; // (a class with lambdas alone whose lambdas were linked before)
                        }
                    } else {
                        output.put(file, transformed);
                        methods += annotated;
                        lambdas += Forwarders.count(classNode(transformed, ClassReader.SKIP_CODE))
                                - Forwarders.count(classNode(bytes, ClassReader.SKIP_CODE));
                    }
                } catch (DifferentiationException e) {
                    problems.addAll(e.diagnostics());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new Failure(problems);
        }
        List<Path> written = new ArrayList<>();
        for (Map.Entry<Path, byte[]> e : output.entrySet()) {
            writeAtomically(e.getKey(), e.getValue());
            written.add(e.getKey());
        }
        return new Result(methods, output.size(), already, written, lambdas);
    }

    private URL[] urls() {
        List<URL> urls = new ArrayList<>();
        try {
            urls.add(classesDirectory.toUri().toURL());
            for (Path p : classPath) {
                if (!p.equals(classesDirectory) && Files.exists(p)) {
                    urls.add(p.toUri().toURL());
                }
            }
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
        return urls.toArray(URL[]::new);
    }

    /** Number of {@code @Differentiable} methods declared by a class file (0 if none). */
    static int countDifferentiable(byte[] classBytes) {
        ClassNode node = new ClassNode();
        new ClassReader(classBytes).accept(node, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        int n = 0;
        for (MethodNode m : node.methods) {
            if (isAnnotated(m.visibleAnnotations) || isAnnotated(m.invisibleAnnotations)) {
                n++;
            }
        }
        return n;
    }

    /**
     * Whether a class file creates serializable lambdas of Fluxion's interfaces, which the
     * transformer links to the methods they call ({@code Fluxion.gradient { f(it) }}).
     */
    static boolean hasFluxionLambdas(byte[] classBytes) {
        ClassNode node = classNode(classBytes, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return node.methods.stream().anyMatch(m -> m.name.equals("$deserializeLambda$")) && Forwarders.hasFluxionLambdas(classBytes);
    }

    private static ClassNode classNode(byte[] classBytes, int flags) {
        ClassNode node = new ClassNode();
        new ClassReader(classBytes).accept(node, flags);
        return node;
    }

    private static boolean isAnnotated(List<AnnotationNode> annotations) {
        return annotations != null && annotations.stream().anyMatch(a -> a.desc.equals(Naming.DIFFERENTIABLE_DESCRIPTOR));
    }

    /** Writes {@code bytes} to a temporary file beside {@code target}, then renames it over {@code target}. */
    static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".fluxion-tmp");
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
