package dev.fluxion.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The values a lambda or method reference captured, read from the object the JDK made for it: the
 * derivative of a lambda made outside the differentiated code ({@link LambdaDerivatives}) calls the
 * lambda's body with them, as the lambda's own method does. The JDK keeps them in the lambda
 * class's instance fields, in the order of the lambda's captures ({@code arg$1}, {@code arg$2}...);
 * the derivative reads them as data (they were fixed before the differentiated code ran).
 */
public final class Captures {
    private static final ClassValue<MethodHandle[]> GETTERS = new ClassValue<>() {
        @Override
        protected MethodHandle[] computeValue(Class<?> lambda) {
            List<Field> fields = fields(lambda);
            MethodHandle[] getters = new MethodHandle[fields.size()];
            for (int i = 0; i < getters.length; i++) {
                Field f = fields.get(i);
                try {
                    f.setAccessible(true); // a hidden class's final field may be read, not written
                    MethodHandle get = MethodHandles.lookup().unreflectGetter(f);
                    Class<?> t = f.getType();
                    Class<?> as = !t.isPrimitive() ? Object.class
                            : t == double.class || t == float.class || t == long.class ? t : int.class;
                    getters[i] = MethodHandles.explicitCastArguments(get, MethodType.methodType(as, Object.class));
                } catch (ReflectiveOperationException | RuntimeException e) {
                    throw new IllegalStateException("fluxion: cannot read the values " + lambda.getName()
                            + " captured: " + e, e);
                }
            }
            return getters;
        }
    };

    private Captures() {
    }

    /** The types of the values objects of {@code lambda} captured, in the order the lambda captured them. */
    public static List<Class<?>> types(Class<?> lambda) {
        List<Class<?>> types = new ArrayList<>();
        for (Field f : fields(lambda)) {
            types.add(f.getType());
        }
        return types;
    }

    /** The instance fields, in capture order: {@code arg$1} before {@code arg$2} before {@code arg$10}. */
    private static List<Field> fields(Class<?> lambda) {
        List<Field> fields = new ArrayList<>();
        for (Field f : lambda.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers())) {
                fields.add(f);
            }
        }
        fields.sort(Comparator.comparingInt(Captures::position));
        return fields;
    }

    private static int position(Field f) {
        String name = f.getName();
        int dollar = name.lastIndexOf('$');
        try {
            return Integer.parseInt(name.substring(dollar + 1));
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE; // not the JDK's naming: declaration order (the sort is stable)
        }
    }

    public static double getDouble(Object lambda, int i) throws Throwable {
        return (double) GETTERS.get(lambda.getClass())[i].invokeExact(lambda);
    }

    public static float getFloat(Object lambda, int i) throws Throwable {
        return (float) GETTERS.get(lambda.getClass())[i].invokeExact(lambda);
    }

    public static long getLong(Object lambda, int i) throws Throwable {
        return (long) GETTERS.get(lambda.getClass())[i].invokeExact(lambda);
    }

    /** An {@code int}, or a {@code boolean}, {@code byte}, {@code char} or {@code short} widened to one. */
    public static int getInt(Object lambda, int i) throws Throwable {
        return (int) GETTERS.get(lambda.getClass())[i].invokeExact(lambda);
    }

    public static Object getObject(Object lambda, int i) throws Throwable {
        return (Object) GETTERS.get(lambda.getClass())[i].invokeExact(lambda);
    }
}
