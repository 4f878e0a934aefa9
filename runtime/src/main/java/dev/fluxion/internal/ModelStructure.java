package dev.fluxion.internal;

import dev.fluxion.FluxionException;
import dev.fluxion.NoDerivative;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The structure of a model object, walked by reflection in one fixed order: its <em>parameters</em>
 * are its {@code double} and {@code float} fields, its floating arrays of any depth (in fields and
 * in lists), and those of the objects of the user's classes it holds in fields, in arrays and in
 * lists, fields in the order the class declares them (a subclass's before its superclass's),
 * elements in order. Fields marked
 * {@code @NoDerivative}, static fields and fields that are not numbers (counts, names, functions)
 * are not parameters. A gradient object has the model's structure, so the same walk lays out a
 * model and its gradient alike: that is the flat view, and its inverse, that optimisers use.
 * Reflection runs per call, never per operation of a derivative. Public because the API calls it;
 * not part of the API.
 */
public final class ModelStructure {
    /** Objects nested deeper than this are taken for a cycle. */
    private static final int MAX_DEPTH = 32;

    private static final ClassValue<List<Field>> FIELDS = new ClassValue<>() {
        @Override
        protected List<Field> computeValue(Class<?> c) {
            List<Field> out = new ArrayList<>();
            for (Class<?> k = c; k != null && isModelClass(k); k = k.getSuperclass()) {
                for (Field f : k.getDeclaredFields()) {
                    if (!Modifier.isStatic(f.getModifiers())) {
                        f.setAccessible(true);
                        out.add(f);
                    }
                }
            }
            return List.copyOf(out);
        }
    };

    private ModelStructure() {
    }

    /** Where numbers come from when a model is made anew ({@link #rebuild}). */
    public interface Numbers {
        /** The next parameter's value. */
        double next();

        /** Whether fields marked {@code @NoDerivative} are made anew too (with {@link #next}), or shared. */
        boolean remakesData();
    }

    /** Zeros for every number, data included: a gradient object ({@link Models#zeroCopy}). */
    static final Numbers ZEROS = new Numbers() {
        @Override
        public double next() {
            return 0;
        }

        @Override
        public boolean remakesData() {
            return true;
        }
    };

    /** The model's parameters, in the walk's order. */
    public static double[] flatten(Object model) {
        double[] out = new double[count(model)];
        int[] at = {0};
        walk(model, 0, newSeen(), v -> {
            out[at[0]++] = v;
            return v;
        }, false);
        return out;
    }

    /** How many parameters the model has. */
    public static int count(Object model) {
        int[] n = {0};
        walk(model, 0, newSeen(), v -> {
            n[0]++;
            return v;
        }, false);
        return n[0];
    }

    /** Writes {@code values}, laid out as {@link #flatten} lays them out, into the model's parameters. */
    public static void copyInto(double[] values, Object model) {
        requireLength(values, model);
        walk(model, 0, newSeen(), v -> v, true); // writes nothing new: throws at a record before anything changed
        int[] at = {0};
        walk(model, 0, newSeen(), v -> values[at[0]++], true);
    }

    /**
     * A new object of {@code like}'s structure whose parameters are {@code values}: arrays and the
     * objects holding parameters new, records made by their canonical constructors, everything else
     * (data, {@code @NoDerivative} fields) shared with {@code like}.
     */
    public static <M> M unflatten(double[] values, M like) {
        requireLength(values, like);
        int[] at = {0};
        return rebuild(like, new Numbers() {
            @Override
            public double next() {
                return values[at[0]++];
            }

            @Override
            public boolean remakesData() {
                return false;
            }
        });
    }

    /**
     * A new object of {@code like}'s structure whose numbers come from {@code numbers}, in the walk's
     * order: a record by its canonical constructor, another class by its no-argument constructor
     * (which may be private) or without one, and then its fields set.
     */
    @SuppressWarnings("unchecked")
    public static <M> M rebuild(M like, Numbers numbers) {
        try {
            return (M) rebuildOf(like, numbers, 0);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            if (e instanceof FluxionException f) {
                throw f;
            }
            throw new FluxionException("fluxion: cannot make an object of " + like.getClass().getName() + " (" + e + "). "
                    + "Pass an object of the model's shape where the API takes one.", e);
        }
    }

