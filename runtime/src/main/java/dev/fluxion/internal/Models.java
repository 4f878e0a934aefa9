package dev.fluxion.internal;

import dev.fluxion.FluxionException;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;

/**
 * Support for gradients with respect to model objects: checks and zeroes the gradient object's
 * arrays before the generated bridge accumulates into them, and makes a gradient object of the
 * model's shape by reflection (once per {@code ModelGradient.gradient(model)} call, never per
 * operation). Public because generated code calls it; not part of the API.
 */
public final class Models {
    private Models() {
    }

    /**
     * The array of the gradient object at {@code path}, checked to have the shape of the model's
     * array there and to be another array, and zeroed.
     */
    public static Object shadow(Object primal, Object shadow, String path) {
        if (shadow == null) {
            throw new FluxionException("fluxion: the gradient object's " + path + " is null; it needs an array of the "
                    + "model's shape there (ModelGradient.gradient(model) makes one)");
        }
        if (shadow == primal) {
            throw new FluxionException("fluxion: the gradient object's " + path + " is the model's own array; give the "
                    + "gradient object arrays of its own (ModelGradient.gradient(model) makes them)");
        }
        requireShape(primal, shadow, path, true);
        zero(shadow);
        return shadow;
    }

    /**
     * The array of a direction object ({@code path}: its leaf), checked to have the shape of the
     * model's array there: a tangent, read, never written (the bridge copies it where the loss writes).
     */
    public static Object tangent(Object primal, Object tangent, String path) {
        if (tangent == null) {
            throw new FluxionException("fluxion: the direction's " + path + " is null; it needs an array of the model's "
                    + "shape there (ModelVectors.unflatten(values, model) makes a direction of the model's shape)");
        }
        requireShape(primal, tangent, path, false);
        return tangent;
    }

    /** A new zero array of the shape of {@code array}, a floating array of any depth. */
    public static Object zeroLike(Object array) {
        if (array instanceof double[] d) {
            return new double[d.length];
        }
        if (array instanceof float[] f) {
            return new float[f.length];
        }
        if (array instanceof Object[] rows) {
            Object[] out = (Object[]) java.lang.reflect.Array.newInstance(rows.getClass().getComponentType(), rows.length);
            for (int i = 0; i < out.length; i++) {
                out[i] = rows[i] == null ? null : zeroLike(rows[i]);
            }
            return out;
        }
        return array;
    }

    /**
     * The elements of a model's list ({@code List<Layer> layers}), in order, as the loss and the
     * bridge read them: the loss only reads the list, so the array is the list as it reads it.
     */
    public static Object[] elements(Object list) {
        if (list instanceof java.util.List<?> l) {
            return l.toArray();
        }
        if (list == null) {
            throw new NullPointerException("a model's list is null");
        }
        throw new FluxionException("fluxion: a model's field declared as a collection holds a " + list.getClass().getName()
                + ": gradients are taken through lists (a List, an ArrayList), whose elements keep their order");
    }

    /**
     * {@code objects}, checked to have one element per value (the gradient object's array of objects
     * at {@code path}, which ends in {@code []}: {@code layers[]}, {@code blocks[].layers[]}).
     */
    public static Object[] sameLength(Object[] objects, Object values, String path) {
        if (objects == null || objects.length != Array.getLength(values)) {
            throw new FluxionException("fluxion: the gradient object's " + path.substring(0, path.lastIndexOf("[]")) + " has "
                    + (objects == null ? "no array" : objects.length + " objects") + ", the model's "
                    + Array.getLength(values));
        }
        return objects;
    }

    /**
     * Checks that {@code others} (a gradient object's, a direction's arrays and objects at the
     * leaves' {@code paths}, one a line) share as the model's {@code primals} do: one where the
     * model holds one array or object in several places (tied weights), apart where the model's are
     * apart, rows of matrices included; and that no array the loss writes into ({@code written}: a
     * {@code '1'} per path) is held in two places, which the copies the loss writes into would part.
     * {@code what}: what {@code others} are, in the message.
     */
    public static void sameSharing(Object[] primals, Object[] others, String paths, String written, String what) {
        java.util.IdentityHashMap<Object, Object[]> seen = new java.util.IdentityHashMap<>(); // primal -> {other, path, written}
        java.util.IdentityHashMap<Object, String> claimed = new java.util.IdentityHashMap<>(); // other -> path
        String[] at = paths.split("\n");
        for (int j = 0; j < primals.length; j++) {
            share(primals[j], others[j], at[j], written.charAt(j) == '1', what, seen, claimed, 0);
        }
    }

