package dev.fluxion.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fluxion.testing.CorpusCase;
import dev.fluxion.testing.CorpusClasses;
import dev.fluxion.testing.CorpusRunner;
import dev.fluxion.transformer.TransformingClassLoader;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole gradient corpus against class files transformed by the plugin's directory
 * transformation, then loaded as they are, in a JVM without the agent: a class the plugin left
 * untransformed makes {@code Fluxion.gradient} throw. The output stays in
 * {@code target/plugin-corpus} for {@code javap}.
 */
class PluginCorpusTest {
    private static final Path CLASSES = Path.of("target/plugin-corpus");
    private static final List<Path> COPIED;
    private static final ClassDirectoryTransformer.Result RESULT;
    private static final ClassLoader LOADER;

    static {
        try {
            deleteRecursively(CLASSES);
            COPIED = CorpusClasses.copyTo(CLASSES);
            List<Path> classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                    .map(Path::of).collect(Collectors.toList());
            RESULT = new ClassDirectoryTransformer(CLASSES, classPath, null).run();
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
        LOADER = new ClassDirectoryLoader(CLASSES, "dev.fluxion.corpus.", PluginCorpusTest.class.getClassLoader());
    }

    @SuppressWarnings("unchecked")
    static Stream<CorpusCase> cases() throws Exception {
        Class<?> corpus = LOADER.loadClass("dev.fluxion.corpus.Corpus");
        assertSame(LOADER, corpus.getClassLoader(), "the corpus must come from the plugin's output");
        return ((List<CorpusCase>) corpus.getMethod("all").invoke(null)).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradientMatchesReferences(CorpusCase c) {
        CorpusRunner.check(c);
    }

    @Test
    void everyCorpusClassWithDifferentiableMethodsWasRewrittenAndVerifies() throws IOException {
        List<Path> annotated = COPIED.stream().filter(PluginCorpusTest::declaresDifferentiable).collect(Collectors.toList());
        assertTrue(annotated.size() >= 5, "corpus classes with @Differentiable methods: " + annotated);
        assertEquals(annotated, RESULT.written());
        for (Path file : RESULT.written()) {
            TransformingClassLoader.verify(file.toString(), Files.readAllBytes(file));
        }
    }

    private static boolean declaresDifferentiable(Path classFile) {
        try {
            return ClassDirectoryTransformer.countDifferentiable(Files.readAllBytes(classFile)) > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) s.sorted((a, b) -> b.compareTo(a))::iterator) {
                    Files.delete(p);
                }
            }
        }
    }

    /** Loads the classes of one package from a class directory as they are (child-first); everything else from the parent. */
    static final class ClassDirectoryLoader extends ClassLoader {
        private final Path dir;
        private final String prefix;

        ClassDirectoryLoader(Path dir, String prefix, ClassLoader parent) {
            super(parent);
            this.dir = dir;
            this.prefix = prefix;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith(prefix)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    try {
                        byte[] bytes = Files.readAllBytes(dir.resolve(name.replace('.', '/') + ".class"));
                        c = defineClass(name, bytes, 0, bytes.length);
                    } catch (IOException e) {
                        throw new ClassNotFoundException(name, e);
                    }
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }
    }
}
