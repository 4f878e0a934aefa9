import dev.fluxion.*;
import java.util.Arrays;

/**
 * An integrator that reports each state to an observer callback; the observer lambda adds the
 * squared residual to a static field, which the loss returns. Rejected with a clear message (fields
 * are not differentiated). The same observer adding into a captured local `double[] total = {0}`
 * works, and its gradient agrees with central differences.
 *
 * Run: javac -cp fluxion.jar -d out AccumulatorInStaticField.java && java -cp out:fluxion.jar AccumulatorInStaticField
 */
public class AccumulatorInStaticField {
    interface Rhs { void derivative(double t, double[] y, double[] dydt); }
    interface Observer { void observe(int step, double[] y); }

    static void euler(Rhs f, double[] y0, int steps, double h, Observer observer) {
        double[] y = y0.clone(), dy = new double[y.length];
        observer.observe(0, y);
        for (int s = 0; s < steps; s++) {
            f.derivative(s * h, y, dy);
            for (int i = 0; i < y.length; i++) y[i] += h * dy[i];
            observer.observe(s + 1, y);
        }
    }

    static final double[] OBSERVED = {1.0, 0.93, 0.87, 0.81, 0.75};
    static double total;

    @Differentiable
    static double lossStaticField(double[] p) {
        double k = p[0];
        total = 0;
        euler((t, y, dydt) -> dydt[0] = -k * y[0], new double[] {1}, 4, 0.1, (n, y) -> {
            double r = y[0] - OBSERVED[n];
            total += r * r;                                    // rejected
        });
        return total;
    }

    @Differentiable
    static double lossCapturedArray(double[] p) {
        double k = p[0];
        double[] sum = {0};
        euler((t, y, dydt) -> dydt[0] = -k * y[0], new double[] {1}, 4, 0.1, (n, y) -> {
            double r = y[0] - OBSERVED[n];
            sum[0] += r * r;                                   // works
        });
        return sum[0];
    }

    public static void main(String[] args) {
        double[] p = {0.7};
        double h = 1e-6;
        System.out.println("captured array: " + Arrays.toString(Fluxion.gradient(AccumulatorInStaticField::lossCapturedArray).gradient(p))
                + ", central difference " + (lossCapturedArray(new double[] {0.7 + h}) - lossCapturedArray(new double[] {0.7 - h})) / (2 * h));
        try {
            System.out.println(Arrays.toString(Fluxion.gradient(AccumulatorInStaticField::lossStaticField).gradient(p)));
        } catch (FluxionException e) {
            System.out.println(e.getMessage());
        }
    }
}

/*
 * Output with /work/helper-jars/fluxion.jar (on demand), JDK 17:
 *
 * captured array: [0.0060790819339440385], central difference 0.006079081934759793
 * fluxion: AccumulatorInStaticField.lossStaticField(AccumulatorInStaticField.java:33): active value written to
 * field AccumulatorInStaticField.total. Keep differentiated values in local variables and return them; fields
 * are not differentiated.
 */
