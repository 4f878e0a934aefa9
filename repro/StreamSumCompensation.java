import dev.fluxion.Differentiable;
import dev.fluxion.Fluxion;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * A silently different VALUE (the gradient is right): the JDK's DoubleStream.sum() and average() use compensated
 * (Kahan) summation, while Fluxion lowers a stream's sum() to a plain loop. valueAndGradient (and the tangent's
 * valueAndJvp) then return a value different from what the method itself returns, in the last bits usually (the
 * robust-regression losses differ by an ulp or two), and completely on cancelling sums:
 *
 *   fluxion.jar of 93162bc and the build installed in ~/.m2 at 06:06 both print
 *     plain 2.0  valueAndGradient 0.0  [1.0, 1.0, 1.0, 1.0]
 *     plain 2.0  valueAndGradient 0.0  [1.0, 1.0, 1.0, 1.0]
 *     plain 2.0  valueAndJvp      0.0
 *
 * An optimiser's line search that compares valueAndGradient's values with the function's own is misled. The new
 * filter/limit/sorted pipelines of the 06:06 build show it too (ulp differences in the sample's losses).
 */
public class StreamSumCompensation {
    @Differentiable
    static double total(double[] x) {
        return Arrays.stream(x).map(v -> v).sum();
    }

    @Differentiable
    static double rangeTotal(double[] x) {
        return IntStream.range(0, x.length).mapToDouble(i -> x[i]).sum();
    }

    public static void main(String[] args) {
        double[] x = {1e16, 1.0, 1.0, -1e16};
        double[] g = new double[4];
        double v = Fluxion.gradient(StreamSumCompensation::total).valueAndGradient(x, g);
        System.out.println("plain " + total(x) + "  valueAndGradient " + v + "  " + Arrays.toString(g));
        v = Fluxion.gradient(StreamSumCompensation::rangeTotal).valueAndGradient(x, g);
        System.out.println("plain " + rangeTotal(x) + "  valueAndGradient " + v + "  " + Arrays.toString(g));
        v = Fluxion.tangent(StreamSumCompensation::total).valueAndJvp(x, new double[] {1, 1, 1, 1}, new double[1]);
        System.out.println("plain " + total(x) + "  valueAndJvp      " + v);
    }
}
