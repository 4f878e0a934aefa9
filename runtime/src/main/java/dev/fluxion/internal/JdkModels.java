package dev.fluxion.internal;

/**
 * JDK methods that numerical code calls on differentiated values, written again as plain Java that
 * the transformer inlines in their place (its {@code JdkModels}), so they are differentiated as any
 * helper is: forward, reverse and second order, with no rule of their own.
 *
 * <p>{@code Arrays.sort(a)} is a permutation: the order of the values is found first (plain
 * comparisons, no derivative), then the values are gathered in that order, a copy whose adjoint
 * sends each sorted value's adjoint back to the element it came from. The order is
 * {@code Double.compare}'s ({@code -0.0} before {@code 0.0}, NaN last), so the sorted array is the
 * one {@code Arrays.sort} gives, bit for bit; equal values keep their positions (the sort is stable),
 * which among ties is as good a choice as any: their derivatives are not defined.
 *
 * <p>The methods take no call the transformer cannot read and do not recurse, so that they are
 * inlined. Public because generated code may call it; not part of the API.
 */
public final class JdkModels {
    private JdkModels() {
    }

    /** {@code Arrays.sort(double[] a)}. */
    public static void sort(double[] a) {
        sort(a, 0, a.length);
    }

    /** {@code Arrays.sort(double[] a, int from, int to)}. */
    public static void sort(double[] a, int from, int to) {
        if (from > to) { // as Arrays.rangeCheck
            throw new IllegalArgumentException("fromIndex(" + from + ") > toIndex(" + to + ")");
        }
        if (from < 0 || to > a.length) {
            throw new ArrayIndexOutOfBoundsException("sort from " + from + " to " + to + " of an array of length " + a.length);
        }
        int[] order = order(a, from, to);
        double[] values = a.clone();
        for (int i = from; i < to; i++) {
            a[i] = values[order[i - from]];
        }
    }

    /** {@code Double.max(a, b)}, which the JDK defines as {@code Math.max}: its derivative rule applies. */
    public static double max(double a, double b) {
        return Math.max(a, b);
    }

    /** {@code Double.min(a, b)}: {@code Math.min}. */
    public static double min(double a, double b) {
        return Math.min(a, b);
    }

    /** {@code Double.sum(a, b)}, the {@code +} that {@code reduce(0, Double::sum)} names. */
    public static double sum(double a, double b) {
        return a + b;
    }

    /** {@code Float.max(a, b)}. */
    public static float max(float a, float b) {
        return Math.max(a, b);
    }

    /** {@code Float.min(a, b)}. */
    public static float min(float a, float b) {
        return Math.min(a, b);
    }

    /** {@code Float.sum(a, b)}. */
    public static float sum(float a, float b) {
        return a + b;
    }

    /** {@code Arrays.binarySearch(double[] a, double key)}: an index, so no derivative flows through it. */
    public static int binarySearch(double[] a, double key) {
        return binarySearch(a, 0, a.length, key);
    }

    /**
     * {@code Arrays.binarySearch(double[] a, int from, int to, double key)}, as the JDK searches:
     * {@code Double.compare}'s order among equal values, so {@code -0.0} is before {@code 0.0} and
     * NaN last, and the same index (or insertion point) for any input.
     */
    public static int binarySearch(double[] a, int from, int to, double key) {
        if (from > to) { // as Arrays.rangeCheck
            throw new IllegalArgumentException("fromIndex(" + from + ") > toIndex(" + to + ")");
        }
        if (from < 0 || to > a.length) {
            throw new ArrayIndexOutOfBoundsException("binarySearch from " + from + " to " + to + " of an array of length " + a.length);
        }
        int low = from;
        int high = to - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int c = Double.compare(a[mid], key);
            if (c < 0) {
                low = mid + 1;
            } else if (c > 0) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -(low + 1);
    }

    /** {@code Arrays.parallelSort(double[] a)}: the same order, sequentially. */
    public static void parallelSort(double[] a) {
        sort(a, 0, a.length);
    }

