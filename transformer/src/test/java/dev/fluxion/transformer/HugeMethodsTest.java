package dev.fluxion.transformer;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fluxion.transformer.backend.BytecodeEmitter;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Generated methods stay JIT-compilable: where inlining callees would make an adjoint larger than
 * HotSpot's 8000-byte limit (the method would then run in the interpreter, ten times slower), the
 * callees stay calls. The gradients themselves are checked with the corpus ({@code HugeBodies.unrolled},
 * {@code HugeBodies.sumOfUnrolled}).
 */
class HugeMethodsTest {
    @Test
    void anAdjointThatInliningWouldMakeHugeKeepsItsCalls() throws Exception {
        ClassNode node = transformedHugeBodies();
        MethodNode adjoint = method(node, "fluxion$adjoint$unrolled");
        int size = BytecodeEmitter.codeLength(adjoint);
        assertTrue(size <= BytecodeEmitter.HUGE_METHOD_LIMIT, "the adjoint is " + size + " bytes");
        assertTrue(calls(adjoint, "fluxion$adjoint$gate"), "the helper is called, not inlined");
        // without the size limit, the helper would have been inlined: second derivatives, which need
        // inlining, go through it (their method is not a stub that throws)
        // its vector tangents would be too large too: each calls the one-lane tangent once per lane
        // (and is not bound: VectorWidthsTest; the gradient by forward mode is checked with the corpus)
        MethodNode tangent4 = method(node, "fluxion$tangent4$unrolled");
        assertTrue(BytecodeEmitter.codeLength(tangent4) <= BytecodeEmitter.HUGE_METHOD_LIMIT);
        assertTrue(calls(tangent4, "fluxion$tangent$unrolled") || calls(tangent4, "fluxion$tangent2$unrolled"),
                "lane by lane, or two lanes at a time");
        for (int lanes : dev.fluxion.internal.Naming.VECTOR_WIDTHS) {
            MethodNode tangent = method(node, dev.fluxion.internal.Naming.tangentName("unrolled", lanes));
            assertTrue(BytecodeEmitter.codeLength(tangent) <= BytecodeEmitter.HUGE_METHOD_LIMIT, lanes + " lanes");
        }
        MethodNode hvp = method(node, "fluxion$hvp$unrolled");
        assertTrue(!calls(hvp, "gate") && !calls(hvp, "<init>"), "the helper qualifies for inlining");
    }

    @Test
    void aLoopBodyThatInliningWouldMakeHugeKeepsItsCalls() throws Exception {
        ClassNode node = transformedHugeBodies();
        for (MethodNode m : node.methods) {
            if (m.name.startsWith("fluxion$adjoint$sumOfUnrolled")) {
                int size = BytecodeEmitter.codeLength(m);
                assertTrue(size <= BytecodeEmitter.HUGE_METHOD_LIMIT, m.name + " is " + size + " bytes");
            }
        }
        // reversed point by point still, with gate called from the body's adjoint, not inlined into it
        assertTrue(calls(method(node, "fluxion$adjoint$sumOfUnrolled$iteration0"), "fluxion$adjoint$gate"), "gate is called");
    }

    @Test
    void anAdjointTooLargeForTheJitIsSplitIntoParts() throws Exception {
        ClassNode node = transformedHugeBodies();
        int parts = 0;
        for (MethodNode m : node.methods) {
            if (m.name.startsWith("fluxion$adjoint$picture") || m.name.startsWith("fluxion$part$picture")
                    || m.name.startsWith("fluxion$adjoint$fluxion$part$picture")) {
                int size = BytecodeEmitter.codeLength(m);
                assertTrue(size <= BytecodeEmitter.HUGE_METHOD_LIMIT, m.name + " is " + size + " bytes");
                parts += m.name.startsWith("fluxion$part$picture") ? 1 : 0;
            }
        }
        // split, not kept whole with its calls (which would give no parts)
        assertTrue(parts >= 1, parts + " parts");
    }

    private ClassNode transformedHugeBodies() throws Exception {
        byte[] bytes;
        try (InputStream in = getClass().getResourceAsStream("/dev/fluxion/corpus/HugeBodies.class")) {
            bytes = in.readAllBytes();
        }
        ClassNode node = new ClassNode();
        new ClassReader(new Transformer(name -> null, null).transform(bytes)).accept(node, 0);
        return node;
    }

    private static MethodNode method(ClassNode node, String name) {
        MethodNode found = node.methods.stream().filter(m -> m.name.equals(name)).findFirst().orElse(null);
        assertNotNull(found, name);
        return found;
    }

    private static boolean calls(MethodNode m, String name) {
        for (var insn : m.instructions) {
            if (insn instanceof MethodInsnNode call && call.name.endsWith(name)) {
                return true;
            }
        }
        return false;
    }
}
