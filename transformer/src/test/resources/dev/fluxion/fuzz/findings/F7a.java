package dev.fluxion.fuzz.gen;

import dev.fluxion.Differentiable;
import dev.fluxion.ScalarFunction;
import java.util.Arrays;

/** Program 16 of seed 2718 (shrunk), x has length 4: two loops over one range fused, the second one's counter read after it. */
@SuppressWarnings("all")
public final class F7a {
    public static ScalarFunction entry() {
        return F7a::f;
    }

    @Differentiable
    public static double f(double[] x) {
        double[][] m0 = {{1.0, 1.0}, x.clone(), x.clone()};
        double acc4 = 0;
        for (int r5 = 0; r5 < 2; r5++) {
            acc4 -= 1.0;
        }
        int k6 = 0;
        while (k6 < 2) {
            k6++;
        }
        return m0[1][(k6 + 1) % m0[1].length];
    }
}
