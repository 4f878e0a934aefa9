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
    private long recordedBytes;

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
        return doubles[--doubleTop];
    }

    public void pushFloat(float v) {
        pushDouble(v); // exact: every float is a double
    }

    public float popFloat() {
        return (float) popDouble();
    }

    public void pushInt(int v) {
        if (intTop == ints.length) {
            ints = Arrays.copyOf(ints, intTop * 2);
        }
        ints[intTop++] = v;
    }

    public int popInt() {
        return ints[--intTop];
    }

    public void pushLong(long v) {
        if (longTop == longs.length) {
            longs = Arrays.copyOf(longs, longTop * 2);
        }
        longs[longTop++] = v;
    }

    public long popLong() {
        return longs[--longTop];
    }

    public void pushRef(Object v) {
        if (refTop == refs.length) {
            refs = Arrays.copyOf(refs, refTop * 2);
        }
        refs[refTop++] = v;
    }

    public Object popRef() {
        Object v = refs[--refTop];
        refs[refTop] = null; // do not keep the user's objects alive
        return v;
    }

    /** A position to return to if an invocation ends abruptly (see {@link #reset}). */
    public Mark mark() {
        return new Mark(doubleTop, intTop, longTop, refTop);
    }

    /**
     * Returns the stacks to {@code mark}. Used when the primal throws in the middle of a forward
     * sweep, which leaves its recordings unpopped.
     */
    public void reset(Mark mark) {
        doubleTop = mark.doubleTop;
        intTop = mark.intTop;
        longTop = mark.longTop;
        Arrays.fill(refs, mark.refTop, refTop, null);
        refTop = mark.refTop;
    }

    /** Number of values on the tape now, all stacks together. */
    public int size() {
        return doubleTop + intTop + longTop + refTop;
    }

    /** Bytes of primitive storage currently held on the stacks (not capacity). */
    public long sizeInBytes() {
        return 8L * doubleTop + 4L * intTop + 8L * longTop + 4L * refTop;
    }

    /** The positions of the four stacks. */
    public record Mark(int doubleTop, int intTop, int longTop, int refTop) {
    }
}
