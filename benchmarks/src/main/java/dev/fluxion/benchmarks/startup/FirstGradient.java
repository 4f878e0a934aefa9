package dev.fluxion.benchmarks.startup;

import dev.fluxion.Differentiable;
import dev.fluxion.Fluxion;

/**
 * The program whose start {@link StartupTime} measures: two {@code @Differentiable} methods, one
 * calling the other, and a main that prints one gradient (or, with the argument {@code primal},
 * only the function's value: the JVM's own start, for comparison).
 */
public final class FirstGradient {
    private FirstGradient() {
    }

    @Differentiable
    static double energy(double[] x) {
        double s = 0;
        for (int i = 0; i + 1 < x.length; i++) {
            double d = x[i + 1] - x[i];
            s += d * d + Math.cos(x[i]);
        }
        return s;
    }

    @Differentiable
    static double loss(double[] x) {
        double e = energy(x);
        return Math.log1p(e * e);
    }

    public static void main(String[] args) {
        double[] x = {0.3, -1.2, 2.0, 0.7};
        if (args.length > 0 && args[0].equals("primal")) {
            System.out.println(loss(x));
        } else {
            System.out.println(java.util.Arrays.toString(Fluxion.gradient(FirstGradient::loss).gradient(x)));
        }
    }
}
