import dev.fluxion.Differentiable;
import dev.fluxion.Fluxion;
import java.util.Arrays;

/**
 * An intermediate operation Fluxion does not lower (distinct()) is reported as if Arrays.stream(double[]) itself, which
 * Fluxion supports, were the problem (the build installed in ~/.m2 at 06:06; 93162bc says the same):
 *   fluxion: StreamDistinct.f(StreamDistinct.java:15): active value passed to java.util.Arrays.stream(double[]), a JDK
 *   method Fluxion does not differentiate. Compute the value in a @Differentiable method of your own, or give a static
 *   method a derivative with @AdjointOf.
 */
public class StreamDistinct {
    @Differentiable
    static double f(double[] x) {
        return Arrays.stream(x).distinct().sum();
    }

    public static void main(String[] args) {
        System.out.println(Arrays.toString(Fluxion.gradient(StreamDistinct::f).gradient(new double[] {0.5, 1.5, 0.5})));
    }
}
