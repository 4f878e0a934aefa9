package dev.fluxion.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fluxion.Differentiable;
import dev.fluxion.Fluxion;
import dev.fluxion.ModelGradient;
import org.junit.jupiter.api.Test;

/** A gradient with respect to a model object, under the real agent jar. */
class AgentModelGradientTest {
    /** A linear model with a ridge penalty, fitted to three points. */
    static final class Ridge {
        final double[] w = {0.5, -0.25};
        double intercept = 0.1;
        double lambda = 0.01;
        static final double[][] X = {{1, 2}, {0, 1}, {3, -1}};
        static final double[] Y = {1, 0.5, 2};

        @Differentiable
        double loss() {
            double s = 0;
            for (int n = 0; n < X.length; n++) {
                double r = predict(X[n]) - Y[n];
                s += r * r;
            }
            return s + lambda * (w[0] * w[0] + w[1] * w[1]);
        }

        private double predict(double[] x) {
            return intercept + w[0] * x[0] + w[1] * x[1];
        }
    }

    @Test
    void aRidgeRegressionAgainstItsClosedForm() {
        Ridge model = new Ridge();
        ModelGradient<Ridge> g = Fluxion.modelGradient(Ridge::loss);
        Ridge grad = new Ridge();
        double loss = g.valueAndGradient(model, grad);
        assertEquals(model.loss(), loss, 1e-15);
        double[] dw = new double[2];
        double db = 0;
        double dLambda = model.w[0] * model.w[0] + model.w[1] * model.w[1];
        for (int n = 0; n < 3; n++) {
            double r = model.intercept + model.w[0] * Ridge.X[n][0] + model.w[1] * Ridge.X[n][1] - Ridge.Y[n];
            dw[0] += 2 * r * Ridge.X[n][0];
            dw[1] += 2 * r * Ridge.X[n][1];
            db += 2 * r;
        }
        dw[0] += 2 * model.lambda * model.w[0];
        dw[1] += 2 * model.lambda * model.w[1];
        assertArrayEquals(dw, grad.w, 1e-12);
        assertEquals(db, grad.intercept, 1e-12);
        assertEquals(dLambda, grad.lambda, 1e-12);
        assertArrayEquals(new double[] {0.5, -0.25}, model.w, "the model is unchanged");
    }

    /** A sum of linear experts held in a list, each fitted to its own share of three points. */
    static final class Experts {
        static final double[][] X = {{1, 2}, {0, 1}, {3, -1}};
        static final double[] Y = {1, 0.5, 2};

        static final class Expert {
            final double[] w;
            double b;

            Expert(double w0, double w1, double b) {
                this.w = new double[] {w0, w1};
                this.b = b;
            }
        }

        final java.util.List<Expert> experts = java.util.List.of(new Expert(0.5, -0.25, 0.1), new Expert(-0.3, 0.2, 0.4));


        @Differentiable
        double loss() {
            double s = 0;
            for (int n = 0; n < X.length; n++) {
                double r = -Y[n];
                for (Expert e : experts) {
                    r += e.b + e.w[0] * X[n][0] + e.w[1] * X[n][1];
                }
                s += r * r;
            }
            return s;
        }
    }

    @Test
    void aListOfObjectsAgainstItsClosedForm() {
        Experts model = new Experts();
        Experts grad = Fluxion.modelGradient(Experts::loss).gradient(model);
        double[] dw = new double[2];
        double db = 0;
        for (int n = 0; n < 3; n++) {
            double r = -Experts.Y[n];
            for (Experts.Expert e : model.experts) {
                r += e.b + e.w[0] * Experts.X[n][0] + e.w[1] * Experts.X[n][1];
            }
            dw[0] += 2 * r * Experts.X[n][0];
            dw[1] += 2 * r * Experts.X[n][1];
            db += 2 * r;
        }
        assertEquals(2, grad.experts.size());
        for (int k = 0; k < 2; k++) { // every expert's output adds to the same residual: the same derivatives
            assertArrayEquals(dw, grad.experts.get(k).w, 1e-12);
            assertEquals(db, grad.experts.get(k).b, 1e-12);
        }
        assertArrayEquals(new double[] {0.5, -0.25}, model.experts.get(0).w, "the model is unchanged");
    }

    @Test
    void forwardModeAndHessianOfAListOfObjectsAgainstTheirClosedForms() {
        Experts model = new Experts();
        Experts v = new Experts(); // a direction of the model's shape
        v.experts.get(0).w[0] = 0.3;
        v.experts.get(0).w[1] = -0.7;
        v.experts.get(0).b = 1.1;
        v.experts.get(1).w[0] = -0.2;
        v.experts.get(1).w[1] = 0.9;
        v.experts.get(1).b = 0.4;
        double jvp = 0;
        double[] hw = new double[2];
        double hb = 0;
        for (int n = 0; n < 3; n++) {
            double r = -Experts.Y[n];
            double along = 0; // the residual's derivative along v
            for (int k = 0; k < 2; k++) {
                Experts.Expert e = model.experts.get(k);
                Experts.Expert d = v.experts.get(k);
                r += e.b + e.w[0] * Experts.X[n][0] + e.w[1] * Experts.X[n][1];
                along += d.b + d.w[0] * Experts.X[n][0] + d.w[1] * Experts.X[n][1];
            }
            jvp += 2 * r * along;
            hw[0] += 2 * Experts.X[n][0] * along;
            hw[1] += 2 * Experts.X[n][1] * along;
            hb += 2 * along;
        }
        assertEquals(jvp, Fluxion.modelTangent(Experts::loss).jvp(model, v), 1e-12);
        Experts hv = Fluxion.modelHessian(Experts::loss).hvp(model, v);
        for (int k = 0; k < 2; k++) {
            assertArrayEquals(hw, hv.experts.get(k).w, 1e-12);
            assertEquals(hb, hv.experts.get(k).b, 1e-12);
        }
    }
}
