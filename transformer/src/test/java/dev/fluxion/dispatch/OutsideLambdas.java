package dev.fluxion.dispatch;

import dev.fluxion.Differentiable;
import dev.fluxion.ScalarFunction;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;

/**
 * Lambdas and method references made outside the differentiated code, as a Java developer passes
 * them: an activation given to a neuron's constructor ({@code Math::tanh}, a lambda capturing a
 * sharpness), the right-hand side of an ODE given to a simulator, a response made by another
 * object's method (capturing {@code this}), a method reference bound to an object, a JDK method of
 * two arguments. The differentiated methods only call them; which code runs is known when the call
 * runs, from the lambda's class.
 */
public final class OutsideLambdas {
    private OutsideLambdas() {
    }

    /** A neuron whose activation is whatever function it is given. */
    public static final class Neuron {
        private final DoubleUnaryOperator activation;
        private final double[] inputs;

        public Neuron(DoubleUnaryOperator activation, double... inputs) {
            this.activation = activation;
            this.inputs = inputs;
        }

        /** The output for weights {@code w}, the last one a bias. */
        @Differentiable
        public double output(double[] w) {
            double z = w[inputs.length];
            for (int i = 0; i < inputs.length; i++) {
                z += w[i] * inputs[i];
            }
            return activation.applyAsDouble(z);
        }
    }

    public static final double[] INPUTS = {0.5, -1.0, 2.0};

    /** A neuron with {@code Math::tanh}. */
    public static ScalarFunction tanhNeuron() {
        return new Neuron(Math::tanh, INPUTS)::output;
    }

    /** A neuron with a softplus of the given sharpness: a lambda capturing it. */
    public static ScalarFunction softplusNeuron(double sharpness) {
        DoubleUnaryOperator softplus = z -> Math.log1p(Math.exp(sharpness * z)) / sharpness;
        return new Neuron(softplus, INPUTS)::output;
    }

    /** The right-hand side of {@code y' = f(t, y)}, written into {@code dy}. */
    public interface Rhs {
        void eval(double t, double[] y, double[] dy);
    }

    /** Explicit Euler steps of whatever system it is given. */
    public static final class Simulator {
        private final Rhs rhs;
        private final double h;
        private final int steps;

        public Simulator(Rhs rhs, double h, int steps) {
            this.rhs = rhs;
            this.h = h;
            this.steps = steps;
        }

        /** The first component of the state after the steps, from the initial state {@code y0}. */
        @Differentiable
        public double finalPosition(double[] y0) {
            double[] y = y0.clone();
            double[] dy = new double[y.length];
            for (int s = 0; s < steps; s++) {
                rhs.eval(s * h, y, dy);
                for (int i = 0; i < y.length; i++) {
                    y[i] += h * dy[i];
                }
            }
            return y[0];
        }
    }

    /** A damped oscillator's right-hand side: a lambda capturing its stiffness and damping. */
    public static Rhs oscillator(double k, double c) {
        return (t, y, dy) -> {
            dy[0] = y[1];
            dy[1] = -k * y[0] - c * y[1];
        };
    }

    /** The oscillator's final position, stiffness 4 and damping 0.5, 300 steps of 0.01. */
    public static ScalarFunction oscillatorPosition() {
        return new Simulator(oscillator(4, 0.5), 0.01, 300)::finalPosition;
    }

    /** A damper whose response to a velocity is a lambda made by its method, capturing the damper. */
    public static final class Damper {
        private final double gain;

        public Damper(double gain) {
            this.gain = gain;
        }

        public DoubleUnaryOperator response() {
            return v -> gain * v * Math.abs(v);
        }

        public double stiffness(double x) {
            return gain * x * x * x;
        }
    }

    /** A sum of a function of each input, the function given by the caller. */
    public static final class Summed {
        private final DoubleUnaryOperator f;

        public Summed(DoubleUnaryOperator f) {
            this.f = f;
        }

        @Differentiable
        public double total(double[] x) {
            double s = 0;
            for (double v : x) {
                s += f.applyAsDouble(v);
            }
            return s;
        }
    }

