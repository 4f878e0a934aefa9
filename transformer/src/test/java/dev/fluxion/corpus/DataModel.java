package dev.fluxion.corpus;

import dev.fluxion.Differentiable;

/**
 * A model whose data (points, a regularisation weight) are fields, passed to a static loss of the
 * same class: the loss's adjoint the model calls is specialised to the weights, so the data are
 * not differentiated. With f(w) = sum_i (w0 + w1 p_i)^2 + lambda |w|^2, {@link #loss} is a tail
 * call, {@link #shiftedHalfLoss} = f / 2 + w0 a call reversed jointly.
 */
public final class DataModel {
    private final double[] points;
    private final double lambda;

    public DataModel(double[] points, double lambda) {
        this.points = points;
        this.lambda = lambda;
    }

    public double[] points() {
        return points;
    }

    @Differentiable
    public double loss(double[] w) {
        return lossOf(w, points, lambda);
    }

    @Differentiable
    public double shiftedHalfLoss(double[] w) {
        return 0.5 * lossOf(w, points, lambda) + w[0];
    }

    /**
     * A scratch buffer the model allocates and passes on, but never reads itself: inactive here, yet
     * the callee writes differentiated values into it and reads them back, so the specialised
     * adjoint still needs its shadow. f = sum_i (w0 + w1 p_i)^2.
     */
    @Differentiable
    public double scratchLoss(double[] w) {
        double[] scratch = new double[points.length];
        return fillAndSum(w, points, scratch);
    }

    @Differentiable
    static double fillAndSum(double[] w, double[] p, double[] out) {
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            out[i] = w[0] + w[1] * p[i];
            s += out[i] * out[i];
        }
        return s;
    }

    @Differentiable
    static double lossOf(double[] w, double[] p, double lambda) {
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            double r = w[0] + w[1] * p[i];
            s += r * r;
        }
        return s + lambda * (w[0] * w[0] + w[1] * w[1]);
    }

    /** The gradient of f by hand. */
    public double[] lossGradient(double[] w) {
        double[] g = {2 * lambda * w[0], 2 * lambda * w[1]};
        for (double p : points) {
            double r = w[0] + w[1] * p;
            g[0] += 2 * r;
            g[1] += 2 * r * p;
        }
        return g;
    }
}
