package dev.fluxion.internal;

import java.util.function.DoubleUnaryOperator;
import java.util.function.IntToDoubleFunction;

/**
 * The loops that primitive stream pipelines stand for, as plain Java the transformer inlines in
 * their place: {@code IntStream.range(a, b).mapToDouble(f).sum()} is {@link #sumOfRange}, and so on
 * (see the transformer's {@code StreamLoops}). The lambda then becomes a call of its body, so the
 * pipeline is differentiated at the speed of the loop. Sums add in encounter order, as a sequential
 * stream's {@code sum()} is specified to within round-off (the JDK's compensated summation differs
 * from a plain loop in the last bits; derivatives are those of the plain loop).
 *
 * <p>Public because generated code may call it; not part of the API.
 */
public final class StreamLoops {
    private StreamLoops() {
    }

    /** {@code IntStream.range(from, to).mapToDouble(f).sum()}. */
    public static double sumOfRange(int from, int to, IntToDoubleFunction f) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += f.applyAsDouble(i);
        }
        return s;
    }

    /** {@code Arrays.stream(a).map(f).sum()}, {@code DoubleStream.of(a).map(f).sum()}. */
    public static double sumOfMapped(double[] a, DoubleUnaryOperator f) {
        double s = 0;
        for (double v : a) {
            s += f.applyAsDouble(v);
        }
        return s;
    }

    /** {@code Arrays.stream(a).sum()}, {@code DoubleStream.of(a).sum()}. */
    public static double sum(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s;
    }
}
