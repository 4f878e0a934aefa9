package dev.fluxion.lambdas;

import dev.fluxion.Differentiable;
import dev.fluxion.ScalarFunction;
import dev.fluxion.UnaryFunction;
import dev.fluxion.VectorFunction;

/**
 * Lambdas given to Fluxion in place of method references. Those whose body only passes its
 * parameters to one method are linked to that method (transformer.Forwarders); the others are
 * explained. {@code LambdaForwardingTest} loads this class through the transformer.
 */
public final class Lambdas {
    static final Lambdas DOUBLED = new Lambdas(2);
    static Lambdas current = new Lambdas(5);

    private final double scale;

    public Lambdas(double scale) {
        this.scale = scale;
    }

    @Differentiable
    static double sumOfCubes(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v * v;
        }
        return s;
    }

    @Differentiable
    static double cube(double v) {
        return v * v * v;
    }

    @Differentiable
    final double scaled(double[] x) {
        return scale * x[0] * x[1];
    }

    @Differentiable
    static void squares(double[] in, double[] out) {
        for (int i = 0; i < in.length; i++) {
            out[i] = in[i] * in[i];
        }
    }

    /** Only calls another method: a reference to it stands for it, not for Math.abs (KinksTest's abs). */
    @Differentiable
    static double absolute(double x) {
        return Math.abs(x);
    }

    static double plain(double[] x) {
        return x[0];
    }

    public static ScalarFunction forwarding() {
        return x -> sumOfCubes(x);
    }

    public static UnaryFunction unary() {
        return v -> cube(v);
    }

    public static VectorFunction vector() {
        return (in, out) -> squares(in, out);
    }

    /** x -> model.scaled(x): the captured object is the receiver. */
    public static ScalarFunction capturing(Lambdas model) {
        return x -> model.scaled(x);
    }

    /** An instance method's lambda, which captures {@code this}. */
    public ScalarFunction capturingThis() {
        return x -> scaled(x);
    }

    /** The receiver in a static final field, read when the lambda is linked. */
    public static ScalarFunction viaConstant() {
        return x -> DOUBLED.scaled(x);
    }

    public static UnaryFunction reference() {
        return Lambdas::absolute;
    }

    // lambdas that do more than forward

    public static ScalarFunction computing() {
        return x -> sumOfCubes(x) + 1;
    }

    /** A field that may change between calls: the lambda reads it every time, a link would read it once. */
    public static ScalarFunction viaVariable() {
        return x -> current.scaled(x);
    }

    public static VectorFunction swapped() {
        return (in, out) -> squares(out, in);
    }

    /** out = (3 in0^2, in1^2 + in0 in1). */
    public static VectorFunction computingVector() {
        return (in, out) -> {
            squares(in, out);
            out[0] *= 3;
            out[1] += in[0] * in[1];
        };
    }

    public static UnaryFunction computingUnary() {
        return v -> cube(v) + 2 * v;
    }

    /** Forwards, to a method that is not @Differentiable: linked, and Fluxion says so. */
    public static ScalarFunction notAnnotated() {
        return x -> plain(x);
    }
}