    /** {@code sum gain * v |v|}: the damper's response, a lambda capturing {@code this}. */
    public static ScalarFunction quadraticDrag(double gain) {
        return new Summed(new Damper(gain).response())::total;
    }

    /** {@code sum gain * x^3}: a method reference bound to the damper. */
    public static ScalarFunction boundStiffness(double gain) {
        return new Summed(new Damper(gain)::stiffness)::total;
    }

    /** A sum written once for any function, {@code @Differentiable} itself, given a lambda made here and one from outside. */
    public static final class Sums {
        private final DoubleUnaryOperator weight;

        public Sums(DoubleUnaryOperator weight) {
            this.weight = weight;
        }

        @Differentiable
        static double sumOf(DoubleUnaryOperator f, double[] x) {
            double s = 0;
            for (double v : x) {
                s += f.applyAsDouble(v);
            }
            return s;
        }

        /** {@code p0 * sum p_i^2 + sum weight(p_i)}: the lambda captures {@code p0}, a differentiated value. */
        @Differentiable
        public double weighted(double[] p) {
            double k = p[0];
            return sumOf(v -> k * v * v, p) + sumOf(weight, p);
        }
    }

    /** {@link Sums#weighted} with the weight {@code gain * v^3}. */
    public static ScalarFunction weightedSums(double gain) {
        return new Sums(new Damper(gain)::stiffness)::weighted;
    }

    /** A response with a default method that calls the interface's own method twice. */
    public interface Response {
        double at(double v);

        @Differentiable
        default double twice(double v) {
            return at(at(v));
        }
    }

    /** Calls the given response's default method and its own method, on a lambda. */
    public static final class Chained {
        private final Response response;

        public Chained(Response response) {
            this.response = response;
        }

        @Differentiable
        public double run(double[] x) {
            return response.twice(x[0]) + response.at(x[1]);
        }
    }

    /** {@code r(r(x0)) + r(x1)} with {@code r(v) = k v^2}: a default method on a lambda runs the interface's code. */
    public static ScalarFunction chainedResponse(double k) {
        return new Chained(v -> k * v * v)::run;
    }

    /** A distance between consecutive inputs, measured by the function given. */
    public static final class Path {
        private final DoubleBinaryOperator metric;

        public Path(DoubleBinaryOperator metric) {
            this.metric = metric;
        }

        @Differentiable
        public double length(double[] x) {
            double s = 0;
            for (int i = 0; i + 1 < x.length; i++) {
                s += metric.applyAsDouble(x[i], x[i + 1]);
            }
            return s;
        }
    }

    /** {@code sum hypot(x_i, x_i+1)}: {@code Math::hypot}, a JDK method of two arguments. */
    public static ScalarFunction hypotPath() {
        return new Path(Math::hypot)::length;
    }

    /** Functions made elsewhere: by the JDK, or two of one shape in one class. */
    public static final class Made {
        private Made() {
        }

        /** A composition the JDK made ({@code andThen}): its lambda is in {@code DoubleUnaryOperator}, not readable. */
        public static ScalarFunction composed() {
            DoubleUnaryOperator square = v -> v * v;
            return new Summed(square.andThen(Math::exp))::total;
        }

        /** {@code Math::sin} or {@code Math::cos}: lambdas of one shape, told apart only by the lambda class's constant pool. */
        public static ScalarFunction chosen(boolean sine) {
            DoubleUnaryOperator f = sine ? Math::sin : Math::cos;
            return new Summed(f)::total;
        }
    }

    /** A function of a whole array, through a generic interface: the array is passed as an {@code Object}. */
    public static final class Norm {
        private final ToDoubleFunction<double[]> norm;

        public Norm(ToDoubleFunction<double[]> norm) {
            this.norm = norm;
        }

        @Differentiable
        public double of(double[] x) {
            return norm.applyAsDouble(x);
        }
    }

    public static ScalarFunction genericNorm() {
        return new Norm(v -> Math.sqrt(v[0] * v[0] + v[1] * v[1]))::of;
    }
}
