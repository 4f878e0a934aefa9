import dev.fluxion.*;
import java.util.Arrays;

/**
 * A general-purpose fitter object that holds the model's right-hand side in a field (given a static
 * method reference when the fitter is built) and whose loss adapts it to the integrator with a
 * lambda. The call through the field is a call through an interface on an object from outside,
 * which docs/objects.md lists as not there yet. Note the message's advice ("calls through
 * interfaces are not differentiated yet") although they are, when the object's class is known.
 *
 * Run: javac -cp fluxion.jar -d out RhsInFieldOfFitter.java && java -cp out:fluxion.jar RhsInFieldOfFitter
 */
public class RhsInFieldOfFitter {
    interface Rhs { void derivative(double t, double[] y, double[] dydt); }
    interface ParametricRhs { void derivative(double[] p, double t, double[] y, double[] dydt); }

    static double euler(Rhs f, double y0, int steps, double h) {
        double[] y = {y0}, dy = new double[1];
        for (int s = 0; s < steps; s++) { f.derivative(s * h, y, dy); y[0] += h * dy[0]; }
        return y[0];
    }

    static void decay(double[] p, double t, double[] y, double[] dydt) { dydt[0] = -p[0] * y[0]; }

    static final class Fitter {
        private final ParametricRhs model;
        private final double target;

        Fitter(ParametricRhs model, double target) { this.model = model; this.target = target; }

        @Differentiable
        double loss(double[] p) {
            double r = euler((t, y, dydt) -> model.derivative(p, t, y, dydt), 1, 10, 0.1) - target;
            return r * r;
        }
    }

    public static void main(String[] args) {
        Fitter fitter = new Fitter(RhsInFieldOfFitter::decay, 0.5);
        try {
            System.out.println(Arrays.toString(Fluxion.gradient(fitter::loss).gradient(new double[] {0.7})));
        } catch (FluxionException e) {
            System.out.println(e.getMessage());
        }
    }
}

/*
 * Output with /work/helper-jars/fluxion.jar (on demand), JDK 17:
 *
 * fluxion: RhsInFieldOfFitter$Fitter.loss(RhsInFieldOfFitter.java:33): active value passed to the interface
 * method RhsInFieldOfFitter.ParametricRhs.derivative(double[], double, double[], double[]), which is not
 * differentiated. Call a static @Differentiable method instead: calls through interfaces are not differentiated
 * yet.
 */