    private static void requireLength(double[] values, Object model) {
        int n = count(model);
        if (values.length != n) {
            throw new FluxionException("fluxion: " + values.length + " values for a " + model.getClass().getName()
                    + " of " + n + " parameters");
        }
    }

    /** What the walk does with each parameter: given its value, returns the value to write (if it writes). */
    private interface Visit {
        double at(double value);
    }

    private static java.util.Set<Object> newSeen() {
        return java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    }

    /**
     * Visits the parameters of {@code v}, writing back what {@code visit} returns if {@code write}.
     * An array, a list or an object met before ({@code seen}) is not visited again: a model holding
     * one array in two places (tied weights) has its numbers once, where the walk meets it first.
     */
    private static void walk(Object v, int depth, java.util.Set<Object> seen, Visit visit, boolean write) {
        if (v == null || !(v.getClass().isArray() || v instanceof List<?> || holdsNumbers(v.getClass())) || !seen.add(v)) {
            return;
        }
        if (depth > MAX_DEPTH) {
            throw new FluxionException("fluxion: the model's objects are nested more than " + MAX_DEPTH + " deep, or hold a cycle");
        }
        Class<?> c = v.getClass();
        if (v instanceof double[] d) {
            for (int i = 0; i < d.length; i++) {
                d[i] = visit.at(d[i]);
            }
        } else if (v instanceof float[] f) {
            for (int i = 0; i < f.length; i++) {
                f[i] = (float) visit.at(f[i]);
            }
        } else if (v instanceof Object[] items) {
            for (Object item : items) {
                walk(item, depth + 1, seen, visit, write);
            }
        } else if (v instanceof List<?> list && holdsParameters(list)) {
            for (Object item : list) {
                walk(item, depth + 1, seen, visit, write);
            }
        } else if (holdsNumbers(c)) {
            for (Field f : FIELDS.get(c)) {
                if (!isParameter(f)) {
                    continue;
                }
                try {
                    if (f.getType() == double.class || f.getType() == float.class) {
                        double now = visit.at(f.getDouble(v));
                        if (write) {
                            if (c.isRecord()) {
                                throw new FluxionException("fluxion: " + c.getName() + " is a record, whose components "
                                        + "cannot be written: use ModelVectors.unflatten(values, model), which makes a new one");
                            }
                            if (f.getType() == float.class) {
                                f.setFloat(v, (float) now);
                            } else {
                                f.setDouble(v, now);
                            }
                        }
                    } else {
                        walk(f.get(v), depth + 1, seen, visit, write);
                    }
                } catch (IllegalAccessException e) {
                    throw new FluxionException("fluxion: cannot read or write " + f + " (" + e + ")", e);
                }
            }
        }
    }

    /** Whether a field may hold parameters: not marked data, of a floating, array, list or user's type. */
    private static boolean isParameter(Field f) {
        if (f.isAnnotationPresent(NoDerivative.class)) {
            return false;
        }
        Class<?> t = f.getType();
        return t == double.class || t == float.class || !t.isPrimitive() && t != String.class;
    }

    static Object rebuildOf(Object v, Numbers numbers, int depth) throws ReflectiveOperationException {
        return rebuildOf(v, numbers, new java.util.IdentityHashMap<>(), depth);
    }

    /**
     * {@code made}: what each array, list and object met before became, so that what the model holds
     * in several places (one weight array as an encoder's and a tied decoder's) is one in the new
     * object too, and is given its numbers once, as {@link #walk} visits it once.
     */
    private static Object rebuildOf(Object v, Numbers numbers, java.util.IdentityHashMap<Object, Object> made, int depth)
            throws ReflectiveOperationException {
        if (v == null) {
            return null;
        }
        Object before = made.get(v);
        if (before != null) {
            return before;
        }
        Object after = rebuildOnce(v, numbers, made, depth);
        made.put(v, after);
        return after;
    }

