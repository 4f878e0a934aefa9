import dev.fluxion.*;
import java.util.Arrays;

/**
 * The model chosen by a flag: the linearised pendulum or the full one, two lambdas capturing the
 * parameters, one of them passed to the integrator (listed as a limit in docs/functions.md: a lambda
 * chosen by a branch). Calling the integrator in each branch works.
 *
 * Run: javac -cp fluxion.jar -d out RhsChosenByBranch.java && java -cp out:fluxion.jar RhsChosenByBranch
 */
public class RhsChosenByBranch {
    interface Rhs { void derivative(double t, double[] y, double[] dydt); }

    static boolean linearised = false;

    static double euler(Rhs f, double[] y0, int steps, double h) {
        double[] y = y0.clone(), dy = new double[y.length];
        for (int s = 0; s < steps; s++) {
            f.derivative(s * h, y, dy);
            for (int i = 0; i < y.length; i++) y[i] += h * dy[i];
        }
        return y[0];
    }

    @Differentiable
    static double angle(double[] p) {
        double omega2 = p[0], c = p[1];
        Rhs pendulum = linearised
                ? (t, y, d) -> { d[0] = y[1]; d[1] = -omega2 * y[0] - c * y[1]; }
                : (t, y, d) -> { d[0] = y[1]; d[1] = -omega2 * Math.sin(y[0]) - c * y[1]; };
        return euler(pendulum, new double[] {1, 0}, 100, 0.01);
    }

    public static void main(String[] args) {
        try {
            System.out.println(Arrays.toString(Fluxion.gradient(RhsChosenByBranch::angle).gradient(new double[] {9, 0.3})));
        } catch (FluxionException e) {
            System.out.println(e.getMessage());
        }
    }
}

/*
 * Output with /work/helper-jars/fluxion.jar (on demand), JDK 17:
 *
 * fluxion: RhsChosenByBranch.angle(RhsChosenByBranch.java:29): active value captured by a lambda that Fluxion
 * cannot follow to its calls (it is stored, returned, chosen by a branch, or passed to a method that is not
 * inlined). Call the lambda in the method that makes it, or pass it to a small helper Fluxion inlines (one that
 * is not recursive), so each call runs its body in view.
 */
