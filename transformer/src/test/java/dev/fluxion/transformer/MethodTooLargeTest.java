package dev.fluxion.transformer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fluxion.FluxionException;
import dev.fluxion.internal.Tape;
import dev.fluxion.transformer.backend.ClassFileLocator;
import dev.fluxion.transformer.diagnostics.DifferentiationException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Primals that fit in 64 KB of bytecode but whose derivatives would not: a clear error, not a
 * crash, and only for the derivative that does not fit.
 */
class MethodTooLargeTest {
    private static Transformer transformer() {
        return new Transformer(ClassFileLocator.ofClassLoader(MethodTooLargeTest.class.getClassLoader()), null);
    }

    @Test
    void adjointTooLargeForOneMethodIsReported() {
        byte[] bytes = sumOfTerms(700);
        DifferentiationException e = assertThrows(DifferentiationException.class, () -> transformer().transform(bytes));
        assertEquals("fluxion: gen.Huge.f(Huge.java): its derivative needs more than the 64 KB of bytecode a JVM method "
                + "may have. Split the method into smaller @Differentiable methods that call each other.", e.getMessage());
    }

    /** 550 terms: the adjoint and the tangent fit, the Hessian-vector product does not; only it fails, when called. */
    @Test
    void onlyTheDerivativeThatDoesNotFitFails() throws Exception {
        int n = 550;
        Transformer.Result r = transformer().transformEach(sumOfTerms(n));
        assertEquals(java.util.List.of(), r.problems());
        assertNotNull(r.bytes());
        TransformingClassLoader.verify("gen.Huge", r.bytes());
        Class<?> huge = new ClassLoader(getClass().getClassLoader()) {
            Class<?> define(byte[] b) {
                return defineClass("gen.Huge", b, 0, b.length);
            }
        }.define(r.bytes());
        double[] x = {0.3, -1.2, 0.7, 2.1};
        double[] grad = new double[4];
        Method adjoint = huge.getDeclaredMethod("fluxion$adjoint$f", double[].class, double[].class, double.class, Tape.class);
        adjoint.setAccessible(true);
        adjoint.invoke(null, x, grad, 1.0, Tape.current());
        double[] expected = new double[4];
        for (int k = 0; k < n; k++) { // f = sum_k sin(x[k % 4]) x[(k + 1) % 4]
            expected[k % 4] += Math.cos(x[k % 4]) * x[(k + 1) % 4];
            expected[(k + 1) % 4] += Math.sin(x[k % 4]);
        }
        assertArrayEquals(expected, grad, 1e-12);
        Method hvp = java.util.Arrays.stream(huge.getDeclaredMethods()).filter(m -> m.getName().equals("fluxion$hvp$f"))
                .findFirst().orElseThrow();
        hvp.setAccessible(true);
        Object[] args = new Object[hvp.getParameterCount()];
        for (int k = 0; k < args.length; k++) {
            Class<?> type = hvp.getParameterTypes()[k];
            args[k] = type == double.class ? 0.0 : type == double[].class ? new double[4] : type == Tape.class ? Tape.current() : null;
        }
        InvocationTargetException e = assertThrows(InvocationTargetException.class, () -> hvp.invoke(null, args));
        assertTrue(e.getCause() instanceof FluxionException, e.getCause().toString());
        assertEquals("fluxion: gen.Huge.f(Huge.java): no second derivative (Hessian-vector product): it needs more than "
                + "the 64 KB of bytecode a JVM method may have. Its gradient (Fluxion.gradient) works; split the method "
                + "into smaller @Differentiable methods for the rest.", e.getCause().getMessage());
    }

    /** {@code double f(double[] x)}, the sum of {@code terms} terms {@code sin(x[k % 4]) * x[(k + 1) % 4]}, as a class file. */
    private static byte[] sumOfTerms(int terms) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "gen/Huge", null, "java/lang/Object", null);
        cw.visitSource("Huge.java", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC, "f", "([D)D", null, null);
        mv.visitAnnotation("Ldev/fluxion/Differentiable;", true).visitEnd();
        mv.visitCode();
        mv.visitInsn(Opcodes.DCONST_0);
        for (int k = 0; k < terms; k++) {
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
        return cw.toByteArray();
    }
}
