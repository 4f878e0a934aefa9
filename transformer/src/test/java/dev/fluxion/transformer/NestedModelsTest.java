package dev.fluxion.transformer;

import static dev.fluxion.transformer.ModelGradientTest.call;
import static dev.fluxion.transformer.ModelGradientTest.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.fluxion.ModelVectors;
import dev.fluxion.testing.GradientCheck;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Gradients, tangents and Hessian-vector products with respect to models whose lists and arrays
 * hold objects with final fields and objects of their own ({@code List<Layer>}, each layer a final
 * matrix, a final {@code Bias} object and a final gain; a {@code List.of} of records holding
 * records, read through their accessors), or floating arrays ({@code List<double[]> biases}): the
 * derivatives in the model's own structure, each
 * against Richardson differences of the loss (field by field, and over the flat view), forward
 * against reverse, and {@code H v} against Richardson differences of the gradient along {@code v}.
 */
class NestedModelsTest {
    /** How far a relative comparison with Richardson differences may be off. */
    private static final double DIFFERENCES = 1e-7;

    @Test
    void aListOfLayersWithFinalFieldsAndBiasObjects() throws Exception {
        for (long seed : new long[] {5, 6}) {
            Object net = call("newNestedNet", seed);
            Object grad = call("nestedNetGradient", net);
            List<?> layers = (List<?>) get(net, "layers");
            List<?> dlayers = (List<?>) get(grad, "layers");
            assertEquals(java.util.ArrayList.class, dlayers.getClass());
            assertEquals(layers.size(), dlayers.size());
            for (int l = 0; l < layers.size(); l++) {
                Object layer = layers.get(l);
                Object dlayer = dlayers.get(l);
                assertEquals(layer.getClass(), dlayer.getClass());
                assertNotSame(get(layer, "bias"), get(dlayer, "bias"), "a Bias of derivatives");
                double[] b = (double[]) get(get(layer, "bias"), "b");
                double[] db = (double[]) get(get(dlayer, "bias"), "b");
                for (int i = 0; i < b.length; i++) { // bias.b[i] moved in place, the loss of the model itself
                    int k = i;
                    double reference = GradientCheck.richardson(v -> {
                        double old = b[k];
                        b[k] = v;
                        try {
                            return (double) call("nestedNetLoss", net);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        } finally {
                            b[k] = old;
                        }
                    }, b[i]);
                    assertEquals(reference, db[i], DIFFERENCES * Math.max(1, Math.abs(reference)),
                            "layers[" + l + "].bias.b[" + i + "]");
                }
            }
            assertEquals(java.util.Arrays.deepToString(new double[4][2]), java.util.Arrays.deepToString((double[][]) get(grad,
                    "inputs")), "@NoDerivative data gets no derivative");
            checkFlat(net, grad, "nestedNetLoss");
            checkForwardAndHessian(net, seed + 100, "newNestedNet", "nestedNetGradient", "nestedNetJvp", "nestedNetHvp");
        }
    }

    @Test
    void aGradientObjectGivenReceivesTheFinalGainsOfItsLayers() throws Exception {
        Object net = call("newNestedNet", 5L);
        Object out = call("newNestedNet", 9L);
        Object into = call("nestedNetInto", net, out);
        assertSame(out, into);
        assertEquals(java.util.Arrays.toString(ModelVectors.flatten(call("nestedNetGradient", net))),
                java.util.Arrays.toString(ModelVectors.flatten(out)), "the same numbers, final gains included");
    }

    @Test
    void aListOfRecordsHoldingRecordsAnArrayOfRecordsAndARecordHoldingARecord() throws Exception {
        for (double shift : new double[] {0, 0.3}) {
            Object bumps = call("newBumps", shift);
            Object grad = call("bumpsGradient", bumps);
            List<?> list = (List<?>) get(bumps, "bumps");
            List<?> dbumps = (List<?>) get(grad, "bumps");
            assertEquals(2, dbumps.size());
            for (int k = 0; k < 2; k++) {
                assertEquals(list.get(k).getClass(), dbumps.get(k).getClass(), "a Bump of derivatives");
                assertEquals(get(list.get(k), "center").getClass(), get(dbumps.get(k), "center").getClass(),
                        "holding a Point of derivatives");
            }
            assertEquals(get(bumps, "anchors").getClass(), get(grad, "anchors").getClass());
            assertNotSame(get(bumps, "anchors"), get(grad, "anchors"));
            assertEquals(get(bumps, "frame").getClass(), get(grad, "frame").getClass());
            checkFlat(bumps, grad, "bumpsLoss");
            checkForwardAndHessian(bumps, shift, "newBumps", "bumpsGradient", "bumpsJvp", "bumpsHvp");
        }
    }

