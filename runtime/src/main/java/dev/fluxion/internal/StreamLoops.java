package dev.fluxion.internal;

import java.util.function.DoubleUnaryOperator;
import java.util.function.IntToDoubleFunction;

/**
 * The loops that primitive stream pipelines stand for, as plain Java the transformer inlines in
 * their place: {@code IntStream.range(a, b).mapToDouble(f).sum()} is {@link #sumOfRange}, and so on
 * (see the transformer's {@code StreamLoops}). The lambda then becomes a call of its body, so the
 * pipeline is differentiated at the speed of the loop.
 *
 * <p>Sums add as {@code DoubleStream.sum()} and {@code average()} do: Kahan's compensated
 * summation with a plain sum beside it for infinities ({@code Collectors.sumWithCompensation} and
 * {@code computeFinalSum}, JDK 17.0.15 and later, 18 and later), so the value is the stream's, bit for
 * bit; differentiated, the compensation carries the rounding error of the derivatives' sum, whose
 * exact value is the plain sum's. The loop is written out in each sum so that it fuses with the map.
 *
 * <p>Public because generated code may call it; not part of the API.
 */
public final class StreamLoops {
    private StreamLoops() {
    }

    /**
     * {@code list.forEach(action)} on a list made in the differentiated method: its for-each loop.
     * (The action is a lambda made there, never null, and not tested: a lambda compared is one
     * Fluxion no longer follows.)
     */
    public static void forEach(java.util.List<Object> items, java.util.function.Consumer<Object> action) {
        for (Object item : items) {
            action.accept(item);
        }
    }

    /** The end of {@code IntStream.rangeClosed(from, last)} as a {@code range}: {@code last + 1}. */
    public static int closedEnd(int last) {
        if (last == Integer.MAX_VALUE) {
            throw new UnsupportedOperationException("IntStream.rangeClosed(.., Integer.MAX_VALUE) in a differentiated method: "
                    + "Fluxion writes the pipeline as a loop up to last + 1, which overflows");
        }
        return last + 1;
    }

    /** {@code IntStream.range(from, to).mapToDouble(f).sum()}. */
    public static double sumOfRange(int from, int to, IntToDoubleFunction f) {
        double sum = 0;
        double compensation = 0; // the negated low-order bits of the sum
        double simple = 0;
        for (int i = from; i < to; i++) {
            double v = f.applyAsDouble(i);
            double tmp = v - compensation;
            double velvel = sum + tmp;
            compensation = (velvel - sum) - tmp;
            sum = velvel;
            simple += v;
        }
        return finalSum(sum, compensation, simple);
    }

    /** {@code Arrays.stream(a).map(f).sum()}, {@code DoubleStream.of(a).map(f).sum()}. */
    public static double sumOfMapped(double[] a, DoubleUnaryOperator f) {
        double sum = 0;
        double compensation = 0;
        double simple = 0;
        for (int i = 0; i < a.length; i++) {
            double v = f.applyAsDouble(a[i]);
            double tmp = v - compensation;
            double velvel = sum + tmp;
            compensation = (velvel - sum) - tmp;
            sum = velvel;
            simple += v;
        }
        return finalSum(sum, compensation, simple);
    }

    /** {@code Arrays.stream(a).sum()}, {@code DoubleStream.of(a).sum()}, and the sum of any pipeline's values. */
    public static double sum(double[] a) {
        double sum = 0;
        double compensation = 0;
        double simple = 0;
        for (int i = 0; i < a.length; i++) {
            double tmp = a[i] - compensation;
            double velvel = sum + tmp;
            compensation = (velvel - sum) - tmp;
            sum = velvel;
            simple += a[i];
        }
        return finalSum(sum, compensation, simple);
    }

    /** {@code Collectors.computeFinalSum}: the compensated sum, unless it is a NaN that infinities of one sign made. */
    private static double finalSum(double sum, double compensation, double simple) {
        double compensated = sum - compensation;
        return Double.isNaN(compensated) && Double.isInfinite(simple) ? simple : compensated;
    }

    /** The values of {@code Arrays.stream(a, from, to)}; out of range, it throws as the stream does. */
    public static double[] slice(double[] a, int from, int to) {
        if (from < 0 || to > a.length || from > to) {
            throw new ArrayIndexOutOfBoundsException("slice from " + from + " to " + to + " of an array of length " + a.length);
        }
        return java.util.Arrays.copyOfRange(a, from, to);
    }

