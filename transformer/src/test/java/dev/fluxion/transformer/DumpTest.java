package dev.fluxion.transformer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fluxion.transformer.backend.ClassFileLocator;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -Dfluxion.dump=DIR}: the SSA (with activity) and the adjoint of every method, as text. */
class DumpTest {
    @Test
    void writesSsaAndAdjoint(@TempDir Path dir) throws Exception {
        byte[] bytes;
        try (InputStream in = getClass().getResourceAsStream("/dev/fluxion/corpus/Loops.class")) {
            bytes = in.readAllBytes();
        }
        new Transformer(ClassFileLocator.ofClassLoader(getClass().getClassLoader()), dir).transform(bytes);
        Path classDir = dir.resolve("dev.fluxion.corpus.Loops");
        String ssa = Files.readString(Files.list(classDir).filter(p -> p.toString().endsWith(".ssa.txt")).findFirst()
                .orElseThrow());
        assertTrue(ssa.contains("phi ["), ssa);
        assertTrue(ssa.contains("[active]"), ssa);
        assertTrue(ssa.contains("; line "), ssa);
        String adjoint = Files.readString(Files.list(classDir).filter(p -> p.toString().endsWith(".adjoint.txt"))
                .findFirst().orElseThrow());
        assertTrue(adjoint.contains("function dev.fluxion.corpus.Loops.fluxion$adjoint$"), adjoint);
        assertTrue(adjoint.contains("dev.fluxion.internal.Tape.push"), adjoint);
    }
}
