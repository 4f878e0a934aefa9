package dev.fluxion.corpus;

/** A "library": not annotated, not transformed; Fluxion cannot see into it. */
public final class Lib {
    private Lib() {
    }

    public static double hypot3(double a, double b, double c) {
        return Math.sqrt(a * a + b * b + c * c);
    }

    /** log(sum exp v_i), computed stably. */
    public static double logSumExp(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            m = Math.max(m, x);
        }
        double s = 0;
        for (double x : v) {
            s += Math.exp(x - m);
        }
        return m + Math.log(s);
    }

    /** A library object: smooth max(0, v), sharper as {@code sharpness} grows; its method has a rule. */
    public static final class Softplus {
        private final double sharpness;

        public Softplus(double sharpness) {
            this.sharpness = sharpness;
        }

        public double sharpness() {
            return sharpness;
        }

        public double apply(double v) {
            return Math.log1p(Math.exp(sharpness * v)) / sharpness;
        }
    }
}
