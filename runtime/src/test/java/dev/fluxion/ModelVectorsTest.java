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
}
