package dev.fluxion.transformer.rules;

import java.util.Arrays;
import java.util.List;

/**
 * How to differentiate a call to a library function: one {@link Partial} per argument, or
 * {@code null} where the partial derivative is zero everywhere (floor, signum, the sign operand
 * of copySign).
 */
public record DerivativeRule(List<Partial> partials) {

    /** Marks the primal result among a partial's inputs. */
    public static final int RESULT = -1;

    public static DerivativeRule of(Partial... partials) {
        return new DerivativeRule(Arrays.asList(partials));
    }

    /** The partial for argument {@code i}, or {@code null} if it is zero. */
    public Partial partial(int i) {
        return partials.get(i);
    }

    /**
     * One partial derivative: either a call to {@code dev.fluxion.internal.Derivatives.helper} with
     * the given inputs, or, when {@code helper} is {@code null}, the single input itself (the
     * derivative of {@code exp} is its result). Inputs are argument indices or {@link #RESULT}.
     */
    public record Partial(String helper, int... inputs) {
        public static Partial of(String helper, int... inputs) {
            return new Partial(helper, inputs);
        }

        public static Partial identity(int input) {
            return new Partial(null, input);
        }
    }
}
