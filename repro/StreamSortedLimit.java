import dev.fluxion.Differentiable;
import dev.fluxion.Fluxion;
import java.util.Arrays;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;

/**
 * Least trimmed squares as one stream: sorted() then limit(h) then sum(). The messages of fluxion.jar of 93162bc
 * (/work/helper-jars/fluxion.jar) name the wrong construct: Arrays.stream(double[]) and DoubleStream.of(double[]),
 * which Fluxion supports, or a lambda, instead of sorted() / limit():
 *
 * fromArray:  fluxion: StreamSortedLimit.fromArray(StreamSortedLimit.java:42): active value passed to
 *             java.util.Arrays.stream(double[]), a JDK method Fluxion does not differentiate. Compute the value in a
 *             @Differentiable method of your own, or give a static method a derivative with @AdjointOf.
 * of:         fluxion: StreamSortedLimit.of(StreamSortedLimit.java:47): active value passed to
 *             java.util.stream.DoubleStream.of(double[]), a JDK method Fluxion does not differentiate. [same advice]
 * fromRange:  fluxion: StreamSortedLimit.fromRange(StreamSortedLimit.java:52): active value captured by a lambda that
 *             Fluxion cannot follow to its calls (it is stored, returned, chosen by a branch, or passed to a method
 *             that is not inlined). Call the lambda in the method that makes it, or pass it to a small helper Fluxion
 *             inlines (one that is not recursive), so each call runs its body in view.
 * limitOnly:  the Arrays.stream(double[]) message again, at line 57 (no sort at all: limit(h) alone is the problem).
 *
 * The build installed in ~/.m2 at 06:06 accepts all four; the gradients equal central differences
 * ([-1.8, -10.0] for the first three, [-33.2, -133.6] for limitOnly).
 */
public class StreamSortedLimit {
    static final double[] X = {0, 1, 2, 3, 4, 5, 6, 7};
    static final double[] Y = {0.1, 1.2, 1.9, 3.1, 20, 5.0, 6.1, -9};
    static final int H = 6;

    static double[] squares(double[] c) {
        double[] s = new double[X.length];
        for (int i = 0; i < X.length; i++) {
            double r = Y[i] - (c[0] + c[1] * X[i]);
            s[i] = r * r;
        }
        return s;
    }

    @Differentiable
    static double fromArray(double[] c) {
        return Arrays.stream(squares(c)).sorted().limit(H).sum();
    }

    @Differentiable
    static double of(double[] c) {
        return DoubleStream.of(squares(c)).sorted().limit(H).sum();
    }

    @Differentiable
    static double fromRange(double[] c) {
        return IntStream.range(0, X.length).mapToDouble(i -> Math.pow(Y[i] - (c[0] + c[1] * X[i]), 2)).sorted().limit(H).sum();
    }

    @Differentiable
    static double limitOnly(double[] c) {
        return Arrays.stream(squares(c)).limit(H).sum();
    }

    public static void main(String[] args) {
        double[] c = {0.2, 0.9};
        for (String name : new String[] {"fromArray", "of", "fromRange", "limitOnly"}) {
            try {
                double[] g = switch (name) {
                    case "fromArray" -> Fluxion.gradient(StreamSortedLimit::fromArray).gradient(c);
                    case "of" -> Fluxion.gradient(StreamSortedLimit::of).gradient(c);
                    case "fromRange" -> Fluxion.gradient(StreamSortedLimit::fromRange).gradient(c);
                    default -> Fluxion.gradient(StreamSortedLimit::limitOnly).gradient(c);
                };
                System.out.println(name + " " + Arrays.toString(g));
            } catch (RuntimeException e) {
                System.out.println(name + " => " + e.getMessage());
            }
        }
    }
}
