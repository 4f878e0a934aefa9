import dev.fluxion.Differentiable;
import dev.fluxion.Fluxion;
import java.util.Arrays;

/**
 * The h smallest after a sort, summed with the range form of Arrays.stream: Arrays.stream(a, 0, h).sum().
 * Rejected by fluxion.jar of 93162bc and by the build installed in ~/.m2 at 06:06 (with Arrays.sort supported,
 * this is what remains):
 *   dev.fluxion.FluxionException: fluxion: ArraysStreamRange.trimmed(ArraysStreamRange.java:27): active value passed
 *   to java.util.Arrays.stream(double[], int, int), a JDK method Fluxion does not differentiate. Compute the value in a
 *   @Differentiable method of your own, or give a static method a derivative with @AdjointOf.
 * (With 93162bc the Arrays.sort of line 26 is reported first, then this.) Arrays.stream(a).limit(h).sum() is accepted by the 06:06 build.
 */
public class ArraysStreamRange {
    static final double[] X = {0, 1, 2, 3, 4, 5, 6, 7};
    static final double[] Y = {0.1, 1.2, 1.9, 3.1, 20, 5.0, 6.1, -9};
    static final int H = 6;

    @Differentiable
    static double trimmed(double[] c) {
        double[] squares = new double[X.length];
        for (int i = 0; i < X.length; i++) {
            double r = Y[i] - (c[0] + c[1] * X[i]);
            squares[i] = r * r;
        }
        Arrays.sort(squares);
        return Arrays.stream(squares, 0, H).sum();
    }

    public static void main(String[] args) {
        System.out.println(Arrays.toString(Fluxion.gradient(ArraysStreamRange::trimmed).gradient(new double[] {0.2, 0.9})));
    }
}
