package dev.fluxion.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fluxion.Differentiable;
import dev.fluxion.transformer.backend.ClassFileLocator;
import dev.fluxion.testing.CorpusClasses;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/** The derivative members moved into a class of their own, for on-demand generation. */
class NestmateDerivativesTest {
    private static final ClassFileLocator LOCATOR = ClassFileLocator.ofClassLoader(NestmateDerivativesTest.class
            .getClassLoader());

    @TempDir
    Path dir;

    /** Every corpus class's on-demand class passes ASM's CheckClassAdapter. */
    @Test
    void everyCorpusClassVerifies() throws Exception {
        int classes = 0;
        for (Path file : CorpusClasses.copyTo(dir)) {
            Transformer.Result result = new Transformer(LOCATOR, null).transformEach(Files.readAllBytes(file));
            if (result.bytes() == null) {
                continue;
            }
            byte[] hidden = NestmateDerivatives.extract(result.bytes(), LOCATOR);
            ClassNode node = read(hidden);
            assertTrue(node.name.endsWith(NestmateDerivatives.SUFFIX));
            assertFalse(node.methods.isEmpty());
            node.methods.forEach(m -> assertTrue(m.name.startsWith("fluxion$"), m.name));
            TransformingClassLoader.verify(node.name, hidden);
            classes++;
        }
        assertTrue(classes > 10, classes + " classes");
    }

    static final class Box {
        private double v;

        private double scaled(double k) {
            return k * v;
        }

        @Differentiable
        double f(double[] x) {
            return scaled(x[0]) + Callee.g(x[1]) + v;
        }
    }

    static final class Callee {
        @Differentiable
        static double g(double y) {
            return y * y;
        }
    }

    @Test
    void callsAreRewrittenForAClassOfItsOwn() throws Exception {
        byte[] transformed = new Transformer(LOCATOR, null, false).transform(bytesOf(Box.class));
        ClassNode hidden = read(NestmateDerivatives.extract(transformed, LOCATOR));
        String host = Box.class.getName().replace('.', '/');
        boolean indy = false;
        for (MethodNode m : hidden.methods) {
            for (AbstractInsnNode insn : m.instructions) {
                if (insn instanceof MethodInsnNode call) {
                    assertFalse(call.getOpcode() == Opcodes.INVOKESPECIAL && !call.name.equals("<init>"),
                            "invokespecial " + call.owner + "." + call.name + " in " + m.name);
                    if (call.name.startsWith("fluxion$")) {
                        assertEquals(hidden.name, call.owner, "a generated member is called in the hidden class");
                    }
                }
                if (insn instanceof InvokeDynamicInsnNode call && call.name.equals("fluxion$adjoint$g")) {
                    assertEquals("dev/fluxion/internal/OnDemand", call.bsm.getOwner());
                    assertEquals(org.objectweb.asm.Type.getObjectType(Callee.class.getName().replace('.', '/')),
                            call.bsmArgs[0]);
                    indy = true;
                }
            }
        }
        assertTrue(indy, "the call to Callee's adjoint goes through OnDemand.derivative");
        assertTrue(hidden.name.startsWith(host));
        TransformingClassLoader.verify(hidden.name, NestmateDerivatives.extract(transformed, LOCATOR));
    }

