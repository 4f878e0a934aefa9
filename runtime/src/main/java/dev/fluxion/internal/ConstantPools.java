package dev.fluxion.internal;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * The methods and fields a class's constant pool refers to, where the JVM lets them be read: for a
 * lambda's class, the method its body is (a class file the JDK spun in memory and never serves).
 * The pool is reached through the JDK's internal {@code JavaLangAccess.getConstantPool}, which
 * {@code java.base} exports only when asked to: the agent asks at start-up; without it,
 * {@code --add-exports java.base/jdk.internal.access=ALL-UNNAMED --add-exports
 * java.base/jdk.internal.reflect=ALL-UNNAMED} does. Without either, the answer is empty, and the
 * lambda is found by its shape alone.
 */
final class ConstantPools {
    private static final Object LANG;
    private static final Method GET_POOL;
    private static final Method SIZE;
    private static final Method MEMBER;

    static {
        Object lang = null;
        Method pool = null;
        Method size = null;
        Method member = null;
        try {
            lang = Class.forName("jdk.internal.access.SharedSecrets").getMethod("getJavaLangAccess").invoke(null);
            pool = Class.forName("jdk.internal.access.JavaLangAccess").getMethod("getConstantPool", Class.class);
            Class<?> type = pool.getReturnType();
            size = type.getMethod("getSize");
            member = type.getMethod("getMemberRefInfoAt", int.class);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            pool = null; // not exported: shapes alone
        }
        LANG = lang;
        GET_POOL = pool;
        SIZE = size;
        MEMBER = member;
    }

    private ConstantPools() {
    }

    /** Whether the pools can be read. */
    static boolean readable() {
        return GET_POOL != null;
    }

    /** Each member reference of {@code c}'s pool as {@code owner.name.descriptor} (owner in internal form); empty if unreadable. */
    static List<String> memberReferences(Class<?> c) {
        List<String> refs = new ArrayList<>();
        if (GET_POOL == null) {
            return refs;
        }
        try {
            Object pool = GET_POOL.invoke(LANG, c);
            int n = (int) SIZE.invoke(pool);
            for (int i = 1; i < n; i++) {
                try {
                    String[] ref = (String[]) MEMBER.invoke(pool, i);
                    refs.add(ref[0] + '.' + ref[1] + '.' + ref[2]);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // not a member reference
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            refs.clear();
        }
        return refs;
    }
}
