package dev.fluxion.models;

import dev.fluxion.Differentiable;

/**
 * A neuron configured as a Java developer writes a configuration: its activation an enum (whose
 * constants carry a gain), a penalty a record of a count, a flag, a name and a weight, its shape a
 * record of counts and an enum, and a name. Only {@code w}, {@code b} and the penalty's weight are
 * numbers of the model; the rest is data, to be shared, never copied, by the objects made in the
 * model's structure.
 */
public class Activated {
    public enum Activation {
        TANH(1.0), SQUARE(0.5), SOFTPLUS(2.0);

        public final double gain;

        Activation(double gain) {
            this.gain = gain;
        }
    }

    public record Penalty(int power, boolean enabled, String name, double weight) {
    }

    public record Shape(int inputs, int[] dims, Activation kind) {
    }

    public double w;
    public double b;
    public Activation activation;
    public final Penalty penalty;
    public final Shape shape;
    public final String name = "neuron";

    public Activated(Activation activation, double w, double b, Penalty penalty) {
        this.activation = activation;
        this.w = w;
        this.b = b;
        this.penalty = penalty;
        this.shape = new Shape(1, new int[] {1}, activation);
    }

    /** The activation of {@code w x + b} at {@code x = 1.5}, plus {@code weight w^power} if the penalty is enabled. */
    @Differentiable
    public double loss() {
        double z = w * 1.5 * shape.inputs() * shape.dims()[0] + b;
        double a;
        switch (activation) {
            case TANH:
                a = Math.tanh(z);
                break;
            case SQUARE:
                a = z * z;
                break;
            default:
                a = Math.log1p(Math.exp(z));
        }
        double p = penalty.enabled() ? penalty.weight() * Math.pow(w, penalty.power()) : 0;
        return activation.gain * a + p;
    }
}
