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
    /** The points in pairs, {@code (p_i, p_i+1)} around the ring: rows of a data matrix. */
    private final double[][] rows;

    public DataModel(double[] points, double lambda) {
        this.points = points;
        this.lambda = lambda;
        this.rows = new double[points.length][];
        for (int i = 0; i < points.length; i++) {
            rows[i] = new double[] {points[i], points[(i + 1) % points.length]};
        }
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

    /**
     * sum_i (w0 + w1 m_i)^2 + lambda w0, m_i the mean of the points up to i, read from this object
     * in the loop: an instance method's sum over points, reversed point by point with the receiver
     * passed to the body.
     */
    @Differentiable
    public double runningMeanLoss(double[] w) {
        int n = points.length;
        double s = 0;
        for (int i = 0; i < n; i++) {
            double m = 0;
            for (int k = 0; k <= i; k++) {
                m += points[k];
            }
            m /= i + 1;
            double r = w[0] + w[1] * m;
            s += r * r;
        }
        return s + lambda * w[0];
    }

    public double[] runningMeanLossGradient(double[] w) {
        double[] g = {lambda, 0};
        double sum = 0;
        for (int i = 0; i < points.length; i++) {
            sum += points[i];
            double m = sum / (i + 1);
            double r = w[0] + w[1] * m;
            g[0] += 2 * r;
            g[1] += 2 * r * m;
        }
        return g;
    }

    /**
     * A logistic loss over the rows of a data matrix held in a final field, as a Bayesian logistic
     * regression's likelihood is written: {@code sum_i log(1 + exp(-(w0 r_i0 + w1 r_i1 + w2)))}. The
     * matrix, read once, is passed to each point's outlined adjoint with no shadow (nobody
     * differentiates it there).
     */
    @Differentiable
    public double rowsLoss(double[] w) {
        double s = 0;
        for (int i = 0; i < rows.length; i++) {
            double z = w[w.length - 1];
            for (int j = 0; j + 1 < w.length; j++) {
                z += w[j] * rows[i][j];
            }
            s += Math.log(1 + Math.exp(-z));
        }
        return s;
    }

    public double[] rowsLossGradient(double[] w) {
        double[] g = new double[w.length];
        for (double[] row : rows) {
            double z = w[w.length - 1];
            for (int j = 0; j + 1 < w.length; j++) {
                z += w[j] * row[j];
            }
            double dz = -Math.exp(-z) / (1 + Math.exp(-z));
            for (int j = 0; j + 1 < w.length; j++) {
                g[j] += dz * row[j];
            }
            g[w.length - 1] += dz;
        }
        return g;
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