    private static Object rebuildOnce(Object v, Numbers numbers, java.util.IdentityHashMap<Object, Object> made, int depth)
            throws ReflectiveOperationException {
        if (depth > MAX_DEPTH) {
            throw new FluxionException("fluxion: the model's objects are nested more than " + MAX_DEPTH + " deep, or hold a cycle");
        }
        Class<?> c = v.getClass();
        if (c.isArray()) {
            Class<?> e = c.getComponentType();
            int n = Array.getLength(v);
            if (e == double.class || e == float.class) {
                Object out = Array.newInstance(e, n);
                for (int i = 0; i < n; i++) {
                    if (e == float.class) {
                        Array.setFloat(out, i, (float) numbers.next());
                    } else {
                        Array.setDouble(out, i, numbers.next());
                    }
                }
                return out;
            }
            if (e.isPrimitive() || !typeMayHoldNumbers(e, new java.util.HashSet<>())) {
                return v; // int[], String[], Act[]: data, shared
            }
            Object[] src = (Object[]) v;
            Object[] out = (Object[]) Array.newInstance(e, n);
            for (int i = 0; i < n; i++) {
                out[i] = rebuildOf(src[i], numbers, made, depth + 1);
            }
            return out;
        }
        if (v instanceof List<?> list && holdsParameters(list)) {
            Object[] out = list.toArray();
            for (int i = 0; i < out.length; i++) {
                out[i] = rebuildOf(out[i], numbers, made, depth + 1);
            }
            return listLike(list, out);
        }
        if (!holdsNumbers(c)) {
            return v; // data (a String, an enum's constant, a record of ints): shared, never instantiated
        }
        Map<String, Object> values = new HashMap<>();
        for (Field f : FIELDS.get(c)) {
            Object old = f.get(v);
            boolean remade = isParameter(f) || numbers.remakesData();
            values.put(f.getName(), !remade ? old
                    : f.getType() == double.class ? (Object) numbers.next()
                    : f.getType() == float.class ? (Object) (float) numbers.next()
                    : f.getType().isPrimitive() ? old : rebuildOf(old, numbers, made, depth + 1));
        }
        if (c.isRecord()) {
            RecordComponent[] parts = c.getRecordComponents();
            Class<?>[] types = new Class<?>[parts.length];
            Object[] args = new Object[parts.length];
            for (int i = 0; i < parts.length; i++) {
                types[i] = parts[i].getType();
                args[i] = values.get(parts[i].getName());
            }
            Constructor<?> canonical = c.getDeclaredConstructor(types);
            canonical.setAccessible(true);
            return canonical.newInstance(args);
        }
        Object out = blank(c);
        for (Field f : FIELDS.get(c)) {
            f.set(out, values.get(f.getName()));
        }
        return out;
    }

