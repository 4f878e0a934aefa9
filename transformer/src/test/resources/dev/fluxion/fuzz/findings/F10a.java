package dev.fluxion.fuzz.gen;

import dev.fluxion.Differentiable;
import dev.fluxion.ScalarFunction;
import java.util.Arrays;

/** Program 1712 of seed 4242 (shrunk), x has length 4: a recursive callee given a jagged matrix whose rows the caller swaps after the call; the zero shadow of the (inactive) matrix was shaped as the matrix was after the swap. */
@SuppressWarnings("all")
public final class F10a {
    public static ScalarFunction entry() {
        return F10a::f;
    }

    @Differentiable
    public static double f(double[] x) {
        double[][] m0 = {{1.0, 1.0}, x.clone(), {1.0, 1.0}};
        double acc1 = 0;
        for (int r2 = 0; r2 < 1; r2++) {
            h0(m0, x, 1);
            double[] t3 = m0[1];
            m0[1] = m0[0];
            m0[0] = t3;
        }
        double[] t5 = new double[x.length];
        double s6 = 0;
        for (int k7 = 0; k7 < 3; k7++) {
            for (int i8 = 0; i8 < x.length; i8++) {
                t5[i8] = x[i8] * 0.5 + 0.5;
            }
            for (int j9 = 0; j9 < x.length; j9++) {
                s6 += 1.0;
            }
            for (int q10 = 0; q10 < x.length; q10++) {
                s6 += 1.0;
            }
        }
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += t5[1];
        }
        return 0.5 * sum;
    }

    /** Recursive (depth d): reversed jointly through its own adjoint. */
    @Differentiable
    static void h0(double[][] p0, double[] p1, int d) {
        if (d <= 0) {
            return;
        }
        for (int i1 = 0; i1 < p0.length; i1++) {
            p0[i1][1] = p0[1][(1 + 1) % p0[1].length];
        }
        h0(p0, p1, d - 1);
    }

    static final class Cell {
        double a;
        double b;
        int n;

        Cell() {
        }

        Cell(double a, double b) {
            this.a = a;
            this.b = b;
        }

        void relax(double v) {
            b = 0.5 * b + 0.25 * Math.tanh(a * v);
            n++;
        }

        double mix() {
            return a * b;
        }
    }

    record Pt(double x, double y) {
    }

    interface Part {
        double value(double v);
    }

    static final class Lin implements Part {
        final double k;

        Lin(double k) {
            this.k = k;
        }

        public double value(double v) {
            return Math.tanh(k * v);
        }
    }

    record Wave(double k) implements Part {
        public double value(double v) {
            return k * Math.sin(v);
        }
    }
}
