package dev.fluxion;

import dev.fluxion.internal.AdjointLinker;
import dev.fluxion.internal.BoundScalarAdjoint;
import dev.fluxion.internal.BoundScalarHvp;
import dev.fluxion.internal.BoundScalarTangent;
import dev.fluxion.internal.Closures;
import dev.fluxion.internal.ModelForward;
import dev.fluxion.internal.ModelHvp;
import dev.fluxion.internal.Naming;
import dev.fluxion.internal.ScalarAdjoint;
import dev.fluxion.internal.ScalarHvp;
import dev.fluxion.internal.ScalarTangent;
import dev.fluxion.internal.Tape;
import dev.fluxion.internal.TransformationLog;
import dev.fluxion.internal.UnaryAdjoint;
import dev.fluxion.internal.UnaryHvp;
import dev.fluxion.internal.UnaryTangent;
import dev.fluxion.internal.VectorAdjoint;
import dev.fluxion.internal.VectorForward;
import dev.fluxion.internal.VectorTangent;
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
 * transformed (by the Java agent or the build-time plugin), or is generated when first asked for if
 * {@code fluxion.jar} is on the class path ({@link dev.fluxion.internal.OnDemand}); these methods
 * only find and bind it, once. If it is missing, they throw a {@link FluxionException} that says why and what to do.
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
                + "A @GradientOf method gets its body from the agent or the build-time plugin, which can replace a "
                + "method's code; derivatives generated on demand cannot (ask for them with Fluxion.gradient instead). "
                + "Run with -javaagent:fluxion-agent.jar, or transform the classes at build time with the "
                + "fluxion-maven-plugin.");
    }

    /**
     * The gradient of {@code f}, a reference to a {@code @Differentiable static double f(double[])},
     * or to such an instance method of an object ({@code model::loss}; fields of the object are
     * read as constants).
     */
    public static GradientFunction gradient(ScalarFunction f) {
        if (AdjointLinker.isClosure(f)) { // p -> loss(data, p): the lambda's body, what it captured fixed
            return new ReverseGradient(Closures.adjoint(f));
        }
        Object receiver = AdjointLinker.receiver(f);
        if (receiver != null) { // model::loss, an instance method bound to its object
            BoundScalarAdjoint bound = AdjointLinker.link(f, "([D)D", BoundScalarAdjoint.class);
            return new ReverseGradient((x, xBar, seed, tape) -> bound.adjoint(receiver, x, xBar, seed, tape));
        }
        return new ReverseGradient(AdjointLinker.link(f, "([D)D", ScalarAdjoint.class));
    }

    /**
     * The gradient of {@code f} with respect to a model object's numbers, in the model's structure:
     * {@code f} is {@code Model::loss} for a {@code @Differentiable double loss()} of the model's
     * class, or for a {@code @Differentiable static double loss(Model m)}. The loss reads the
     * model's {@code double}, {@code double[]} and {@code double[][]} fields, and those of objects
     * the model holds in fields, arrays and lists, directly or in helpers Fluxion inlines.
     *
     * <pre>{@code
     * ModelGradient<Mlp> g = Fluxion.modelGradient(Mlp::loss);
     * Mlp grad = g.gradient(net);              // grad.hidden.w[i][j] = d loss / d net.hidden.w[i][j]
     * }</pre>
     */
    public static <M> ModelGradient<M> modelGradient(ModelFunction<M> f) {
        return new ModelGradient<>(AdjointLinker.linkModel(f));
    }

    /**
     * Forward mode with respect to a model object (see {@link #modelGradient} for {@code f}): the
     * derivative of the loss along a direction of the model's shape, an object of its class whose
     * numbers are the direction's components, by one tangent sweep.
     *
     * <pre>{@code
     * double d = Fluxion.modelTangent(Mlp::loss).jvp(net, direction);   // = gradient . direction
     * }</pre>
     */
    public static <M> ModelTangent<M> modelTangent(ModelFunction<M> f) {
        return new ModelTangent<>(AdjointLinker.linkModel(f, Naming::modelTangentBinderName, ModelForward.class));
    }

    /**
     * Second derivatives with respect to a model object (see {@link #modelGradient} for {@code f}):
     * Hessian-vector products {@code H v} with {@code v} of the model's shape, returned in the
     * model's shape, reverse over forward.
     *
     * <pre>{@code
     * Mlp hv = Fluxion.modelHessian(Mlp::loss).hvp(net, v);              // hv.hidden.w: (H v) there
     * }</pre>
     */
    public static <M> ModelHessian<M> modelHessian(ModelFunction<M> f) {
        return new ModelHessian<>(AdjointLinker.linkModel(f, Naming::modelHvpBinderName, ModelHvp.class));
    }

    /**
     * The derivative of {@code f}, a reference to a {@code @Differentiable static double f(double)},
     * in forward mode: one tangent sweep per evaluation.
     */
    public static DoubleUnaryOperator derivative(UnaryFunction f) {
        return new ForwardDerivative(AdjointLinker.isClosure(f) ? Closures.unaryTangent(f)
                : AdjointLinker.linkTangent(f, "(D)D", UnaryTangent.class));
    }

    /** The same derivative in reverse mode (one adjoint sweep): equal to {@link #derivative} to round-off. */
    public static DoubleUnaryOperator reverseDerivative(UnaryFunction f) {
        return new ReverseDerivative(AdjointLinker.isClosure(f) ? Closures.unaryAdjoint(f)
                : AdjointLinker.link(f, "(D)D", UnaryAdjoint.class));
    }

    /**
     * Forward mode for {@code f}, a reference to a {@code @Differentiable static double f(double[])},
     * or to such an instance method of an object: directional derivatives by one tangent sweep each.
     */
    public static TangentFunction tangent(ScalarFunction f) {
        if (AdjointLinker.isClosure(f)) {
            return new ForwardTangent(Closures.tangent(f), null);
        }
        Object receiver = AdjointLinker.receiver(f);
        if (receiver != null) { // model::loss, an instance method bound to its object
            BoundScalarTangent bound = AdjointLinker.linkTangent(f, "([D)D", BoundScalarTangent.class);
            return new ForwardTangent((x, xDot, tape) -> bound.tangent(receiver, x, xDot, tape), null);
        }
        ScalarTangent one = AdjointLinker.linkTangent(f, "([D)D", ScalarTangent.class);
        return new ForwardTangent(one, new VectorForward.OfScalar(f, one));
    }

    /** The derivative of {@code f} at {@code x} along {@code v}, {@code grad f(x) . v}, by one forward sweep. */
    public static double jvp(ScalarFunction f, double[] x, double[] v) {
        return tangent(f).jvp(x, v);
    }

    /**
     * The Jacobian-vector product {@code J(x) v} of {@code f} (see {@link #jacobian}) with
     * {@code outputs} outputs, by one forward sweep.
     */
    public static double[] jvp(VectorFunction f, double[] x, double[] v, int outputs) {
        return jacobian(f, outputs).jvp(x, v);
    }

    /**
     * Second derivatives of {@code f}, a reference to a {@code @Differentiable static double
     * f(double[])} or to such an instance method of an object: Hessian-vector products and the dense
     * Hessian, reverse over forward.
     */
    public static Hessian hessian(ScalarFunction f) {
        if (AdjointLinker.isClosure(f)) { // p -> loss(data, p): the lambda's body, what it captured fixed
            return new ReverseOverForward(Closures.hvp(f));
        }
        Object receiver = AdjointLinker.receiver(f);
        if (receiver != null) { // model::loss, an instance method bound to its object
            BoundScalarHvp bound = AdjointLinker.linkHvp(f, "([D)D", BoundScalarHvp.class);
            return new ReverseOverForward((x, v, xBar, vBar, seed, tape) -> bound.hvp(receiver, x, v, xBar, vBar, seed, tape));
        }
        return new ReverseOverForward(AdjointLinker.linkHvp(f, "([D)D", ScalarHvp.class));
    }

    /** The second derivative of {@code f}, a reference to a {@code @Differentiable static double f(double)}. */
    public static DoubleUnaryOperator secondDerivative(UnaryFunction f) {
        UnaryHvp hvp = AdjointLinker.isClosure(f) ? Closures.unaryHvp(f) : AdjointLinker.linkHvp(f, "(D)D", UnaryHvp.class);
        return x -> {
            Tape tape = Tape.current();
            tape.enter();
            try {
                hvp.hvp(x, 1.0, 1.0, tape);
                tape.popDouble(); // the adjoint of the direction: f'(x)
                return tape.popDouble();
            } catch (RuntimeException | Error e) {
                throw abandoned(tape, e);
            } finally {
                tape.leave();
            }
        };
    }

    /**
     * The Jacobian of {@code f}, a reference to a {@code @Differentiable static void f(double[] in,
     * double[] out)} with {@code outputs} outputs: one reverse sweep per output row, or, when there
     * are fewer inputs than outputs, forward sweeps that carry up to eight input columns each, as
     * many as there are columns (vector forward mode).
     */
    public static Jacobian jacobian(VectorFunction f, int outputs) {
        if (outputs < 0) {
            throw new IllegalArgumentException("outputs must be >= 0, not " + outputs);
        }
        if (AdjointLinker.isClosure(f)) { // (p, out) -> residuals(data, p, out): the lambda's body, what it captured fixed
            VectorTangent closure = Closures.vectorTangent(f);
            return new VectorJacobian(Closures.vectorAdjoint(f), closure, new VectorForward.OfVector(f, closure, outputs),
                    outputs);
        }
        VectorTangent one = AdjointLinker.linkTangent(f, "([D[D)V", VectorTangent.class);
        return new VectorJacobian(AdjointLinker.link(f, "([D[D)V", VectorAdjoint.class), one,
                new VectorForward.OfVector(f, one, outputs), outputs);
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
    private static RuntimeException abandoned(Tape tape, Throwable e) {
        tape.unwindToMark();
        return explained(e);
    }

    /**
     * A linkage error from a callee's missing adjoint becomes the callee's own diagnostic; one from
     * linking a callee's derivative on demand ({@code OnDemand.derivative}) carries it as its cause.
     */
    private static RuntimeException explained(Throwable e) {
        if (e instanceof BootstrapMethodError && e.getCause() instanceof FluxionException f) {
            return new FluxionException(f.getMessage(), e);
        }
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
            tape.enter();
            try {
                return adjoint.adjoint(x, gradOut, 1.0, tape);
            } catch (RuntimeException | Error e) {
                throw abandoned(tape, e);
            } finally {
                tape.leave();
            }
        }
    }

    private record VectorJacobian(VectorAdjoint adjoint, VectorTangent tangent, VectorForward.OfVector columns, int outputs)
            implements Jacobian {
        @Override
        public void at(double[] x, double[][] jOut) {
            if (jOut.length != outputs) {
                throw new IllegalArgumentException("jOut has " + jOut.length + " rows, the function " + outputs + " outputs");
            }
            if (x.length < outputs) { // fewer columns than rows: forward sweeps, several columns each
                for (int row = 0; row < outputs; row++) {
                    if (jOut[row].length != x.length) {
                        throw new IllegalArgumentException("row " + row + " of jOut has length " + jOut[row].length
                                + ", x has length " + x.length);
                    }
                }
                try {
                    columns.jacobian(x, jOut);
                } catch (RuntimeException | Error e) {
                    throw explained(e); // the tape is unwound
                }
                return;
            }
            for (int row = 0; row < outputs; row++) {
                if (jOut[row].length != x.length) {
                    throw new IllegalArgumentException("row " + row + " of jOut has length " + jOut[row].length
                            + ", x has length " + x.length);
                }
            }
            // one reverse sweep per row, on the tape's work arrays and within one mark
            Tape tape = Tape.current();
            double[] in = tape.workArray(0, x.length);
            double[] out = tape.workArray(1, outputs);
            double[] seed = tape.workArray(2, outputs);
            tape.enter();
            try {
                for (int row = 0; row < outputs; row++) {
                    Arrays.fill(seed, 0.0);
                    seed[row] = 1.0;
                    reverseSweep(x, seed, jOut[row], in, out, tape);
                }
            } catch (RuntimeException | Error e) {
                throw abandoned(tape, e);
            } finally {
                tape.leave();
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
            Tape tape = Tape.current();
            double[] in = tape.workArray(0, x.length);
            double[] out = tape.workArray(1, outputs);
            double[] seedCopy = tape.workArray(2, outputs);
            System.arraycopy(seed, 0, seedCopy, 0, outputs);
            tape.enter();
            try {
                reverseSweep(x, seedCopy, vjpOut, in, out, tape);
            } catch (RuntimeException | Error e) {
                throw abandoned(tape, e);
            } finally {
                tape.leave();
            }
        }

        /**
         * {@code J^T seed} into {@code vjpOut} by one reverse sweep, on a copy of {@code x} in
         * {@code in} (the function may write its input; x stays as it was) and a zeroed {@code out};
         * {@code seed} is consumed.
         */
        private void reverseSweep(double[] x, double[] seed, double[] vjpOut, double[] in, double[] out, Tape tape) {
            System.arraycopy(x, 0, in, 0, x.length);
            Arrays.fill(out, 0.0); // the function sees a fresh output array, as in a call of its own
            Arrays.fill(vjpOut, 0.0);
            adjoint.adjoint(in, out, vjpOut, seed, tape);
        }

        @Override
        public void jvp(double[] x, double[] v, double[] jvpOut) {
            if (v.length != x.length) {
                throw new IllegalArgumentException("v has length " + v.length + ", x has length " + x.length);
            }
            if (jvpOut.length != outputs) {
                throw new IllegalArgumentException("jvpOut has length " + jvpOut.length + ", the function " + outputs
                        + " outputs");
            }
            Arrays.fill(jvpOut, 0.0);
            Tape tape = Tape.current();
            double[] xCopy = tape.workArray(0, x.length);
            double[] value = tape.workArray(1, outputs);
            double[] vCopy = tape.workArray(2, x.length);
            System.arraycopy(x, 0, xCopy, 0, x.length);
            Arrays.fill(value, 0.0);
            System.arraycopy(v, 0, vCopy, 0, x.length);
            tape.enter();
            try {
                tangent.tangent(xCopy, value, vCopy, jvpOut, tape);
            } catch (RuntimeException | Error e) {
                throw abandoned(tape, e);
            } finally {
                tape.leave();
            }
        }
    }

    private record ReverseOverForward(ScalarHvp hvp) implements Hessian {
        @Override
        public void hvp(double[] x, double[] v, double[] hvpOut) {
            if (v.length != x.length || hvpOut.length != x.length) {
                throw new IllegalArgumentException("x, v and hvpOut must have one length, not " + x.length + ", " + v.length
                        + " and " + hvpOut.length);
            }
            java.util.Arrays.fill(hvpOut, 0.0);
            Tape tape = Tape.current();
            tape.enter();
            try {
                hvp.hvp(x.clone(), v.clone(), hvpOut, new double[x.length], 1.0, tape);
            } catch (RuntimeException | Error e) {
                throw abandoned(tape, e);
            } finally {
                tape.leave();
            }
        }
    }

    /** {@code vector}, the tangents of several lanes, is {@code null} where there are none (instance methods). */
    private record ForwardTangent(ScalarTangent tangent, VectorForward.OfScalar vector) implements TangentFunction {
        /** Vector forward mode: each sweep carries several unit directions and gives as many components. */
        @Override
        public double[] gradient(double[] x) {
            if (vector == null) {
                return TangentFunction.super.gradient(x);
            }
            try {
                return vector.gradient(x);
            } catch (RuntimeException | Error e) {
                throw explained(e); // the tape is unwound
            }
        }

        @Override
        public double valueAndJvp(double[] x, double[] v, double[] jvpOut) {
            if (v.length != x.length) {
                throw new IllegalArgumentException("v has length " + v.length + ", x has length " + x.length);
            }
            Tape tape = Tape.current();
            tape.enter();
            try {
                double value = tangent.tangent(x, v, tape); // bound to a copy-first bridge if f writes its input
                jvpOut[0] = tape.popDouble();
                return value;
            } catch (RuntimeException | Error e) {
                throw abandoned(tape, e);
            } finally {
                tape.leave();
            }
        }
    }

    private record ForwardDerivative(UnaryTangent tangent) implements DoubleUnaryOperator {
        @Override
        public double applyAsDouble(double x) {
            Tape tape = Tape.current();
            tape.enter();
            try {
                tangent.tangent(x, 1.0, tape);
                return tape.popDouble();
            } catch (RuntimeException | Error e) {
                throw abandoned(tape, e);
            } finally {
                tape.leave();
            }
        }
    }

    private record ReverseDerivative(UnaryAdjoint adjoint) implements DoubleUnaryOperator {
        @Override
        public double applyAsDouble(double x) {
            Tape tape = Tape.current();
            tape.enter();
            try {
                adjoint.adjoint(x, 1.0, tape);
                return tape.popDouble();
            } catch (RuntimeException | Error e) {
                throw abandoned(tape, e);
            } finally {
                tape.leave();
            }
        }
    }
}
