package dev.fluxion.smoke;

import dev.fluxion.Differentiable;
import dev.fluxion.Fluxion;
import dev.fluxion.GradientFunction;

/** Smallest reproducers of bugs the array corpus found, each with its exact gradient in {@code ArrayRegressionsTest}. */
public class ArrayRegressions {
    /** A loop-carried phi of 1-D arrays: each iteration replaces the array. x0 x1 * 8. */
    @Differentiable
    public static double loopCarriedArray(double[] x) {
        double[] u = x.clone();
        for (int k = 0; k < 3; k++) {
            double[] v = new double[u.length];
            v[0] = 2 * u[0];
            u = v;
        }
        return u[0] * x[1];
    }

    /** A loop-carried phi of 2-D arrays. x0 x1^3. */
    @Differentiable
    public static double loopCarriedRows(double[] x) {
        double[][] r = {{x[0]}};
        for (int k = 0; k < 3; k++) {
            double[][] next = {{r[0][0] * x[1]}};
            r = next;
        }
        return r[0][0];
    }

    /** A phi of two arrays chosen by the data. 3 x0 + x1 if x2 > 0, else x0 + 3 x1. */
    @Differentiable
    public static double chosenArray(double[] x) {
        double[] a = {x[0]};
        double[] b = {x[1]};
        double[] t = x[2] > 0 ? a : b;
        t[0] = t[0] * 3;
        return a[0] + b[0];
    }

    /** Two buffers swapped every step: two phis that only feed each other. u = 2^steps x; u[0] + u[1]. */
    @Differentiable
    public static double swappedBuffers(double[] x) {
        double[] u = x.clone();
        double[] v = new double[x.length];
        int steps = x[2] > 0 ? 2 : 3;
        for (int step = 0; step < steps; step++) {
            for (int i = 0; i < u.length; i++) {
                v[i] = 2 * u[i];
            }
            double[] t = u;
            u = v;
            v = t;
        }
        return u[0] + u[1];
    }

    /** Arrays.copyOf of an array of rows shares the rows: x0 x1 x2 + 2 x0^2 x1. */
    @Differentiable
    public static double copiedRows(double[] x) {
        double[][] m = {x.clone(), {x[0] * x[1]}};
        double[][] c = java.util.Arrays.copyOf(m, 3);
        c[2] = new double[] {c[1][0] * 2};
        c[0][1] = c[1][0] * c[0][2];
        return m[0][1] + c[2][0] * m[0][0];
    }

    public static GradientFunction gradient(String name) {
        return switch (name) {
            case "loopCarriedArray" -> Fluxion.gradient(ArrayRegressions::loopCarriedArray);
            case "loopCarriedRows" -> Fluxion.gradient(ArrayRegressions::loopCarriedRows);
            case "chosenArray" -> Fluxion.gradient(ArrayRegressions::chosenArray);
            case "swappedBuffers" -> Fluxion.gradient(ArrayRegressions::swappedBuffers);
            case "copiedRows" -> Fluxion.gradient(ArrayRegressions::copiedRows);
            default -> throw new IllegalArgumentException(name);
        };
    }
}
