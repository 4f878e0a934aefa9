package dev.fluxion.transformer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fluxion.transformer.backend.ClassFileLocator;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * try/catch/finally around differentiated code ({@code corpus.TryCatchCases}, whose gradients the
 * corpus checks): what the corpus cannot see. Cleanup runs in the derivatives as in the primal, an
 * exception no handler of the method catches leaves the gradient call as itself, and the SSA has
 * the exceptional edges the derivatives follow.
 */
class TryCatchTest {
    private static Object scenario(String name, Object... args) throws Exception {
        Class<?> c = CorpusTest.LOADER.loadClass("dev.fluxion.corpus.TryCatchScenarios");
        for (var m : c.getMethods()) {
            if (m.getName().equals(name)) {
                return m.invoke(null, args);
            }
        }
        throw new NoSuchMethodException(name);
    }

    @Test
    void resourcesAreClosedInTheAdjointAndTheTangent() throws Exception {
        assertArrayEquals(new int[] {1, 1}, (int[]) scenario("timersClosed"));
    }

    @Test
    void finallyBlocksRunOnEveryExitOfTheAdjoint() throws Exception {
        assertEquals(2, (int) scenario("finallyBlocksRun"));
    }

    @Test
    void anExceptionNoHandlerCatchesLeavesEveryDerivativeAsItself() throws Exception {
        Throwable[] thrown = (Throwable[]) scenario("thrownAt", (Object) new double[] {0.3, 0.4});
        assertInstanceOf(IllegalArgumentException.class, thrown[0], "the primal");
        for (int i = 1; i < thrown.length; i++) {
            assertInstanceOf(IllegalArgumentException.class, thrown[i], "way " + i + ": " + thrown[i]);
            assertEquals(thrown[0].getMessage(), thrown[i].getMessage());
        }
    }

    @Test
    void aThrowLeavesNothingBehindForTheNextGradient() throws Exception {
        double[] x = {1.0, 0.5};
        double[] g = (double[]) scenario("gradientAfterAThrow", new double[] {0.3, 0.4}, x);
        double r = Math.sqrt(x[0] * x[0] + x[1] * x[1] - 1);
        assertArrayEquals(new double[] {x[0] * x[0] / r + r, x[0] * x[1] / r}, g, 1e-12);
    }

    @Test
    void theSsaHasAnEdgeFromBeforeEachThrowToTheHandler(@TempDir Path dir) throws Exception {
        byte[] bytes;
        try (InputStream in = getClass().getResourceAsStream("/dev/fluxion/corpus/TryCatchCases.class")) {
            bytes = in.readAllBytes();
        }
        new Transformer(ClassFileLocator.ofClassLoader(getClass().getClassLoader()), dir).transform(bytes);
        Path classDir = dir.resolve("dev.fluxion.corpus.TryCatchCases");
        String ssa = Files.readString(classDir.resolve("untilOutOfBounds__D_D.ssa.txt"));
        // each read of x may throw the ArrayIndexOutOfBoundsException the handler catches
        assertTrue(ssa.contains("catch java.lang.ArrayIndexOutOfBoundsException"), ssa);
        assertTrue(ssa.split("= try|  try").length >= 3, ssa);
    }
}
