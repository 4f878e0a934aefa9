package dev.fluxion.maven;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;

/** The directory transformation, on class files of the transformer's test jar. */
class ClassDirectoryTransformerTest {
    private static final String GOOD = "dev/fluxion/corpus/Arithmetic";
    private static final String BAD = "dev/fluxion/fixtures/bad/NonDifferentiableCallee";
    private static final String PLAIN = "dev/fluxion/maven/ClassDirectoryTransformerTest";
    private static final String LAMBDAS_ONLY = "dev/fluxion/lambdas/Callers";

    @TempDir
    Path dir;

    private Path copy(String internalName) throws IOException {
        Path target = dir.resolve(internalName + ".class");
        Files.createDirectories(target.getParent());
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(internalName + ".class")) {
            Files.write(target, in.readAllBytes());
        }
        return target;
    }

    private ClassDirectoryTransformer transformer() {
        return new ClassDirectoryTransformer(dir, List.of(), null);
    }

    private static long adjoints(Path classFile) throws IOException {
        ClassNode node = new ClassNode();
        new ClassReader(Files.readAllBytes(classFile)).accept(node, ClassReader.SKIP_CODE);
        // one a method, beside the adjoints of loop bodies reversed one iteration at a time
        return node.methods.stream()
                .filter(m -> m.name.startsWith("fluxion$adjoint$") && !m.name.matches(".*\\$iteration\\d+")).count();
    }

    private List<Path> allFiles() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void transformsAnnotatedClassesAndLeavesOthersAlone() throws Exception {
        Path good = copy(GOOD);
        Path plain = copy(PLAIN);
        byte[] plainBefore = Files.readAllBytes(plain);
        int annotated = ClassDirectoryTransformer.countDifferentiable(Files.readAllBytes(good));

        ClassDirectoryTransformer.Result r = transformer().run();

        assertEquals(1, r.classes());
        assertEquals(annotated, r.methods());
        assertEquals(List.of(good), r.written());
        assertEquals(annotated, adjoints(good));
        assertArrayEquals(plainBefore, Files.readAllBytes(plain));
        assertEquals(List.of(good, plain).stream().sorted().collect(Collectors.toList()), allFiles(), "no temp files left");
    }

    @Test
    void secondRunDoesNotTransformAgain() throws Exception {
        Path good = copy(GOOD);
        transformer().run();
        byte[] once = Files.readAllBytes(good);

        ClassDirectoryTransformer.Result r = transformer().run();

        assertEquals(0, r.classes());
        assertEquals(1, r.alreadyTransformed());
        assertArrayEquals(once, Files.readAllBytes(good));
    }

    @Test
    void aClassWithLambdasAloneGetsTheirForwardersOnce() throws Exception {
        Path callers = copy(LAMBDAS_ONLY); // x -> Lambdas.sumOfCubes(x), and no @Differentiable method

        ClassDirectoryTransformer.Result r = transformer().run();

        assertEquals(1, r.classes());
        assertEquals(0, r.methods());
        assertEquals(1, r.lambdas());
        assertEquals(List.of(callers), r.written());
        byte[] once = Files.readAllBytes(callers);
        ClassDirectoryTransformer.Result again = transformer().run();
        assertEquals(0, again.classes());
        assertEquals(1, again.alreadyTransformed());
        assertArrayEquals(once, Files.readAllBytes(callers));
    }

    @Test
    void anErrorWritesNothingAndReportsEveryDiagnostic() throws Exception {
        Path good = copy(GOOD);
        Path bad = copy(BAD);
        byte[] goodBefore = Files.readAllBytes(good);
        byte[] badBefore = Files.readAllBytes(bad);

        ClassDirectoryTransformer.Failure f = assertThrows(ClassDirectoryTransformer.Failure.class, () -> transformer().run());

        assertEquals(1, f.diagnostics().size());
        String message = f.diagnostics().get(0).message();
        assertTrue(message.startsWith("fluxion: dev.fluxion.fixtures.bad.NonDifferentiableCallee.f(NonDifferentiableCallee.java:"), message);
        assertTrue(message.contains("which is not @Differentiable"), message);
        assertArrayEquals(goodBefore, Files.readAllBytes(good), "the good class must not be written either");
        assertArrayEquals(badBefore, Files.readAllBytes(bad));
        assertEquals(2, allFiles().size());
    }

    @Test
    void atomicWriteReplacesTheFile() throws Exception {
        Path f = dir.resolve("A.class");
        Files.write(f, new byte[] {1, 2, 3});
        ClassDirectoryTransformer.writeAtomically(f, new byte[] {4, 5});
        assertArrayEquals(new byte[] {4, 5}, Files.readAllBytes(f));
        assertEquals(List.of(f), allFiles());
    }

    @Test
    void missingDirectoryIsNothingToDo() throws Exception {
        ClassDirectoryTransformer.Result r = new ClassDirectoryTransformer(dir.resolve("absent"), List.of(), null).run();
        assertEquals(0, r.classes());
        assertNotEquals(null, r.written());
    }
}
