package dev.fluxion.hipparchus;

import dev.fluxion.Fluxion;
import dev.fluxion.GradientFunction;
import dev.fluxion.ScalarFunction;
import org.hipparchus.analysis.MultivariateFunction;
import org.hipparchus.analysis.MultivariateVectorFunction;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunctionGradient;

/**
 * A {@code @Differentiable} scalar function and its reverse-mode gradient, in the shapes Hipparchus's
 * gradient-based optimisers take:
 *
 * <pre>{@code
 * FluxionObjective rosenbrock = FluxionObjective.of(Model::rosenbrock);
 * PointValuePair minimum = new NonLinearConjugateGradientOptimizer(Formula.POLAK_RIBIERE, checker)
 *         .optimize(rosenbrock.objectiveFunction(), rosenbrock.objectiveFunctionGradient(),
 *                 GoalType.MINIMIZE, new InitialGuess(start), new MaxEval(100_000));
 * }</pre>
 *
 * The gradient is bound once, by {@link Fluxion#gradient}, when the objective is made; each call
 * afterwards is a call of the generated adjoint, with no look-up. Immutable and thread-safe, as
 * the runtime's {@link GradientFunction} is: one instance may serve several optimisers at once.
 */
public final class FluxionObjective {
    private final ScalarFunction function;
    private final GradientFunction gradient;

    private FluxionObjective(ScalarFunction function, GradientFunction gradient) {
        this.function = function;
        this.gradient = gradient;
    }

    /**
     * The objective {@code f}, a reference to a {@code @Differentiable double f(double[])} (static,
     * or an object's instance method, as {@link Fluxion#gradient} takes). Fails at once, with
     * Fluxion's explanation, if the method's class was not transformed.
     */
    public static FluxionObjective of(ScalarFunction f) {
        return new FluxionObjective(f, Fluxion.gradient(f));
    }

    /**
     * {@code f} as a Hipparchus function, for derivative-free optimisers too. It runs {@code f} on a
     * copy of the point: Fluxion's contract leaves the caller's array untouched even when {@code f}
     * writes into its input, and an optimiser's point is its own state.
     */
    public MultivariateFunction function() {
        return point -> function.apply(point.clone());
    }

    /** The gradient of {@code f}, a new array per call, by one reverse sweep (the point is never modified). */
    public MultivariateVectorFunction gradient() {
        return gradient::gradient;
    }

    /** {@link #function()} as the optimisation data {@code GradientMultivariateOptimizer}s read. */
    public ObjectiveFunction objectiveFunction() {
        return new ObjectiveFunction(function());
    }

    /** {@link #gradient()} as the optimisation data {@code GradientMultivariateOptimizer}s read. */
    public ObjectiveFunctionGradient objectiveFunctionGradient() {
        return new ObjectiveFunctionGradient(gradient());
    }
}
