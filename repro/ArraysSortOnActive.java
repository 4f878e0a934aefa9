import dev.fluxion.Differentiable;
import dev.fluxion.Fluxion;
import java.util.Arrays;

/**
 * Least trimmed squares' natural form: sort the squared residuals with Arrays.sort, sum the h smallest.
 *
 * fluxion.jar of 93162bc (/work/helper-jars/fluxion.jar) rejects it:
 *   dev.fluxion.FluxionException: fluxion: ArraysSortOnActive.trimmed(ArraysSortOnActive.java:31): active value
 *   passed to java.util.Arrays.sort(double[]), a JDK method Fluxion does not differentiate. Compute the value in a
 *   @Differentiable method of your own, or give a static method a derivative with @AdjointOf.
 * (Arrays.sort(a, from, to) gives the same message with "java.util.Arrays.sort(double[], int, int)".)
 *
 * The build installed in ~/.m2 at 06:06 (main 4d6d9f0, "Arrays.sort(double[]) ... JdkModels") accepts it and
 * prints the gradient [-1.8, -10.0], equal to central differences.
 *
 * javac -cp fluxion.jar -d /tmp/r ArraysSortOnActive.java && java -cp /tmp/r:fluxion.jar ArraysSortOnActive
 */
public class ArraysSortOnActive {
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
        double sum = 0;
        for (int i = 0; i < H; i++) {
            sum += squares[i];
        }
        return sum;
    }

    public static void main(String[] args) {
        double[] c = {0.2, 0.9};
        System.out.println(Arrays.toString(Fluxion.gradient(ArraysSortOnActive::trimmed).gradient(c)));
    }
}
