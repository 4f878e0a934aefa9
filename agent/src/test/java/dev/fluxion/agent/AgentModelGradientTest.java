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
}
