package dev.fluxion.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fluxion.transformer.backend.ClassFileLocator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Which loops of {@code corpus.Iterations} the reverse mode reverses one iteration at a time: an
 * outlined body's adjoint is a method {@code fluxion$adjoint$f$iteration0} beside f's adjoint. The
 * corpus checks that every one of these gradients is right, outlined or not; this test checks that
 * the sums over points are outlined and the near misses are not.
 */
class IndependentIterationsTest {
    private static final List<String> METHODS = transformedMethods("dev/fluxion/corpus/Iterations");

    @ParameterizedTest
    @ValueSource(strings = {"pointTerms", "pointTermsByLength", "scratchPerIteration", "negatedTwice", "scaledSum",
            "meanOverPoints", "scaledByAWeight", "scalarParameters", "pointsPassedIn"})
    void aSumOverPointsIsReversedOneIterationAtATime(String name) {
        assertEquals(List.of("fluxion$adjoint$" + name + "$iteration0"), bodies(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"carriedScratch", "writtenAfterTheLoop", "twoSums", "scaledByALaterValue"})
    void nearMissesAreReversedAsAWhole(String name) {
        assertEquals(List.of(), bodies(name));
        assertTrue(METHODS.contains("fluxion$adjoint$" + name), "the adjoint itself exists");
    }

    @org.junit.jupiter.api.Test
    void anInstanceMethodsSumOverPointsPassesTheReceiverToTheBody() {
        List<String> methods = transformedMethods("dev/fluxion/corpus/DataModel");
        assertTrue(methods.contains("fluxion$adjoint$runningMeanLoss$iteration0"), methods.toString());
    }

    @org.junit.jupiter.api.Test
    void aBodyWithoutALoopOfItsOwnIsOutlinedToo() {
        // i < x.length - 1 and i + 1 < x.length: both for loops whose few operations the JIT inlines as a call
        List<String> methods = transformedMethods("dev/fluxion/corpus/Arithmetic");
        assertTrue(methods.contains("fluxion$adjoint$rosenbrock$iteration0"), methods.toString());
        assertTrue(methods.contains("fluxion$adjoint$differences$iteration0"), methods.toString());
    }

    @org.junit.jupiter.api.Test
    void dataPassedToTheBodyGetsNoShadow() {
        // logTerms, inlined, passes the body its points, which the body's adjoint does not differentiate
        assertNoShadowMade("Iterations", "pointsPassedIn");
        // a data matrix read from a final field, once: no new matrix of zeros per point
        assertNoShadowMade("DataModel", "rowsLoss");
    }

    private static void assertNoShadowMade(String corpusClass, String function) {
        MethodNode adjoint = transformedClass("dev/fluxion/corpus/" + corpusClass).methods.stream()
                .filter(m -> m.name.equals("fluxion$adjoint$" + function)).findFirst().orElseThrow();
        for (AbstractInsnNode insn : adjoint.instructions) {
            assertFalse(insn instanceof MethodInsnNode call && (call.name.equals("sink") || call.name.equals("zerosLike"))
                    || insn.getOpcode() == Opcodes.NEWARRAY || insn.getOpcode() == Opcodes.MULTIANEWARRAY,
                    function + ": a shadow made for data");
        }
        assertTrue(transformedMethods("dev/fluxion/corpus/" + corpusClass).contains("fluxion$adjoint$" + function + "$iteration0"),
                function + " is reversed one point at a time");
    }

    private static List<String> bodies(String name) {
        return METHODS.stream().filter(m -> m.startsWith("fluxion$adjoint$" + name + "$iteration")).toList();
    }

    private static List<String> transformedMethods(String internalName) {
        return transformedClass(internalName).methods.stream().map(m -> m.name).toList();
    }

    private static ClassNode transformedClass(String internalName) {
        try (InputStream in = IndependentIterationsTest.class.getResourceAsStream("/" + internalName + ".class")) {
            byte[] out = new Transformer(ClassFileLocator.ofClassLoader(IndependentIterationsTest.class.getClassLoader()),
                    null).transform(in.readAllBytes());
            TransformingClassLoader.verify(internalName, out);
            ClassNode node = new ClassNode();
            new ClassReader(out).accept(node, 0);
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
