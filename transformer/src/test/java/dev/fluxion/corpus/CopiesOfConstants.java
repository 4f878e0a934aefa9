package dev.fluxion.corpus;

import dev.fluxion.Differentiable;
import java.util.Arrays;

/** Copies of constant tables that then receive differentiated values (the copy is active, its source is not). */
public final class CopiesOfConstants {
    static final double[] TABLE = {1.5, -0.5, 2.0, 0.25};

    private CopiesOfConstants() {
    }

    /** a = TABLE.clone(); a[i] *= x[i]: sum_i TABLE_i x_i^2. */
    @Differentiable
    public static double cloneOfTable(double[] x) {
        double[] a = TABLE.clone();
        for (int i = 0; i < a.length; i++) {
            a[i] *= x[i] * x[i];
        }
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s;
    }

    /** b = copyOfRange(TABLE, 1, 3); b[0] = x0 b[1]: x0 TABLE_2 + x1 TABLE_1 TABLE_2. */
    @Differentiable
    public static double rangeOfTable(double[] x) {
        double[] b = Arrays.copyOfRange(TABLE, 1, 3);
        b[0] = x[0] + x[1] * b[0];
        return b[0] * b[1];
    }
}
