package dev.fluxion.transformer.ir;

import org.objectweb.asm.Type;

/** Facts about ASM types that the passes ask again and again. */
public final class Types {
    public static final Type OBJECT = Type.getObjectType("java/lang/Object");
    public static final Type DOUBLE_ARRAY = Type.getType("[D");
    public static final Type FLOAT_ARRAY = Type.getType("[F");

    private Types() {
    }

    /** {@code double} or {@code float}: the types that carry derivatives. */
    public static boolean isFloating(Type t) {
        return t.getSort() == Type.DOUBLE || t.getSort() == Type.FLOAT;
    }

    /** An array whose elements, at some depth, are {@code double} or {@code float}. */
    public static boolean isFloatingArray(Type t) {
        return t.getSort() == Type.ARRAY && isFloating(t.getElementType());
    }

    public static boolean isReference(Type t) {
        return t.getSort() == Type.OBJECT || t.getSort() == Type.ARRAY;
    }

    /** The JVM's computational type: small integer types widen to {@code int}. */
    public static Type computational(Type t) {
        switch (t.getSort()) {
            case Type.BOOLEAN, Type.BYTE, Type.CHAR, Type.SHORT, Type.INT:
                return Type.INT_TYPE;
            default:
                return t;
        }
    }

    /** The int form of a typed arithmetic opcode: DMUL -> IMUL, FNEG -> INEG; other opcodes as they are. */
    public static int intOpcode(int opcode) {
        if (opcode >= org.objectweb.asm.Opcodes.IADD && opcode <= org.objectweb.asm.Opcodes.DNEG) {
            return org.objectweb.asm.Opcodes.IADD + ((opcode - org.objectweb.asm.Opcodes.IADD) / 4) * 4;
        }
        return opcode;
    }

    /** The element type of an array type, one dimension down. */
    public static Type componentOf(Type array) {
        return Type.getType(array.getDescriptor().substring(1));
    }

    /** Short type tag for the text form. */
    public static String tag(Type t) {
        return switch (t.getSort()) {
            case Type.INT -> "I";
            case Type.LONG -> "J";
            case Type.FLOAT -> "F";
            case Type.DOUBLE -> "D";
            case Type.VOID -> "V";
            case Type.ARRAY -> t.getDescriptor();
            default -> t.getInternalName().substring(t.getInternalName().lastIndexOf('/') + 1);
        };
    }
}
