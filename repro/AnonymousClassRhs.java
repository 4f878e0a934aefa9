import dev.fluxion.*;
import java.util.Arrays;

/**
 * The right-hand side as an anonymous class capturing the parameters, as Java developers wrote it
 * before lambdas. The same body as a lambda works; an anonymous class that captures nothing
 * differentiated works too.
 *
 * Run: javac -cp fluxion.jar -d out AnonymousClassRhs.java && java -cp out:fluxion.jar AnonymousClassRhs
 */
public class AnonymousClassRhs {
    interface Rhs { void derivative(double t, double[] y, double[] dydt); }

    static double euler(Rhs f, double y0, int steps, double h) {
        double[] y = {y0}, dy = new double[1];
        for (int s = 0; s < steps; s++) { f.derivative(s * h, y, dy); y[0] += h * dy[0]; }
        return y[0];
    }

    @Differentiable
    static double anonymous(double[] p) {
        double k = p[0];
        Rhs decay = new Rhs() {                               // rejected
            @Override
            public void derivative(double t, double[] y, double[] dydt) { dydt[0] = -k * y[0]; }
        };
        return euler(decay, 1, 10, 0.1);
    }

    @Differentiable
    static double lambda(double[] p) {
        double k = p[0];
        Rhs decay = (t, y, dydt) -> dydt[0] = -k * y[0];     // works
        return euler(decay, 1, 10, 0.1);
    }

    public static void main(String[] args) {
        double[] p = {0.7};
        System.out.println("lambda: " + Arrays.toString(Fluxion.gradient(AnonymousClassRhs::lambda).gradient(p))
                + ", closed form " + (-10 * 0.1 * Math.pow(1 - 0.07, 9)));
        try {
            System.out.println("anonymous class: " + Arrays.toString(Fluxion.gradient(AnonymousClassRhs::anonymous).gradient(p)));
        } catch (FluxionException e) {
            System.out.println(e.getMessage());
        }
    }
}

/*
 * Output with /work/helper-jars/fluxion.jar (on demand), JDK 17:
 *
 * lambda: [-0.5204110829884873], closed form -0.5204110829884869
 * fluxion: AnonymousClassRhs.anonymous(AnonymousClassRhs.java:23): active value passed to the constructor of
 * AnonymousClassRhs.1. Fluxion differentiates objects that stay in the differentiated code: records and final
 * classes of final fields, mutable objects whose every reference is one object, and arrays of such objects made
 * in the method; this one escapes (passed to a method that is not inlined, returned or stored) or is one of
 * several a reference may be. Pass the numbers as double arguments or double[] arrays.
 */
