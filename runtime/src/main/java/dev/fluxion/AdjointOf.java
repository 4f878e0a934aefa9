package dev.fluxion;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a static method as the derivative rule (the adjoint, or pullback) of another method, which
 * differentiated code then calls instead of differentiating through the method's body: for code
 * Fluxion cannot see (a library), for numerical stability ({@code logSumExp}), or for speed (an
 * implicit-function rule for a solver).
 *
 * <p>For a method {@code double f(P1 .. Pn)} the rule has the parameters of {@code f}, then one
 * shadow array for every {@code double[]} parameter (add the adjoints of the array's elements into
 * it), then {@code double seed} (the adjoint of {@code f}'s result), then, if {@code f} has
 * {@code double} parameters, a {@code double[]} with one slot per such parameter, in order, into
 * which the rule writes their adjoints. It returns {@code f}'s value:
 *
 * <pre>{@code
 * static double logSumExp(double[] v) { ... }
 *
 * @AdjointOf("logSumExp")
 * static double logSumExpAdjoint(double[] v, double[] vBar, double seed) {
 *     double m = max(v), s = 0;
 *     for (double x : v) s += Math.exp(x - m);
 *     for (int i = 0; i < v.length; i++) vBar[i] += seed * Math.exp(v[i] - m) / s;
 *     return m + Math.log(s);
 * }
 *
 * static double hypot3(double a, double b, double c) { ... }
 *
 * @AdjointOf("hypot3")
 * static double hypot3Adjoint(double a, double b, double c, double seed, double[] bars) { ... }
 * }</pre>
 *
 * The rule is checked against the method when code calling it is transformed: a rule whose
 * parameters do not match is reported with the signature it must have.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AdjointOf {
    /** The name of the method this rule differentiates. */
    String value();

    /** The class declaring that method; by default the class declaring the rule. */
    Class<?> in() default void.class;
}
