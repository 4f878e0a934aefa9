package dev.fluxion.transformer.ir;

import java.util.Objects;
import org.objectweb.asm.Type;

/**
 * A constant: a boxed {@code Integer}, {@code Long}, {@code Float}, {@code Double}, a
 * {@code String}, an ASM {@link Type} (class literal) or {@code null}. Constants live outside
 * blocks; the backend materialises them where they are used.
 */
public final class Constant extends Value {
    private final Object value;

    public Constant(Type type, Object value) {
        super(type);
        this.value = value;
    }

    public static Constant ofDouble(double v) {
        return new Constant(Type.DOUBLE_TYPE, v);
    }

    public static Constant ofInt(int v) {
        return new Constant(Type.INT_TYPE, v);
    }

    /** The zero of a numeric type, or {@code null} for references. */
    public static Constant zero(Type type) {
        return switch (type.getSort()) {
            case Type.DOUBLE -> new Constant(type, 0.0);
            case Type.FLOAT -> new Constant(type, 0.0f);
            case Type.LONG -> new Constant(type, 0L);
            case Type.OBJECT, Type.ARRAY -> new Constant(type, null);
            default -> new Constant(Type.INT_TYPE, 0);
        };
    }

    public Object value() {
        return value;
    }

    /** Whether this is a numeric zero (of either sign). */
    public boolean isZero() {
        return value instanceof Number n && n.doubleValue() == 0.0;
    }

    @Override
    public String name() {
        if (value instanceof String s) {
            return '"' + s + '"';
        }
        return Objects.toString(value) + (type().getSort() == Type.FLOAT ? "f" : type().getSort() == Type.LONG ? "L" : "");
    }
}
