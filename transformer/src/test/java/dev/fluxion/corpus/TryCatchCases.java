package dev.fluxion.corpus;

import dev.fluxion.Differentiable;

/**
 * try/catch/finally and try-with-resources around differentiated code, written as people write
 * them: a timer closed by try-with-resources, a counter in a finally, a helper that rejects bad
 * input and a fallback in the caller, a helper that throws after doing part of its work, an
 * {@code ArithmeticException} from an integer division, reading past an array's end to stop a
 * loop, bad samples skipped in a loop, a retry with a smaller step. The derivative is that of the
 * path taken, exceptions included.
 */
public final class TryCatchCases {
    private TryCatchCases() {
    }

    /** How many timers were closed, and how many finally blocks ran: the cleanup runs in derivatives too. */
    public static int closed;
    public static int finallyRan;

    /** A timer for try-with-resources: it only measures, beside the computation. */
    static final class Timer implements AutoCloseable {
        private final long start = System.nanoTime();
        static long lastNanos;

        @Override
        public void close() {
            lastNanos = System.nanoTime() - start;
            closed++;
        }
    }

    /** The sum of squares, timed: no exception on the path, the resource closed on the way out. */
    @Differentiable
    public static double timedSumOfSquares(double[] x) {
        try (Timer t = new Timer()) {
            double s = 0;
            for (double v : x) {
                s += v * v;
            }
            return s;
        }
    }

    /** A product of the elements, with an early return inside the try and a finally on every exit. */
    @Differentiable
    public static double productWithFinally(double[] x) {
        double p = 1;
        try {
            for (int i = 0; i < x.length; i++) {
                p *= x[i];
                if (p > 100) {
                    return 100 + Math.log(p);
                }
            }
        } finally {
            finallyRan++;
        }
        return p;
    }

    /** sqrt(x0) x1, for a positive x0 only: a helper nobody annotated, which checks its input. */
    static double solve(double[] x) {
        if (x[0] <= 0) {
            throw new IllegalArgumentException("x[0] must be positive, not " + x[0]);
        }
        return Math.sqrt(x[0]) * x[1];
    }

    /** {@code solve}, or x0^2 where it rejects its input; plus x1. */
    @Differentiable
    public static double withFallback(double[] x) {
        double v;
        try {
            v = solve(x);
        } catch (IllegalArgumentException e) {
            v = x[0] * x[0];
        }
        return v + x[1];
    }

    /** Adds x_i^2 into acc[0] until it meets a negative element, then throws: part of the work is done. */
    static double sumSquaresUntilNegative(double[] x, double[] acc) {
        for (int i = 0; i < x.length; i++) {
            if (x[i] < 0) {
                throw new ArithmeticException("negative element at " + i);
            }
            acc[0] += x[i] * x[i];
        }
        return acc[0];
    }

    /** The partial sum the helper left behind when it threw, used by the handler: 2 S without a throw, 11 S with one. */
    @Differentiable
    public static double partialWork(double[] x) {
        double[] acc = {0};
        double r;
        try {
            r = sumSquaresUntilNegative(x, acc);
        } catch (ArithmeticException e) {
            r = 10 * acc[0];
        }
        return r + acc[0];
    }

    /** The positive elements' sum times 12 / their count (an int division), or the squared norm when none is positive. */
    @Differentiable
    public static double bucketedPositives(double[] x) {
        double sum = 0;
        int count = 0;
        for (double v : x) {
            if (v > 0) {
                sum += v;
                count++;
            }
        }
        int bucket;
        try {
            bucket = 12 / count;
        } catch (ArithmeticException e) {
            double s = 0;
            for (double v : x) {
                s += v * v;
            }
            return s;
        }
        return sum * bucket;
    }

    /** The sum of x_i x_(i+1), its loop stopped by reading past the end: ugly, but people write it. */
    @Differentiable
    public static double untilOutOfBounds(double[] x) {
        double s = 0;
        int i = 0;
        try {
            while (true) {
                s += x[i] * Math.sin(x[i + 1]);
                i++;
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            return s;
        }
    }

    /** The log-likelihood of one sample under a unit Gaussian of mean mu; a negative sample is a sensor's "missing". */
    static double logLikelihood(double mu, double sample) {
        if (sample < 0) {
            throw new IllegalArgumentException("missing sample");
        }
        double d = sample - mu;
        return -0.5 * d * d;
    }

    /** p0 is the mean, the rest samples; bad samples are skipped, each costing 1. */
    @Differentiable
    public static double skipBadSamples(double[] p) {
        double total = 0;
        int skipped = 0;
        for (int i = 1; i < p.length; i++) {
            try {
                total += logLikelihood(p[0], p[i]);
            } catch (IllegalArgumentException e) {
                skipped++;
            }
        }
        return total - skipped;
    }

    /** One step of length h of gradient descent on (x - p1)^2 from x = p0, squared; a step that overshoots throws. */
    static double descend(double[] p, double h) {
        double x = p[0] - h * 3 * (p[0] - p[1]);
        if (Math.abs(x - p[1]) > Math.abs(p[0] - p[1])) {
            throw new IllegalStateException("step too long: " + h);
        }
        return x * x;
    }

    /** Retries with a step four times shorter until one does not overshoot (h = 1/4 here). */
    @Differentiable
    public static double retryWithShorterStep(double[] p) {
        double h = 1;
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                return descend(p, h);
            } catch (IllegalStateException e) {
                h /= 4;
            }
        }
        return 0;
    }

    /** A differentiated value accumulated in a try whose handler does not catch what is thrown: it propagates. */
    @Differentiable
    public static double rethrows(double[] x) {
        double s = 0;
        try {
            for (double v : x) {
                s += v * v;
            }
            s = solve(new double[] {s - 1, x[0]});
        } catch (ArithmeticException e) {
            s = -1;
        } finally {
            finallyRan++;
        }
        return s;
    }

    /**
     * A handler nothing in its try block can reach (array reads do not throw an
     * IllegalStateException): the JVM verifies its code but never runs it (fuzzer, seed 1919).
     */
    @Differentiable
    public static double handlerNothingReaches(double[] x) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            try {
                if (x[i] > 1) {
                    continue;
                }
                s += x[i] * x[i];
            } catch (IllegalStateException e) {
                s = -1;
            }
        }
        return s;
    }

    /** A penalty, differentiated as a call where it is not inlined. */
    @Differentiable
    public static double penalty(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v * v;
        }
        return s;
    }

    /**
     * A @Differentiable call in a catch block that a finally covers: should it throw, the finally's
     * handler only runs and rethrows, so nothing is differentiated after it (fuzzer, seed 1919).
     */
    @Differentiable
    public static double callInACatchWithFinally(double[] x) {
        double s;
        try {
            s = solve(x);
        } catch (IllegalArgumentException e) {
            s = penalty(x);
        } finally {
            finallyRan++;
        }
        return s;
    }
}
