package dev.fluxion.corpus;

import dev.fluxion.Fluxion;
import dev.fluxion.Hessian;

/**
 * What {@code TryCatchTest} checks beyond the corpus, run where the corpus runs (the test's
 * transforming class loader loads this class too, so its method references are to the transformed
 * {@link TryCatchCases}).
 */
public final class TryCatchScenarios {
    private TryCatchScenarios() {
    }

    /** Timers the adjoint, then the tangent, of {@code timedSumOfSquares} closed: {adjoint, tangent}. */
    public static int[] timersClosed() {
        int before = TryCatchCases.closed;
        Fluxion.gradient(TryCatchCases::timedSumOfSquares).gradient(new double[] {1, 2});
        int adjoint = TryCatchCases.closed - before;
        Fluxion.tangent(TryCatchCases::timedSumOfSquares).jvp(new double[] {1, 2}, new double[] {1, 0});
        return new int[] {adjoint, TryCatchCases.closed - before - adjoint};
    }

    /** Finally blocks {@code productWithFinally}'s adjoint ran, over its early return and its normal one. */
    public static int finallyBlocksRun() {
        int before = TryCatchCases.finallyRan;
        Fluxion.gradient(TryCatchCases::productWithFinally).gradient(new double[] {5, 30, 2});
        Fluxion.gradient(TryCatchCases::productWithFinally).gradient(new double[] {0.5, 2, 3});
        return TryCatchCases.finallyRan - before;
    }

    /** What each way in throws for {@code rethrows} at a point where its helper rejects the input: primal, adjoint, tangent, Hessian. */
    public static Throwable[] thrownAt(double[] x) {
        Throwable[] out = new Throwable[4];
        Runnable[] ways = {
            () -> TryCatchCases.rethrows(x),
            () -> Fluxion.gradient(TryCatchCases::rethrows).gradient(x),
            () -> Fluxion.tangent(TryCatchCases::rethrows).jvp(x, new double[x.length]),
            () -> hessian().hvp(x, new double[x.length])
        };
        for (int i = 0; i < ways.length; i++) {
            try {
                ways[i].run();
            } catch (RuntimeException e) {
                out[i] = e;
            }
        }
        return out;
    }

    private static Hessian hessian() {
        return Fluxion.hessian(TryCatchCases::rethrows);
    }

    /** The gradient at {@code x} after a call that threw at {@code bad}: nothing the throw left behind disturbs it. */
    public static double[] gradientAfterAThrow(double[] bad, double[] x) {
        try {
            Fluxion.gradient(TryCatchCases::rethrows).gradient(bad);
        } catch (IllegalArgumentException expected) {
            // the helper rejected its input
        }
        return Fluxion.gradient(TryCatchCases::rethrows).gradient(x);
    }
}
