package dev.fluxion.hipparchus;

import dev.fluxion.Fluxion;
import dev.fluxion.Jacobian;
import dev.fluxion.VectorFunction;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.ValueAndJacobianFunction;
import org.hipparchus.util.Pair;

/**
 * A {@code @Differentiable} vector function {@code void residuals(double[] p, double[] r)} and its
 * Jacobian, as the model of a Hipparchus least-squares problem, for {@code LevenbergMarquardtOptimizer}
 * and {@code GaussNewtonOptimizer}:
 *
 * <pre>{@code
 * LeastSquaresProblem problem = FluxionLeastSquares.of(Misra1a::residuals, 14).builder()
 *         .start(new double[] {500, 1e-4}).maxEvaluations(1000).maxIterations(1000).build();
 * Optimum fit = new LevenbergMarquardtOptimizer().optimize(problem);
 * }</pre>
 *
 * The Jacobian is Fluxion's ({@link Fluxion#jacobian}): exact, by forward sweeps of up to eight
 * columns each when there are fewer parameters than residuals (the usual case in curve fitting), by reverse
 * sweeps of one row each otherwise. It is bound once, when this object is made; no look-up per call.
 *
 * <p>Hipparchus minimises {@code |target - value(p)|^2}. {@link #builder()} sets the target to zeros,
 * for a function that computes residuals; for one that computes a model's predictions, set the
 * observations as the target instead ({@code builder().target(y)}), and the fit is the same.
 *
 * <p>Implements {@link ValueAndJacobianFunction}, so that {@code LeastSquaresBuilder.lazyEvaluation(true)}
 * works too. Immutable and thread-safe, as the runtime's {@link Jacobian} is. Each evaluation allocates
 * the vector and the matrix it returns, which Hipparchus keeps.
 */
public final class FluxionLeastSquares implements ValueAndJacobianFunction {
    private final VectorFunction function;
    private final Jacobian jacobian;

    private FluxionLeastSquares(VectorFunction function, Jacobian jacobian) {
        this.function = function;
        this.jacobian = jacobian;
    }

    /**
     * The model {@code f}, a reference to a {@code @Differentiable static void f(double[] p, double[] out)}
     * that writes {@code outputs} values into {@code out}. Fails at once, with Fluxion's explanation,
     * if the method's class was not transformed.
     */
    public static FluxionLeastSquares of(VectorFunction f, int outputs) {
        return new FluxionLeastSquares(f, Fluxion.jacobian(f, outputs));
    }

    /** The number of values {@code f} writes: the residuals, or observations. */
    public int outputs() {
        return jacobian.outputs();
    }

    /**
     * A builder with this model and a zero target, so that the problem minimises the sum of squares
     * of {@code f}'s outputs; add the start point, limits, weights as for any Hipparchus problem.
     */
    public LeastSquaresBuilder builder() {
        return new LeastSquaresBuilder().model(this).target(new double[outputs()]);
    }

    @Override
    public Pair<RealVector, RealMatrix> value(RealVector point) {
        double[] p = point.toArray();
        return new Pair<>(computeValue(p), computeJacobian(p));
    }

    /** {@code f(p)}, computed on a copy of {@code p} into a fresh array (as Fluxion's Jacobian runs it). */
    @Override
    public RealVector computeValue(double[] params) {
        double[] out = new double[outputs()];
        function.apply(params.clone(), out);
        return new ArrayRealVector(out, false);
    }

    /** The {@code outputs x p.length} Jacobian {@code d out[i] / d p[j]} at {@code p}; {@code p} is not modified. */
    @Override
    public RealMatrix computeJacobian(double[] params) {
        double[][] j = new double[outputs()][params.length];
        jacobian.at(params, j);
        return new Array2DRowRealMatrix(j, false);
    }
}
