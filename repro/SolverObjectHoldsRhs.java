import dev.fluxion.*;
import java.util.Arrays;

/**
 * An integrator class that takes the right-hand side in its constructor (`new Euler(rhs, h)`,
 * then `solver.solve(y0, steps)`), made in the loss. The lambda is stored in the solver's field,
 * which docs/functions.md lists as a lambda that escapes. The same integrator as a static method
 * taking the Rhs works.
 *
 * Run: javac -cp fluxion.jar -d out SolverObjectHoldsRhs.java && java -cp out:fluxion.jar SolverObjectHoldsRhs
 */
public class SolverObjectHoldsRhs {
    interface Rhs { void derivative(double t, double[] y, double[] dydt); }

    static final class Euler {
        final Rhs f;
        final double h;

        Euler(Rhs f, double h) { this.f = f; this.h = h; }

        double solve(double y0, int steps) {
            double[] y = {y0}, dy = new double[1];
            for (int s = 0; s < steps; s++) { f.derivative(s * h, y, dy); y[0] += h * dy[0]; }
            return y[0];
        }
    }

    @Differentiable
    static double loss(double[] p) {
        double k = p[0];
        Euler solver = new Euler((t, y, dydt) -> dydt[0] = -k * y[0], 0.1);
        return solver.solve(1, 10);
    }

    public static void main(String[] args) {
        try {
            System.out.println(Arrays.toString(Fluxion.gradient(SolverObjectHoldsRhs::loss).gradient(new double[] {0.7})));
        } catch (FluxionException e) {
            System.out.println(e.getMessage());
        }
    }
}

/*
 * Output with /work/helper-jars/fluxion.jar (on demand), JDK 17:
 *
 * fluxion: SolverObjectHoldsRhs.loss(SolverObjectHoldsRhs.java:31): active value captured by a lambda that
 * Fluxion cannot follow to its calls (it is stored, returned, chosen by a branch, or passed to a method that is
 * not inlined). Call the lambda in the method that makes it, or pass it to a small helper Fluxion inlines (one
 * that is not recursive), so each call runs its body in view.
 */
