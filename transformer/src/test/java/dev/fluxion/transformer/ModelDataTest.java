package dev.fluxion.transformer;

import static dev.fluxion.transformer.ModelGradientTest.call;
import static dev.fluxion.transformer.ModelGradientTest.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.fluxion.ModelVectors;
import dev.fluxion.testing.GradientCheck;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Models holding data besides their numbers ({@code dev.fluxion.models.Activated}): an enum switched
 * on in the loss, records of counts, flags, strings and enums. The data is shared by reference with
 * every object made in the model's structure (an unflattened model, a gradient object, a
 * Hessian-vector product's), never instantiated: a copy of an enum's constant is a constant no
 * {@code switch} knows. Each derivative against its closed form and Richardson-extrapolated
 * differences of the loss.
 */
class ModelDataTest {
    private static final List<String> ACTIVATIONS = List.of("TANH", "SQUARE", "SOFTPLUS");
    private static final double[][] POINTS = {{0.5, 0.2}, {-0.7, 0.9}, {1.1, -0.4}};

    private static Object model(String activation, double w, double b, int power, boolean enabled, double weight) {
        try {
            return call("newActivated", activation, w, b, power, enabled, weight);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static double loss(Object m) {
        try {
            return (double) call("activatedLoss", m);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The loss in closed form: {@code gain act(1.5 w + b) + weight w^power}. */
    private static double closedForm(String activation, double w, double b, int power, boolean enabled, double weight) {
        double z = 1.5 * w + b;
        double a = switch (activation) {
            case "TANH" -> Math.tanh(z);
            case "SQUARE" -> 0.5 * z * z;
            default -> 2.0 * Math.log1p(Math.exp(z));
        };
        return a + (enabled ? weight * Math.pow(w, power) : 0);
    }

    /** {d/dw, d/db, d/dweight} of {@link #closedForm}. */
    private static double[] closedGradient(String activation, double w, double b, int power, boolean enabled, double weight) {
        double z = 1.5 * w + b;
        double da = switch (activation) {
            case "TANH" -> 1 - Math.tanh(z) * Math.tanh(z);
            case "SQUARE" -> z;
            default -> 2.0 / (1 + Math.exp(-z));
        };
        double dw = 1.5 * da + (enabled ? weight * power * Math.pow(w, power - 1) : 0);
        return new double[] {dw, da, enabled ? Math.pow(w, power) : 0};
    }

    @Test
    void anEnumSwitchInTheLossOfAModelHoldingNothingElse() throws Exception {
        for (double w : new double[] {0.5, -1.3, 2.0}) {
            for (String act : List.of("TANH", "RELU")) {
                double tanh = Math.tanh(w);
                double closed = act.equals("TANH") ? 1 - tanh * tanh : 2 * w;
                double reference = GradientCheck.richardson(x -> {
                    try {
                        return (double) call("switchedLoss", call("newSwitched", act, x));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, w);
                assertEquals(closed, reference, 1e-7 * Math.max(1, Math.abs(closed)), act + " reference at " + w);
                assertEquals(closed, (double) call("switchedGradient", call("newSwitched", act, w)), 1e-14, act + " at " + w);
            }
        }
    }

    @Test
    void enumsInAListAndAnArrayTheModelHolds() throws Exception {
        Object m = call("newSwitched", "RELU", 0.0);
        double[] u = (double[]) get(m, "units");
        double[] got = (double[]) call("switchedUnitsGradient", m);
        double t1 = Math.tanh(u[1]);
        double t2 = Math.tanh(u[2]);
        double[] closed = {2 * u[0], 1 - t1 * t1 + 2, 1 - t2 * t2 + 2};
        for (int k = 0; k < u.length; k++) {
            int i = k;
            double at = u[k];
            double reference = GradientCheck.richardson(x -> {
                u[i] = x;
                try {
                    return (double) call("switchedUnits", m);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                } finally {
                    u[i] = at;
                }
            }, at);
            assertEquals(closed[k], reference, 1e-7 * Math.max(1, Math.abs(closed[k])), "reference " + k);
            assertEquals(closed[k], got[k], 1e-14, "units[" + k + "]");
        }
    }

    @Test
    void anUnflattenedModelSharesItsEnumsAndRecordsOfCounts() throws Exception {
        for (String activation : ACTIVATIONS) {
            Object m = model(activation, 0.5, 0.2, 3, true, 0.25);
            assertEquals(closedForm(activation, 0.5, 0.2, 3, true, 0.25), loss(m), 1e-14, activation);
            assertEquals(3, ModelVectors.size(m), "w, b and penalty.weight: an enum's gain is a constant, not a parameter");
            Object u = ModelVectors.unflatten(ModelVectors.flatten(m), m);
            assertNotSame(m, u);
            assertSame(get(m, "activation"), get(u, "activation"), "an enum's constant is shared, never copied");
            assertSame(get(m, "shape"), get(u, "shape"), "a record of a count and an enum holds no number: shared");
            assertNotSame(get(m, "penalty"), get(u, "penalty"), "a record holding a number is made anew");
            assertSame(get(get(m, "penalty"), "name"), get(get(u, "penalty"), "name"));
            assertEquals(loss(m), loss(u), 0.0, activation + ": the unflattened model computes what the model does");
            // other values: the model those make, as a constructor makes it
            Object v = ModelVectors.unflatten(new double[] {-0.7, 0.9, 1.5}, m);
            assertEquals(loss(model(activation, -0.7, 0.9, 3, true, 1.5)), loss(v), 0.0, activation);
            assertEquals(List.of(-0.7, 0.9, 1.5), java.util.Arrays.stream(ModelVectors.flatten(v)).boxed().toList());
        }
    }

    @Test
    void theGradientOfALossThatSwitchesOnAnEnumAndReadsARecordsCount() throws Exception {
        for (String activation : ACTIVATIONS) {
            for (boolean enabled : new boolean[] {true, false}) {
                for (int power : new int[] {2, 3}) {
                    for (double[] at : POINTS) {
                        double w = at[0];
                        double b = at[1];
                        double weight = 0.75;
                        Object m = model(activation, w, b, power, enabled, weight);
                        Object g = call("activatedGradient", m);
                        assertSame(get(m, "activation"), get(g, "activation"), "the gradient object's enum is the model's");
                        assertSame(get(m, "shape"), get(g, "shape"));
                        double[] got = {(double) get(g, "w"), (double) get(g, "b"), (double) get(get(g, "penalty"), "weight")};
                        double[] closed = closedGradient(activation, w, b, power, enabled, weight);
                        DoubleUnaryOperator[] along = {
                            x -> loss(model(activation, x, b, power, enabled, weight)),
                            x -> loss(model(activation, w, x, power, enabled, weight)),
                            x -> loss(model(activation, w, b, power, enabled, x))};
                        double[] x0 = {w, b, weight};
                        String where = activation + " power " + power + (enabled ? "" : " disabled") + " at " + w + ", " + b;
                        for (int k = 0; k < 3; k++) {
                            double reference = GradientCheck.richardson(along[k]::applyAsDouble, x0[k]);
                            assertEquals(closed[k], reference, 1e-7 * Math.max(1, Math.abs(closed[k])), where + " reference " + k);
                            assertEquals(closed[k], got[k], 1e-12 * Math.max(1, Math.abs(closed[k])), where + " parameter " + k);
                        }
                        assertEquals(closedForm(activation, w, b, power, enabled, weight), loss(m), 1e-14);
                    }
                }
            }
        }
    }

    @Test
    void forwardAndHessianVectorProductsAgreeWithTheGradient() throws Exception {
        for (String activation : ACTIVATIONS) {
            for (double[] at : POINTS) {
                double w = at[0];
                double b = at[1];
                Object m = model(activation, w, b, 3, true, 0.75);
                double[] dir = {0.3, -1.2, 0.8};
                Object direction = ModelVectors.unflatten(dir, m);
                double[] grad = ModelVectors.flatten(call("activatedGradient", m));
                double jvp = (double) call("activatedJvp", m, direction);
                assertEquals(grad[0] * dir[0] + grad[1] * dir[1] + grad[2] * dir[2], jvp, 1e-12, activation + " jvp");
                Object hv = call("activatedHvp", m, direction);
                assertSame(get(m, "activation"), get(hv, "activation"));
                double[] got = ModelVectors.flatten(hv);
                for (int k = 0; k < 3; k++) { // H v: the derivative of the gradient along v
                    int i = k;
                    double reference = GradientCheck.richardson(t -> {
                        double[] x = ModelVectors.flatten(m);
                        for (int j = 0; j < 3; j++) {
                            x[j] += t * dir[j];
                        }
                        try {
                            return ModelVectors.flatten(call("activatedGradient", ModelVectors.unflatten(x, m)))[i];
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }, 0.0);
                    assertEquals(reference, got[k], 1e-7 * Math.max(1, Math.abs(reference)), activation + " hvp " + k);
                }
            }
        }
    }
}
