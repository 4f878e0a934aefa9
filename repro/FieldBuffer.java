import dev.fluxion.Differentiable;
import dev.fluxion.Fluxion;
import java.util.Arrays;

/**
 * A loss that reuses a scratch array held in a field, to avoid allocating per call (a habit of performance-minded
 * Java code). Rejected, with a clear message (fluxion.jar of 93162bc and the build installed in ~/.m2 at 06:06):
 *   fluxion: FieldBuffer.trimmed(FieldBuffer.java:23): differentiated values written into the array in field
 *   FieldBuffer.squares. Copy the array into a local first (squares.clone()) and write into the copy.
 * (A clear message; listed because a scratch field is a common habit: the loss must allocate per call.)
 */
public class FieldBuffer {
    static final double[] X = {0, 1, 2, 3, 4, 5, 6, 7};
    static final double[] Y = {0.1, 1.2, 1.9, 3.1, 20, 5.0, 6.1, -9};
    static final int H = 6;

    private final double[] squares = new double[X.length];

    @Differentiable
    double trimmed(double[] c) {
        for (int i = 0; i < X.length; i++) {
            double r = Y[i] - (c[0] + c[1] * X[i]);
            squares[i] = r * r;
        }
        double sum = 0;
        for (int i = 0; i < H; i++) {
            sum += squares[i];
        }
        return sum;
    }

    public static void main(String[] args) {
        FieldBuffer f = new FieldBuffer();
        System.out.println(Arrays.toString(Fluxion.gradient(f::trimmed).gradient(new double[] {0.2, 0.9})));
    }
}
