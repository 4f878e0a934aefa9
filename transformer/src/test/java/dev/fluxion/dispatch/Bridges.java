package dev.fluxion.dispatch;

import dev.fluxion.Differentiable;
import dev.fluxion.ScalarFunction;

/**
 * A generic interface whose implementation's method javac reaches through a bridge: {@code
 * Loss<Points>}'s {@code loss(double[], Object)} calls {@code LeastSquares.loss(double[], Points)}.
 * A trainer holds the loss and its data, as a Java developer writes a pluggable objective.
 */
public final class Bridges {
    private Bridges() {
    }

    public interface Loss<D> {
        double loss(double[] w, D data);
    }

    public record Points(double[] x, double[] y) {
    }

    /** A line's squared residuals. */
    public static final class LeastSquares implements Loss<Points> {
        @Differentiable
        @Override
        public double loss(double[] w, Points p) {
            double s = 0;
            for (int i = 0; i < p.x().length; i++) {
                double r = w[0] * p.x()[i] + w[1] - p.y()[i];
                s += r * r;
            }
            return s;
        }
    }

    public static final class Trainer {
        private final Loss<Points> loss;
        private final Points data;

        Trainer(Loss<Points> loss, Points data) {
            this.loss = loss;
            this.data = data;
        }

        /** The loss plus a penalty on the slope. */
        @Differentiable
        public double objective(double[] w) {
            return loss.loss(w, data) + 0.1 * w[0] * w[0];
        }
    }

    public static final Points POINTS = new Points(new double[] {1, 2, 3}, new double[] {2, 3, 5});

    public static ScalarFunction objective() {
        return new Trainer(new LeastSquares(), POINTS)::objective;
    }
}
