package dev.fluxion.samples.ode;

import dev.fluxion.Differentiable;

/**
 * The loss of {@link PredatorPreyFit} written the other ways a Java developer would write it, each
 * giving the same gradient (the test checks it): the lambda passed straight to the integrator, the
 * lambda made by a factory method, a static method reference with the parameters passed beside it,
 * the model as an object whose fields are the parameters and whose method is passed as
 * {@code this::lotkaVolterra}, and the loss along one parameter for {@code Fluxion.derivative}.
 *
 * <p>Natural forms that Fluxion rejects (a record or an anonymous class as the right-hand side, a
 * bound method reference {@code model::derivative}, the right-hand side held in a field, an
 * integrator object holding it, ...) are not here: a rejected method fails the build of this
 * module, which fluxion-maven-plugin transforms. They are in {@code repro/} at the top of the
 * repository, each with Fluxion's message.
 */
final class PredatorPreyVariants {
    private PredatorPreyVariants() {
    }

    /** The lambda passed straight to the integrator. */
    @Differentiable
    static double lossInline(double[] params) {
        double alpha = params[0], beta = params[1], gamma = params[2], delta = params[3];
        double[][] predicted = Rk4.trajectory((t, y, dydt) -> {
            dydt[0] = alpha * y[0] - beta * y[0] * y[1];
            dydt[1] = delta * y[0] * y[1] - gamma * y[1];
        }, PredatorPreyFit.Y0, PredatorPreyFit.TIMES, PredatorPreyFit.STEPS_PER_INTERVAL);
        return squaredResiduals(predicted);
    }

    /** The right-hand side made by a factory method that returns a lambda capturing the parameters. */
    @Differentiable
    static double lossFactory(double[] params) {
        Rhs model = PredatorPreyFit.lotkaVolterra(params);
        return squaredResiduals(Rk4.trajectory(model, PredatorPreyFit.Y0, PredatorPreyFit.TIMES,
                PredatorPreyFit.STEPS_PER_INTERVAL));
    }

    /** The model as a plain static method of the parameters, the state and its derivative. */
    static void lotkaVolterra(double[] p, double t, double[] y, double[] dydt) {
        dydt[0] = p[0] * y[0] - p[1] * y[0] * y[1];
        dydt[1] = p[3] * y[0] * y[1] - p[2] * y[1];
    }

    /** A static method reference, the parameters passed to the integrator beside it. */
    @Differentiable
    static double lossStaticReference(double[] params) {
        return squaredResiduals(Rk4.trajectory(PredatorPreyVariants::lotkaVolterra, params, PredatorPreyFit.Y0,
                PredatorPreyFit.TIMES, PredatorPreyFit.STEPS_PER_INTERVAL));
    }

    /** The loss as a function of alpha alone, the other parameters at their hidden values: for forward mode's {@code Fluxion.derivative}. */
    @Differentiable
    static double lossAlongAlpha(double alpha) {
        double[] params = PredatorPreyFit.HIDDEN.clone();
        params[0] = alpha;
        return PredatorPreyFit.loss(params);
    }

    /** The model as an object: its fields are the parameters, {@code this::lotkaVolterra} the right-hand side. */
    static final class LotkaVolterraModel {
        double alpha;
        double beta;
        double gamma;
        double delta;

        LotkaVolterraModel(double[] p) {
            alpha = p[0];
            beta = p[1];
            gamma = p[2];
            delta = p[3];
        }

        private void lotkaVolterra(double t, double[] y, double[] dydt) {
            dydt[0] = alpha * y[0] - beta * y[0] * y[1];
            dydt[1] = delta * y[0] * y[1] - gamma * y[1];
        }

        @Differentiable
        double loss() {
            return squaredResiduals(Rk4.trajectory(this::lotkaVolterra, PredatorPreyFit.Y0, PredatorPreyFit.TIMES,
                    PredatorPreyFit.STEPS_PER_INTERVAL));
        }
    }

    static double squaredResiduals(double[][] predicted) {
        double sum = 0;
        for (int k = 0; k < predicted.length; k++) {
            for (int i = 0; i < predicted[k].length; i++) {
                double r = predicted[k][i] - PredatorPreyFit.OBSERVED[k][i];
                sum += r * r;
            }
        }
        return sum;
    }
}
