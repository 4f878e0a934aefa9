package dev.fluxion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The flat view of a model's numbers and its inverse, on models of every shape a gradient object takes. */
class ModelVectorsTest {
    record Fit(double a, double b) {
    }

    static final class Layer {
        final double[][] w;
        float gain;

        Layer(double[][] w, float gain) {
            this.w = w;
            this.gain = gain;
        }
    }

    static class Base {
        double shift = 9;
    }

    static final class Net extends Base {
        final List<Layer> layers = new ArrayList<>();
        final Layer[] extra = {new Layer(new double[][] {{7}}, 8f)};
        final Fit fit = new Fit(10, 11);
        int epochs = 3;                                          // a count: not a parameter
        @NoDerivative double[] data = {100, 200};                // data: not a parameter
        final String name = "net";

        Net() {
            layers.add(new Layer(new double[][] {{1, 2}, {3}}, 4f));
            layers.add(new Layer(new double[][] {{5}}, 6f));
        }
    }

    @Test
    void theParametersInTheOrderTheClassesDeclareThem() {
        Net net = new Net();
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 9}, ModelVectors.flatten(net));
        assertEquals(11, ModelVectors.size(net));
    }

    @Test
    void unflattenMakesANewModelOfTheSameStructure() {
        Net net = new Net();
        double[] values = new double[11];
        for (int i = 0; i < values.length; i++) {
            values[i] = -i;
        }
        Net made = ModelVectors.unflatten(values, net);
        assertArrayEquals(values, ModelVectors.flatten(made));
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 9}, ModelVectors.flatten(net), "like is unchanged");
        assertNotSame(net.layers, made.layers);
        assertEquals(ArrayList.class, made.layers.getClass());
        assertNotSame(net.layers.get(0).w, made.layers.get(0).w);
        assertEquals(new Fit(-8, -9), made.fit);
        assertSame(net.data, made.data, "data is shared");
        assertEquals(3, made.epochs);
        assertSame(net.name, made.name);
    }

    @Test
    void copyIntoWritesTheModelsFieldsAndArrays() {
        Net net = new Net();
        double[] values = ModelVectors.flatten(net);
        for (int i = 0; i < values.length; i++) {
            values[i] *= 2;
        }
        // Net holds a record whose components are parameters: copyInto cannot write them, and changes nothing
        FluxionException e = assertThrows(FluxionException.class, () -> ModelVectors.copyInto(values, net));
        assertEquals("fluxion: dev.fluxion.ModelVectorsTest$Fit is a record, whose components cannot be written: use "
                + "ModelVectors.unflatten(values, model), which makes a new one", e.getMessage());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 9}, ModelVectors.flatten(net));
        Layer layer = new Layer(new double[][] {{1, 2}}, 3f);
        ModelVectors.copyInto(new double[] {-1, -2, -3}, layer);
        assertArrayEquals(new double[] {-1, -2}, layer.w[0]);
        assertEquals(-3f, layer.gain);
    }

    /** Weights and biases kept in lists of arrays. */
    static final class Stack {
        final List<double[][]> weights = List.of(new double[][] {{1, 2}}, new double[][] {{3}, {4}});
        final List<double[]> biases = new ArrayList<>(List.of(new double[] {5}, new double[] {6, 7}));
        final List<String> names = List.of("in", "out");        // not numbers: shared
    }

    @Test
    void listsOfArraysAreParametersElementByElement() {
        Stack stack = new Stack();
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, 7}, ModelVectors.flatten(stack));
        Stack made = ModelVectors.unflatten(new double[] {-1, -2, -3, -4, -5, -6, -7}, stack);
        assertArrayEquals(new double[] {-1, -2, -3, -4, -5, -6, -7}, ModelVectors.flatten(made));
        assertEquals(ArrayList.class, made.biases.getClass());
        assertEquals(stack.weights.getClass(), made.weights.getClass(), "unmodifiable as List.of");
        assertNotSame(stack.biases.get(1), made.biases.get(1));
        assertSame(stack.names, made.names);
        ModelVectors.copyInto(new double[] {0, 0, 0, 0, 0, 8, 9}, stack);
        assertArrayEquals(new double[] {8, 9}, stack.biases.get(1), "written into the list's own arrays");
    }

    @Test
    void aVectorOfAnotherLengthIsAnError() {
        FluxionException e = assertThrows(FluxionException.class, () -> ModelVectors.unflatten(new double[3], new Net()));
        assertEquals("fluxion: 3 values for a dev.fluxion.ModelVectorsTest$Net of 11 parameters", e.getMessage());
    }

    enum Act {
        TANH(1.0), RELU(3.0); // the gain: a constant of the enum, not a parameter of any model holding it

        final double gain;

        Act(double gain) {
            this.gain = gain;
        }
    }

    record Term(int power, boolean enabled, String name, double c) {
    }

    record Shape(int rows, int cols, Act kind) { // no floating-point state: data
    }

    /** A model as a new user wrote it: the loss switches on an enum, reads a record's count. */
    static final class Configured {
        double w = 0.5;
        Act act = Act.RELU;
        final Term term = new Term(2, true, "square", 0.75);
        final Shape shape = new Shape(2, 3, Act.TANH);
        final List<Act> acts = new ArrayList<>(List.of(Act.RELU, Act.TANH));
        final Act[] perLayer = {Act.TANH, Act.RELU};
        final Integer seed = 1234;

        double loss() {
            double a;
            switch (act) {
                case TANH:
                    a = Math.tanh(w);
                    break;
                default:
                    a = w * w;
            }
            return act.gain * a + (term.enabled() ? term.c() * Math.pow(w, term.power()) : 0);
        }
    }

    @Test
    void enumsAndObjectsWithoutNumbersAreSharedNeverInstantiated() {
        Configured m = new Configured();
        assertEquals(3.0 * 0.25 + 0.75 * 0.25, m.loss(), 1e-15);
        assertEquals(2, ModelVectors.size(m), "w and term.c: an enum's gain is its constant, not the model's");
        assertArrayEquals(new double[] {0.5, 0.75}, ModelVectors.flatten(m));
        for (Configured u : List.of(ModelVectors.unflatten(ModelVectors.flatten(m), m),
                dev.fluxion.internal.Models.zeroCopy(m))) { // an unflattened model and a gradient object alike
            assertSame(Act.RELU, u.act, "the enum's constant itself, whose ordinal a switch reads");
            assertSame(m.shape, u.shape, "a record of counts and an enum holds no number: shared");
            assertSame(m.acts, u.acts, "a list of an enum's constants: data, shared");
            assertSame(m.perLayer, u.perLayer);
            assertSame(m.seed, u.seed);
            assertNotSame(m.term, u.term, "a record holding a number is made anew");
            assertSame(m.term.name(), u.term.name());
            assertEquals(2, u.term.power());
        }
        Configured u = ModelVectors.unflatten(ModelVectors.flatten(m), m);
        assertEquals(m.loss(), u.loss(), 0.0, "the unflattened model computes what the model does");
        Configured v = ModelVectors.unflatten(new double[] {-1.5, 2.0}, m);
        assertEquals(3.0 * 2.25 + 2.0 * 2.25, v.loss(), 1e-15);
        assertEquals(List.of(1.0, 3.0), List.of(Act.TANH.gain, Act.RELU.gain), "no enum's field was touched");
        assertEquals(Act.RELU, Act.valueOf(u.act.name()));
    }
}