    /**
     * The values of {@code IntStream.range(from, to).mapToDouble(f).limit(n)}: {@code f} applied to
     * the first {@code n} indices only, as the lazy stream does.
     */
    public static double[] valuesOfRangeLimited(int from, int to, long n, IntToDoubleFunction f) {
        if (n < 0) {
            throw new IllegalArgumentException(Long.toString(n));
        }
        int end = (int) Math.min(to, Math.max(from, from + Math.min(n, Integer.MAX_VALUE)));
        return valuesOfRange(from, end, f);
    }

    /**
     * The values of {@code objects.stream().map(f).mapToDouble(g)}: {@code g} of each object {@code f}
     * makes, in order. Objects {@code f} makes in the method are then value objects, their numbers
     * differentiated as any local object's.
     */
    public static double[] valuesOfMappedObjects(java.util.Collection<?> objects, java.util.function.Function<Object, Object> f,
            java.util.function.ToDoubleFunction<Object> g) {
        double[] values = new double[objects.size()];
        int i = 0;
        for (Object o : objects) {
            values[i++] = g.applyAsDouble(f.apply(o));
        }
        return values;
    }

    /** The values of {@code Arrays.stream(objects).map(f).mapToDouble(g)}. */
    public static double[] valuesOfMappedObjectArray(Object[] objects, java.util.function.Function<Object, Object> f,
            java.util.function.ToDoubleFunction<Object> g) {
        double[] values = new double[objects.length];
        for (int i = 0; i < objects.length; i++) {
            values[i] = g.applyAsDouble(f.apply(objects[i]));
        }
        return values;
    }

    /**
     * {@code objects.stream().map(f).toList()} and {@code .collect(Collectors.toList())}: a new list of
     * what {@code f} makes of each object, in order. Made here, so a list of objects made in the
     * method (the transformer's {@code ListsMadeHere}) when {@code f} makes them.
     */
    public static java.util.List<Object> mappedObjects(java.util.Collection<?> objects, java.util.function.Function<Object, Object> f) {
        java.util.List<Object> mapped = new java.util.ArrayList<>(objects.size());
        for (Object o : objects) {
            mapped.add(f.apply(o));
        }
        return mapped;
    }

    /** {@code Arrays.stream(objects).map(f).toList()} and {@code .collect(Collectors.toList())}. */
    public static java.util.List<Object> mappedObjectArray(Object[] objects, java.util.function.Function<Object, Object> f) {
        java.util.List<Object> mapped = new java.util.ArrayList<>(objects.length);
        for (int i = 0; i < objects.length; i++) {
            mapped.add(f.apply(objects[i]));
        }
        return mapped;
    }

    /** The values of {@code objects.stream().mapToDouble(f)}: a collection read, not differentiated. */
    public static double[] valuesOfObjects(java.util.Collection<?> objects, java.util.function.ToDoubleFunction<Object> f) {
        double[] values = new double[objects.size()];
        int i = 0;
        for (Object o : objects) {
            values[i++] = f.applyAsDouble(o);
        }
        return values;
    }

    /** The values of {@code Arrays.stream(objects).mapToDouble(f)}. */
    public static double[] valuesOfObjectArray(Object[] objects, java.util.function.ToDoubleFunction<Object> f) {
        double[] values = new double[objects.length];
        for (int i = 0; i < objects.length; i++) {
            values[i] = f.applyAsDouble(objects[i]);
        }
        return values;
    }

    /** The values of {@code objects.stream().filter(keep).mapToDouble(f)}: {@code f} of the objects kept, in order. */
    public static double[] valuesOfObjectsWhere(java.util.Collection<?> objects, java.util.function.Predicate<Object> keep,
            java.util.function.ToDoubleFunction<Object> f) {
        double[] values = new double[objects.size()];
        int n = 0;
        for (Object o : objects) {
            if (keep.test(o)) {
                values[n++] = f.applyAsDouble(o);
            }
        }
        return java.util.Arrays.copyOf(values, n);
    }

    /** The values of {@code Arrays.stream(objects).filter(keep).mapToDouble(f)}. */
    public static double[] valuesOfObjectArrayWhere(Object[] objects, java.util.function.Predicate<Object> keep,
            java.util.function.ToDoubleFunction<Object> f) {
        double[] values = new double[objects.length];
        int n = 0;
        for (Object o : objects) {
            if (keep.test(o)) {
                values[n++] = f.applyAsDouble(o);
            }
        }
        return java.util.Arrays.copyOf(values, n);
    }