    @Test
    void listsOfWeightMatricesAndOfBiasVectors() throws Exception {
        for (long seed : new long[] {3, 4}) {
            Object stack = call("newLayerStack", seed);
            Object grad = call("layerStackGradient", stack);
            List<?> biases = (List<?>) get(stack, "biases");
            List<?> dbiases = (List<?>) get(grad, "biases");
            assertEquals(java.util.ArrayList.class, dbiases.getClass(), "an ArrayList for an ArrayList");
            assertEquals(get(stack, "weights").getClass(), get(grad, "weights").getClass(), "unmodifiable for List.copyOf");
            for (int l = 0; l < biases.size(); l++) {
                double[] b = (double[]) biases.get(l);
                double[] db = (double[]) dbiases.get(l);
                assertNotSame(b, db);
                for (int i = 0; i < b.length; i++) { // biases.get(l)[i] moved in place
                    int k = i;
                    double reference = GradientCheck.richardson(v -> {
                        double old = b[k];
                        b[k] = v;
                        try {
                            return lossOf("layerStackLoss", stack);
                        } finally {
                            b[k] = old;
                        }
                    }, b[i]);
                    assertEquals(reference, db[i], DIFFERENCES * Math.max(1, Math.abs(reference)),
                            "biases.get(" + l + ")[" + i + "]");
                }
            }
            double[][] w = (double[][]) ((List<?>) get(stack, "weights")).get(1);
            double[][] dw = (double[][]) ((List<?>) get(grad, "weights")).get(1);
            double reference = GradientCheck.richardson(v -> {
                double old = w[0][2];
                w[0][2] = v;
                try {
                    return lossOf("layerStackLoss", stack);
                } finally {
                    w[0][2] = old;
                }
            }, w[0][2]);
            assertEquals(reference, dw[0][2], DIFFERENCES * Math.max(1, Math.abs(reference)), "weights.get(1)[0][2]");
            assertEquals(3 * 2 + 3 + 3 + 1 + 1, ModelVectors.size(stack), "the weights, the biases and the scale");
            checkFlat(stack, grad, "layerStackLoss");
            checkForwardAndHessian(stack, seed + 10, "newLayerStack", "layerStackGradient", "layerStackJvp", "layerStackHvp");
        }
    }

    /** The flat view of the gradient against Richardson differences of the loss of models {@code unflatten}ed from moved vectors. */
    private static void checkFlat(Object model, Object grad, String loss) {
        double[] x = ModelVectors.flatten(model);
        double[] g = ModelVectors.flatten(grad);
        assertEquals(x.length, g.length);
        for (int i = 0; i < x.length; i++) {
            int k = i;
            double reference = GradientCheck.richardson(v -> lossOf(loss, ModelVectors.unflatten(with(x, y -> {
                y[k] = v;
                return y;
            }), model)), x[i]);
            assertEquals(reference, g[i], DIFFERENCES * Math.max(1, Math.abs(reference)), "parameter " + i);
        }
    }

    /**
     * The directional derivative along a model-shaped direction against the gradient dotted with it,
     * and {@code H v} against Richardson differences of the flat gradient along {@code v}.
     */
    private static void checkForwardAndHessian(Object model, Object seed, String make, String gradient, String jvp,
            String hvp) throws Exception {
        double[] x = ModelVectors.flatten(model);
        double[] d = new double[x.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.sin(1.7 * i + 0.3) + 0.1 * ((Number) seed).doubleValue();
        }
        Object direction = ModelVectors.unflatten(d, call(make, seed));
        double[] g = ModelVectors.flatten(call(gradient, model));
        double along = (double) call(jvp, model, direction);
        double dot = 0;
        for (int i = 0; i < g.length; i++) {
            dot += g[i] * d[i];
        }
        assertEquals(dot, along, 1e-12 * Math.max(1, Math.abs(along)), "forward against reverse");
        double[] hv = ModelVectors.flatten(call(hvp, model, direction));
        for (int k = 0; k < hv.length; k++) {
            int component = k;
            double reference = GradientCheck.richardson(s -> {
                try {
                    return ModelVectors.flatten(call(gradient, ModelVectors.unflatten(with(x, y -> {
                        for (int i = 0; i < y.length; i++) {
                            y[i] += s * d[i];
                        }
                        return y;
                    }), model)))[component];
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, 0.0);
            assertEquals(reference, hv[k], DIFFERENCES * Math.max(1, Math.abs(reference)), "(H v)[" + k + "]");
        }
    }

    private static double[] with(double[] x, UnaryOperator<double[]> change) {
        return change.apply(x.clone());
    }

    private static double lossOf(String loss, Object model) {
        try {
            return (double) call(loss, model);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
