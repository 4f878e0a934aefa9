package dev.fluxion.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fluxion.FluxionException;
import dev.fluxion.ModelVectors;
import dev.fluxion.testing.GradientCheck;
import dev.fluxion.transformer.backend.ClassFileLocator;
import dev.fluxion.transformer.diagnostics.DifferentiationException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.DoubleConsumer;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

/**
 * Gradients with respect to model objects ({@code Fluxion.modelGradient}), for models written as a
 * Java developer would (in {@code dev.fluxion.models}, loaded through the transformer): each
 * derivative against a closed form or Richardson-extrapolated differences of the loss in the field
 * perturbed, the gradient object in the model's structure, the model left unchanged.
 */
class ModelGradientTest {
    static final TransformingClassLoader LOADER =
            new TransformingClassLoader(ModelGradientTest.class.getClassLoader(), "dev.fluxion.models");

    /** Runs {@code ModelGradientTest.Calls.name} inside the loader, where the models are transformed. */
    static Object call(String name, Object... args) throws Exception {
        Class<?> calls = LOADER.loadClass("dev.fluxion.models.Calls");
        for (Method m : calls.getDeclaredMethods()) {
            if (m.getName().equals(name)) {
                m.setAccessible(true);
                return m.invoke(null, args);
            }
        }
        throw new AssertionError(name);
    }

    @Test
    void aQuadraticBowlAgainstItsClosedForm() throws Exception {
        Object model = call("newQuadratic");
        Object grad = call("quadraticGradient", model);
        double[] c = (double[]) get(model, "center");
        double scale = (double) get(model, "scale");
        double[] target = {1.0, -2.0, 0.5};
        double[] weights = {1.0, 1.0, 2.0};
        double[] dc = (double[]) get(grad, "center");
        double sum = 0;
        for (int i = 0; i < 3; i++) {
            assertEquals(2 * scale * weights[i] * (c[i] - target[i]), dc[i], 1e-12);
            sum += weights[i] * (c[i] - target[i]) * (c[i] - target[i]);
        }
        assertEquals(sum, (double) get(grad, "scale"), 1e-12);
        assertSame(get(model, "name"), get(grad, "name"), "data is shared, not differentiated");
        assertEquals(List.of(0.0, 0.0, 0.0), java.util.Arrays.stream((double[]) get(grad, "weights")).boxed().toList(),
                "a @NoDerivative field gets no derivative");
        assertNotSame(c, dc);
        assertEquals(List.of(0.3, 0.4, -1.1), List.of(c[0], c[1], c[2]), "the model is unchanged");
    }

