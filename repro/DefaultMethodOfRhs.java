import dev.fluxion.*;
import java.util.Arrays;

/**
 * A functional interface with a convenience default method (`at(t, y)` allocates dydt and calls the
 * abstract method), called on a lambda. docs/objects.md says default methods are found as the JVM
 * finds them (for objects whose class is known); on a lambda made in the method it is rejected.
 * Calling the abstract method on the same lambda works.
 *
 * Run: javac -cp fluxion.jar -d out DefaultMethodOfRhs.java && java -cp out:fluxion.jar DefaultMethodOfRhs
 */
public class DefaultMethodOfRhs {
    interface Rhs {
        void derivative(double t, double[] y, double[] dydt);

        default double[] at(double t, double[] y) {
            double[] dydt = new double[y.length];
            derivative(t, y, dydt);
            return dydt;
        }
    }

    @Differentiable
    static double loss(double[] p) {
        double k = p[0];
        Rhs decay = (t, y, dydt) -> dydt[0] = -k * y[0];
        double[] y = {1};
        for (int s = 0; s < 10; s++) y[0] += 0.1 * decay.at(0.1 * s, y)[0];    // rejected
        return y[0];
    }

    public static void main(String[] args) {
        try {
            System.out.println(Arrays.toString(Fluxion.gradient(DefaultMethodOfRhs::loss).gradient(new double[] {0.7})));
        } catch (FluxionException e) {
            System.out.println(e.getMessage());
        }
    }
}

/*
 * Output with /work/helper-jars/fluxion.jar (on demand), JDK 17:
 *
 * fluxion: DefaultMethodOfRhs.loss(DefaultMethodOfRhs.java:26): active value captured by a lambda that Fluxion
 * cannot follow to its calls (it is stored, returned, chosen by a branch, or passed to a method that is not
 * inlined). Call the lambda in the method that makes it, or pass it to a small helper Fluxion inlines (one that
 * is not recursive), so each call runs its body in view.
 */
