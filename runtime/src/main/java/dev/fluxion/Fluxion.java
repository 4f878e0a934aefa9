package dev.fluxion;

import dev.fluxion.internal.AdjointLinker;
import dev.fluxion.internal.BoundScalarAdjoint;
import dev.fluxion.internal.ScalarAdjoint;
import dev.fluxion.internal.Tape;
import dev.fluxion.internal.TransformationLog;
import dev.fluxion.internal.UnaryAdjoint;
import dev.fluxion.internal.VectorAdjoint;
import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * Entry points: derivatives of {@code @Differentiable} methods, named by method references.
 *
 * <pre>{@code
 * GradientFunction g = Fluxion.gradient(Model::loss);
 * double loss = g.valueAndGradient(w, dw);
 * }</pre>
 *
 * The derivative code itself was generated from the method's bytecode when its class was
 * transformed (by the Java agent or the build-time plugin); these methods only find and bind it,
 * once. If it is missing, they throw a {@link FluxionException} that says why and what to do.
 */
public final class Fluxion {
    private Fluxion() {
    }

    /**
     * The body of a {@link GradientOf} method before Fluxion replaces it: {@code throw
     * Fluxion.notTransformed();}. Reached only if the class was not transformed.
     */
    public static FluxionException notTransformed() {
        return new FluxionException("fluxion: this @GradientOf method has no body yet: its class was not transformed. "
                + AdjointLinker.agentHint());
    }

    /**
     * The gradient of {@code f}, a reference to a {@code @Differentiable static double f(double[])},
     * or to such an instance method of an object ({@code model::loss}; fields of the object are
     * read as constants).
     */
    public static GradientFunction gradient(ScalarFunction f) {
        Object receiver = AdjointLinker.receiver(f);
        if (receiver != null) { // model::loss, an instance method bound to its object
            BoundScalarAdjoint bound = AdjointLinker.link(f, "([D)D", BoundScalarAdjoint.class);
            return new ReverseGradient((x, xBar, seed, tape) -> bound.adjoint(receiver, x, xBar, seed, tape));
        }
        return new ReverseGradient(AdjointLinker.link(f, "([D)D", ScalarAdjoint.class));
    }

    /** The derivative of {@code f}, a reference to a {@code @Differentiable static double f(double)}. */
    public static DoubleUnaryOperator derivative(UnaryFunction f) {
        return new ReverseDerivative(AdjointLinker.link(f, "(D)D", UnaryAdjoint.class));
    }

    /**
     * The Jacobian of {@code f}, a reference to a {@code @Differentiable static void f(double[] in,
     * double[] out)} with {@code outputs} outputs. One reverse sweep per output row.
     */
    public static Jacobian jacobian(VectorFunction f, int outputs) {
        if (outputs < 0) {
            throw new IllegalArgumentException("outputs must be >= 0, not " + outputs);
        }
        return new ReverseJacobian(AdjointLinker.link(f, "([D[D)V", VectorAdjoint.class), outputs);
    }

    /**
     * The vector-Jacobian product {@code J(x)^T seed} of {@code f} (see {@link #jacobian}), by one
     * reverse sweep; {@code seed.length} is the number of outputs. For repeated use, resolve
     * {@link #jacobian} once and call {@link Jacobian#vjp}.
     */
    public static double[] vjp(VectorFunction f, double[] x, double[] seed) {
        return jacobian(f, seed.length).vjp(x, seed);
    }

    /**
     * An invocation that ended abruptly (the primal threw mid-sweep) leaves recordings on the tape:
     * drop them, so the thread's tape stays balanced, and rethrow, explained.
     */
    private static RuntimeException abandoned(Tape tape, int doubles, int ints, int longs, int refs, Throwable e) {
        tape.unwind(doubles, ints, longs, refs);
        return explained(e);
    }

    /** A linkage error from a callee's missing adjoint becomes the callee's own diagnostic. */
    private static RuntimeException explained(Throwable e) {
        if (e instanceof LinkageError linkage) {
            String message = TransformationLog.explainMissingAdjoint(linkage);
            if (message != null) {
                return new FluxionException(message, e);
            }
        }
        if (e instanceof RuntimeException r) {
            throw r;
        }
        throw (Error) e;
    }

    private record ReverseGradient(ScalarAdjoint adjoint) implements GradientFunction {
        @Override
        public double valueAndGradient(double[] x, double[] gradOut) {
            if (gradOut.length != x.length) {
                throw new IllegalArgumentException("gradOut has length " + gradOut.length + ", x has length " + x.length);
            }
            if (gradOut == x) {
                throw new IllegalArgumentException("gradOut must not be the input array");
            }
            Arrays.fill(gradOut, 0.0);
            Tape tape = Tape.current();
            int d = tape.doubleHeight();
            int i = tape.intHeight();
            int l = tape.longHeight();
            int r = tape.refHeight();
            try {
                return adjoint.adjoint(x, gradOut, 1.0, tape);
            } catch (RuntimeException | Error e) {
                throw abandoned(tape, d, i, l, r, e);
            }
        }
    }

    private record ReverseJacobian(VectorAdjoint adjoint, int outputs) implements Jacobian {
        @Override
        public void at(double[] x, double[][] jOut) {
            if (jOut.length != outputs) {
                throw new IllegalArgumentException("jOut has " + jOut.length + " rows, the function " + outputs + " outputs");
            }
            double[] seed = new double[outputs];
            for (int i = 0; i < outputs; i++) {
                seed[i] = 1.0;
                vjp(x, seed, jOut[i]);
                seed[i] = 0.0;
            }
        }

        @Override
        public void vjp(double[] x, double[] seed, double[] vjpOut) {
            if (seed.length != outputs) {
                throw new IllegalArgumentException("seed has length " + seed.length + ", the function " + outputs + " outputs");
            }
            if (vjpOut.length != x.length) {
                throw new IllegalArgumentException("vjpOut has length " + vjpOut.length + ", x has length " + x.length);
            }
            Arrays.fill(vjpOut, 0.0);
            double[] in = x.clone(); // the function may write its input; x stays as it was
            Tape tape = Tape.current();
            int d = tape.doubleHeight();
            int i = tape.intHeight();
            int l = tape.longHeight();
            int r = tape.refHeight();
            try {
                adjoint.adjoint(in, new double[outputs], vjpOut, seed.clone(), tape);
            } catch (RuntimeException | Error e) {
                throw abandoned(tape, d, i, l, r, e);
            }
        }
    }

    private record ReverseDerivative(UnaryAdjoint adjoint) implements DoubleUnaryOperator {
        @Override
        public double applyAsDouble(double x) {
            Tape tape = Tape.current();
            int d = tape.doubleHeight();
            int i = tape.intHeight();
            int l = tape.longHeight();
            int r = tape.refHeight();
            try {
                adjoint.adjoint(x, 1.0, tape);
                return tape.popDouble();
            } catch (RuntimeException | Error e) {
                throw abandoned(tape, d, i, l, r, e);
            }
        }
    }
}
