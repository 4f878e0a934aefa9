package dev.fluxion.internal;

import java.util.Arrays;

/**
 * The primitive stacks on which an adjoint's forward sweep records what its reverse sweep needs:
 * values that a loop overwrites, and the predecessor each join was entered from.
 *
 * <p>Generated code pushes in the forward sweep and pops in exactly the reverse order in the
 * reverse sweep, so a balanced invocation leaves the tape as it found it. That discipline makes one
 * tape per thread enough: calls between adjoints, and re-entrant gradients, simply record above
 * whatever an outer invocation left. Only values are stored, never an object per operation.
 *
 * <p>Public because generated code in user classes calls it; not part of the API.
 */
public final class Tape {
    private static final ThreadLocal<Tape> CURRENT = ThreadLocal.withInitial(Tape::new);

    private double[] doubles = new double[64];
    private int doubleTop;
    private int[] ints = new int[64];
    private int intTop;
    private long[] longs = new long[8];
    private int longTop;
    private Object[] refs = new Object[8];
    private int refTop;
    private int doublePeak;
    private int intPeak;
    private int longPeak;
    private int refPeak;

    /** The calling thread's tape. */
    public static Tape current() {
        return CURRENT.get();
    }

    public void pushDouble(double v) {
        if (doubleTop == doubles.length) {
            doubles = Arrays.copyOf(doubles, doubleTop * 2);
        }
        doubles[doubleTop++] = v;
    }

    public double popDouble() {
        if (doubleTop > doublePeak) {
            doublePeak = doubleTop; // the forward sweep just ended: the stack is at its highest
        }
        return doubles[--doubleTop];
    }

    private final ByLength<double[]> sinkDoubles = new ByLength<>(double[]::new);
    private final ByLength<float[]> sinkFloats = new ByLength<>(float[]::new);
    private final ByLength<double[]> zeroDoubles = new ByLength<>(double[]::new);
    private final ByLength<float[]> zeroFloats = new ByLength<>(float[]::new);

    /**
     * A few arrays of one kind, by length, replaced in turn: a call may pass several data arrays of
     * different lengths (an LSTM's state and its sequence), and a single cached array would be
     * replaced, so allocated again, on every call.
     */
    private static final class ByLength<A> {
        private final Object[] arrays = new Object[4];
        private final int[] lengths = new int[4];
        private final java.util.function.IntFunction<A> create;
        private int next;

        ByLength(java.util.function.IntFunction<A> create) {
            this.create = create;
        }

        @SuppressWarnings("unchecked")
        A get(int length) {
            for (int i = 0; i < arrays.length; i++) {
                if (arrays[i] != null && lengths[i] == length) {
                    return (A) arrays[i];
                }
            }
            next = (next + 1) % arrays.length;
            arrays[next] = create.apply(length);
            lengths[next] = length;
            return (A) arrays[next];
        }
    }

    /**
     * The zero tangent of an argument whose contents do not vary, passed to a callee's tangent that
     * only reads it: nobody writes it, so one array of zeros per length serves every such call on
     * this thread (no allocation).
     */
    public double[] zeros(double[] like) {
        return like == null ? null : zeroDoubles.get(like.length);
    }

    public float[] zeros(float[] like) {
        return like == null ? null : zeroFloats.get(like.length);
    }

    /**
     * A shadow for an argument whose adjoint nobody reads: data passed to a callee that only reads
     * it. The callee's adjoint accumulates into it and nothing reads it back, so one array per
     * length, reused and never cleared, serves every such call on this thread (no allocation).
     */
    public double[] sink(double[] like) {
        return like == null ? null : sinkDoubles.get(like.length);
    }

    public float[] sink(float[] like) {
        return like == null ? null : sinkFloats.get(like.length);
    }

    /**
     * Records {@code a[i]} for a load that a loop repeats without changing: the forward sweep
     * records it once, when the loop exits. If the loop never ran the load, the value is never
     * used, and whatever is recorded is harmless (the index may then be out of bounds).
     */
    public void pushElement(double[] a, int i) {
        pushDouble(a != null && i >= 0 && i < a.length ? a[i] : 0.0);
    }

    public void pushElement(float[] a, int i) {
        pushDouble(a != null && i >= 0 && i < a.length ? a[i] : 0.0f);
    }

    /**
     * Records the whole of {@code a} (then its length; -1 for {@code null}): an array that a loop
     * reads many times without changing it, recorded once where the loop exits, instead of each
     * element read (see {@link #popArray}).
     */
    public void pushArray(double[] a) {
        if (a == null) {
            pushInt(-1);
            return;
        }
        int n = a.length;
        if (doubleTop + n > doubles.length) {
            doubles = Arrays.copyOf(doubles, Math.max(doubles.length * 2, doubleTop + n));
        }
        System.arraycopy(a, 0, doubles, doubleTop, n);
        doubleTop += n;
        pushInt(n);
    }

