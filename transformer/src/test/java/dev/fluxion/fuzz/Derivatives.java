package dev.fluxion.fuzz;

import dev.fluxion.Fluxion;
import dev.fluxion.GradientFunction;
import dev.fluxion.Hessian;
import dev.fluxion.ScalarFunction;
import dev.fluxion.TangentFunction;

/**
 * The derivatives of one function that the {@link Oracle} compares, behind an interface so that a
 * test can hand the oracle deliberately wrong ones ({@link OracleMutantTest}) and see them caught.
 */
interface Derivatives {
    /** The primal: the function as javac compiled it, untouched by Fluxion. */
    double primal(double[] x);

    /** Reverse mode: fills {@code gradOut}, returns the value. */
    double valueAndGradient(double[] x, double[] gradOut);

    /** Forward mode, one direction per sweep: {@code grad f . v} into {@code out[0]}, returns the value. */
    double valueAndJvp(double[] x, double[] v, double[] out);

    /** Vector forward mode: the gradient by sweeps that carry up to eight directions each. */
    double[] vectorForwardGradient(double[] x);

    /** {@code H(x) v}, reverse over forward. */
    double[] hvp(double[] x, double[] v);

    /** Fluxion's derivatives of {@code f}, bound when first used (binding a missing one throws then). */
    static Derivatives of(ScalarFunction f) {
        return new Derivatives() {
            private GradientFunction gradient;
            private TangentFunction tangent;
            private Hessian hessian;

            @Override
            public double primal(double[] x) {
                return f.apply(x);
            }

            @Override
            public double valueAndGradient(double[] x, double[] gradOut) {
                if (gradient == null) {
                    gradient = Fluxion.gradient(f);
                }
                return gradient.valueAndGradient(x, gradOut);
            }

            @Override
            public double valueAndJvp(double[] x, double[] v, double[] out) {
                return tangent().valueAndJvp(x, v, out);
            }

            @Override
            public double[] vectorForwardGradient(double[] x) {
                return tangent().gradient(x);
            }

            private TangentFunction tangent() {
                if (tangent == null) {
                    tangent = Fluxion.tangent(f);
                }
                return tangent;
            }

            @Override
            public double[] hvp(double[] x, double[] v) {
                if (hessian == null) {
                    hessian = Fluxion.hessian(f);
                }
                return hessian.hvp(x, v);
            }
        };
    }
}
