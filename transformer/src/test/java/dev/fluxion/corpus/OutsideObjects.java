package dev.fluxion.corpus;

import dev.fluxion.Differentiable;

/**
 * Calls through interfaces, abstract classes and overridable methods on objects made outside the
 * differentiated code (a field, a parameter, an element of an array held in a field), as a Java
 * developer writes a model: its activation an interface held in a field, records implementing it;
 * potentials of an abstract class; a spring whose subclass overrides its energy. Which method runs
 * is known only when the call runs: each call runs the derivative of the method the object's class
 * runs.
 */
public final class OutsideObjects {
    private OutsideObjects() {
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

    public record Softplus(double sharpness) implements Activation {
        @Differentiable
        @Override
        public double apply(double z) {
            return Math.log1p(Math.exp(sharpness * z)) / sharpness;
        }
    }

    /** A neuron whose activation is chosen when it is made. */
    public static final class Neuron {
        private final Activation activation;
        private final double[] inputs;

        Neuron(Activation activation, double... inputs) {
            this.activation = activation;
            this.inputs = inputs;
        }

        /** The neuron's output for weights {@code w} (the last one a bias). */
        @Differentiable
        double output(double[] w) {
            double z = w[inputs.length];
            for (int i = 0; i < inputs.length; i++) {
                z += w[i] * inputs[i];
            }
            return activation.apply(z); // a field: the class of its object is not known here
        }
    }

    static final double[] INPUTS = {0.5, -1.0, 2.0};
    static final Neuron TANH_NEURON = new Neuron(new Tanh(), INPUTS);
    static final Neuron SOFTPLUS_NEURON = new Neuron(new Softplus(2), INPUTS);

    /** Two neurons of one class, each with its own activation, summed and squared against a target. */
    @Differentiable
    public static double twoNeurons(double[] w) {
        double r = TANH_NEURON.output(w) + SOFTPLUS_NEURON.output(w) - 0.7;
        return r * r;
    }

    static final Activation SHARED = new Softplus(0.5);

    /** An activation held in a static field, called in a loop with values of the inputs. */
    @Differentiable
    public static double sharedActivation(double[] x) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += SHARED.apply(x[i] * (i + 1));
        }
        return s;
    }

    /** A pair potential: its energy at distance r, and a force derived from it by the program. */
    public abstract static class Potential {
        abstract double energy(double r);
    }

    public static final class Harmonic extends Potential {
        private final double k;
        private final double rest;

        Harmonic(double k, double rest) {
            this.k = k;
            this.rest = rest;
        }

        @Differentiable
        @Override
        double energy(double r) {
            return 0.5 * k * (r - rest) * (r - rest);
        }
    }

    public static final class Morse extends Potential {
        private final double depth;
        private final double width;

        Morse(double depth, double width) {
            this.depth = depth;
            this.width = width;
        }

        @Differentiable
        @Override
        double energy(double r) {
            double e = 1 - Math.exp(-width * (r - 1));
            return depth * e * e;
        }
    }

    /** Potentials of two classes in an array from outside: each element's class is found when its call runs. */
    static final Potential[] BONDS = {new Harmonic(3, 1), new Morse(2, 1.5), new Harmonic(0.5, 2)};

    /** The energy of a chain of atoms at positions x, bond i between atoms i and i + 1. */
    @Differentiable
    public static double chainEnergy(double[] x) {
        double e = 0;
        for (int i = 0; i + 1 < x.length; i++) {
            e += BONDS[i % BONDS.length].energy(x[i + 1] - x[i]);
        }
        return e;
    }

    /** A spring whose subclass overrides its energy: a call names Spring.energy, the object's class runs its own. */
    public static class Spring {
        @Differentiable
        public double energy(double stretch) {
            return stretch * stretch;
        }
    }

    public static class StiffeningSpring extends Spring {
        @Differentiable
        @Override
        public double energy(double stretch) {
            return stretch * stretch + 0.25 * stretch * stretch * stretch * stretch;
        }
    }

    static final Spring[] SPRINGS = {new Spring(), new StiffeningSpring()};

    /** Each spring stretched by x[i] - 1: the plain one's energy, then the stiffening one's. */
    @Differentiable
    public static double springs(double[] x) {
        return energyOf(SPRINGS[0], x[0] - 1) + energyOf(SPRINGS[1], x[1] - 1);
    }

    /** A helper given the object as a parameter. */
    @Differentiable
    static double energyOf(Spring s, double stretch) {
        return s.energy(stretch);
    }

    /** A loss pluggable by the data it takes: a generic interface, whose implementation javac reaches through a bridge. */
    public interface Objective<D> {
        double value(double[] w, D data);
    }

    public record Samples(double[] t, double[] y) {
    }

    /** Exponential decay {@code w0 exp(-w1 t)} fitted to samples. */
    public static final class Decay implements Objective<Samples> {
        @Differentiable
        @Override
        public double value(double[] w, Samples s) {
            double sum = 0;
            for (int i = 0; i < s.t().length; i++) {
                double r = w[0] * Math.exp(-w[1] * s.t()[i]) - s.y()[i];
                sum += r * r;
            }
            return sum;
        }
    }

    static final Objective<Samples> DECAY = new Decay();
    static final Samples SAMPLES = new Samples(new double[] {0, 0.5, 1, 2}, new double[] {2, 1.3, 0.7, 0.3});

    /** The objective held as {@code Objective<Samples>}: the call names {@code value(double[], Object)}. */
    @Differentiable
    public static double pluggableObjective(double[] w) {
        return DECAY.value(w, SAMPLES);
    }
}