    /**
     * Takes back what {@link #pushArray} recorded, into {@code reuse} if it is long enough (the copy
     * the previous execution of the same loop's reverse read from; its elements past the length are
     * never read, the reads being those the forward sweep made in bounds), else into a new array.
     */
    public double[] popArray(double[] reuse) {
        int n = popInt();
        if (n < 0) {
            return reuse;
        }
        if (doubleTop > doublePeak) {
            doublePeak = doubleTop;
        }
        double[] a = reuse != null && reuse.length >= n ? reuse : new double[n];
        doubleTop -= n;
        System.arraycopy(doubles, doubleTop, a, 0, n);
        return a;
    }

    public void pushFloat(float v) {
        pushDouble(v); // exact: every float is a double
    }

    public float popFloat() {
        return (float) popDouble();
    }

    // The double and int stacks as generated code holds them: an adjoint keeps a stack's array and
    // top in locals while it runs (the JIT can then keep the top in a register instead of storing
    // and reloading a field at every push and pop), and writes the top back here before any call
    // that may use the tape and before it returns. Its pops do not track the peak; it calls
    // markPeak where its forward sweep ends, and writing a top back raises the peak to it.

    public double[] doubleStack() {
        return doubles;
    }

    public int doubleTop() {
        return doubleTop;
    }

    /** Doubles the double stack's capacity, keeping its contents; returns the new array. */
    public double[] growDoubles() {
        doubles = Arrays.copyOf(doubles, doubles.length * 2);
        return doubles;
    }

    /** Writes back the top of a double stack held in locals. */
    public void doubleTop(int top) {
        doubleTop = top;
        doublePeak = Math.max(doublePeak, top);
    }

    public int[] intStack() {
        return ints;
    }

    public int intTop() {
        return intTop;
    }

    /** Doubles the int stack's capacity, keeping its contents; returns the new array. */
    public int[] growInts() {
        ints = Arrays.copyOf(ints, ints.length * 2);
        return ints;
    }

    /** Writes back the top of an int stack held in locals. */
    public void intTop(int top) {
        intTop = top;
        intPeak = Math.max(intPeak, top);
    }

    /**
     * Raises each stack's peak to its height: called where an adjoint's forward sweep ends, with the
     * stacks at their highest.
     */
    public void markPeak() {
        doublePeak = Math.max(doublePeak, doubleTop);
        intPeak = Math.max(intPeak, intTop);
        longPeak = Math.max(longPeak, longTop);
        refPeak = Math.max(refPeak, refTop);
    }

    public void pushInt(int v) {
        if (intTop == ints.length) {
            ints = Arrays.copyOf(ints, intTop * 2);
        }
        ints[intTop++] = v;
    }

    public int popInt() {
        if (intTop > intPeak) {
            intPeak = intTop;
        }
        return ints[--intTop];
    }

    public void pushLong(long v) {
        if (longTop == longs.length) {
            longs = Arrays.copyOf(longs, longTop * 2);
        }
        longs[longTop++] = v;
    }

    public long popLong() {
        if (longTop > longPeak) {
            longPeak = longTop;
        }
        return longs[--longTop];
    }

    public void pushRef(Object v) {
        if (refTop == refs.length) {
            refs = Arrays.copyOf(refs, refTop * 2);
        }
        refs[refTop++] = v;
    }

    public Object popRef() {
        if (refTop > refPeak) {
            refPeak = refTop;
        }
        Object v = refs[--refTop];
        refs[refTop] = null; // do not keep the user's objects alive
        return v;
    }

    /**
     * Saves the contents of a {@code double[]}, {@code float[]} or array of such arrays (rows and
     * their identities included), for a reverse sweep that must re-run code on the array as it
     * was: a call that writes into it is reversed by running the callee's adjoint, which
     * recomputes the callee from its arguments.
     */
    public void saveContents(Object array) {
        if (array instanceof double[] a) {
            for (double v : a) {
                pushDouble(v);
            }
        } else if (array instanceof float[] a) {
            for (float v : a) {
                pushDouble(v);
            }
        } else if (array instanceof Object[] rows) {
            for (Object row : rows) {
                saveContents(row);
                pushRef(row);
            }
        }
    }

    /**
     * {@link #saveContents} of an array of rows and of its shadow: beside each row, the shadow's row.
     * Code after a call may replace rows ({@code m[1] = m[0]}, a swap), and the forward sweep repeats
     * every such store on the shadow; the callee's adjoint must see both as they were at the call,
     * or it reads one row's values and sends their adjoints to another row's shadow.
     */
    public void saveContents(Object array, Object shadow) {
        if (array instanceof Object[] rows && shadow instanceof Object[] shadowRows) {
            for (int k = 0; k < rows.length; k++) {
                saveContents(rows[k], shadowRows[k]);
                pushRef(rows[k]);
                pushRef(shadowRows[k]);
            }
        } else {
            saveContents(array);
        }
    }