    /** The values of {@code IntStream.range(from, to).mapToDouble(f)}, for a terminal other than {@code sum()}. */
    public static double[] valuesOfRange(int from, int to, IntToDoubleFunction f) {
        double[] values = new double[Math.max(0, to - from)];
        for (int i = from; i < to; i++) {
            values[i - from] = f.applyAsDouble(i);
        }
        return values;
    }

    /** The values of {@code Arrays.stream(a).map(f)}, for a terminal other than {@code sum()}. */
    public static double[] valuesOfMapped(double[] a, DoubleUnaryOperator f) {
        double[] values = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            values[i] = f.applyAsDouble(a[i]);
        }
        return values;
    }

    /** {@code sorted()}: the values in {@code Arrays.sort}'s order, a new array. */
    public static double[] sorted(double[] values) {
        double[] sorted = values.clone();
        JdkModels.sort(sorted);
        return sorted;
    }

    /** {@code limit(n)}: the first {@code n} values. */
    public static double[] limit(double[] values, long n) {
        if (n < 0) {
            throw new IllegalArgumentException(Long.toString(n));
        }
        return java.util.Arrays.copyOf(values, (int) Math.min(n, values.length));
    }

    /** {@code skip(n)}: the values after the first {@code n}. */
    public static double[] skip(double[] values, long n) {
        if (n < 0) {
            throw new IllegalArgumentException(Long.toString(n));
        }
        return java.util.Arrays.copyOfRange(values, (int) Math.min(n, values.length), values.length);
    }

    /** {@code filter(p)}: the values {@code p} keeps, in order. */
    public static double[] filter(double[] values, java.util.function.DoublePredicate p) {
        boolean[] kept = new boolean[values.length];
        int n = 0;
        for (int i = 0; i < values.length; i++) {
            kept[i] = p.test(values[i]);
            n += kept[i] ? 1 : 0;
        }
        double[] filtered = new double[n];
        int k = 0;
        for (int i = 0; i < values.length; i++) {
            if (kept[i]) {
                filtered[k++] = values[i];
            }
        }
        return filtered;
    }

    /** {@code toArray()}: the values in a new array (the source array itself is never handed out). */
    public static double[] toArray(double[] values) {
        return values.clone();
    }

    /** {@code reduce(identity, op)}: {@code op} folded over the values from {@code identity}, in order. */
    public static double reduce(double[] values, double identity, java.util.function.DoubleBinaryOperator op) {
        double r = identity;
        for (double v : values) {
            r = op.applyAsDouble(r, v);
        }
        return r;
    }

    /** {@code reduce(op).getAsDouble()}: the first value, then {@code op} of the result so far and each next; throws if there are none. */
    public static double reduce(double[] values, java.util.function.DoubleBinaryOperator op) {
        double r = first(values);
        for (int i = 1; i < values.length; i++) {
            r = op.applyAsDouble(r, values[i]);
        }
        return r;
    }

    /** {@code reduce(op).orElse(other)}. */
    public static double reduceOrElse(double[] values, java.util.function.DoubleBinaryOperator op, double other) {
        return values.length == 0 ? other : reduce(values, op);
    }

    /** {@code max().getAsDouble()}: as {@code Math.max} over the values; throws as {@code getAsDouble} does if there are none. */
    public static double max(double[] values) {
        double m = first(values);
        for (int i = 1; i < values.length; i++) {
            m = Math.max(m, values[i]);
        }
        return m;
    }

    /** {@code min().getAsDouble()}. */
    public static double min(double[] values) {
        double m = first(values);
        for (int i = 1; i < values.length; i++) {
            m = Math.min(m, values[i]);
        }
        return m;
    }

    /** {@code average().getAsDouble()}. */
    public static double average(double[] values) {
        first(values);
        return sum(values) / values.length;
    }

    /** {@code max().orElse(other)}. */
    public static double maxOrElse(double[] values, double other) {
        return values.length == 0 ? other : max(values);
    }

    /** {@code min().orElse(other)}. */
    public static double minOrElse(double[] values, double other) {
        return values.length == 0 ? other : min(values);
    }

    /** {@code average().orElse(other)}. */
    public static double averageOrElse(double[] values, double other) {
        return values.length == 0 ? other : sum(values) / values.length;
    }

    private static double first(double[] values) {
        if (values.length == 0) {
            throw new java.util.NoSuchElementException("No value present");
        }
        return values[0];
    }
}
