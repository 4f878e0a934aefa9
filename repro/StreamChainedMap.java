import dev.fluxion.Differentiable;
import dev.fluxion.Fluxion;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Residuals mapped to a Huber loss in two steps: mapToDouble(residual).map(Robust::huber).sum(). Each step alone is
 * supported (IntStream.range(..).mapToDouble(f).sum(), Arrays.stream(r).map(f).sum()); the chain of the two is not,
 * and fluxion.jar of 93162bc (/work/helper-jars/fluxion.jar) says it is a lambda that escapes:
 *   dev.fluxion.FluxionException: fluxion: StreamChainedMap.huberLoss(StreamChainedMap.java:29): active value
 *   captured by a lambda that Fluxion cannot follow to its calls (it is stored, returned, chosen by a branch, or
 *   passed to a method that is not inlined). Call the lambda in the method that makes it, or pass it to a small helper
 *   Fluxion inlines (one that is not recursive), so each call runs its body in view.
 * Same message for ...mapToDouble(...).map(Math::abs).average().orElse(0) (a least-absolute-deviations loss).
 *
 * The build installed in ~/.m2 at 06:06 accepts it: [-0.9, -2.0], equal to central differences.
 */
public class StreamChainedMap {
    static final double[] X = {0, 1, 2, 3, 4, 5, 6, 7};
    static final double[] Y = {0.1, 1.2, 1.9, 3.1, 20, 5.0, 6.1, -9};

    static double huber(double r) {
        double a = Math.abs(r);
        return a <= 1 ? 0.5 * r * r : a - 0.5;
    }

    @Differentiable
    static double huberLoss(double[] c) {
        return IntStream.range(0, X.length).mapToDouble(i -> Y[i] - (c[0] + c[1] * X[i])).map(StreamChainedMap::huber).sum();
    }

    public static void main(String[] args) {
        System.out.println(Arrays.toString(Fluxion.gradient(StreamChainedMap::huberLoss).gradient(new double[] {0.2, 0.9})));
    }
}