    /** Restores what {@link #saveContents(Object, Object)} saved of the same array and shadow. */
    public void restoreContents(Object array, Object shadow) {
        if (array instanceof Object[] rows && shadow instanceof Object[] shadowRows) {
            for (int k = rows.length - 1; k >= 0; k--) {
                Object shadowRow = popRef();
                Object row = popRef();
                rows[k] = row;
                shadowRows[k] = shadowRow;
                restoreContents(row, shadowRow);
            }
        } else {
            restoreContents(array);
        }
    }

    /** Restores what {@link #saveContents} saved of the same array. */
    public void restoreContents(Object array) {
        if (array instanceof double[] a) {
            for (int k = a.length - 1; k >= 0; k--) {
                a[k] = popDouble();
            }
        } else if (array instanceof float[] a) {
            for (int k = a.length - 1; k >= 0; k--) {
                a[k] = (float) popDouble();
            }
        } else if (array instanceof Object[] rows) {
            for (int k = rows.length - 1; k >= 0; k--) {
                Object row = popRef();
                rows[k] = row;
                restoreContents(row);
            }
        }
    }

    // Marks: the heights of the four stacks when an entry point began. If the invocation ends
    // abruptly (the primal threw mid-sweep, leaving recordings unpopped), the entry point unwinds to
    // its mark. The marks are a small stack of ints here, so taking one allocates nothing and entry
    // points may nest.
    private int[] marks = new int[16];
    private int markTop;

    /** Marks the current heights; pair with {@link #leave} (in a {@code finally}). */
    public void enter() {
        if (markTop + 4 > marks.length) {
            marks = Arrays.copyOf(marks, marks.length * 2);
        }
        marks[markTop++] = doubleTop;
        marks[markTop++] = intTop;
        marks[markTop++] = longTop;
        marks[markTop++] = refTop;
    }

    // Work arrays of the entry point that is running alone on this thread: a Jacobian's copy of its
    // input, its output, its seed or its directions' tangents (two per lane of the widest vector
    // tangent), reused from call to call.
    // Solving many small Jacobians (a bundle adjustment's blocks) would otherwise allocate three
    // arrays a block, which costs as much as a reverse sweep of a small function.
    private final double[][] work = new double[WORK_ARRAYS][];
    /** How many work arrays there are: three, then an input and an output tangent per lane of the widest tangent. */
    public static final int WORK_ARRAYS = 3 + 2 * java.util.Collections.max(Naming.VECTOR_WIDTHS);

    /**
     * Work array {@code which} (0 to {@link #WORK_ARRAYS} - 1) of {@code length}, with arbitrary contents: the same array
     * from call to call while no entry point is running on this thread (no mark is held, so call
     * it before {@link #enter}); a fresh one for an entry point nested in another, which must not
     * share its caller's.
     */
    public double[] workArray(int which, int length) {
        if (markTop > 0) {
            return new double[length];
        }
        double[] a = work[which];
        if (a == null || a.length != length) {
            a = new double[length];
            work[which] = a;
        }
        return a;
    }

    /** Forgets the innermost mark. */
    public void leave() {
        markTop -= 4;
    }

    /** Returns the stacks to the innermost mark, dropping what an abrupt invocation left above it. */
    public void unwindToMark() {
        doubleTop = marks[markTop - 4];
        intTop = marks[markTop - 3];
        longTop = marks[markTop - 2];
        int refHeight = marks[markTop - 1];
        Arrays.fill(refs, refHeight, Math.max(refHeight, refTop), null);
        refTop = refHeight;
    }

    /** Number of values on the tape now, all stacks together. */
    public int size() {
        return doubleTop + intTop + longTop + refTop;
    }

    /**
     * The most bytes the stacks held since the last {@link #resetPeak}, counting each stack at its
     * own highest (8 bytes a {@code double} or {@code long}, 4 an {@code int} or reference): what a
     * gradient recorded, for tests and for users sizing a computation.
     */
    public long peakBytes() {
        return 8L * Math.max(doublePeak, doubleTop) + 4L * Math.max(intPeak, intTop) + 8L * Math.max(longPeak, longTop)
                + 4L * Math.max(refPeak, refTop);
    }

    /** Starts a new {@link #peakBytes} measurement from the current heights. */
    public void resetPeak() {
        doublePeak = doubleTop;
        intPeak = intTop;
        longPeak = longTop;
        refPeak = refTop;
    }

    /** Bytes of primitive storage currently held on the stacks (not capacity). */
    public long sizeInBytes() {
        return 8L * doubleTop + 4L * intTop + 8L * longTop + 4L * refTop;
    }

}
