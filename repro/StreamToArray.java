import dev.fluxion.Differentiable;
import dev.fluxion.Fluxion;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * A primitive stream collected with toArray(): the squared residuals of a fit.
 *
 * fluxion.jar of 93162bc (/work/helper-jars/fluxion.jar) rejects it with a message about a lambda, not about
 * toArray() (the construct it does not support):
 *   dev.fluxion.FluxionException: fluxion: StreamToArray.trimmed(StreamToArray.java:28): active value captured by a
 *   lambda that Fluxion cannot follow to its calls (it is stored, returned, chosen by a branch, or passed to a method
 *   that is not inlined). Call the lambda in the method that makes it, or pass it to a small helper Fluxion inlines
 *   (one that is not recursive), so each call runs its body in view.
 * It is also the only message: the Arrays.sort on the next line, rejected on its own (ArraysSortOnActive), is not
 * reported with it, although a method's problems are otherwise listed together (without toArray, the sample's
 * trimmed() got two messages, Arrays.sort and Arrays.stream(...).limit).
 *
 * The build installed in ~/.m2 at 06:06 accepts it: [-1.8, -10.0], equal to central differences.
 */
public class StreamToArray {
    static final double[] X = {0, 1, 2, 3, 4, 5, 6, 7};
    static final double[] Y = {0.1, 1.2, 1.9, 3.1, 20, 5.0, 6.1, -9};
    static final int H = 6;

    @Differentiable
    static double trimmed(double[] c) {
        double[] squares = IntStream.range(0, X.length).mapToDouble(i -> {
            double r = Y[i] - (c[0] + c[1] * X[i]);
            return r * r;
        }).toArray();
        Arrays.sort(squares);
        double sum = 0;
        for (int i = 0; i < H; i++) {
            sum += squares[i];
        }
        return sum;
    }

    public static void main(String[] args) {
        System.out.println(Arrays.toString(Fluxion.gradient(StreamToArray::trimmed).gradient(new double[] {0.2, 0.9})));
    }
}
