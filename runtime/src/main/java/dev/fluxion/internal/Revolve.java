package dev.fluxion.internal;

import java.util.Arrays;

/**
 * The controller of a checkpointed loop's reverse sweep: binomial checkpointing after Griewank and
 * Walther ("Algorithm 799: Revolve", ACM TOMS 26(1), 2000). The generated adjoint of a
 * {@code @Checkpointed} time loop asks it what to do next, as Tapenade's generated code asks
 * {@code adBinomial_next}: {@link #ADVANCE} the state by the primal steps {@code [from, to)},
 * {@link #REVERSE} the steps {@code [from, to)} (their adjoint, which records those steps alone), or
 * {@link #DONE}. Taking, restoring and dropping snapshots of the state it does itself.
 *
 * <p>The schedule is over <em>segments</em> of consecutive steps, reversed one segment at a time:
 * a step as small as an oscillator's (a few multiplications) would otherwise cost less than the
 * call to its adjoint and the bookkeeping around it. A segment holds {@value #SEGMENT_NUMBERS}
 * numbers of state in all (one step for a state that large or larger, 256 for two numbers), so its
 * recordings stay about as large as a snapshot of a few kilobytes; and at most a quarter of the
 * steps per snapshot, so that a short loop still has segments to schedule.
 *
 * <p>The state is the arrays given to {@link #watch} (the loop's numbers packed in one, and the
 * arrays its body writes); a snapshot is a copy of their contents on the tape's {@code double}
 * stack. Snapshots are taken and dropped last in, first out, so they live on the tape like any
 * recording: {@code Tape.peakBytes} counts them, and a step's adjoint records above them.
 *
 * <p>The schedule, for {@code n} segments and {@code s} snapshots (the loop's initial state
 * included): with {@code beta(s, r) = C(s + r, s)}, the number of segments {@code s} snapshots
 * reverse with each run at most {@code r} times, {@code r} is the least with {@code beta(s, r) >= n};
 * the first snapshot goes after {@code m} segments such that those before it can be reversed with
 * {@code s} snapshots and {@code r - 1} runs, and those after with {@code s - 1} snapshots and
 * {@code r} runs, each at its own least {@code r}. The segments after it are reversed first, then the
 * snapshot is dropped and those before it are reversed from the one below, recursively. That takes
 * the fewest forward runs there are, {@code r n - beta(s + 1, r - 1)} segments (Griewank 1992);
 * {@code RevolveTest} checks it against an exhaustive search.
 *
 * <p>Public because generated code calls it; not part of the API.
 */
public final class Revolve {
    public static final int DONE = 0;
    public static final int ADVANCE = 1;
    public static final int REVERSE = 2;

    /** What is left to do, on a stack of four ints a task: kind, and its positions (segments) and free snapshots. */
    private static final int REVERSE_RANGE = 0; // reverse [a, b) with the snapshot of a on top and f more free
    private static final int GO_TO = 1; // make the live state that of segment b, from the snapshot of a
    private static final int TAKE = 2; // snapshot the live state, that of segment a
    private static final int DROP = 3; // drop the top snapshot
    private static final int STEP = 4; // reverse segment a, the live state being that of a

    /** The numbers of state of all the steps of a segment. */
    static final int SEGMENT_NUMBERS = 512;

    private final Tape tape;
    private final int steps;
    /** Steps a segment, and segments (the last may be shorter). */
    private int segment = 1;
    private int segments;
    private final int requestedSnapshots;
    private final long maxBytes;
    private Object[] watched = new Object[4];
    private int watchedCount;
    private int stateSize;
    private int snapshots;

    private int[] tasks = new int[64];
    private int taskTop;
    private int[] snapshotAt = new int[8];
    private int[] snapshotBase = new int[8];
    private int snapshotTop;
    /** The segment whose state (at its start) the watched arrays hold, or -1 after an adjoint changed them. */
    private int live;
    private boolean started;
    private int from;
    private int to;
    private long forwardSteps;
    private int mostSnapshots;

    private Revolve(Tape tape, int steps, int snapshots, long maxBytes) {
        this.tape = tape;
        this.steps = Math.max(0, steps);
        this.requestedSnapshots = snapshots;
        this.maxBytes = maxBytes;
    }

    /**
     * A controller for {@code steps} steps (none if negative), keeping {@code snapshots} states at
     * once, or as many as {@code maxBytes} hold; with both 0, {@link #defaultSnapshots}.
     */
    public static Revolve start(Tape tape, int steps, int snapshots, long maxBytes) {
        return new Revolve(tape, steps, snapshots, maxBytes);
    }

    /**
     * Adds an array to the state: a {@code double[]}, {@code float[]}, or an array of such rows (at
     * any depth), whose rows the loop never replaces. Called before the first {@link #next}, with
     * the arrays holding the loop's initial state.
     */
    public void watch(Object array) {
        if (started) {
            throw new IllegalStateException("watch after next");
        }
        if (watchedCount == watched.length) {
            watched = Arrays.copyOf(watched, 2 * watchedCount);
        }
        watched[watchedCount++] = array;
    }

