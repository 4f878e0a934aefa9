package dev.fluxion;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a static method whose derivative Fluxion generates. The method may use loops, branches,
 * early returns, calls to other {@code @Differentiable} methods and {@link Math} functions.
 *
 * <p>Retained at run time so that the Java agent can recognise annotated classes when they are
 * first loaded, and so that {@link Fluxion} can tell "not annotated" apart from "not transformed".
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Differentiable {
}
