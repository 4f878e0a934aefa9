package dev.fluxion;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field of a model whose numbers are data or hyper-parameters, not parameters: a gradient
 * with respect to the model ({@link Fluxion#modelGradient}) reads it as a constant and gives it no
 * derivative: the gradient object's field is left as it is (zeros in one that
 * {@code ModelGradient.gradient(model)} makes). For a training batch the model holds, a learning
 * rate, a temperature fixed by the user.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface NoDerivative {
}
