package dev.fluxion.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fluxion.transformer.backend.ClassFileLocator;
import dev.fluxion.transformer.diagnostics.DifferentiationException;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** A primal that fits in 64 KB of bytecode but whose adjoint would not: a clear error, not a crash. */
class MethodTooLargeTest {
    @Test
    void derivativeTooLargeForOneMethodIsReported() {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "gen/Huge", null, "java/lang/Object", null);
        cw.visitSource("Huge.java", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC, "f", "([D)D", null, null);
        mv.visitAnnotation("Ldev/fluxion/Differentiable;", true).visitEnd();
        mv.visitCode();
        mv.visitInsn(Opcodes.DCONST_0);
        for (int k = 0; k < 4000; k++) { // sum of sin(x[k % 4]) * x[(k + 1) % 4]
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitInsn(Opcodes.ICONST_0 + k % 4);
            mv.visitInsn(Opcodes.DALOAD);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Math", "sin", "(D)D", false);
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitInsn(Opcodes.ICONST_0 + (k + 1) % 4);
            mv.visitInsn(Opcodes.DALOAD);
            mv.visitInsn(Opcodes.DMUL);
            mv.visitInsn(Opcodes.DADD);
        }
        mv.visitInsn(Opcodes.DRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        byte[] bytes = cw.toByteArray();
        DifferentiationException e = assertThrows(DifferentiationException.class,
                () -> new Transformer(ClassFileLocator.ofClassLoader(getClass().getClassLoader()), null).transform(bytes));
        assertEquals("fluxion: gen.Huge.f(Huge.java): its derivative needs more than the 64 KB of bytecode a JVM method "
                + "may have. Split the method into smaller @Differentiable methods that call each other.", e.getMessage());
    }
}
