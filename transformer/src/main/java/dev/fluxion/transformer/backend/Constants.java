package dev.fluxion.transformer.backend;

import static org.objectweb.asm.Opcodes.*;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/** Pushes a constant with the shortest instruction that gives exactly its bits. */
final class Constants {
    private Constants() {
    }

    static void push(MethodVisitor mv, Type type, Object value) {
        if (value == null) {
            mv.visitInsn(ACONST_NULL);
        } else if (value instanceof Integer i) {
            if (i >= -1 && i <= 5) {
                mv.visitInsn(ICONST_0 + i);
            } else if (i >= Byte.MIN_VALUE && i <= Byte.MAX_VALUE) {
                mv.visitIntInsn(BIPUSH, i);
            } else if (i >= Short.MIN_VALUE && i <= Short.MAX_VALUE) {
                mv.visitIntInsn(SIPUSH, i);
            } else {
                mv.visitLdcInsn(i);
            }
        } else if (value instanceof Long l) {
            if (l == 0L || l == 1L) {
                mv.visitInsn(LCONST_0 + l.intValue());
            } else {
                mv.visitLdcInsn(l);
            }
        } else if (value instanceof Float f) {
            int bits = Float.floatToRawIntBits(f);
            if (bits == Float.floatToRawIntBits(0f) || f == 1f || f == 2f) {
                mv.visitInsn(FCONST_0 + f.intValue());
            } else {
                mv.visitLdcInsn(f);
            }
        } else if (value instanceof Double d) {
            long bits = Double.doubleToRawLongBits(d);
            if (bits == Double.doubleToRawLongBits(0.0) || d == 1.0) {
                mv.visitInsn(DCONST_0 + d.intValue());
            } else {
                mv.visitLdcInsn(d);
            }
        } else {
            mv.visitLdcInsn(value); // String or Type
        }
    }
}
