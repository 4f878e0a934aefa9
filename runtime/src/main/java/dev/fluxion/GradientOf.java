package dev.fluxion;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a gradient method whose body Fluxion supplies: code calls the gradient directly, as an
 * ordinary static method that javac type-checks, with no look-up and no wrapper.
 *
 * <p>For a {@code @Differentiable static double f(P1 .. Pn)} in the same class, the declared
 * method takes {@code f}'s parameters, then one output per differentiated parameter, in order: for
 * an array parameter an array of the same type and shape that receives the gradient (overwritten),
 * for a {@code double} parameter a {@code double[]} whose element 0 receives it. It returns
 * {@code f}'s value. {@code wrt} lists the differentiated parameters by index (by default every
 * {@code double}, {@code double[]} and {@code double[][]} parameter); the others are data, and
 * cost nothing in the derivative:
 *
 * <pre>{@code
 * @Differentiable
 * static double loss(double[] w, double b, double[][] xs, double[] ys) { ... }
 *
 * @GradientOf(value = "loss", wrt = {0, 1})
 * static double lossGradient(double[] w, double b, double[][] xs, double[] ys, double[] dw, double[] db) {
 *     throw Fluxion.notTransformed();
 * }
 * }</pre>
 *
 * The arguments are never modified. A declaration that does not fit {@code f} is reported, with
 * the signature it must have, when the class is transformed.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface GradientOf {
    /** The name of the {@code @Differentiable} method in the same class. */
    String value();

    /** Indices of the parameters to differentiate; empty means every floating-point parameter. */
    int[] wrt() default {};
}
