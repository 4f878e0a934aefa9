package dev.fluxion.corpus;

import dev.fluxion.Differentiable;

/**
 * Calls to other {@code @Differentiable} static methods: in the same class and in other corpus
 * classes, with double, int and double[] arguments, inside loops, and recursion (direct and
 * mutual).
 */
public final class Calls {
    private Calls() {
    }

    @Differentiable
    public static double sq(double v) {
        return v * v;
    }

    /** v^n by direct recursion. */
    @Differentiable
    public static double pw(double v, int n) {
        return n == 0 ? 1 : v * pw(v, n - 1);
    }

    @Differentiable
    static double helper(double v, int n) {
        return n == 0 ? v : Math.sin(v) * helper(v * 0.5, n - 1);
    }

    /** A double[] and an int argument: sum over i >= from of x[i] * (i - from + 1). */
    @Differentiable
    public static double weightedTail(double[] x, int from) {
        double s = 0;
        for (int i = from; i < x.length; i++) {
            s += x[i] * (i - from + 1);
        }
        return s;
    }

    /** Recursion over an index into a double[] argument: sum over j >= i of x[j]^3. */
    @Differentiable
    public static double sumCubesFrom(double[] x, int i) {
        return i >= x.length ? 0 : x[i] * x[i] * x[i] + sumCubesFrom(x, i + 1);
    }

    @Differentiable
    public static double even(double v, int n) {
        return n == 0 ? v : odd(v * 0.5, n - 1) + v * v;
    }

    @Differentiable
    public static double odd(double v, int n) {
        return n == 0 ? -v : Math.cos(even(v + 1, n - 1));
    }

    /** Same-class calls with double, int and double[] arguments. */
    @Differentiable
    public static double sameClassCalls(double[] x) {
        return sq(x[0] - x[1]) + weightedTail(x, 1) * pw(x[0], 3) + sumCubesFrom(x, 0);
    }

    /** Calls into other corpus classes, passing the whole array and single elements. */
    @Differentiable
    public static double crossClass(double[] x) {
        return Arithmetic.sumOfSquares(x) * MathFunctions.gaussian(x[0]) + Loops.horner(x[1]);
    }

    /** Callees inside a loop. */
    @Differentiable
    public static double calleeInLoop(double[] x) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += sq(x[i] - i) * pw(x[i], i % 3);
        }
        return s;
    }

    /** Recursion, with a recursion depth that is a truncated input. */
    @Differentiable
    public static double recursivePower(double[] x) {
        return pw(x[0], 5) - 2 * pw(x[1], (int) x[2]) + helper(x[2], 3);
    }

    /** Mutual recursion across two methods. */
    @Differentiable
    public static double mutualRecursion(double[] x) {
        return even(x[0], 4) * x[1];
    }

    /**
     * A running product recorded factor by factor, then a plain helper that takes a gradient of its
     * own, recording on the same thread's tape more than it held, then a second product recorded
     * likewise: the inner gradient must record above what this one recorded, and this one must go on
     * in the grown stacks (adjoints hold the tape's top in a local while they run).
     */
    @Differentiable
    public static double productAroundANestedGradient(double[] x) {
        double p = 1;
        for (int i = 0; i < x.length; i++) {
            p = p * x[i];
        }
        double c = slopeOfALongProduct(300);
        double q = p;
        for (int i = 0; i < x.length; i++) {
            q = q * x[i];
        }
        return c * q;
    }

    /**
     * d product / d x0 at x_j = (j + 2) / (j + 1): the product of the other factors, which
     * telescopes to (n + 1) / 2. Not differentiable; data to its caller.
     */
    static double slopeOfALongProduct(int n) {
        double[] at = new double[n];
        for (int j = 0; j < n; j++) {
            at[j] = (j + 2.0) / (j + 1);
        }
        double[] g = new double[n];
        dev.fluxion.Fluxion.gradient(Calls::product).valueAndGradient(at, g);
        return g[0];
    }

    @Differentiable
    public static double product(double[] x) {
        double p = 1;
        for (int i = 0; i < x.length; i++) {
            p = p * x[i];
        }
        return p;
    }

    /** A unary function built from calls. */
    @Differentiable
    public static double unaryViaCalls(double x) {
        return sq(Math.sin(x)) + helper(x, 2) + pw(x, 2) * MathFunctions.gaussian(x);
    }
}
