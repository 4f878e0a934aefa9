import dev.fluxion.*;
import java.util.Arrays;

/**
 * An integrator object that keeps its settings in a private field (`private final int steps`) and
 * takes the right-hand side as an argument of its (final) method: `rk.solve(rhs, y0)`. Its method
 * reads its own private field, which the loss's class may not reach once the method is inlined, so
 * the lambda is not followed. The same class with a package-private field works. With the stepper
 * made in the loss (`new Stepper(10).solve(...)`) the message gives no reason at all (second case).
 *
 * Same root as RecordRhsThroughInterface (an inlined method of another class reading its private
 * field). Stepper is a top-level class of this file, not a nestmate of PrivateFieldOfStepper.
 *
 * Run: javac -cp fluxion.jar -d out PrivateFieldOfStepper.java && java -cp out:fluxion.jar PrivateFieldOfStepper
 */
public class PrivateFieldOfStepper {
    @Differentiable
    static double sharedStepper(double[] p) {
        double k = p[0];
        return Stepper.DEFAULT.solve((t, y, dydt) -> dydt[0] = -k * y[0], 1);
    }

    @Differentiable
    static double newStepper(double[] p) {
        double k = p[0];
        return new Stepper(10, 0.1).solve((t, y, dydt) -> dydt[0] = -k * y[0], 1);
    }

    public static void main(String[] args) {
        for (ScalarFunction f : new ScalarFunction[] {PrivateFieldOfStepper::sharedStepper, PrivateFieldOfStepper::newStepper}) {
            try {
                System.out.println(Arrays.toString(Fluxion.gradient(f).gradient(new double[] {0.7})));
            } catch (FluxionException e) {
                System.out.println(e.getMessage());
            }
        }
    }
}

interface StepperRhs { void derivative(double t, double[] y, double[] dydt); }

final class Stepper {
    static final Stepper DEFAULT = new Stepper(10, 0.1);

    private final int steps;                                   // package-private (no "private"): works
    private final double h;

    Stepper(int steps, double h) { this.steps = steps; this.h = h; }

    double solve(StepperRhs f, double y0) {
        double[] y = {y0}, dy = new double[1];
        for (int s = 0; s < steps; s++) { f.derivative(s * h, y, dy); y[0] += h * dy[0]; }
        return y[0];
    }
}


/*
 * Output with /work/helper-jars/fluxion.jar (on demand), JDK 17:
 *
 * fluxion: PrivateFieldOfStepper.sharedStepper(PrivateFieldOfStepper.java:20): active value captured by a
 * lambda that Fluxion cannot follow to its calls (it is stored, returned, chosen by a branch, or passed to a
 * method that is not inlined) (Fluxion kept this method's objects as they are: the code reads the field
 * Stepper.steps, which PrivateFieldOfStepper may not reach). Call the lambda in the method that makes it, or
 * pass it to a small helper Fluxion inlines (one that is not recursive), so each call runs its body in view.
 * fluxion: PrivateFieldOfStepper.newStepper(PrivateFieldOfStepper.java:26): active value captured by a lambda
 * that Fluxion cannot follow to its calls (it is stored, returned, chosen by a branch, or passed to a method
 * that is not inlined). Call the lambda in the method that makes it, or pass it to a small helper Fluxion
 * inlines (one that is not recursive), so each call runs its body in view.
 */
