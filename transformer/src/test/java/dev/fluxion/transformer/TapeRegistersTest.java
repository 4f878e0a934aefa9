package dev.fluxion.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fluxion.internal.Naming;
import dev.fluxion.testing.CorpusCase;
import dev.fluxion.testing.CorpusRunner;
import dev.fluxion.transformer.backend.ClassFileLocator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Adjoints hold the tape's double and int stacks in locals while they run, writing them back
 * around calls that may record and before they return (the backend's {@code TapeRegisters}).
 */
class TapeRegistersTest {
    private static final TransformingClassLoader LOADER =
            new TransformingClassLoader(TapeRegistersTest.class.getClassLoader(), "dev.fluxion.corpus");

    @Test
    void aRecurrenceRecordsWithoutCallingTheTape() {
        MethodNode adjoint = adjoint("Calls", "product");
        List<String> tapeCalls = tapeCalls(adjoint);
        assertTrue(tapeCalls.stream().noneMatch(c -> c.startsWith("push") || c.startsWith("pop")), tapeCalls.toString());
        // loaded on entry; written back where the forward sweep ends (the mark of the peak) and at the return
        assertEquals(List.of("doubleStack", "doubleTop", "doubleTop", "doubleTop"),
                tapeCalls.stream().filter(c -> !c.equals("growDoubles")).toList());
        assertTrue(tapeCalls.contains("growDoubles"), "grows the stack when it is full");
    }

    /**
     * A term of a sum reversed one at a time that records nothing calls the tape for nothing, not
     * even to mark the peak: Rosenbrock's gradient was 37% slower with a mark per term.
     */
    @Test
    void anAdjointThatRecordsNothingLeavesTheTapeAlone() {
        assertEquals(List.of(), tapeCalls(adjoint("Arithmetic", "rosenbrock$iteration0")));
    }

    /**
     * The sum at the end of {@code repeatedSmoothing} is reversed one term at a time: its loop calls
     * each term's adjoint, and would write the locals back and reload them in every iteration. That
     * loop keeps its calls to the tape, whose fields hold the stacks there, while the smoothing
     * steps before it, which call nothing, record in locals: written back where the loop is entered
     * and reloaded where it is left, not around each call.
     */
    @Test
    void aLoopThatCallsAnAdjointKeepsItsCallsToTheTape() {
        List<AbstractInsnNode> code = List.of(adjoint("ArrayCalls", "repeatedSmoothing").instructions.toArray());
        List<String> tapeCalls = tapeCalls(code);
        int call = indexOfCall(code, "fluxion$adjoint$repeatedSmoothing$iteration0");
        List<AbstractInsnNode> after = code.subList(call + 1, code.size()).stream().filter(i -> i.getOpcode() >= 0)
                .limit(3).toList(); // the result stored, then, if it were reloaded, the tape and its stack
        assertTrue(after.stream().noneMatch(i -> i instanceof MethodInsnNode m && m.owner.equals(Naming.TAPE_INTERNAL_NAME)),
                "reloaded after the call, in " + tapeCalls);
        assertTrue(tapeCalls.contains("growDoubles") && tapeCalls.stream().noneMatch(c -> c.startsWith("pushDouble")),
                "the smoothing steps record in locals: " + tapeCalls);
    }

    /** Without the write-back and reload around the helper, the inner gradient overwrote the first loop's recordings. */
    @Test
    void aGradientTakenBetweenTwoRecordingLoopsRecordsAboveThem() throws Exception {
        CorpusRunner.check((CorpusCase) LOADER.loadClass("dev.fluxion.corpus.Corpus").getMethod("nestedGradient")
                .invoke(null));
        List<AbstractInsnNode> code = List.of(adjoint("Calls", "productAroundANestedGradient").instructions.toArray());
        int call = indexOfCall(code, "slopeOfALongProduct");
        assertEquals("doubleTop(I)V", nearestTapeCall(code, call, -1), "written back before the call");
        assertEquals("doubleStack()[D", nearestTapeCall(code, call, +1), "reloaded after it");
    }

    private static int indexOfCall(List<AbstractInsnNode> code, String name) {
        for (int at = 0; at < code.size(); at++) {
            if (code.get(at) instanceof MethodInsnNode m && m.name.equals(name)) {
                return at;
            }
        }
        throw new AssertionError("no call to " + name + " in " + code.stream().filter(i -> i instanceof MethodInsnNode)
                .map(i -> ((MethodInsnNode) i).owner + "." + ((MethodInsnNode) i).name).toList());
    }

    /** The name and descriptor of the call to the tape nearest to {@code from}, looking in direction {@code step}. */
    private static String nearestTapeCall(List<AbstractInsnNode> code, int from, int step) {
        for (int at = from + step; at >= 0 && at < code.size(); at += step) {
            if (code.get(at) instanceof MethodInsnNode m && m.owner.equals(Naming.TAPE_INTERNAL_NAME)) {
                return m.name + m.desc;
            }
        }
        return null;
    }

    private static List<String> tapeCalls(MethodNode m) {
        return tapeCalls(List.of(m.instructions.toArray()));
    }

    private static List<String> tapeCalls(List<AbstractInsnNode> code) {
        return code.stream()
                .filter(i -> i instanceof MethodInsnNode c && c.owner.equals(Naming.TAPE_INTERNAL_NAME)
                        && c.getOpcode() == Opcodes.INVOKEVIRTUAL)
                .map(i -> ((MethodInsnNode) i).name).toList();
    }

    private static MethodNode adjoint(String corpusClass, String function) {
        String name = "dev/fluxion/corpus/" + corpusClass;
        try (InputStream in = TapeRegistersTest.class.getResourceAsStream("/" + name + ".class")) {
            byte[] out = new Transformer(ClassFileLocator.ofClassLoader(TapeRegistersTest.class.getClassLoader()), null)
                    .transform(in.readAllBytes());
            TransformingClassLoader.verify(name, out);
            ClassNode node = new ClassNode();
            new ClassReader(out).accept(node, 0);
            return node.methods.stream().filter(m -> m.name.equals("fluxion$adjoint$" + function)).findFirst()
                    .orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