    /**
     * The number of snapshots a loop keeps when the method does not say: ceil(log2(segments)) for a
     * loop of that many segments (or steps, each its own segment).
     */
    public static int defaultSnapshots(int steps) {
        return steps <= 2 ? 1 : 32 - Integer.numberOfLeadingZeros(steps - 1);
    }

    /** The next action: {@link #ADVANCE}, {@link #REVERSE} or {@link #DONE}. */
    public int next() {
        if (!started) {
            begin();
        }
        while (taskTop > 0) {
            taskTop -= 4;
            int kind = tasks[taskTop];
            int a = tasks[taskTop + 1];
            int b = tasks[taskTop + 2];
            int free = tasks[taskTop + 3];
            switch (kind) {
                case REVERSE_RANGE -> plan(a, b, free);
                case GO_TO -> {
                    if (live < 0 || live > b) {
                        restore(a);
                    }
                    if (live < b) {
                        range(live, b);
                        forwardSteps += to - from;
                        live = b;
                        return ADVANCE;
                    }
                }
                case TAKE -> take(a);
                case DROP -> drop();
                default -> { // STEP
                    range(a, a + 1);
                    live = -1; // the segment's adjoint runs its steps, and its reverse sweep may leave anything
                    return REVERSE;
                }
            }
        }
        return DONE;
    }

    /** The segments [a, b) as steps. */
    private void range(int a, int b) {
        from = a * segment;
        to = (int) Math.min((long) b * segment, steps);
    }

    /** The first step to {@link #ADVANCE} or {@link #REVERSE}, counted from the loop's first (0). */
    public int from() {
        return from;
    }

    /** The step after the last to {@link #ADVANCE} or {@link #REVERSE}. */
    public int to() {
        return to;
    }

    /** The steps of a segment (the last may have fewer; known after the first {@link #next}). */
    public int segment() {
        return segment;
    }

    /** Steps run by {@link #ADVANCE}s so far, for tests and for users sizing a computation. */
    public long forwardSteps() {
        return forwardSteps;
    }

    /** The most snapshots held at once so far. */
    public int mostSnapshots() {
        return mostSnapshots;
    }

    /** The snapshots this controller keeps at most (known after the first {@link #next}). */
    public int snapshots() {
        return snapshots;
    }

    private void begin() {
        started = true;
        if (steps == 0) {
            return;
        }
        for (int k = 0; k < watchedCount; k++) {
            stateSize += size(watched[k]);
        }
        int longest = Math.max(1, SEGMENT_NUMBERS / Math.max(1, stateSize));
        segment = Math.max(1, Math.min(longest, steps / (4 * resolveSnapshots(steps))));
        segments = (int) (((long) steps + segment - 1) / segment);
        snapshots = resolveSnapshots(segments);
        live = 0;
        push(DROP, 0, 0, 0); // the initial state's snapshot, dropped last
        push(REVERSE_RANGE, 0, segments, snapshots - 1);
        take(0);
    }

    /** The snapshots for a schedule of {@code units} steps or segments. */
    private int resolveSnapshots(int units) {
        long s;
        if (requestedSnapshots > 0) {
            s = requestedSnapshots;
        } else if (maxBytes > 0) {
            long bytes = 8L * Math.max(1, stateSize);
            s = maxBytes / bytes;
            if (s < 1) {
                throw new IllegalStateException("fluxion: @Checkpointed(maxBytes = " + maxBytes + ") holds no snapshot "
                        + "of the loop's state, " + bytes + " bytes: raise maxBytes to at least " + 2 * bytes
                        + " (two snapshots), or give the number of snapshots instead");
            }
        } else {
            s = defaultSnapshots(units);
        }
        return (int) Math.min(s, units); // more than one a step is of no use
    }

    /** Expands "reverse [a, b) with the snapshot of a on top and {@code free} more snapshots". */
    private void plan(int a, int b, int free) {
        if (b - a == 1) {
            push(STEP, a, 0, 0);
            push(GO_TO, a, a, 0);
        } else if (free == 0) { // from the snapshot of a every time: the last step first
            push(REVERSE_RANGE, a, b - 1, 0);
            push(STEP, b - 1, 0, 0);
            push(GO_TO, a, b - 1, 0);
        } else {
            int m = a + firstSnapshot(b - a, free + 1);
            push(REVERSE_RANGE, a, m, free);
            push(DROP, 0, 0, 0);
            push(REVERSE_RANGE, m, b, free - 1);
            push(TAKE, m, 0, 0);
            push(GO_TO, a, m, 0);
        }
    }

