package dev.fluxion.smoke;

import dev.fluxion.Differentiable;

public class Tricky {
    static final double[] W = {0.5, -1.25, 2.0, 0.75};

    @Differentiable
    public static double nested(double[] x) {
        double s = 0;
        outer:
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x.length; j++) {
                if (j == i) continue;
                s += Math.sin(x[i] * x[j]) * W[(i + j) % W.length];
                if (s > 50) break outer;
            }
        }
        return s;
    }

    @Differentiable
    public static double whileLoop(double[] x) {
        double s = 1;
        int n = 0;
        while (s < 10) {
            s = s * 1.5 + x[0] * x[0];
            n++;
        }
        return s * n + x[1];
    }

    @Differentiable
    public static double sw(double[] x) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            switch (i % 3) {
                case 0: s += x[i] * x[i]; break;
                case 1: s -= Math.exp(x[i]); break;
                default: s *= x[i];
            }
            switch (i * 100) {
                case 100: s += 3 * x[i]; break;
                case 5000: s -= 1; break;
                default:
            }
        }
        return s;
    }

    @Differentiable
    public static double callsInLoop(double[] x) {
        double s = 0;
        int[] idx = {2, 0, 1};
        for (int k = 0; k < 3; k++) {
            s += dot(x, idx[k]) * x[idx[k]];
        }
        return s;
    }

    @Differentiable
    static double dot(double[] x, int shift) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * x[(i + shift) % x.length];
        }
        return s / (1 + shift);
    }

    @Differentiable
    public static double floats(double[] x) {
        float a = (float) x[0];
        float b = a * a + 2f * (float) x[1];
        return b / (1 + Math.abs(x[2])) + (double) (a % 0.7f);
    }

    @Differentiable
    public static double earlyReturn(double[] x) {
        double p = 1;
        for (int i = 0; i < x.length; i++) {
            p *= x[i];
            if (p < -100) {
                return p;
            }
            for (int j = 0; j < i; j++) {
                if (x[j] > 10) return -p;
            }
        }
        return p > 0 ? Math.log(p) : Math.log(-p) + x[0] % 1.5;
    }

    @Differentiable
    public static double ternaryStack(double[] x) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += (x[i] > 0 ? x[i] : -x[i]) * W[i % 4] + Math.max(x[i], s) * Math.pow(Math.abs(x[i]), 1.5);
        }
        return s + Math.atan2(x[0], x[1]) + Math.hypot(x[0], x[2]);
    }
}
