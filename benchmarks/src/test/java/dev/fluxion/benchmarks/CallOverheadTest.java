package dev.fluxion.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.ThreadMXBean;
import dev.fluxion.Differentiable;
import dev.fluxion.Fluxion;
import dev.fluxion.GradientFunction;
import dev.fluxion.Jacobian;
import dev.fluxion.TangentFunction;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * Two costs of Fluxion's calls that are not inlined, found by the GMM and LSTM benchmarks (they
 * wrap a static objective with data arguments in an instance method,
 * {@code Fluxion.gradient(gmm::objective)}, and the objective is too large to inline):
 * <ol>
 * <li>the caller's adjoint ran the callee's primal and then the callee's adjoint, whose forward
 * sweep computes it all again. Fixed for calls whose result the caller returns as it is: the
 * callee's adjoint now runs in place of the call, so the callee runs once;</li>
 * <li>the caller allocated a zeroed shadow for every {@code double[]} argument, also for data that
 * cannot be active (an array read from a field of {@code this}): n d doubles per gradient for GMM.
 * Fixed: an argument whose adjoint nobody reads (the callee only reads the array) gets a reused
 * per-thread sink instead.</li>
 * </ol>
 */
class CallOverheadTest {
    static int calleeRuns;

    /** A model with data in a field, differentiated through a static callee. */
    static final class Model {
        private final double[] data = new double[100_000];

        @Differentiable
        double loss(double[] w) {
            return Library.weightedSum(w, data);
        }
    }

    /** Another class, so the callee is not inlined (as a large callee is not: Gmm.objective, Lstm.objective). */
    static final class Library {
        @Differentiable
        static double weightedSum(double[] w, double[] data) {
            calleeRuns++; // a counter beside the differentiated computation: executed, not differentiated
            double s = 0;
            for (int i = 0; i < w.length; i++) {
                s += w[i] * w[i] * (1 + data[i]);
            }
            return s;
        }
    }

    private static int calleeRunsPerGradient(GradientFunction g, double[] w) {
        calleeRuns = 0;
        g.valueAndGradient(w, new double[w.length]);
        return calleeRuns;
    }

    private static long bytesPerGradient(GradientFunction g, double[] w, double[] grad) {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 200; i++) { // let the JIT settle
            g.valueAndGradient(w, grad);
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 10; i++) {
            g.valueAndGradient(w, grad);
        }
        return (threads.getCurrentThreadAllocatedBytes() - before) / 10;
    }

    @Test
    void calleeRunsOncePerGradient() {
        assertEquals(1, calleeRunsPerGradient(Fluxion.gradient(new Model()::loss), new double[] {1, 2, 3}));
    }

    /** Forward mode likewise: the data's zero tangent is the thread's shared zeros, not an array per call. */
    @Test
    void noTangentAllocatedForDataFromFields() {
        double[] w = {1, 2, 3};
        TangentFunction t = Fluxion.tangent(new Model()::loss);
        double[] v = {0.5, -1, 2};
        double[] out = new double[1];
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 200; i++) { // let the JIT settle
            t.valueAndJvp(w, v, out);
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 10; i++) {
            t.valueAndJvp(w, v, out);
        }
        long bytes = (threads.getCurrentThreadAllocatedBytes() - before) / 10;
        assertTrue(bytes < 10_000, bytes + " bytes allocated per directional derivative");
    }

    @Test
    void noShadowForDataFromFields() {
        double[] w = {1, 2, 3};
        long bytes = bytesPerGradient(Fluxion.gradient(new Model()::loss), w, new double[3]);
        assertTrue(bytes < 10_000, bytes + " bytes allocated per gradient");
    }

    /** A small vector function: its adjoint allocates nothing of its own. */
    @Differentiable
    static void polar(double[] in, double[] out) {
        out[0] = in[1] * Math.cos(in[0]);
        out[1] = in[1] * Math.sin(in[0]);
    }

    /**
     * Many small Jacobians (bundle adjustment's blocks): each call copied its input and allocated
     * its output and seed, 96 bytes here and 216 a BA block, as costly as a sweep of the function.
     * They are now the thread's work arrays, reused from call to call.
     */
    @Test
    void smallJacobiansAllocateNothingPerCall() {
        Jacobian j = Fluxion.jacobian(CallOverheadTest::polar, 2);
        double[] x = {0.3, 2};
        double[][] rows = new double[2][2];
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 200; i++) {
            j.at(x, rows);
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 1000; i++) {
            j.at(x, rows);
        }
        long bytes = (threads.getCurrentThreadAllocatedBytes() - before) / 1000;
        assertTrue(bytes < 8, bytes + " bytes allocated per Jacobian");
        assertEquals(-2 * Math.sin(0.3), rows[0][0], 1e-15);
        assertEquals(Math.cos(0.3), rows[0][1], 1e-15);
        assertEquals(2 * Math.cos(0.3), rows[1][0], 1e-15);
        assertEquals(Math.sin(0.3), rows[1][1], 1e-15);
    }
}