    private static void share(Object primal, Object other, String path, boolean written, String what,
            java.util.IdentityHashMap<Object, Object[]> seen, java.util.IdentityHashMap<Object, String> claimed, int depth) {
        if (primal == null || other == null || depth > 32) {
            return; // a missing array is reported where it is read
        }
        Object[] before = seen.get(primal);
        if (before != null) {
            if (written || (Boolean) before[2]) {
                throw new FluxionException("fluxion: the loss writes into the model's array at " + (written ? path : before[1])
                        + ", which the model also holds at " + (written ? before[1] : path) + ": Fluxion differentiates a "
                        + "loss that writes into the model's arrays on copies of them, which would part the two. Write into "
                        + "a copy of the array in the loss, or hold it in one place.");
            }
            if (before[0] != other) {
                throw new FluxionException("fluxion: the model holds one " + kind(primal) + " at " + before[1] + " and at "
                        + path + ", the " + what + " two different ones: the derivative with respect to a shared array is "
                        + "one, the sum over its uses, and needs one place. Give a " + what + " that shares as the model does "
                        + "(ModelGradient.gradient(model) and ModelVectors.unflatten(values, model) make one).");
            }
            return;
        }
        String owner = claimed.get(other);
        if (owner != null && other != primal) {
            throw new FluxionException("fluxion: the " + what + " holds one " + kind(other) + " at " + owner + " and at " + path
                    + ", where the model holds two different ones: each needs its own. Give a " + what + " of the model's "
                    + "shape (ModelGradient.gradient(model) and ModelVectors.unflatten(values, model) make one).");
        }
        seen.put(primal, new Object[] {other, path, written});
        claimed.put(other, path);
        if (primal instanceof Object[] items && other instanceof Object[] otherItems) {
            // the rows of a matrix, or the array of what each object of an array or list holds (layers[].w)
            for (int i = 0; i < items.length && i < otherItems.length; i++) {
                String each = path.contains("[]") ? path.replaceFirst("\\[\\]", "[" + i + "]") : path + "[" + i + "]";
                share(items[i], otherItems[i], each, written, what, seen, claimed, depth + 1);
            }
        }
    }

    private static String kind(Object o) {
        return o.getClass().isArray() ? "array" : "object";
    }

    /** {@code receiving}: the other array receives derivatives, and must not be (nor hold) one of the model's. */
    private static void requireShape(Object primal, Object shadow, String path, boolean receiving) {
        if (primal == null) {
            return; // the loss fails on it as the primal would
        }
        int n = Array.getLength(primal);
        if (Array.getLength(shadow) != n) {
            String whose = "fluxion: the " + (receiving ? "gradient object's " : "direction's ");
            throw new FluxionException(path.contains("[]") // the objects of an array or a list (layers[].w: layers)
                    ? whose + path.substring(0, path.indexOf("[]")) + " has " + Array.getLength(shadow) + " objects, the model's " + n
                    : whose + path + " has length " + Array.getLength(shadow) + ", the model's " + n);
        }
        if (primal instanceof Object[] rows) {
            for (int i = 0; i < n; i++) {
                Object row = ((Object[]) shadow)[i];
                if (receiving && row != null && row == rows[i]) { // an object of the gradient's array or list that is the model's
                    throw new FluxionException("fluxion: the gradient object's " + (path.contains("[]")
                            ? path.replaceFirst("\\[\\]", "[" + i + "]") : path + "[" + i + "]") + " is the model's own "
                            + "array; give the gradient object arrays of its own (ModelGradient.gradient(model) makes them)");
                }
                // a matrix's row, or what the i-th object of an array or list holds (layers[].w: layers[i].w)
                String each = path.contains("[]") ? path.replaceFirst("\\[\\]", "[" + i + "]") : path + "[" + i + "]";
                requireShape(rows[i], row, each, receiving);
            }
        }
    }

    private static void zero(Object array) {
        if (array instanceof double[] d) {
            java.util.Arrays.fill(d, 0.0);
        } else if (array instanceof float[] f) {
            java.util.Arrays.fill(f, 0.0f);
        } else if (array instanceof Object[] rows) {
            for (Object row : rows) {
                if (row != null) {
                    zero(row);
                }
            }
        }
    }

    /** A copy of a floating array of any depth, for a loss that writes into the model's arrays. */
    public static Object copy(Object array) {
        if (array instanceof double[] d) {
            return d.clone();
        }
        if (array instanceof float[] f) {
            return f.clone();
        }
        if (array instanceof Object[] rows) {
            Object[] out = rows.clone();
            for (int i = 0; i < out.length; i++) {
                out[i] = out[i] == null ? null : copy(out[i]);
            }
            return out;
        }
        return array;
    }

