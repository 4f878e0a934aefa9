package dev.fluxion.transformer;

import static dev.fluxion.transformer.ModelGradientTest.call;
import static dev.fluxion.transformer.ModelGradientTest.get;
import static dev.fluxion.transformer.ModelGradientTest.set;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fluxion.FluxionException;
import dev.fluxion.ModelVectors;
import dev.fluxion.testing.GradientCheck;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Forward mode and Hessian-vector products with respect to model objects
 * ({@code Fluxion.modelTangent}, {@code Fluxion.modelHessian}), for the models of
 * {@code ModelGradientTest}: directional derivatives against closed forms, against Richardson
 * differences of the loss along the direction (the model's fields moved by this test) and against
 * the reverse-mode gradient dotted with the direction; Hessian-vector products against closed forms
 * and against Richardson differences of the reverse-mode gradient along the vector.
 */
class ModelForwardTest {
    /** How far a relative comparison with Richardson differences may be off. */
    private static final double DIFFERENCES = 1e-7;

    @Test
    void aQuadraticBowlsDirectionalDerivativeAndHessianAgainstTheirClosedForms() throws Exception {
        Object q = call("newQuadratic");
        Object v = call("newQuadratic");
        double[] dc = {0.5, -1.5, 2.0};
        setArray(v, "center", dc);
        set(v, "scale", -0.75);
        double[] c = (double[]) get(q, "center");
        double scale = (double) get(q, "scale");
        double[] target = {1.0, -2.0, 0.5};
        double[] w = {1.0, 1.0, 2.0};
        double jvp = 0;
        double[] hvC = new double[3];
        double hvScale = 0;
        for (int i = 0; i < 3; i++) {
            double d = c[i] - target[i];
            jvp += 2 * scale * w[i] * d * dc[i] - 0.75 * w[i] * d * d;
            hvC[i] = 2 * scale * w[i] * dc[i] + 2 * w[i] * d * -0.75;
            hvScale += 2 * w[i] * d * dc[i];
        }
        assertEquals(jvp, (double) call("quadraticJvp", q, v), 1e-12);
        Object hv = call("quadraticHvp", q, v);
        assertArrayEquals(hvC, (double[]) get(hv, "center"), 1e-12);
        assertEquals(hvScale, (double) get(hv, "scale"), 1e-12);
        assertArrayEquals(new double[3], (double[]) get(hv, "weights"), "a @NoDerivative field: no second derivative");
        assertArrayEquals(new double[] {0.3, 0.4, -1.1}, c, "the model is unchanged");
        assertArrayEquals(new double[] {0.5, -1.5, 2.0}, dc, "v is unchanged");
    }

    @Test
    void aRecordsHessianIsARecord() throws Exception {
        Class<?> fitClass = ModelGradientTest.LOADER.loadClass("dev.fluxion.models.Fit");
        Object fit = fitClass.getDeclaredConstructor(double.class, double.class).newInstance(1.8, 0.9);
        Object v = fitClass.getDeclaredConstructor(double.class, double.class).newInstance(0.4, -1.3);
        double[] xs = {0, 1, 2, 3};
        double[] ys = {1.1, 2.9, 5.2, 6.8};
        double sxx = 0;
        double sx = 0;
        double jvp = 0;
        for (int i = 0; i < 4; i++) {
            sxx += xs[i] * xs[i];
            sx += xs[i];
            double r = 1.8 * xs[i] + 0.9 - ys[i];
            jvp += 2 * r * (0.4 * xs[i] - 1.3);
        }
        assertEquals(jvp, (double) call("fitJvp", fit, v), 1e-12);
        Object hv = call("fitHvp", fit, v);
        assertEquals(fitClass, hv.getClass());
        assertEquals(2 * (sxx * 0.4 + sx * -1.3), (double) get(hv, "slope"), 1e-12);
        assertEquals(2 * (sx * 0.4 + 4 * -1.3), (double) get(hv, "intercept"), 1e-12);
        FluxionException e = assertThrows(FluxionException.class, () -> {
            try {
                call("fitHvpIntoARecord", fit, v);
            } catch (InvocationTargetException ite) {
                throw ite.getCause();
            }
        });
        assertEquals("fluxion: the object for H v given, a dev.fluxion.models.Fit, is or holds a record whose components "
                + "receive derivatives, and a record's components cannot be written: use hvp(model, v), which returns a "
                + "new object for H v holding them.", e.getMessage());
    }

    /** A model's loss calling another class's penalty: H v through the call, against its closed form. */
    @Test
    void aHessianVectorProductThroughAnotherClassesMethod() throws Exception {
        Class<?> fitClass = ModelGradientTest.LOADER.loadClass("dev.fluxion.models.RobustFit");
        double[] xs = {0, 1, 2, 3};
        double[] ys = {1.1, 2.9, 5.2, 9.8};
        for (double[] p : new double[][] {{1.8, 0.9}, {2.5, -0.4}, {0.3, 1.7}}) {
            Object fit = fitClass.getDeclaredConstructor(double.class, double.class).newInstance(p[0], p[1]);
            Object v = fitClass.getDeclaredConstructor(double.class, double.class).newInstance(0.4, -1.3);
            Object hv = call("robustFitHvp", fit, v);
            double slope = 0;
            double intercept = 0;
            for (int i = 0; i < 4; i++) { // the penalty's second derivative, (1 + (r / delta)^2)^(-3/2), times x x^T v
                double q = (p[0] * xs[i] + p[1] - ys[i]) / 0.5;
                double curvature = Math.pow(1 + q * q, -1.5) * (0.4 * xs[i] - 1.3);
                slope += curvature * xs[i];
                intercept += curvature;
            }
            assertEquals(slope, (double) get(hv, "slope"), 1e-12);
            assertEquals(intercept, (double) get(hv, "intercept"), 1e-12);
        }
    }

    @Test
    void aListOfLayersAlongADirectionAgainstDifferencesAndTheGradient() throws Exception {
        for (long seed : new long[] {11, 12, 13}) { // several points
            Object net = call("newListNetSeeded", seed);
            Object base = call("newListNetSeeded", seed);
            Object direction = call("newListNetSeeded", seed + 100);
            double jvp = (double) call("listNetJvp", net, direction);
            double reference = GradientCheck.richardson(s -> lossAlong(net, base, direction, s), 0.0);
            moveAlong(net, base, direction, 0);
            assertEquals(reference, jvp, DIFFERENCES * Math.max(1, Math.abs(reference)), "seed " + seed);
            double[] gradient = numbers(call("listNetGradient", net));
            assertEquals(dot(gradient, numbers(direction)), jvp, 1e-12 * Math.max(1, Math.abs(jvp)), "forward against reverse");
            assertEquals(dot(ModelVectors.flatten(call("listNetGradient", net)), ModelVectors.flatten(direction)), jvp,
                    1e-12 * Math.max(1, Math.abs(jvp)), "the flat views agree");
        }
    }

    @Test
    void aListOfLayersHessianVectorProductAgainstDifferencesOfTheGradient() throws Exception {
        for (long seed : new long[] {11, 12}) {
            Object net = call("newListNetSeeded", seed);
            Object base = call("newListNetSeeded", seed);
            Object v = call("newListNetSeeded", seed + 200);
            double[] hv = numbers(call("listNetHvp", net, v));
            double[] reference = new double[hv.length];
            for (int k = 0; k < hv.length; k++) {
                int component = k;
                reference[k] = GradientCheck.richardson(s -> {
                    moveAlong(net, base, v, s);
                    try {
                        return numbers(call("listNetGradient", net))[component];
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, 0.0);
            }
            moveAlong(net, base, v, 0);
            for (int k = 0; k < hv.length; k++) {
                assertEquals(reference[k], hv[k], DIFFERENCES * Math.max(1, Math.abs(reference[k])), "seed " + seed
                        + ", component " + k);
            }
            Object out = call("newListNetSeeded", seed + 300); // into an object of the model's shape: the same numbers
            assertArrayEquals(hv, numbers(call("listNetHvpInto", net, v, out)), 0.0);
            // symmetry of the Hessian: u . H v = v . H u
            Object u = call("newListNetSeeded", seed + 400);
            assertEquals(dot(numbers(u), hv), dot(numbers(v), numbers(call("listNetHvp", net, u))), 1e-10);
        }
    }

    @Test
    void aPerceptronOfNestedLayersForwardAgainstReverse() throws Exception {
        Object net = call("newMlpSeeded", 7L);
        Object direction = call("newMlpSeeded", 8L);
        double jvp = (double) call("mlpJvp", net, direction);
        double[] g = ModelVectors.flatten(call("mlpGradient", net));
        assertEquals(dot(g, ModelVectors.flatten(direction)), jvp, 1e-12 * Math.max(1, Math.abs(jvp)));
        double[] hv = ModelVectors.flatten(call("mlpHvp", net, direction));
        double[] x = ModelVectors.flatten(net);
        double[] d = ModelVectors.flatten(direction);
        for (int k = 0; k < hv.length; k++) { // differences of the flat gradient along the direction
            int component = k;
            double reference = GradientCheck.richardson(s -> {
                double[] y = x.clone();
                for (int i = 0; i < y.length; i++) {
                    y[i] += s * d[i];
                }
                try {
                    return ModelVectors.flatten(call("mlpGradient", ModelVectors.unflatten(y, net)))[component];
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, 0.0);
            assertEquals(reference, hv[k], DIFFERENCES * Math.max(1, Math.abs(reference)), "component " + k);
        }
    }

    @Test
    void anArrayOfLayersForwardAgainstReverse() throws Exception {
        Object net = call("newDeepNetSeeded", 3L);
        Object direction = call("newDeepNetSeeded", 4L);
        double jvp = (double) call("deepNetJvp", net, direction);
        double[] g = ModelVectors.flatten(call("deepNetGradient", net));
        assertEquals(dot(g, ModelVectors.flatten(direction)), jvp, 1e-12 * Math.max(1, Math.abs(jvp)));
    }

    @Test
    void aRecordReadThroughItsAccessorsForwardAndHessianAgainstReverseAndDifferences() throws Exception {
        Object model = call("newDecaying", 0.8, 1.5, 0.4);
        Object v = call("newDecaying", -0.3, 0.7, 1.2);
        double[] g = ModelVectors.flatten(call("decayingGradient", model));
        double jvp = (double) call("decayingJvp", model, v);
        assertEquals(dot(g, ModelVectors.flatten(v)), jvp, 1e-12 * Math.max(1, Math.abs(jvp)), "forward against reverse");
        double[] hv = ModelVectors.flatten(call("decayingHvp", model, v));
        double[] dv = {-0.3, 0.7, 1.2, 0.1}; // rate, weights, offset: v's numbers
        for (int k = 0; k < hv.length; k++) { // differences of the gradient along v, of models made along it
            int component = k;
            double reference = GradientCheck.richardson(s -> {
                try {
                    Object moved = call("newDecaying", 0.8 + s * dv[0], 1.5 + s * dv[1], 0.4 + s * dv[2]);
                    set(moved, "offset", 0.1 + s * dv[3]);
                    return ModelVectors.flatten(call("decayingGradient", moved))[component];
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, 0.0);
            assertEquals(reference, hv[k], DIFFERENCES * Math.max(1, Math.abs(reference)), "component " + k);
        }
    }

    @Test
    void aDirectionOfAnotherShapeIsAnError() throws Exception {
        Object q = call("newQuadratic");
        Object v = call("newQuadratic");
        setArray(v, "center", new double[2]);
        FluxionException e = assertThrows(FluxionException.class, () -> {
            try {
                call("quadraticJvp", q, v);
            } catch (InvocationTargetException ite) {
                throw ite.getCause();
            }
        });
        assertEquals("fluxion: the direction's center has length 2, the model's 3", e.getMessage());
    }

    /** The ListNet's loss with its numbers at {@code base + s direction}. */
    private static double lossAlong(Object net, Object base, Object direction, double s) {
        moveAlong(net, base, direction, s);
        try {
            return (double) call("listNetLoss", net);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sets every number of the ListNet {@code net} to {@code base + s direction}, field by field. */
    private static void moveAlong(Object net, Object base, Object direction, double s) {
        try {
            List<?> layers = (List<?>) get(net, "layers");
            for (int l = 0; l < layers.size(); l++) {
                Object b = ((List<?>) get(base, "layers")).get(l);
                Object d = ((List<?>) get(direction, "layers")).get(l);
                double[][] w = (double[][]) get(layers.get(l), "w");
                double[][] bw = (double[][]) get(b, "w");
                double[][] dw = (double[][]) get(d, "w");
                for (int i = 0; i < w.length; i++) {
                    for (int j = 0; j < w[i].length; j++) {
                        w[i][j] = bw[i][j] + s * dw[i][j];
                    }
                }
                double[] bias = (double[]) get(layers.get(l), "b");
                for (int i = 0; i < bias.length; i++) {
                    bias[i] = ((double[]) get(b, "b"))[i] + s * ((double[]) get(d, "b"))[i];
                }
                set(layers.get(l), "gain", (double) get(b, "gain") + s * (double) get(d, "gain"));
            }
            set(net, "offset", (double) get(base, "offset") + s * (double) get(direction, "offset"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A ListNet's numbers, read by this test: each layer's w (by rows), b and gain, then the offset. */
    private static double[] numbers(Object net) throws Exception {
        java.util.ArrayList<Double> out = new java.util.ArrayList<>();
        for (Object layer : (List<?>) get(net, "layers")) {
            for (double[] row : (double[][]) get(layer, "w")) {
                for (double x : row) {
                    out.add(x);
                }
            }
            for (double x : (double[]) get(layer, "b")) {
                out.add(x);
            }
            out.add((double) get(layer, "gain"));
        }
        out.add((double) get(net, "offset"));
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double dot(double[] a, double[] b) {
        assertEquals(a.length, b.length);
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void setArray(Object o, String field, double[] value) throws Exception {
        java.lang.reflect.Field f = o.getClass().getDeclaredField(field);
        f.setAccessible(true);
        f.set(o, value);
    }
}