    /** Whether a list holds objects of the user's classes (a model's layers), whose parameters are the model's. */
    static boolean holdsModelObjects(List<?> list) {
        for (Object e : list) {
            if (e != null && holdsNumbers(e.getClass())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a list holds parameters: objects of the user's classes, or floating arrays of any depth
     * ({@code List<double[]> biases}, {@code List<double[][]> weights}).
     */
    static boolean holdsParameters(List<?> list) {
        for (Object e : list) {
            if (e != null && (holdsNumbers(e.getClass()) || isFloatingArray(e.getClass()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isFloatingArray(Class<?> c) {
        Class<?> e = c;
        while (e.isArray()) {
            e = e.getComponentType();
        }
        return c.isArray() && (e == double.class || e == float.class);
    }

    /**
     * A list of {@code elements} like {@code list}: an {@code ArrayList} or a {@code LinkedList} for
     * one, a list of the same class if it has a public no-argument constructor, else unmodifiable as
     * {@code List.of} (fixed-size as {@code Arrays.asList} if an element is null).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static List<?> listLike(List<?> list, Object[] elements) {
        if (list instanceof ArrayList<?>) {
            return new ArrayList<>(Arrays.asList(elements));
        }
        if (list instanceof java.util.LinkedList<?>) {
            return new java.util.LinkedList<>(Arrays.asList(elements));
        }
        try {
            List copy = (List) list.getClass().getConstructor().newInstance();
            copy.addAll(Arrays.asList(elements));
            return copy;
        } catch (ReflectiveOperationException | RuntimeException e) {
            boolean nulls = Arrays.stream(elements).anyMatch(java.util.Objects::isNull);
            return nulls ? Arrays.asList(elements) : List.of(elements);
        }
    }

    /**
     * A new instance of {@code c} whose fields are then all set: by its no-argument constructor if it
     * has one, else without running a constructor, as deserialisation does (the JDK's
     * {@code sun.reflect.ReflectionFactory}, in module jdk.unsupported, read reflectively).
     */
    private static Object blank(Class<?> c) throws ReflectiveOperationException {
        try {
            Constructor<?> empty = c.getDeclaredConstructor();
            empty.setAccessible(true);
            return empty.newInstance();
        } catch (NoSuchMethodException e) {
            Class<?> factoryClass = Class.forName("sun.reflect.ReflectionFactory");
            Object factory = factoryClass.getMethod("getReflectionFactory").invoke(null);
            Constructor<?> blank = (Constructor<?>) factoryClass.getMethod("newConstructorForSerialization", Class.class,
                    Constructor.class).invoke(factory, c, Object.class.getDeclaredConstructor());
            return blank.newInstance();
        }
    }

    /** Per class: {@link #holdsNumbers}. */
    private static final ClassValue<Boolean> HOLDS_NUMBERS = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> c) {
            return isModelClass(c) && !Enum.class.isAssignableFrom(c) && mayHoldNumbers(c, new java.util.HashSet<>());
        }
    };

    /**
     * Whether objects of {@code c} are part of a model's structure: of the user's classes
     * ({@link #isModelClass}), and able to hold floating-point state, in their fields or in objects
     * those hold. Other objects a model holds are data, shared by reference with every object made in
     * its structure (unflattened models, gradient objects), never instantiated: an enum's constants
     * above all (a copy would be a constant no {@code switch} knows, its fields constants too), and
     * objects of classes holding only counts, flags, strings and enums (a {@code record Term(int
     * power, double c)} does hold a number; a {@code record Shape(int rows, int cols)} does not).
     */
    static boolean holdsNumbers(Class<?> c) {
        return HOLDS_NUMBERS.get(c);
    }

    /**
     * Whether an object of class {@code c}, or one its fields may hold, may hold a {@code double} or a
     * {@code float}: judged from the fields' declared types; a type that may be subclassed (an
     * interface, {@code Object}, a class not final) may, a final JDK class ({@code String},
     * {@code Integer}) and an enum may not. {@code visiting}: classes under way, taken as not (their
     * fields are judged where they were met first).
     */
    private static boolean mayHoldNumbers(Class<?> c, java.util.Set<Class<?>> visiting) {
        if (!visiting.add(c)) {
            return false;
        }
        for (Class<?> k = c; k != null && isModelClass(k); k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) && typeMayHoldNumbers(f.getType(), visiting)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean typeMayHoldNumbers(Class<?> t, java.util.Set<Class<?>> visiting) {
        if (t.isPrimitive()) {
            return t == double.class || t == float.class;
        }
        if (t.isArray()) {
            return typeMayHoldNumbers(t.getComponentType(), visiting);
        }
        if (Enum.class.isAssignableFrom(t)) {
            return false;
        }
        if (!Modifier.isFinal(t.getModifiers())) {
            return true; // an interface, Object, a List, a class a subclass of which may hold numbers
        }
        return isModelClass(t) && mayHoldNumbers(t, visiting);
    }

    /**
     * Whether objects of {@code c} are the user's, whose numbers a model holds: not the JDK's, nor a
     * lambda's or a proxy's class (hidden or synthetic: a function held in a field,
     * {@code final Rhs rhs = this::derivative}, is shared as data).
     */
    static boolean isModelClass(Class<?> c) {
        String n = c.getName();
        return !c.isPrimitive() && !c.isArray() && !c.isHidden() && !c.isSynthetic() && !n.startsWith("java.")
                && !n.startsWith("javax.") && !n.startsWith("jdk.") && !n.startsWith("kotlin.");
    }
}
