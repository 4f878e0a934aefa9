import dev.fluxion.*;
import java.util.Arrays;

/**
 * A bound method reference, `lv::derivative`, to the right-hand side of an object made in the loss
 * from the parameters, passed to the integrator. javac compiles `lv::derivative` with a null check,
 * Objects.requireNonNull(lv), which makes the object escape. The lambda `(t, y, d) -> lv.derivative(t, y, d)`
 * works (and a final class's object passed as the Rhs works).
 *
 * Run: javac -cp fluxion.jar -d out BoundMethodReference.java && java -cp out:fluxion.jar BoundMethodReference
 */
public class BoundMethodReference {
    interface Rhs { void derivative(double t, double[] y, double[] dydt); }

    static final class Decay {
        final double k;
        Decay(double k) { this.k = k; }
        void derivative(double t, double[] y, double[] dydt) { dydt[0] = -k * y[0]; }
    }

    static double euler(Rhs f, double y0, int steps, double h) {
        double[] y = {y0}, dy = new double[1];
        for (int s = 0; s < steps; s++) { f.derivative(s * h, y, dy); y[0] += h * dy[0]; }
        return y[0];
    }

    @Differentiable
    static double methodReference(double[] p) {
        Decay model = new Decay(p[0]);
        return euler(model::derivative, 1, 10, 0.1);          // rejected
    }

    @Differentiable
    static double lambda(double[] p) {
        Decay model = new Decay(p[0]);
        return euler((t, y, d) -> model.derivative(t, y, d), 1, 10, 0.1);   // works
    }

    public static void main(String[] args) {
        double[] p = {0.7};
        System.out.println("lambda: " + Arrays.toString(Fluxion.gradient(BoundMethodReference::lambda).gradient(p))
                + ", closed form " + (-10 * 0.1 * Math.pow(1 - 0.07, 9)));
        try {
            System.out.println("model::derivative: " + Arrays.toString(Fluxion.gradient(BoundMethodReference::methodReference).gradient(p)));
        } catch (FluxionException e) {
            System.out.println(e.getMessage());
        }
    }
}

/*
 * Output with /work/helper-jars/fluxion.jar (on demand), JDK 17:
 *
 * lambda: [-0.5204110829884873], closed form -0.5204110829884869
 * fluxion: BoundMethodReference.methodReference(BoundMethodReference.java:29): active value passed to the
 * constructor of BoundMethodReference.Decay (Fluxion kept this method's objects as they are: an object is
 * passed to java.util.Objects.requireNonNull(java.lang.Object), which is not inlined). Fluxion differentiates
 * objects that stay in the differentiated code: records and final classes of final fields, mutable objects
 * whose every reference is one object, and arrays of such objects made in the method; this one escapes (passed
 * to a method that is not inlined, returned or stored) or is one of several a reference may be. Pass the
 * numbers as double arguments or double[] arrays.
 */