    /**
     * An object of the model's class and shape whose floating-point state is zero: {@code double}
     * and {@code float} fields 0, floating arrays new zero arrays of the same lengths, nested objects
     * (of classes outside the JDK that may hold a {@code double} or {@code float},
     * {@link ModelStructure#holdsNumbers}), in fields, arrays and lists, copied the same way; other
     * fields and objects (counts, names, data, an enum's constants) shared, never instantiated.
     * A record is made by its canonical constructor; another class by its no-argument constructor
     * (which may be private), or without one, and then its fields set.
     */
    @SuppressWarnings("unchecked")
    public static <M> M zeroCopy(M model) {
        try {
            return (M) ModelStructure.rebuildOf(model, ModelStructure.ZEROS, 0);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            throw new FluxionException("fluxion: cannot make a gradient object of " + model.getClass().getName() + " ("
                    + e + "). Pass a gradient object of the model's shape to valueAndGradient(model, gradOut).", e);
        }
    }

    /**
     * Derivatives for final fields of gradient objects ({@code record Fit(double a, double b)}),
     * which no generated code may write: kept here, per thread, from {@link #receiveFinal} until
     * {@link #endReceiving} makes gradient objects that hold them.
     */
    private static final ThreadLocal<java.util.ArrayDeque<java.util.IdentityHashMap<Object, java.util.Map<String, Double>>>>
            FINALS = ThreadLocal.withInitial(java.util.ArrayDeque::new);

    /**
     * Runs {@code derivative}, a sweep that writes derivatives into {@code out} (a gradient object,
     * a Hessian-vector product's), with the tape entered and derivatives for final fields kept
     * ({@link #beginReceiving}); on an exception, the tape is unwound and what was kept dropped.
     * The caller then calls {@link #endReceiving}. Returns what the sweep returned.
     */
    public static double sweep(Object out, java.util.function.ToDoubleFunction<Tape> derivative) {
        Tape tape = Tape.current();
        tape.enter();
        beginReceiving();
        try {
            return derivative.applyAsDouble(tape);
        } catch (RuntimeException | Error e) {
            tape.unwindToMark();
            endReceiving(out, null, null);
            throw e;
        } finally {
            tape.leave();
        }
    }

    /** Before a model's adjoint runs: derivatives for final fields are kept from now on (a loss may take another's gradient). */
    public static void beginReceiving() {
        FINALS.get().push(new java.util.IdentityHashMap<>());
    }

    /** The derivative {@code value} for the final field {@code field} of {@code holder}, a gradient object or one in it. */
    public static void receiveFinal(Object holder, String field, double value) {
        java.util.IdentityHashMap<Object, java.util.Map<String, Double>> pending = FINALS.get().peek();
        if (pending == null) {
            throw new IllegalStateException("fluxion: a derivative for a final field outside a model gradient");
        }
        // summed: a holder the gradient object has in several places (as the model has) receives from each
        pending.computeIfAbsent(holder, k -> new java.util.HashMap<>()).merge(field, value, Double::sum);
    }

    /**
     * {@code gradient}, or, if derivatives for its final fields (or those of objects in it) were
     * received, a gradient object holding them: a record is made anew by its canonical constructor
     * (and so are the records and objects holding it), another class gets its final fields set.
     * {@code given}: what the caller's own object is called ({@code "gradient object"}), if the
     * derivatives go into it, which must then be filled as it is; a record in it cannot be, and that
     * is an error that says what to do: call {@code instead}. {@code null} for an object made here.
     */
    @SuppressWarnings("unchecked")
    public static <M> M endReceiving(M gradient, String given, String instead) {
        java.util.IdentityHashMap<Object, java.util.Map<String, Double>> pending = FINALS.get().poll();
        if (pending == null || pending.isEmpty()) {
            return gradient;
        }
        try {
            Object out = withFinals(gradient, pending, new java.util.IdentityHashMap<>(), 0);
            if (given != null && out != gradient) {
                throw new FluxionException("fluxion: the " + given + " given, a " + gradient.getClass().getName()
                        + ", is or holds a record whose components receive derivatives, and a record's components "
                        + "cannot be written: use " + instead + ", which returns a new " + given + " holding them.");
            }
            return (M) out;
        } catch (ReflectiveOperationException | RuntimeException e) {
            if (e instanceof FluxionException f) {
                throw f;
            }
            throw new FluxionException("fluxion: cannot make a gradient object of " + gradient.getClass().getName()
                    + " holding the derivatives of its final fields (" + e + ").", e);
        }
    }

