import dev.fluxion.*;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The integrator collects the states in a List<double[]>, as Java code usually collects results;
 * the loss reads them back with get(k). Rejected at List.add (docs/functions.md: a differentiated
 * value passed to a method Fluxion cannot see). The same integrator returning a double[][] works.
 *
 * Run: javac -cp fluxion.jar -d out TrajectoryInList.java && java -cp out:fluxion.jar TrajectoryInList
 */
public class TrajectoryInList {
    interface Rhs { void derivative(double t, double[] y, double[] dydt); }

    static List<double[]> euler(Rhs f, double[] y0, int steps, double h) {
        List<double[]> states = new ArrayList<>();
        double[] y = y0.clone(), dy = new double[y.length];
        states.add(y.clone());
        for (int s = 0; s < steps; s++) {
            f.derivative(s * h, y, dy);
            for (int i = 0; i < y.length; i++) y[i] += h * dy[i];
            states.add(y.clone());
        }
        return states;
    }

    static final double[] OBSERVED = {1.0, 0.93, 0.87, 0.81, 0.75};

    @Differentiable
    static double loss(double[] p) {
        double k = p[0];
        List<double[]> states = euler((t, y, dydt) -> dydt[0] = -k * y[0], new double[] {1}, 4, 0.1);
        double sum = 0;
        for (int n = 0; n < states.size(); n++) {
            double r = states.get(n)[0] - OBSERVED[n];
            sum += r * r;
        }
        return sum;
    }

    public static void main(String[] args) {
        try {
            System.out.println(Arrays.toString(Fluxion.gradient(TrajectoryInList::loss).gradient(new double[] {0.7})));
        } catch (FluxionException e) {
            System.out.println(e.getMessage());
        }
    }
}

/*
 * Output with /work/helper-jars/fluxion.jar (on demand), JDK 17:
 *
 * fluxion: TrajectoryInList.loss(TrajectoryInList.java:33): active value passed to
 * java.util.List.add(java.lang.Object), a JDK method Fluxion does not differentiate. Compute the value in a
 * @Differentiable method of your own, or give a static method a derivative with @AdjointOf.
 */