    /**
     * Where to take the next snapshot, as steps after the current one, reversing {@code n >= 2}
     * steps with {@code s >= 2} snapshots (the current one included): the left part is reversed
     * with {@code s} snapshots and one run fewer than the whole, the right part with {@code s - 1}
     * and as many; any {@code m} in the range that allows both takes the fewest forward steps.
     */
    static int firstSnapshot(int n, int s) {
        // beta(s, r), beta(s, r - 1) and beta(s, r - 2) as r grows to its least; no product overflows,
        // as beta(s, r - 1) < n <= 2^31 and s + r < 2^31
        int r = 0;
        long b = 1;
        long previous = 0;
        long beforePrevious = 0;
        while (b < n) {
            r++;
            beforePrevious = previous;
            previous = b;
            b = b * (s + r) / r;
        }
        long left = b * s / (s + r); // beta(s - 1, r) = beta(s, r) s / (s + r)
        long leftPrevious = r == 0 ? 0 : previous * s / (s + r - 1); // beta(s - 1, r - 1)
        long lo = Math.max(beforePrevious, n - left);
        long hi = Math.min(previous, n - leftPrevious);
        if (lo > hi || hi < 1 || lo >= n) {
            throw new IllegalStateException("no first snapshot for " + n + " steps and " + s + " snapshots");
        }
        return (int) Math.max(1, hi);
    }

    /** C(s + r, s), the number of steps s snapshots reverse with each step run at most r times; 0 for r < 0. */
    static long beta(int s, int r) {
        if (r < 0) {
            return 0;
        }
        long b = 1;
        for (int k = 1; k <= r; k++) {
            if (b > Long.MAX_VALUE / (s + k)) {
                return Long.MAX_VALUE / 4; // more than any loop has steps
            }
            b = b * (s + k) / k; // exact: C(s + k - 1, k - 1) * (s + k) / k = C(s + k, k)
        }
        return b;
    }

    /** The fewest forward steps that reverse {@code n} steps with {@code s} snapshots: r n - beta(s + 1, r - 1). */
    public static long fewestForwardSteps(int n, int s) {
        if (n <= 1) {
            return 0;
        }
        int r = 0;
        while (beta(s, r) < n) {
            r++;
        }
        return (long) r * n - beta(s + 1, r - 1);
    }

    private void push(int kind, int a, int b, int free) {
        if (taskTop + 4 > tasks.length) {
            tasks = Arrays.copyOf(tasks, 2 * tasks.length);
        }
        tasks[taskTop] = kind;
        tasks[taskTop + 1] = a;
        tasks[taskTop + 2] = b;
        tasks[taskTop + 3] = free;
        taskTop += 4;
    }

    // ------------------------------------------------------------------ snapshots on the tape

    private void take(int position) {
        if (live != position) {
            throw new IllegalStateException("snapshot of step " + position + " with the state of " + live);
        }
        int base = tape.doubleTop();
        double[] stack = tape.doubleStack();
        while (stack.length < base + stateSize) {
            stack = tape.growDoubles();
        }
        int at = base;
        for (int k = 0; k < watchedCount; k++) {
            at = copyOut(watched[k], stack, at);
        }
        tape.doubleTop(at);
        if (snapshotTop == snapshotAt.length) {
            snapshotAt = Arrays.copyOf(snapshotAt, 2 * snapshotTop);
            snapshotBase = Arrays.copyOf(snapshotBase, 2 * snapshotTop);
        }
        snapshotAt[snapshotTop] = position;
        snapshotBase[snapshotTop++] = base;
        mostSnapshots = Math.max(mostSnapshots, snapshotTop);
    }

    private void restore(int position) {
        if (snapshotTop == 0 || snapshotAt[snapshotTop - 1] != position) {
            throw new IllegalStateException("no snapshot of step " + position + " on top");
        }
        double[] stack = tape.doubleStack();
        int at = snapshotBase[snapshotTop - 1];
        for (int k = 0; k < watchedCount; k++) {
            at = copyIn(watched[k], stack, at);
        }
        live = position;
    }

    private void drop() {
        int base = snapshotBase[--snapshotTop];
        if (tape.doubleTop() != base + stateSize) {
            throw new IllegalStateException("the tape is not where the snapshot of step " + snapshotAt[snapshotTop]
                    + " ends: " + tape.doubleTop() + " != " + (base + stateSize));
        }
        tape.doubleTop(base);
    }

    private static int size(Object array) {
        if (array instanceof double[] a) {
            return a.length;
        }
        if (array instanceof float[] a) {
            return a.length;
        }
        if (array instanceof Object[] rows) {
            int n = 0;
            for (Object row : rows) {
                n += size(row);
            }
            return n;
        }
        if (array == null) {
            return 0;
        }
        throw new IllegalArgumentException("not a floating-point array: " + array.getClass().getName());
    }

    private static int copyOut(Object array, double[] stack, int at) {
        if (array instanceof double[] a) {
            System.arraycopy(a, 0, stack, at, a.length);
            return at + a.length;
        }
        if (array instanceof float[] a) {
            for (float v : a) {
                stack[at++] = v; // exact
            }
            return at;
        }
        if (array instanceof Object[] rows) {
            for (Object row : rows) {
                at = copyOut(row, stack, at);
            }
        }
        return at;
    }

    private static int copyIn(Object array, double[] stack, int at) {
        if (array instanceof double[] a) {
            System.arraycopy(stack, at, a, 0, a.length);
            return at + a.length;
        }
        if (array instanceof float[] a) {
            for (int k = 0; k < a.length; k++) {
                a[k] = (float) stack[at++];
            }
            return at;
        }
        if (array instanceof Object[] rows) {
            for (Object row : rows) {
                at = copyIn(row, stack, at);
            }
        }
        return at;
    }
}
