import dev.fluxion.*;
import java.util.Arrays;

/**
 * The integrator annotated @Differentiable, as a user does who thinks "it is differentiated, so I
 * mark it". The annotation makes it a separately differentiated method, which cannot call the
 * function it is given (docs/functions.md, limits); without the annotation it works. The message
 * does not point at the annotation: it says the lambda is "passed to a method that is not inlined".
 *
 * Run: javac -cp fluxion.jar -d out AnnotatedIntegrator.java && java -cp out:fluxion.jar AnnotatedIntegrator
 */
public class AnnotatedIntegrator {
    interface Rhs { void derivative(double t, double[] y, double[] dydt); }

    @Differentiable
    static double euler(Rhs f, double y0, int steps, double h) {
        double[] y = {y0}, dy = new double[1];
        for (int s = 0; s < steps; s++) { f.derivative(s * h, y, dy); y[0] += h * dy[0]; }
        return y[0];
    }

    @Differentiable
    static double loss(double[] p) {
        double k = p[0];
        return euler((t, y, dydt) -> dydt[0] = -k * y[0], 1, 10, 0.1);
    }

    public static void main(String[] args) {
        try {
            System.out.println(Arrays.toString(Fluxion.gradient(AnnotatedIntegrator::loss).gradient(new double[] {0.7})));
        } catch (FluxionException e) {
            System.out.println(e.getMessage());
        }
    }
}

/*
 * Output with /work/helper-jars/fluxion.jar (on demand), JDK 17:
 *
 * fluxion: AnnotatedIntegrator.loss(AnnotatedIntegrator.java:25): active value captured by a lambda that
 * Fluxion cannot follow to its calls (it is stored, returned, chosen by a branch, or passed to a method that is
 * not inlined). Call the lambda in the method that makes it, or pass it to a small helper Fluxion inlines (one
 * that is not recursive), so each call runs its body in view.
 */