    @Test
    void aPerceptronOfLayerObjects() throws Exception {
        Object net = call("newMlp");
        Object grad = call("mlpGradient", net);
        DoubleSupplier loss = () -> {
            try {
                return (double) call("mlpLoss", net);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        for (String layer : List.of("hidden", "output")) {
            double[][] w = (double[][]) get(get(net, layer), "w");
            double[][] dw = (double[][]) get(get(grad, layer), "w");
            for (int i = 0; i < w.length; i++) {
                for (int j = 0; j < w[i].length; j++) {
                    int row = i;
                    int col = j;
                    checkAgainstDifferences(layer + ".w[" + i + "][" + j + "]", w[i][j], dw[i][j], v -> w[row][col] = v, loss);
                }
            }
            double[] b = (double[]) get(get(net, layer), "b");
            double[] db = (double[]) get(get(grad, layer), "b");
            for (int i = 0; i < b.length; i++) {
                int k = i;
                checkAgainstDifferences(layer + ".b[" + i + "]", b[i], db[i], v -> b[k] = v, loss);
            }
        }
        checkAgainstDifferences("temperature", (double) get(net, "temperature"), (double) get(grad, "temperature"),
                v -> set(net, "temperature", v), loss);
        assertEquals(get(net, "classes"), get(grad, "classes"));
    }

    @Test
    void aSpringChainThroughAStaticLossAndANestedObject() throws Exception {
        Object chain = call("newSpringChain");
        Object grad = call("springGradient", chain);
        DoubleSupplier loss = () -> {
            try {
                return (double) call("springLoss", chain);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        double[] rest = (double[]) get(chain, "rest");
        double[] drest = (double[]) get(grad, "rest");
        for (int i = 0; i < rest.length; i++) {
            int k = i;
            checkAgainstDifferences("rest[" + i + "]", rest[i], drest[i], v -> rest[k] = v, loss);
        }
        checkAgainstDifferences("stiffness", (double) get(chain, "stiffness"), (double) get(grad, "stiffness"),
                v -> set(chain, "stiffness", v), loss);
        double[] damping = (double[]) get(get(chain, "damping"), "coefficients");
        double[] ddamping = (double[]) get(get(grad, "damping"), "coefficients");
        for (int i = 1; i < damping.length; i++) {
            int k = i;
            checkAgainstDifferences("damping.coefficients[" + i + "]", damping[i], ddamping[i], v -> damping[k] = v, loss);
        }
        assertEquals(0.0, ddamping[0], "mass 0 is fixed: its damping has no effect");
    }

    @Test
    void aRecordOfParametersGetsARecordOfDerivatives() throws Exception {
        Object line = call("newLine");
        Object grad = call("lineGradient", line);
        assertEquals(line.getClass(), grad.getClass());
        double[] c = (double[]) get(line, "coefficients");
        double[] xs = {0, 1, 2, 3};
        double[] ys = {1.1, 2.9, 5.2, 6.8};
        double d0 = 0;
        double d1 = 0;
        for (int i = 0; i < 4; i++) {
            double r = c[0] + c[1] * xs[i] - ys[i];
            d0 += 2 * r;
            d1 += 2 * r * xs[i];
        }
        double[] dc = (double[]) get(grad, "coefficients");
        assertEquals(d0, dc[0], 1e-12);
        assertEquals(d1, dc[1], 1e-12);
    }

    @Test
    void aFunctionHeldInAFieldIsSharedByTheGradientObject() throws Exception {
        Object decay = call("newDecay");
        Object grad = call("decayGradient", decay);
        double rate = (double) get(decay, "rate");
        assertEquals(-10 * 0.1 * Math.pow(1 - rate / 10, 9), (double) get(grad, "rate"), 1e-12);
        assertSame(get(decay, "rhs"), get(grad, "rhs"), "a lambda is data");
    }

    @Test
    void aGradientObjectOfTheWrongShapeIsAnError() throws Exception {
        FluxionException e = assertThrows(FluxionException.class, () -> {
            try {
                call("quadraticIntoShortGradient");
            } catch (java.lang.reflect.InvocationTargetException ite) {
                throw ite.getCause();
            }
        });
        assertEquals("fluxion: the gradient object's center has length 2, the model's 3", e.getMessage());
    }

    // List<Layer> layers;  ... for (Layer l : layers.subList(1, layers.size())) ...
    @Test
    void aListOfTheModelUsedOtherThanByReadingIsAnErrorNotConstants() throws Exception {
        DifferentiationException e = transformFixture("ModelWithLayerList");
        assertEquals("fluxion: dev.fluxion.fixtures.bad.ModelWithLayerList.loss(ModelWithLayerList.java:"
                + errorLine("ModelWithLayerList") + "): the gradient with respect to the model reads the list "
                + "dev.fluxion.fixtures.bad.ModelWithLayerList.layers, which it cannot follow: java.util.List.subList(int, "
                + "int) is called on it, and Fluxion follows only get, size, isEmpty and iteration on a list of the model's "
                + "objects, which the loss only reads. Read the model's lists with get, size, isEmpty and for-each loops, in "
                + "the differentiated method and in helpers Fluxion inlines.", e.getMessage());
    }

    // List<Double> weights;  ... for (double w : weights) ...
    @Test
    void aListOfBoxedNumbersInTheModelIsAnErrorNotConstants() throws Exception {
        DifferentiationException e = transformFixture("ModelWithBoxedList");
        assertEquals("fluxion: dev.fluxion.fixtures.bad.ModelWithBoxedList.loss(ModelWithBoxedList.java:"
                + errorLine("ModelWithBoxedList") + "): the gradient with respect to the model reads an element of the list "
                + "dev.fluxion.fixtures.bad.ModelWithBoxedList.weights as a java.lang.Double: only lists of objects of the "
                + "user's classes and of floating arrays are differentiated. Hold the numbers in objects of a class of yours "
                + "(a Layer with double[] fields), in double[] or double[][] fields, or in a List<double[]>.", e.getMessage());
    }

    @Test
    void aNetworkOfAnArrayOfLayers() throws Exception {
        Object net = call("newDeepNet");
        Object grad = call("deepNetGradient", net);
        DoubleSupplier loss = () -> {
            try {
                return (double) call("deepNetLoss", net);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        Object[] layers = (Object[]) get(net, "layers");
        Object[] dlayers = (Object[]) get(grad, "layers");
        assertEquals(layers.length, dlayers.length);
        for (int l = 0; l < layers.length; l++) {
            double[][] w = (double[][]) get(layers[l], "w");
            double[][] dw = (double[][]) get(dlayers[l], "w");
            for (int i = 0; i < w.length; i++) {
                for (int j = 0; j < w[i].length; j++) {
                    int row = i;
                    int col = j;
                    checkAgainstDifferences("layers[" + l + "].w[" + i + "][" + j + "]", w[i][j], dw[i][j],
                            v -> w[row][col] = v, loss);
                }
            }
            Object layer = layers[l];
            checkAgainstDifferences("layers[" + l + "].gain", (double) get(layer, "gain"), (double) get(dlayers[l], "gain"),
                    v -> set(layer, "gain", v), loss);
        }
    }

    @Test
    void aNetworkOfAListOfLayersReadByForEach() throws Exception {
        checkListNet("listNetGradient", "listNetLoss");
    }

    @Test
    void aNetworkOfAListOfLayersReadByGetAndSize() throws Exception {
        checkListNet("listNetIndexedGradient", "listNetIndexedLoss");
    }

    @Test
    void theFlatViewOfTheGradientLinesUpWithTheModels() throws Exception {
        Object net = call("newListNet");
        double[] x = ModelVectors.flatten(net);
        double[] g = ModelVectors.flatten(call("listNetGradient", net));
        assertEquals(x.length, g.length);
        assertEquals((6 + 3 + 1) + (6 + 2 + 1) + (2 + 1 + 1) + 1, x.length, "w, b and gain of layers 2-3, 3-2, 2-1, and the offset");
        for (int i = 0; i < x.length; i++) { // the loss of the model made from the perturbed vector
            int k = i;
            double reference = GradientCheck.richardson(v -> {
                double[] y = x.clone();
                y[k] = v;
                try {
                    return (double) call("listNetLoss", ModelVectors.unflatten(y, net));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, x[i]);
            assertEquals(reference, g[i], 1e-7 * Math.max(1, Math.abs(reference)), "parameter " + i);
        }
    }

    /** Every weight, bias and gain of a ListNet's layers, and its offset, against Richardson differences. */
    private static void checkListNet(String gradient, String lossName) throws Exception {
        Object net = call("newListNet");
        Object grad = call(gradient, net);
        DoubleSupplier loss = () -> {
            try {
                return (double) call(lossName, net);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        List<?> layers = (List<?>) get(net, "layers");
        List<?> dlayers = (List<?>) get(grad, "layers");
        assertEquals(java.util.ArrayList.class, dlayers.getClass(), "a list of the model's kind");
        assertEquals(3, dlayers.size());
        for (int l = 0; l < layers.size(); l++) {
            assertNotSame(layers.get(l), dlayers.get(l));
            double[][] w = (double[][]) get(layers.get(l), "w");
            double[][] dw = (double[][]) get(dlayers.get(l), "w");
            for (int i = 0; i < w.length; i++) {
                for (int j = 0; j < w[i].length; j++) {
                    int row = i;
                    int col = j;
                    checkAgainstDifferences("layers[" + l + "].w[" + i + "][" + j + "]", w[i][j], dw[i][j],
                            v -> w[row][col] = v, loss);
                }
            }
            double[] b = (double[]) get(layers.get(l), "b");
            double[] db = (double[]) get(dlayers.get(l), "b");
            for (int i = 0; i < b.length; i++) {
                int k = i;
                checkAgainstDifferences("layers[" + l + "].b[" + i + "]", b[i], db[i], v -> b[k] = v, loss);
            }
            Object layer = layers.get(l);
            checkAgainstDifferences("layers[" + l + "].gain", (double) get(layer, "gain"),
                    (double) get(dlayers.get(l), "gain"), v -> set(layer, "gain", v), loss);
        }
        checkAgainstDifferences("offset", (double) get(net, "offset"), (double) get(grad, "offset"),
                v -> set(net, "offset", v), loss);
    }

    @Test
    void aRecordHeldByTheModelReadThroughItsAccessors() throws Exception {
        for (double[] at : new double[][] {{0.8, 1.5, 0.4}, {1.3, 0.9, 1.1}}) {
            Object model = call("newDecaying", at[0], at[1], at[2]);
            Object grad = call("decayingGradient", model);
            Object params = get(model, "params");
            Object dparams = get(grad, "params");
            assertEquals(params.getClass(), dparams.getClass(), "a record of derivatives");
            DoubleSupplier loss = () -> {
                try {
                    return (double) call("decayingLoss", call("newDecaying", at[0], at[1], at[2]));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
            double rate = (double) get(params, "rate");
            double reference = GradientCheck.richardson(r -> { // a record's components cannot be set: a new model
                try {
                    return (double) call("decayingLoss", call("newDecaying", r, at[1], at[2]));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, rate);
            assertEquals(reference, (double) get(dparams, "rate"), 1e-7 * Math.max(1, Math.abs(reference)), "params.rate");
            double[] w = (double[]) get(params, "weights");
            double[] dw = (double[]) get(dparams, "weights");
            for (int k = 0; k < w.length; k++) {
                int i = k;
                checkAgainstDifferences("params.weights[" + k + "]", w[k], dw[k], v -> w[i] = v, () -> {
                    try {
                        return (double) call("decayingLoss", model);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
            checkAgainstDifferences("offset", (double) get(model, "offset"), (double) get(grad, "offset"),
                    v -> set(model, "offset", v), () -> {
                        try {
                            return (double) call("decayingLoss", model);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
            assertTrue(loss.getAsDouble() > 0);
        }
    }

    @Test
    void aRecordOfNumbersGetsARecordOfDerivatives() throws Exception {
        Class<?> fitClass = LOADER.loadClass("dev.fluxion.models.Fit");
        Object fit = fitClass.getDeclaredConstructor(double.class, double.class).newInstance(1.8, 0.9);
        Object grad = call("fitGradient", fit);
        assertEquals(fitClass, grad.getClass());
        double[] xs = {0, 1, 2, 3};
        double[] ys = {1.1, 2.9, 5.2, 6.8};
        double dSlope = 0;
        double dIntercept = 0;
        for (int i = 0; i < 4; i++) {
            double r = 1.8 * xs[i] + 0.9 - ys[i];
            dSlope += 2 * r * xs[i];
            dIntercept += 2 * r;
        }
        assertEquals(dSlope, (double) get(grad, "slope"), 1e-12);
        assertEquals(dIntercept, (double) get(grad, "intercept"), 1e-12);
        assertEquals(1.8, (double) get(fit, "slope"), "the model is not changed");
    }

    @Test
    void aRecordGivenToReceiveDerivativesIsAnErrorThatSaysWhatToDo() throws Exception {
        Class<?> fitClass = LOADER.loadClass("dev.fluxion.models.Fit");
        Object fit = fitClass.getDeclaredConstructor(double.class, double.class).newInstance(1.8, 0.9);
        FluxionException e = assertThrows(FluxionException.class, () -> {
            try {
                call("fitIntoItsOwnShape", fit);
            } catch (java.lang.reflect.InvocationTargetException ite) {
                throw ite.getCause();
            }
        });
        assertTrue(e.getMessage().contains("use gradient(model)"), e.getMessage());
    }

    @Test
    void aFinalScalarFieldReceivesItsDerivative() throws Exception {
        Object scaled = call("newScaled");
        for (String how : new String[] {"scaledGradient", "scaledInto"}) {
            Object grad = call(how, scaled);
            double[] w = (double[]) get(scaled, "w");
            double scale = (double) get(scaled, "scale");
            assertEquals(w[0] * w[0] + w[1] + Math.cos(scale), (double) get(grad, "scale"), 1e-12, how);
            double[] dw = (double[]) get(grad, "w");
            assertEquals(2 * scale * w[0], dw[0], 1e-12, how);
            assertEquals(scale, dw[1], 1e-12, how);
        }
    }

    @Test
    void aLossWritingIntoAnArrayTheModelHoldsTwiceIsAClearError() throws Exception {
        FluxionException e = assertThrows(FluxionException.class, () -> rethrown("sharedScratchGradient"));
        assertEquals("fluxion: the loss writes into the model's array at weights, which the model also holds at alias: "
                + "Fluxion differentiates a loss that writes into the model's arrays on copies of them, which would part the "
                + "two. Write into a copy of the array in the loss, or hold it in one place.", e.getMessage());
    }

    @Test
    void aGradientObjectThatDoesNotTieAsTheModelDoesIsAClearError() throws Exception {
        Object model = call("newTiedAutoencoder", 0.0);
        Object untied = call("newTiedAutoencoder", 0.0);
        Object decoder = get(untied, "decoder");
        Field w = decoder.getClass().getDeclaredField("w");
        w.setAccessible(true);
        w.set(decoder, new double[2][3]); // the user's gradient object: a decoder matrix of its own
        FluxionException e = assertThrows(FluxionException.class, () -> rethrown("tiedAutoencoderInto", model, untied));
        assertEquals("fluxion: the model holds one array at encoder.w and at decoder.w, the gradient object two different "
                + "ones: the derivative with respect to a shared array is one, the sum over its uses, and needs one place. "
                + "Give a gradient object that shares as the model does (ModelGradient.gradient(model) and "
                + "ModelVectors.unflatten(values, model) make one).", e.getMessage());
        FluxionException back = assertThrows(FluxionException.class, () -> rethrown("tiedAutoencoderJvp", untied, model));
        assertEquals("fluxion: the direction holds one array at encoder.w and at decoder.w, where the model holds two "
                + "different ones: each needs its own. Give a direction of the model's shape (ModelGradient.gradient(model) "
                + "and ModelVectors.unflatten(values, model) make one).", back.getMessage());
    }

    @Test
    void aGradientObjectWhoseBlocksHoldOtherNumbersOfLayersIsAClearError() throws Exception {
        Object net = call("newBlockNet", 1L);
        Object other = call("newBlockNetOfThreeLayerBlocks", 1L);
        FluxionException e = assertThrows(FluxionException.class, () -> rethrown("blockNetInto", net, other));
        assertEquals("fluxion: the gradient object's blocks[0].layers has 3 objects, the model's 2", e.getMessage());
    }

    private static Object rethrown(String name, Object... args) throws Throwable {
        try {
            return call(name, args);
        } catch (java.lang.reflect.InvocationTargetException ite) {
            throw ite.getCause();
        }
    }

    // Cell[][] grid: arrays of arrays of objects stay an error (arrays and lists of objects held by such objects work)
    @Test
    void anArrayOfArraysOfObjectsIsAnErrorNotConstants() throws Exception {
        DifferentiationException e = transformFixture("ModelWithCellGrid");
        assertEquals("fluxion: dev.fluxion.fixtures.bad.ModelWithCellGrid.loss(ModelWithCellGrid.java:"
                + errorLine("ModelWithCellGrid") + "): the gradient with respect to dev.fluxion.fixtures.bad.ModelWithCellGrid "
                + "reads the field dev.fluxion.fixtures.bad.ModelWithCellGrid.grid (dev.fluxion.fixtures.bad.ModelWithCellGrid"
                + ".Cell[][]), which may hold numbers (or functions) Fluxion does not differentiate through yet. Keep the "
                + "model's numbers in double, double[] or double[][] fields, of the model, of objects it holds in fields, in "
                + "arrays or in lists, and of the objects those hold the same ways (arrays of arrays of objects, and other "
                + "collections, are not supported yet: hold a row in an object of its own, a Row with a Cell[]); mark a "
                + "field that is data @NoDerivative.", e.getMessage());
    }

    // class Layer { double forward(double x) {..} }: not final, forward package-private, so overridable
    @Test
    void aLayersOverridableMethodIsNamedAsTheReason() throws Exception {
        DifferentiationException e = transformFixture("ModelWithOverridableLayer");
        assertEquals("fluxion: dev.fluxion.fixtures.bad.ModelWithOverridableLayer.loss(ModelWithOverridableLayer.java:"
                + errorLine("ModelWithOverridableLayer") + "): the object dev.fluxion.fixtures.bad.ModelWithOverridableLayer"
                + ".Layer, whose numbers the gradient is taken with respect to, is passed to "
                + "dev.fluxion.fixtures.bad.ModelWithOverridableLayer.Layer.forward(double), which Fluxion does not inline "
                + "(overridable: dev.fluxion.fixtures.bad.ModelWithOverridableLayer.Layer is not final and forward is neither "
                + "private, static nor final). Read the model's fields in the differentiated method and in helpers Fluxion "
                + "inlines (private, final or static, not recursive); do not write them there.", e.getMessage());
    }

    private static DifferentiationException transformFixture(String name) throws Exception {
        byte[] bytes;
        try (InputStream in = ModelGradientTest.class.getClassLoader()
                .getResourceAsStream("dev/fluxion/fixtures/bad/" + name + ".class")) {
            bytes = in.readAllBytes();
        }
        Transformer t = new Transformer(ClassFileLocator.ofClassLoader(ModelGradientTest.class.getClassLoader()), null);
        return assertThrows(DifferentiationException.class, () -> t.transform(bytes));
    }

    private static int errorLine(String fixture) throws Exception {
        List<String> source = Files.readAllLines(Path.of("src/test/java/dev/fluxion/fixtures/bad/" + fixture + ".java"));
        return source.indexOf(source.stream().filter(l -> l.contains("// ERROR")).findFirst().orElseThrow()) + 1;
    }

    /** Fluxion's derivative against Richardson differences of the loss in one field (restored after). */
    private static void checkAgainstDifferences(String what, double value, double fluxion, DoubleConsumer setField,
            DoubleSupplier loss) {
        double reference = GradientCheck.richardson(v -> {
            setField.accept(v);
            return loss.getAsDouble();
        }, value);
        setField.accept(value);
        assertEquals(reference, fluxion, 1e-7 * Math.max(1, Math.abs(reference)), what);
    }

    static Object get(Object o, String field) throws Exception {
        Field f = o.getClass().getDeclaredField(field);
        f.setAccessible(true);
        return f.get(o);
    }

    static void set(Object o, String field, double v) {
        try {
            Field f = o.getClass().getDeclaredField(field);
            f.setAccessible(true);
            f.setDouble(o, v);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
