package dev.fluxion.dispatch;

import dev.fluxion.Differentiable;
import dev.fluxion.ScalarFunction;

/**
 * A model whose activation, an interface, is chosen by whoever makes the model: the call through it
 * in the differentiated code meets objects of many classes, among them one whose method is not
 * {@code @Differentiable} and a lambda made outside.
 */
public final class Activations {
    private Activations() {
    }

    public interface Activation {
        double apply(double z);
    }

    public record Tanh() implements Activation {
        @Differentiable
        @Override
        public double apply(double z) {
            return Math.tanh(z);
        }
    }

    public record Sine() implements Activation {
        @Differentiable
        @Override
        public double apply(double z) {
            return Math.sin(z);
        }
    }

    public record Cube() implements Activation {
        @Differentiable
        @Override
        public double apply(double z) {
            return z * z * z;
        }
    }

    public record Exponential() implements Activation {
        @Differentiable
        @Override
        public double apply(double z) {
            return Math.exp(z);
        }
    }

    public record Scaled(double c) implements Activation {
        @Differentiable
        @Override
        public double apply(double z) {
            return c * z;
        }
    }

    public record Rational() implements Activation {
        @Differentiable
        @Override
        public double apply(double z) {
            return z / (1 + z * z);
        }
    }

    /** Its method has no derivative: the call fails when it meets an object of this class. */
    public record Doubling() implements Activation {
        @Override
        public double apply(double z) {
            return 2 * z;
        }
    }

    public static final class Net {
        private final Activation activation;

        Net(Activation activation) {
            this.activation = activation;
        }

        @Differentiable
        public double loss(double[] x) {
            return activation.apply(x[0] * x[1]) + x[1];
        }
    }

    /** Activations 0 to 5 have derivatives; 6 is {@link Doubling}, 7 a lambda. */
    public static Activation activation(int which) {
        return switch (which) {
            case 0 -> new Tanh();
            case 1 -> new Sine();
            case 2 -> new Cube();
            case 3 -> new Exponential();
            case 4 -> new Scaled(-1.5);
            case 5 -> new Rational();
            case 6 -> new Doubling();
            default -> z -> 3 * z;
        };
    }

    /** The loss of a net with activation {@code which}, as the API takes it. */
    public static ScalarFunction loss(int which) {
        return new Net(activation(which))::loss;
    }
}
