import dev.fluxion.*;
import java.util.Arrays;
import java.util.function.BiConsumer;

/**
 * The right-hand side of an autonomous system as java.util.function.BiConsumer<double[], double[]>
 * (state, derivative): a generic interface, but no boxing (its arguments are arrays). Rejected even
 * when called in the method that makes it. docs/functions.md names only generic interfaces "with
 * boxing (Function<Double, Double>)" as a limit; the same lambda typed by a non-generic interface
 * of one's own works.
 *
 * Run: javac -cp fluxion.jar -d out GenericBiConsumerRhs.java && java -cp out:fluxion.jar GenericBiConsumerRhs
 */
public class GenericBiConsumerRhs {
    static double euler(BiConsumer<double[], double[]> f, double y0, int steps, double h) {
        double[] y = {y0}, dy = new double[1];
        for (int s = 0; s < steps; s++) { f.accept(y, dy); y[0] += h * dy[0]; }
        return y[0];
    }

    @Differentiable
    static double loss(double[] p) {
        double k = p[0];
        return euler((y, dydt) -> dydt[0] = -k * y[0], 1, 10, 0.1);
    }

    @Differentiable
    static double direct(double[] p) {
        double k = p[0];
        BiConsumer<double[], double[]> f = (y, dydt) -> dydt[0] = -k * y[0];
        double[] y = {1}, dy = new double[1];
        f.accept(y, dy);
        return dy[0];
    }

    public static void main(String[] args) {
        for (ScalarFunction f : new ScalarFunction[] {GenericBiConsumerRhs::loss, GenericBiConsumerRhs::direct}) {
            try {
                System.out.println(Arrays.toString(Fluxion.gradient(f).gradient(new double[] {0.7})));
            } catch (FluxionException e) {
                System.out.println(e.getMessage());
            }
        }
    }
}

/*
 * Output with /work/helper-jars/fluxion.jar (on demand), JDK 17:
 *
 * fluxion: GenericBiConsumerRhs.loss(GenericBiConsumerRhs.java:24): active value captured by a lambda that
 * Fluxion cannot follow to its calls (it is stored, returned, chosen by a branch, or passed to a method that is
 * not inlined). Call the lambda in the method that makes it, or pass it to a small helper Fluxion inlines (one
 * that is not recursive), so each call runs its body in view.
 * fluxion: GenericBiConsumerRhs.direct(GenericBiConsumerRhs.java:30): active value captured by a lambda that
 * Fluxion cannot follow to its calls (it is stored, returned, chosen by a branch, or passed to a method that is
 * not inlined). Call the lambda in the method that makes it, or pass it to a small helper Fluxion inlines (one
 * that is not recursive), so each call runs its body in view.
 */