    /** {@code Arrays.sort(float[] a)}. */
    public static void sort(float[] a) {
        double[] wide = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            wide[i] = a[i];
        }
        int[] order = order(wide, 0, a.length);
        float[] values = a.clone();
        for (int i = 0; i < a.length; i++) {
            a[i] = values[order[i]];
        }
    }

    /**
     * The indices {@code from..to-1} of {@code a} (absolute) in the order that sorts their values: a bottom-up
     * merge sort (stable, no recursion), on indices only.
     */
    private static int[] order(double[] a, int from, int to) {
        int n = to - from;
        int[] order = new int[n];
        int[] merged = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = from + i;
        }
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int i = lo;
                int j = mid;
                for (int k = lo; k < hi; k++) {
                    if (i < mid && (j >= hi || !before(a[order[j]], a[order[i]]))) {
                        merged[k] = order[i++];
                    } else {
                        merged[k] = order[j++];
                    }
                }
            }
            int[] t = order;
            order = merged;
            merged = t;
        }
        return order;
    }

    /** {@code Double.compare(x, y) < 0}, written out so that it is read, not called. */
    private static boolean before(double x, double y) {
        if (x < y) {
            return true;
        }
        if (x > y || x != x) {
            return false; // NaN sorts last
        }
        if (y != y) {
            return true;
        }
        return x == 0 && y == 0 && 1 / x < 0 && 1 / y > 0; // -0.0 before 0.0
    }

    // ---- lists of Doubles made in the method, as an array of their boxes and a size (the transformer's ListsMadeHere)

    /**
     * {@code list.sort(c)} and {@code Collections.sort(list)} of a list of {@code Double}s, in natural
     * order ({@code null}, {@code Comparator.naturalOrder()}, {@code Double::compare}) or the reverse
     * ({@code Comparator.reverseOrder()}), stable as {@code List.sort} is: the values read out of their
     * boxes, ordered as {@link #sort(double[])} orders them, and boxed again in that order. (The boxes
     * are new ones: Fluxion rejects {@code ==} on boxes, the one way to tell.) From the largest down,
     * stably, is the ascending stable order of the values taken from the last, read from the end:
     * equal values then keep their order, as the JDK's stable sort by the reversed comparator keeps
     * it, and NaN comes first.
     */
    public static void sortBoxes(Object[] items, int size, boolean descending) {
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            values[descending ? size - 1 - i : i] = ((Double) items[i]).doubleValue();
        }
        int[] order = order(values, 0, size);
        for (int i = 0; i < size; i++) {
            items[i] = Double.valueOf(values[order[descending ? size - 1 - i : i]]);
        }
    }

    /**
     * The index of {@code Collections.max(list)} of a list of {@code Double}s: the first of the
     * largest in {@code Double.compare}'s order (NaN largest, {@code 0.0} above {@code -0.0}), as the
     * JDK's iteration keeps a candidate until a larger one comes.
     */
    public static int indexOfMax(Object[] items, int size) {
        return indexOfExtreme(items, size, false);
    }

    /** The index of {@code Collections.min(list)}: the first of the smallest. */
    public static int indexOfMin(Object[] items, int size) {
        return indexOfExtreme(items, size, true);
    }

    private static int indexOfExtreme(Object[] items, int size, boolean smallest) {
        if (size == 0) {
            throw new java.util.NoSuchElementException();
        }
        int best = 0;
        double candidate = ((Double) items[0]).doubleValue();
        for (int i = 1; i < size; i++) {
            double v = ((Double) items[i]).doubleValue();
            if (smallest ? before(v, candidate) : before(candidate, v)) {
                best = i;
                candidate = v;
            }
        }
        return best;
    }

    /**
     * The index of {@code Collections.max(list, Comparator.comparingDouble(key))}: the first of the
     * largest keys in {@code Double.compare}'s order, as the JDK keeps a candidate until the
     * comparator puts one after it.
     */
    public static int indexOfMaxBy(Object[] items, int size, java.util.function.ToDoubleFunction<Object> key) {
        if (size == 0) {
            throw new java.util.NoSuchElementException();
        }
        int best = 0;
        double candidate = key.applyAsDouble(items[0]);
        for (int i = 1; i < size; i++) {
            double v = key.applyAsDouble(items[i]);
            if (before(candidate, v)) {
                best = i;
                candidate = v;
            }
        }
        return best;
    }

    /** The index of {@code Collections.min(list, Comparator.comparingDouble(key))}: the first of the smallest keys. */
    public static int indexOfMinBy(Object[] items, int size, java.util.function.ToDoubleFunction<Object> key) {
        if (size == 0) {
            throw new java.util.NoSuchElementException();
        }
        int best = 0;
        double candidate = key.applyAsDouble(items[0]);
        for (int i = 1; i < size; i++) {
            double v = key.applyAsDouble(items[i]);
            if (before(v, candidate)) {
                best = i;
                candidate = v;
            }
        }
        return best;
    }

    /**
     * The order of {@code list.sort(Comparator.comparingDouble(key))}, {@code Collections.sort(list, ..)}
     * and {@code Arrays.sort(array, ..)} of objects (made in the method: the transformer then moves each
     * of their numbers by it, {@link #permute(double[], int[])}): the indices {@code 0..size-1} in the
     * order that sorts their keys, stable as the JDK's sorts of objects are, keys compared as
     * {@code Double.compare} compares them ({@code -0.0} before {@code 0.0}, NaN last). Descending
     * ({@code .reversed()}) compares the other way round, equal keys keeping their order, NaN first.
     * The order is data, found from the values (as JAX's sort gathers by an argsort): its derivative
     * is none, the gather's follows the elements. The key is asked once per element.
     */
    public static int[] orderBy(Object[] items, int size, java.util.function.ToDoubleFunction<Object> key, boolean descending) {
        double[] keys = new double[size];
        for (int i = 0; i < size; i++) {
            keys[i] = key.applyAsDouble(items[i]);
        }
        int[] order = new int[size];
        int[] merged = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        for (int width = 1; width < size; width *= 2) {
            for (int lo = 0; lo < size; lo += 2 * width) {
                int mid = Math.min(lo + width, size);
                int hi = Math.min(lo + 2 * width, size);
                int i = lo;
                int j = mid;
                for (int k = lo; k < hi; k++) {
                    // the left one first unless the right one comes strictly before it: stable
                    boolean rightFirst = j < hi && (i >= mid || (descending ? before(keys[order[i]], keys[order[j]])
                            : before(keys[order[j]], keys[order[i]])));
                    merged[k] = rightFirst ? order[j++] : order[i++];
                }
            }
            int[] t = order;
            order = merged;
            merged = t;
        }
        return order;
    }

    /** Moves the first {@code order.length} numbers of {@code a} as a sort by {@link #orderBy} moves its objects: {@code a[i] = a[order[i]]} before. */
    public static void permute(double[] a, int[] order) {
        double[] values = a.clone();
        for (int i = 0; i < order.length; i++) {
            a[i] = values[order[i]];
        }
    }

    /** {@link #permute(double[], int[])} of {@code float}s. */
    public static void permute(float[] a, int[] order) {
        float[] values = a.clone();
        for (int i = 0; i < order.length; i++) {
            a[i] = values[order[i]];
        }
    }

    /** {@link #permute(double[], int[])} of {@code long}s. */
    public static void permute(long[] a, int[] order) {
        long[] values = a.clone();
        for (int i = 0; i < order.length; i++) {
            a[i] = values[order[i]];
        }
    }

    /** {@link #permute(double[], int[])} of {@code int}s (and the class numbers of objects of several classes). */
    public static void permute(int[] a, int[] order) {
        int[] values = a.clone();
        for (int i = 0; i < order.length; i++) {
            a[i] = values[order[i]];
        }
    }

    /** {@link #permute(double[], int[])} of {@code short}s. */
    public static void permute(short[] a, int[] order) {
        short[] values = a.clone();
        for (int i = 0; i < order.length; i++) {
            a[i] = values[order[i]];
        }
    }

    /** {@link #permute(double[], int[])} of {@code char}s. */
    public static void permute(char[] a, int[] order) {
        char[] values = a.clone();
        for (int i = 0; i < order.length; i++) {
            a[i] = values[order[i]];
        }
    }

    /** {@link #permute(double[], int[])} of {@code byte}s. */
    public static void permute(byte[] a, int[] order) {
        byte[] values = a.clone();
        for (int i = 0; i < order.length; i++) {
            a[i] = values[order[i]];
        }
    }

    /** {@link #permute(double[], int[])} of {@code boolean}s. */
    public static void permute(boolean[] a, int[] order) {
        boolean[] values = a.clone();
        for (int i = 0; i < order.length; i++) {
            a[i] = values[order[i]];
        }
    }

    // ---- lists made in the method, as an array of their elements and a size (the transformer's ListsMadeHere)

    /** {@code new ArrayList<>(capacity)}: the length of its first array. */
    public static int capacity(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("Illegal Capacity: " + capacity);
        }
        return capacity;
    }

    /**
     * {@code list.add(e)} before its element is stored at {@code size}: the list's array, or, if
     * it is full, a copy half as long again (as {@code ArrayList} grows).
     */
    public static Object[] grown(Object[] items, int size) {
        if (size < items.length) {
            return items;
        }
        return java.util.Arrays.copyOf(items, size + (size >> 1) + 1);
    }

    /** The check of {@code list.get(index)} and {@code list.set(index, e)}. */
    public static void checkIndex(int index, int size) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("Index " + index + " out of bounds for length " + size);
        }
    }

    /** {@code list.isEmpty()}. */
    public static boolean isEmpty(int size) {
        return size == 0;
    }

    /** {@code iterator.hasNext()}, its cursor the index of the next element. */
    public static boolean hasNext(int cursor, int size) {
        return cursor < size;
    }

    /** The checks of {@code iterator.next()} of a list that does not grow. */
    public static void checkNext(int cursor, int size) {
        if (cursor >= size) {
            throw new java.util.NoSuchElementException();
        }
    }

    /**
     * The checks of {@code iterator.next()} of an {@code ArrayList}, which had {@code expected}
     * elements when the iterator was made: it throws once the list has grown.
     */
    public static void checkNext(int cursor, int size, int expected) {
        if (size != expected) {
            throw new java.util.ConcurrentModificationException();
        }
        checkNext(cursor, size);
    }
}
