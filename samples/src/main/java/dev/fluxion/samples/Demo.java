package dev.fluxion.samples;

import dev.fluxion.*;
public class Demo {
    @Differentiable
    static double f(double[] x) {
        double s = 0;
        for (int i = 0; i + 1 < x.length; i++) {
            double a = x[i + 1] - x[i] * x[i];
            s += a > 0 ? 100 * a * a : Math.exp(a) - 1 - a;
            if (s > 1e6) return s;
        }
        return s + helper(x[0], x.length);
    }
    @Differentiable
    static double helper(double v, int n) { return n == 0 ? v : Math.sin(v) * helper(v * 0.5, n - 1); }
    public static void main(String[] a) {
        GradientFunction g = Fluxion.gradient(Demo::f);
        double[] x = {0.3, -1.2, 2.0}, dx = new double[3];
        System.out.println(g.valueAndGradient(x, dx) + " " + java.util.Arrays.toString(dx));
    }
}