    /**
     * A derivative member that calls a superclass's method with {@code super.m()} and reads a
     * protected field of a superclass in another package (the JDK's), which only code inside the
     * class may do: in the hidden class, both go through method handles found from inside the class,
     * and run. (Fluxion inlines such calls where it can, so the member is written by hand here.)
     */
    @Test
    void whatOnlyTheClassItselfMayDoGoesThroughHandles() throws Throwable {
        org.objectweb.asm.ClassWriter w = new org.objectweb.asm.ClassWriter(0);
        w.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "p/Stream", null, "java/io/FilterInputStream", null);
        org.objectweb.asm.MethodVisitor init = w.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "(Ljava/io/InputStream;)V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitVarInsn(Opcodes.ALOAD, 1);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/io/FilterInputStream", "<init>", "(Ljava/io/InputStream;)V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(2, 2);
        init.visitEnd();
        org.objectweb.asm.MethodVisitor own = w.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "lookup",
                "()Ljava/lang/invoke/MethodHandles$Lookup;", null, null); // one with full privilege, to define the hidden class
        own.visitCode();
        own.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/invoke/MethodHandles", "lookup",
                "()Ljava/lang/invoke/MethodHandles$Lookup;", false);
        own.visitInsn(Opcodes.ARETURN);
        own.visitMaxs(1, 0);
        own.visitEnd();
        // static int fluxion$adjoint$f(Stream s) { return s.super.available() + s.in.available(); }
        org.objectweb.asm.MethodVisitor m = w.visitMethod(Opcodes.ACC_STATIC | Opcodes.ACC_PRIVATE, "fluxion$adjoint$f",
                "(Lp/Stream;)I", null, new String[] {"java/io/IOException"});
        m.visitCode();
        m.visitVarInsn(Opcodes.ALOAD, 0);
        m.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/io/FilterInputStream", "available", "()I", false);
        m.visitVarInsn(Opcodes.ALOAD, 0);
        m.visitFieldInsn(Opcodes.GETFIELD, "java/io/FilterInputStream", "in", "Ljava/io/InputStream;");
        m.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/io/InputStream", "available", "()I", false);
        m.visitInsn(Opcodes.IADD);
        m.visitInsn(Opcodes.IRETURN);
        m.visitMaxs(2, 1);
        m.visitEnd();
        w.visitEnd();
        byte[] host = w.toByteArray();
        byte[] hidden = NestmateDerivatives.extract(host, LOCATOR);
        long throughHandles = java.util.Arrays.stream(read(hidden).methods.get(0).instructions.toArray()).filter(i -> i instanceof InvokeDynamicInsnNode
                call && call.bsm.getOwner().equals("dev/fluxion/internal/MemberHandles")).count();
        assertEquals(2, throughHandles, "super.available() and the protected field in");
        Class<?> stream = new ClassLoader(getClass().getClassLoader()) {
            Class<?> define() {
                return defineClass("p.Stream", host, 0, host.length);
            }
        }.define();
        java.lang.invoke.MethodHandles.Lookup lookup = ((java.lang.invoke.MethodHandles.Lookup) stream.getMethod("lookup")
                .invoke(null)).defineHiddenClass(hidden, true, java.lang.invoke.MethodHandles.Lookup.ClassOption.NESTMATE);
        Object s = stream.getConstructor(java.io.InputStream.class).newInstance(new java.io.ByteArrayInputStream(new byte[5]));
        Object available = lookup.findStatic(lookup.lookupClass(), "fluxion$adjoint$f",
                java.lang.invoke.MethodType.methodType(int.class, stream)).invoke(s);
        assertEquals(10, available);
    }

    /** Reverse mode only (on demand's first class): adjoints and their binders, no tangent, no Hessian-vector product. */
    @Test
    void reverseModeOnly() {
        byte[] bytes = bytesOf(Box.class);
        ClassNode all = read(new Transformer(LOCATOR, null).transform(bytes));
        ClassNode reverse = read(new Transformer(LOCATOR, null).reverseOnly().transform(bytes));
        java.util.function.Function<ClassNode, java.util.Set<String>> generated = n -> n.methods.stream()
                .map(m -> m.name).filter(name -> name.startsWith("fluxion$")).collect(java.util.stream.Collectors.toSet());
        assertTrue(generated.apply(all).stream().anyMatch(n -> n.startsWith("fluxion$tangent")), generated.apply(all).toString());
        assertTrue(generated.apply(reverse).stream().noneMatch(n -> n.startsWith("fluxion$tangent") || n.startsWith("fluxion$hvp")
                || n.startsWith("fluxion$bindtangent") || n.startsWith("fluxion$bindhvp")), generated.apply(reverse).toString());
        assertTrue(generated.apply(reverse).containsAll(java.util.Set.of("fluxion$adjoint$f", "fluxion$bind$f")),
                generated.apply(reverse).toString());
        TransformingClassLoader.verify(reverse.name, new Transformer(LOCATOR, null).reverseOnly().transform(bytes));
    }

    private static byte[] bytesOf(Class<?> c) {
        return LOCATOR.locate(c.getName().replace('.', '/'));
    }

    private static ClassNode read(byte[] bytes) {
        ClassNode node = new ClassNode();
        new ClassReader(bytes).accept(node, 0);
        return node;
    }

}
