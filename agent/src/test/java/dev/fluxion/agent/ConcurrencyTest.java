package dev.fluxion.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fluxion.Differentiable;
import dev.fluxion.Fluxion;
import dev.fluxion.GradientFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Many threads share one GradientFunction; each must get its own exact gradient. */
class ConcurrencyTest {
    /** Product of sines: its reverse sweep needs values recorded on the (per-thread) tape. */
    @Differentiable
    static double productOfSines(double[] x) {
        double s = 1;
        for (int i = 0; i < x.length; i++) {
            s = s * Math.sin(x[i]);
        }
        return s;
    }

    @Differentiable
    static double nestedCalls(double[] x) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += productOfSines(x) * x[i];
        }
        return s;
    }

    @Test
    void concurrentGradientsAreExact() throws Exception {
        GradientFunction g = Fluxion.gradient(ConcurrencyTest::productOfSines);
        GradientFunction h = Fluxion.gradient(ConcurrencyTest::nestedCalls);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 32; t++) {
                int seed = t;
                futures.add(pool.submit(() -> {
                    for (int rep = 0; rep < 200; rep++) {
                        int n = 1 + (seed + rep) % 17;
                        double[] x = new double[n];
                        for (int i = 0; i < n; i++) {
                            x[i] = 0.1 + 0.05 * ((seed * 31 + rep * 7 + i) % 23);
                        }
                        double[] dx = new double[n];
                        double value = g.valueAndGradient(x, dx);
                        double product = 1;
                        for (double v : x) {
                            product *= Math.sin(v);
                        }
                        assertEquals(product, value, 1e-15 * Math.max(1, Math.abs(product)));
                        for (int i = 0; i < n; i++) {
                            double expected = 1;
                            for (int j = 0; j < n; j++) {
                                expected *= j == i ? Math.cos(x[j]) : Math.sin(x[j]);
                            }
                            assertEquals(expected, dx[i], 1e-13 * Math.max(1, Math.abs(expected)));
                        }
                        double sum = 0;
                        for (double v : x) {
                            sum += v;
                        }
                        double[] dh = h.gradient(x);
                        for (int i = 0; i < n; i++) {
                            // d/dx_i [P(x) * sum(x)] = dP/dx_i * sum + P
                            assertEquals(dx[i] * sum + product, dh[i], 1e-12 * Math.max(1, Math.abs(dh[i])));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }
}