    /**
     * {@code v} with the derivatives received for it and the objects in it: itself where nothing
     * changed. {@code done}: what each object met already became, so that an object or array the
     * gradient object holds in several places (as the model does) stays one.
     */
    private static Object withFinals(Object v, java.util.IdentityHashMap<Object, java.util.Map<String, Double>> pending,
            java.util.IdentityHashMap<Object, Object> done, int depth) throws ReflectiveOperationException {
        if (v == null || depth > 32) {
            return v;
        }
        Object before = done.get(v);
        if (before != null) {
            return before;
        }
        Object after = withFinalsOnce(v, pending, done, depth);
        done.put(v, after);
        return after;
    }

    private static Object withFinalsOnce(Object v, java.util.IdentityHashMap<Object, java.util.Map<String, Double>> pending,
            java.util.IdentityHashMap<Object, Object> done, int depth) throws ReflectiveOperationException {
        Class<?> c = v.getClass();
        if (c.isArray()) {
            if (!c.getComponentType().isPrimitive()) {
                Object[] a = (Object[]) v;
                for (int i = 0; i < a.length; i++) {
                    a[i] = withFinals(a[i], pending, done, depth + 1); // a gradient object's own array
                }
            }
            return v;
        }
        if (v instanceof java.util.List<?> list && ModelStructure.holdsModelObjects(list)) {
            return listWithFinals(list, pending, done, depth);
        }
        if (!ModelStructure.holdsNumbers(c)) {
            return v; // data, shared with the model: nothing to receive
        }
        java.util.Map<String, Double> scalars = pending.getOrDefault(v, java.util.Map.of());
        if (c.isRecord()) {
            RecordComponent[] parts = c.getRecordComponents();
            Class<?>[] types = new Class<?>[parts.length];
            Object[] values = new Object[parts.length];
            boolean changed = false;
            for (int i = 0; i < parts.length; i++) {
                types[i] = parts[i].getType();
                java.lang.reflect.Method accessor = parts[i].getAccessor();
                accessor.setAccessible(true);
                Object old = accessor.invoke(v);
                Double d = scalars.get(parts[i].getName());
                values[i] = d != null ? (types[i] == float.class ? (Object) d.floatValue() : d)
                        : types[i].isPrimitive() ? old : withFinals(old, pending, done, depth + 1);
                changed |= d != null || values[i] != old && !types[i].isPrimitive();
            }
            if (!changed) {
                return v;
            }
            Constructor<?> canonical = c.getDeclaredConstructor(types);
            canonical.setAccessible(true);
            return canonical.newInstance(values);
        }
        for (Class<?> k = c; k != null && isModelClass(k); k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                f.setAccessible(true);
                Double d = scalars.get(f.getName());
                if (d != null) {
                    if (f.getType() == float.class) {
                        f.setFloat(v, d.floatValue());
                    } else {
                        f.setDouble(v, d);
                    }
                } else if (!f.getType().isPrimitive()) {
                    Object old = f.get(v);
                    Object now = withFinals(old, pending, done, depth + 1);
                    if (now != old) {
                        f.set(v, now);
                    }
                }
            }
        }
        return v;
    }

    /**
     * A gradient object's list of objects ({@code List<Layer> layers}) with the derivatives received
     * for its elements: itself, its elements changed in place (a final gain set) or replaced where it
     * can be ({@code ArrayList}, {@code LinkedList}: records made anew), else a new list like it
     * ({@code List.of} of records), which the object holding it then holds.
     */
    @SuppressWarnings("unchecked")
    private static Object listWithFinals(java.util.List<?> list, java.util.IdentityHashMap<Object,
            java.util.Map<String, Double>> pending, java.util.IdentityHashMap<Object, Object> done, int depth)
            throws ReflectiveOperationException {
        Object[] elements = list.toArray();
        boolean replaced = false;
        for (int i = 0; i < elements.length; i++) {
            Object now = withFinals(elements[i], pending, done, depth + 1);
            replaced |= now != elements[i];
            elements[i] = now;
        }
        if (!replaced) {
            return list;
        }
        if (list instanceof java.util.ArrayList<?> || list instanceof java.util.LinkedList<?>) {
            java.util.List<Object> mutable = (java.util.List<Object>) list;
            for (int i = 0; i < elements.length; i++) {
                mutable.set(i, elements[i]);
            }
            return list;
        }
        return ModelStructure.listLike(list, elements);
    }

    /** Whether objects of {@code c} are copied into a gradient object ({@link ModelStructure#isModelClass}). */
    private static boolean isModelClass(Class<?> c) {
        return ModelStructure.isModelClass(c);
    }
}
