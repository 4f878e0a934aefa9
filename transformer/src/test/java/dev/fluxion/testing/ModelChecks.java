package dev.fluxion.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.fluxion.ModelVectors;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;

/**
 * Checks gradients, tangents and Hessian-vector products with respect to the models of
 * {@code dev.fluxion.models} whose lists and arrays hold objects with final fields and objects of
 * their own, or floating arrays, whichever way their classes were transformed (the in-process
 * transforming class loader, or the Maven plugin in a real build): the derivatives in the model's own
 * structure, each against Richardson differences of the loss (field by field, and over the flat
 * view), forward against reverse, and {@code H v} against Richardson differences of the gradient
 * along {@code v}. The models are run through {@code dev.fluxion.models.Calls}, as a user's code
 * would run them, from {@code loader}.
 */
public final class ModelChecks {
    /** How far a relative comparison with Richardson differences may be off. */
    private static final double DIFFERENCES = 1e-7;

    private final Class<?> calls;

    public ModelChecks(ClassLoader loader) throws ClassNotFoundException {
        this.calls = loader.loadClass("dev.fluxion.models.Calls");
    }

    /** Where the models were loaded from: the transformed copies, in a build. */
    public Class<?> callsClass() {
        return calls;
    }

    /**
     * {@code NestedNet}: a {@code List<Layer>}, each a final matrix, a final {@code Bias} object
     * holding a vector and a final gain, the model's own data (marked {@code @NoDerivative}) fed
     * row by row through the layers ({@code x = inputs[n]; x = layer.forward(x)}).
     */
    public void listOfLayersWithFinalFieldsAndBiasObjects() throws Exception {
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
                checkInPlace("layers[" + l + "].bias.b", (double[]) get(get(layer, "bias"), "b"),
                        (double[]) get(get(dlayer, "bias"), "b"), () -> lossOf("nestedNetLoss", net));
            }
            assertEquals(Arrays.deepToString(new double[4][2]), Arrays.deepToString((double[][]) get(grad, "inputs")),
                    "@NoDerivative data gets no derivative");
            checkFlat(net, grad, "nestedNetLoss");
            checkForwardAndHessian(net, seed + 100, "newNestedNet", "nestedNetGradient", "nestedNetJvp", "nestedNetHvp");
        }
    }

    /** {@code NestedNet} into a gradient object given: the final gains of its layers are set. */
    public void gradientObjectGivenReceivesFinalGains() throws Exception {
        Object net = call("newNestedNet", 5L);
        Object out = call("newNestedNet", 9L);
        assertSame(out, call("nestedNetInto", net, out));
        assertEquals(Arrays.toString(ModelVectors.flatten(call("nestedNetGradient", net))),
                Arrays.toString(ModelVectors.flatten(out)), "the same numbers, final gains included");
    }

    /**
     * {@code Bumps}: a {@code List.of} of records holding records ({@code bump.center().x()}), an
     * array of records, a record holding a record, all read through accessors.
     */
    public void recordsInListsArraysAndRecords() throws Exception {
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

    /** {@code LayerStack}: weight matrices in an unmodifiable {@code List<double[][]>}, bias vectors in an {@code ArrayList<double[]>}. */
    public void listsOfWeightMatricesAndBiasVectors() throws Exception {
        for (long seed : new long[] {3, 4}) {
            Object stack = call("newLayerStack", seed);
            Object grad = call("layerStackGradient", stack);
            List<?> biases = (List<?>) get(stack, "biases");
            List<?> dbiases = (List<?>) get(grad, "biases");
            assertEquals(java.util.ArrayList.class, dbiases.getClass(), "an ArrayList for an ArrayList");
            assertEquals(get(stack, "weights").getClass(), get(grad, "weights").getClass(), "unmodifiable for List.copyOf");
            for (int l = 0; l < biases.size(); l++) {
                assertNotSame(biases.get(l), dbiases.get(l));
                checkInPlace("biases.get(" + l + ")", (double[]) biases.get(l), (double[]) dbiases.get(l),
                        () -> lossOf("layerStackLoss", stack));
            }
            double[][] w = (double[][]) ((List<?>) get(stack, "weights")).get(1);
            double[][] dw = (double[][]) ((List<?>) get(grad, "weights")).get(1);
            checkInPlace("weights.get(1)[0]", w[0], dw[0], () -> lossOf("layerStackLoss", stack));
            assertEquals(3 * 2 + 3 + 3 + 1 + 1, ModelVectors.size(stack), "the weights, the biases and the scale");
            checkFlat(stack, grad, "layerStackLoss");
            checkForwardAndHessian(stack, seed + 10, "newLayerStack", "layerStackGradient", "layerStackJvp", "layerStackHvp");
        }
    }

    /**
     * {@code BlockNet}: a {@code List<Block>}, each block a {@code List<Layer>} of its own and a
     * mixing weight, each layer a matrix, a vector and a gain: the gradient object's blocks hold
     * lists of layers of derivatives, each checked against Richardson differences in place, and the
     * flat view, forward mode and {@code H v} as for one level.
     */
    public void listOfBlocksEachAListOfLayers() throws Exception {
        for (long seed : new long[] {11, 12}) {
            Object net = call("newBlockNet", seed);
            Object grad = call("blockNetGradient", net);
            List<?> blocks = (List<?>) get(net, "blocks");
            List<?> dblocks = (List<?>) get(grad, "blocks");
            assertEquals(blocks.size(), dblocks.size());
            for (int k = 0; k < blocks.size(); k++) {
                List<?> layers = (List<?>) get(blocks.get(k), "layers");
                List<?> dlayers = (List<?>) get(dblocks.get(k), "layers");
                assertEquals(java.util.ArrayList.class, dlayers.getClass(), "a block of derivatives holds a list of layers");
                assertNotSame(layers, dlayers);
                for (int l = 0; l < layers.size(); l++) {
                    Object layer = layers.get(l);
                    Object dlayer = dlayers.get(l);
                    String at = "blocks.get(" + k + ").layers.get(" + l + ")";
                    checkInPlace(at + ".b", (double[]) get(layer, "b"), (double[]) get(dlayer, "b"),
                            () -> lossOf("blockNetLoss", net));
                    checkInPlace(at + ".w[1]", ((double[][]) get(layer, "w"))[1], ((double[][]) get(dlayer, "w"))[1],
                            () -> lossOf("blockNetLoss", net));
                }
            }
            assertEquals(2 * (2 * (4 + 2 + 1) + 1) + 2, ModelVectors.size(net), "per block two layers and a mix, and the readout");
            checkFlat(net, grad, "blockNetLoss");
            Object out = call("newBlockNet", seed + 50);
            assertSame(out, call("blockNetInto", net, out));
            assertEquals(Arrays.toString(ModelVectors.flatten(grad)), Arrays.toString(ModelVectors.flatten(out)),
                    "into a gradient object given, the same numbers");
            checkForwardAndHessian(net, seed + 20, "newBlockNet", "blockNetGradient", "blockNetJvp", "blockNetHvp");
        }
    }

    /**
     * {@code Scene}: an array of meshes each holding a {@code Vertex[]} of objects with {@code double}
     * fields, and a list of groups each holding an array of such meshes (three levels of objects).
     */
    public void meshesOfVerticesAndGroupsOfMeshes() throws Exception {
        for (double shift : new double[] {0, 0.2}) {
            Object scene = call("newScene", shift);
            Object grad = call("sceneGradient", scene);
            Object[] meshes = (Object[]) get(scene, "meshes");
            Object[] dmeshes = (Object[]) get(grad, "meshes");
            Object[] dvertices = (Object[]) get(dmeshes[0], "vertices");
            assertEquals(get(meshes[0], "vertices").getClass(), dvertices.getClass(), "a Vertex[] of derivatives");
            assertEquals(3, dvertices.length);
            assertNotSame(get(meshes[0], "vertices"), dvertices);
            List<?> dgroups = (List<?>) get(grad, "groups");
            Object[] dinner = (Object[]) get(dgroups.get(1), "meshes");
            assertEquals(3, ((Object[]) get(dinner[1], "vertices")).length, "a group of meshes of vertices of derivatives");
            assertEquals(2 * (3 + 2 + 2 + 2 + 3) + 2 * 5 + 1 + 2, ModelVectors.size(scene),
                    "two numbers per vertex, a stiffness and a rest length per mesh, the pull, the anchor");
            checkFlat(scene, grad, "sceneLoss");
            Object out = call("newScene", shift + 1);
            call("sceneInto", scene, out);
            assertEquals(Arrays.toString(ModelVectors.flatten(grad)), Arrays.toString(ModelVectors.flatten(out)),
                    "into a gradient object given, the same numbers");
            checkForwardAndHessian(scene, shift + 0.5, "newScene", "sceneGradient", "sceneJvp", "sceneHvp");
        }
    }

    /**
     * {@code TiedAutoencoder}: the decoder built on the encoder's own matrix. The gradient object
     * holds one matrix of derivatives in both places, as the model holds one matrix, and it is the
     * total derivative: against Richardson differences of the loss in the one shared array's
     * entries. The flat view has the matrix once, where the walk meets it first (encoder.w, then
     * encoder.b, then decoder.b), and {@code unflatten} ties the new model's matrices as the model's.
     */
    public void tiedWeights() throws Exception {
        for (double shift : new double[] {0, 0.15}) {
            Object model = call("newTiedAutoencoder", shift);
            Object grad = call("tiedAutoencoderGradient", model);
            Object encoder = get(model, "encoder");
            double[][] w = (double[][]) get(encoder, "w");
            double[][] dw = (double[][]) get(get(grad, "encoder"), "w");
            assertSame(dw, get(get(grad, "decoder"), "w"), "one matrix of derivatives in both places, as in the model");
            assertNotSame(w, dw);
            for (int i = 0; i < w.length; i++) {
                checkInPlace("encoder.w[" + i + "] (= decoder.w[" + i + "])", w[i], dw[i],
                        () -> lossOf("tiedAutoencoderLoss", model));
            }
            double[] flat = ModelVectors.flatten(model);
            double[] b = (double[]) get(encoder, "b");
            double[] c = (double[]) get(get(model, "decoder"), "b");
            assertEquals(Arrays.toString(new double[] {w[0][0], w[0][1], w[0][2], w[1][0], w[1][1], w[1][2], b[0], b[1], c[0],
                c[1], c[2]}), Arrays.toString(flat), "the shared matrix once, where met first");
            Object moved = ModelVectors.unflatten(flat, model);
            assertSame(get(get(moved, "encoder"), "w"), get(get(moved, "decoder"), "w"), "unflatten ties as the model does");
            checkFlat(model, grad, "tiedAutoencoderLoss");
            Object out = call("newTiedAutoencoder", shift + 1);
            call("tiedAutoencoderInto", model, out);
            assertEquals(Arrays.toString(ModelVectors.flatten(grad)), Arrays.toString(ModelVectors.flatten(out)),
                    "into a gradient object given that ties as the model does");
            checkForwardAndHessian(model, shift + 0.3, "newTiedAutoencoder", "tiedAutoencoderGradient", "tiedAutoencoderJvp",
                    "tiedAutoencoderHvp");
        }
    }

    /**
     * {@code SharedBiasNet}: the first and last layer of a list share one bias array, every layer
     * one {@code Temperature} object: the gradient object shares them the same way, each holding
     * the total derivative, against Richardson differences in the shared array and in the shared
     * scalar.
     */
    public void sharedBiasAndSharedScalarObject() throws Exception {
        for (double shift : new double[] {0, 0.2}) {
            Object model = call("newSharedBiasNet", shift);
            Object grad = call("sharedBiasNetGradient", model);
            List<?> layers = (List<?>) get(model, "layers");
            List<?> dlayers = (List<?>) get(grad, "layers");
            double[] b = (double[]) get(layers.get(0), "b");
            double[] db = (double[]) get(dlayers.get(0), "b");
            assertSame(db, get(dlayers.get(2), "b"), "one bias of derivatives for the two layers sharing one");
            assertNotSame(db, get(dlayers.get(1), "b"));
            checkInPlace("layers.get(0).b (= layers.get(2).b)", b, db, () -> lossOf("sharedBiasNetLoss", model));
            Object temperature = get(model, "temperature");
            Object dtemperature = get(grad, "temperature");
            for (Object dlayer : dlayers) {
                assertSame(dtemperature, get(dlayer, "temperature"), "one Temperature of derivatives, held by every layer");
            }
            double t = (double) get(temperature, "t");
            double reference = GradientCheck.richardson(v -> {
                try {
                    java.lang.reflect.Field f = temperature.getClass().getDeclaredField("t");
                    f.setAccessible(true);
                    f.setDouble(temperature, v);
                    try {
                        return lossOf("sharedBiasNetLoss", model);
                    } finally {
                        f.setDouble(temperature, t);
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }, t);
            assertEquals(reference, (double) get(dtemperature, "t"), DIFFERENCES * Math.max(1, Math.abs(reference)),
                    "the shared temperature: the sum over the three layers");
            assertEquals(3 * 4 + 2 + 2 + 1, ModelVectors.size(model), "three matrices, two bias vectors, one temperature");
            checkFlat(model, grad, "sharedBiasNetLoss");
            Object out = call("newSharedBiasNet", shift + 1);
            call("sharedBiasNetInto", model, out);
            assertEquals(Arrays.toString(ModelVectors.flatten(grad)), Arrays.toString(ModelVectors.flatten(out)),
                    "into a gradient object given, stale numbers in it replaced");
            checkForwardAndHessian(model, shift + 0.7, "newSharedBiasNet", "sharedBiasNetGradient", "sharedBiasNetJvp",
                    "sharedBiasNetHvp");
        }
    }

    /** Each derivative in {@code derivatives} against Richardson differences of the loss in the model's {@code values}, moved in place. */
    private static void checkInPlace(String what, double[] values, double[] derivatives, java.util.function.DoubleSupplier loss) {
        for (int i = 0; i < values.length; i++) {
            int k = i;
            double reference = richardson(v -> {
                double old = values[k];
                values[k] = v;
                try {
                    return loss.getAsDouble();
                } finally {
                    values[k] = old;
                }
            }, values[i]);
            assertEquals(reference, derivatives[i], DIFFERENCES * Math.max(1, Math.abs(reference)), what + "[" + i + "]");
        }
    }

    /** The flat view of the gradient against Richardson differences of the loss of models {@code unflatten}ed from moved vectors. */
    private void checkFlat(Object model, Object grad, String loss) {
        double[] x = ModelVectors.flatten(model);
        double[] g = ModelVectors.flatten(grad);
        assertEquals(x.length, g.length);
        for (int i = 0; i < x.length; i++) {
            int k = i;
            double reference = richardson(v -> lossOf(loss, ModelVectors.unflatten(with(x, y -> {
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
    private void checkForwardAndHessian(Object model, Object seed, String make, String gradient, String jvp, String hvp)
            throws Exception {
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
            double reference = richardson(s -> {
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

    private static double richardson(DoubleUnaryOperator f, double x) {
        return GradientCheck.richardson(f::applyAsDouble, x);
    }

    private static double[] with(double[] x, UnaryOperator<double[]> change) {
        return change.apply(x.clone());
    }

    private double lossOf(String loss, Object model) {
        try {
            return (double) call(loss, model);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code Calls.name(args)}; an exception it throws is thrown as it is. */
    public Object call(String name, Object... args) throws Exception {
        for (Method m : calls.getDeclaredMethods()) {
            if (m.getName().equals(name)) {
                m.setAccessible(true);
                try {
                    return m.invoke(null, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause() instanceof Exception x ? x : new IllegalStateException(e.getCause());
                }
            }
        }
        throw new AssertionError(name);
    }

    /** The value of a field of {@code o}, whatever its access. */
    public static Object get(Object o, String field) throws Exception {
        Field f = o.getClass().getDeclaredField(field);
        f.setAccessible(true);
        return f.get(o);
    }
}
