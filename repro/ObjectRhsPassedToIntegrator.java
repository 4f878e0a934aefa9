import dev.fluxion.*;
import java.util.Arrays;

/**
 * An object implementing the right-hand side (a final class of final fields, made in the loss from
 * the parameters) passed to an unannotated integrator helper. The helper is not inlined, so the
 * object escapes: only the object carries differentiated values, the helper's other arguments are
 * data. Give the helper one more differentiated argument (y0 = p[1] below) and it is inlined and the
 * gradient is right; pass a lambda instead of the object and it is inlined too.
 *
 * Run: javac -cp fluxion.jar -d out ObjectRhsPassedToIntegrator.java && java -cp out:fluxion.jar ObjectRhsPassedToIntegrator
 */
public class ObjectRhsPassedToIntegrator {
    interface Rhs { void derivative(double t, double[] y, double[] dydt); }

    static final class Decay implements Rhs {
        final double k;
        Decay(double k) { this.k = k; }
        public void derivative(double t, double[] y, double[] dydt) { dydt[0] = -k * y[0]; }
    }

    static double euler(Rhs f, double y0, int steps, double h) {
        double[] y = {y0}, dy = new double[1];
        for (int s = 0; s < steps; s++) { f.derivative(s * h, y, dy); y[0] += h * dy[0]; }
        return y[0];
    }

    @Differentiable
    static double fixedStart(double[] p) { return euler(new Decay(p[0]), 1, 10, 0.1); }        // rejected

    @Differentiable
    static double differentiatedStart(double[] p) { return euler(new Decay(p[0]), p[1], 10, 0.1); }   // works

    public static void main(String[] args) {
        double[] p = {0.7, 1};
        System.out.println("y0 = p[1]: " + Arrays.toString(Fluxion.gradient(ObjectRhsPassedToIntegrator::differentiatedStart).gradient(p))
                + ", closed form " + (-10 * 0.1 * Math.pow(1 - 0.07, 9)) + ", " + Math.pow(1 - 0.07, 10));
        try {
            System.out.println("y0 = 1: " + Arrays.toString(Fluxion.gradient(ObjectRhsPassedToIntegrator::fixedStart).gradient(p)));
        } catch (FluxionException e) {
            System.out.println(e.getMessage());
        }
    }
}

/*
 * Output with /work/helper-jars/fluxion.jar (on demand), JDK 17:
 *
 * y0 = p[1]: [-0.5204110829884873, 0.483982307179293], closed form -0.5204110829884869, 0.48398230717929286
 * fluxion: ObjectRhsPassedToIntegrator.fixedStart(ObjectRhsPassedToIntegrator.java:29): active value passed to
 * the constructor of ObjectRhsPassedToIntegrator.Decay (Fluxion kept this method's objects as they are: an
 * object is passed to ObjectRhsPassedToIntegrator.euler(ObjectRhsPassedToIntegrator.Rhs, double, int, double),
 * which is not inlined). Fluxion differentiates objects that stay in the differentiated code: records and final
 * classes of final fields, mutable objects whose every reference is one object, and arrays of such objects made
 * in the method; this one escapes (passed to a method that is not inlined, returned or stored) or is one of
 * several a reference may be. Pass the numbers as double arguments or double[] arrays.
 */
