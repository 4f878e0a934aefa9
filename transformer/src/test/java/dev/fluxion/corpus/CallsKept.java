package dev.fluxion.corpus;

import dev.fluxion.Differentiable;

/**
 * Second derivatives through calls Fluxion does not inline: recursive helpers, and calls into other
 * classes' {@code @Differentiable} methods (a model's building blocks, a simulation's step, an
 * object's instance method).
 */
public final class CallsKept {
    private CallsKept() {
    }

    private static final double[][] FEATURES = {{1, 0.5, -1.2}, {1, -0.3, 0.8}, {1, 1.7, 0.1}, {1, -1.1, -0.6}};
    private static final double[] LABELS = {1, -1, 1, -1};
    private static final Spring[] SPRINGS = {new Spring(3.0, 0.8), new Spring(1.5, 0.5)};
    private static final TanFraction TAN = new TanFraction(6);

    /** {@code x^n} by repeated squaring, recursively. */
    @Differentiable
    public static double power(double x, int n) {
        if (n == 0) {
            return 1;
        }
        double half = power(x, n / 2);
        return n % 2 == 0 ? half * half : x * half * half;
    }

    @Differentiable
    public static double polynomial(double[] x) {
        return 3 * power(x[0], 5) - power(x[1], 3) * power(x[0], 2) + power(x[2], 4);
    }

    /** A unary function through the recursion: {@code x^7 + x^2}. */
    @Differentiable
    public static double seventhPower(double x) {
        return power(x, 7) + power(x, 2);
    }

    /** Regularised logistic regression over a small data set, its blocks from {@link Activations}. */
    @Differentiable
    public static double logisticLoss(double[] w) {
        double loss = 0;
        for (int i = 0; i < FEATURES.length; i++) {
            double margin = LABELS[i] * Activations.dot(w, FEATURES[i]);
            loss += Activations.softplus(-margin);
        }
        return loss / FEATURES.length + 0.01 * Activations.dot(w, w);
    }

    /** The energy of an orbit after a few leapfrog steps, from position and velocity {@code s}. */
    @Differentiable
    public static double energyAfterSteps(double[] s) {
        double[] q = {s[0], s[1]};
        double[] v = {s[2], s[3]};
        for (int i = 0; i < 10; i++) {
            Orbits.step(q, v, 0.05);
        }
        return 0.5 * (v[0] * v[0] + v[1] * v[1]) - 1 / Math.hypot(q[0], q[1]) + q[0] * v[1];
    }

    /** A chain of points held by springs from the origin, {@code p} the points' coordinates: the energy of the chain. */
    @Differentiable
    public static double chainEnergy(double[] p) {
        double energy = 0;
        double x = 0;
        double y = 0;
        for (int i = 0; i + 1 < p.length; i += 2) {
            energy += SPRINGS[i / 2 % SPRINGS.length].energy(x, y, p[i], p[i + 1]);
            x = p[i];
            y = p[i + 1];
        }
        return energy + 0.5 * y * y;
    }

    /** Two functions calling each other, {@code n} levels deep. */
    @Differentiable
    public static double ping(double x, int n) {
        return n == 0 ? x : Math.sin(pong(x, n - 1)) + 0.1 * x;
    }

    @Differentiable
    public static double pong(double x, int n) {
        return n == 0 ? x * x : ping(x * 0.9, n - 1) * x;
    }

    @Differentiable
    public static double pingPong(double[] x) {
        return ping(x[0], 5) * x[1] + pong(x[1], 4);
    }

    /** A direction and a length from one call, which writes the direction into the copy it is given. */
    @Differentiable
    public static double directionAndLength(double[] x) {
        double[] direction = x.clone();
        double length = Activations.normalize(direction);
        return length * length * direction[0];
    }

    /** Each row of a small matrix normalised in place, its length weighting its first element. */
    @Differentiable
    public static double rowLengths(double[] x) {
        double[][] rows = {{x[0], x[1]}, {x[1], x[2]}};
        double total = 0;
        for (double[] row : rows) {
            total += Activations.normalize(row) * row[0];
        }
        return total;
    }

    /** A copy of the point scaled by its first coordinate, through a helper that scales in place and returns the array. */
    @Differentiable
    public static double scaledProduct(double[] x) {
        double[] y = Activations.scale(x.clone(), x[0]);
        return y[0] * y[1];
    }

    /** {@code tan} of a combination of the inputs, by an object's recursive method. */
    @Differentiable
    public static double tangentOfSum(double[] x) {
        return TAN.at(x[0] + 0.5 * x[1]) * x[1];
    }
}
