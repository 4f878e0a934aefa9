package dev.fluxion.benchmarks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Found by the benchmarks: the adjoint generated for
 * {@link Lstm#objective(double[], int, int, int, double[], double[])} with its callees lstmModel and
 * sigmoid inlined into it was 8474 bytes of bytecode, while the method itself is 278. HotSpot never
 * JIT-compiles a method over 8000 bytes ({@code -XX:+DontCompileHugeMethods}, the default), so the
 * gradient ran in the interpreter: 42 times the objective's time instead of about 3. Fluxion now
 * keeps the calls where inlining would make a derivative that large.
 */
class HugeAdjointTest {
    /** HotSpot's HugeMethodLimit. */
    static final int HUGE_METHOD_LIMIT = 8000;

    @Test
    void lstmAdjointIsSmallEnoughForTheJit() throws IOException {
        int size = codeLength(Lstm.class, "fluxion$adjoint$objective", "([DIII[D[D");
        assertTrue(size <= HUGE_METHOD_LIMIT, "fluxion$adjoint$objective is " + size + " bytes of bytecode; HotSpot "
                + "does not compile methods over " + HUGE_METHOD_LIMIT + " bytes (DontCompileHugeMethods)");
    }

    @Test
    void primalIsMeasuredAsJavacWroteIt() throws IOException {
        int size = codeLength(Lstm.class, "objective", "([DIII[D[D)D");
        assertTrue(size > 100 && size < 1000, "objective: " + size + " bytes");
    }

    /** The bytecode length of the first method whose name and descriptor start as given. */
    static int codeLength(Class<?> c, String name, String descriptorPrefix) throws IOException {
        ClassNode node = new ClassNode();
        try (InputStream in = c.getResourceAsStream(c.getSimpleName() + ".class")) {
            new ClassReader(in).accept(node, 0);
        }
        for (MethodNode m : node.methods) {
            if (m.name.equals(name) && m.desc.startsWith(descriptorPrefix)) {
                LabelNode end = new LabelNode();
                m.instructions.add(end); // its offset, once written, is the code length
                ClassWriter writer = new ClassWriter(0);
                writer.visit(node.version, node.access, node.name, null, node.superName, null);
                m.accept(writer);
                return end.getLabel().getOffset();
            }
        }
        throw new AssertionError("no method " + name + descriptorPrefix + " in " + c.getName());
    }
}
