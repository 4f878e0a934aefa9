package dev.fluxion.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.fluxion.Fluxion;
import dev.fluxion.Jacobian;
import java.util.Arrays;

/**
 * Checks a {@link JacobianCase} through the public API ({@link Fluxion#jacobian}, {@link Jacobian#vjp},
 * {@link Fluxion#vjp}), whichever way its class was transformed: every row against the hand-written
 * Jacobian (1e-12) and against Richardson extrapolation of that output (1e-6), every column by a
 * forward sweep ({@link Jacobian#jvp}) against the reverse-mode Jacobian, and each vector-Jacobian
 * product against {@code J^T seed}.
 */
public final class JacobianRunner {
    private JacobianRunner() {
    }

    public static void check(JacobianCase c) {
        Jacobian jac = Fluxion.jacobian(c.f(), c.outputs());
        assertEquals(c.outputs(), jac.outputs());
        for (double[] point : c.points()) {
            double[] x = point.clone();
            double[][] j = jac.at(x);
            assertEquals(point.length, x.length);
            if (!Arrays.equals(point, x)) {
                fail(where(c, point) + ": the input array was modified");
            }
            assertJacobian(c, point, j);
            double[] seed = new double[c.outputs()];
            for (int i = 0; i < seed.length; i++) {
                seed[i] = 0.5 + 0.25 * ((i * 7) % 5) - (i % 2);
            }
            double[] expected = new double[point.length];
            double[] scale = new double[point.length];
            for (int i = 0; i < c.outputs(); i++) {
                for (int k = 0; k < point.length; k++) {
                    expected[k] += j[i][k] * seed[i];
                    scale[k] += Math.abs(j[i][k] * seed[i]);
                }
            }
            assertForwardColumns(c, point, jac, j);
            double[] vjp = jac.vjp(x, seed);
            double[] once = Fluxion.vjp(c.f(), x, seed);
            for (int k = 0; k < point.length; k++) {
                double tol = 1e-12 * Math.max(1, scale[k]);
                if (!(Math.abs(vjp[k] - expected[k]) <= tol) || !(Math.abs(once[k] - expected[k]) <= tol)) {
                    fail(where(c, point) + ": component " + k + " of J^T seed: expected " + expected[k] + " but vjp gave "
                            + vjp[k] + " and Fluxion.vjp " + once[k]);
                }
            }
        }
    }

    /** Each column by one forward sweep ({@code J e_k}) equals the reverse-mode Jacobian's column to round-off. */
    private static void assertForwardColumns(JacobianCase c, double[] point, Jacobian jac, double[][] reverse) {
        double[] e = new double[point.length];
        for (int k = 0; k < point.length; k++) {
            e[k] = 1.0;
            double[] column = jac.jvp(point.clone(), e);
            e[k] = 0.0;
            for (int i = 0; i < c.outputs(); i++) {
                double tol = 1e-12 * Math.max(1, Math.abs(reverse[i][k]));
                if (!(Math.abs(column[i] - reverse[i][k]) <= tol)) {
                    fail(where(c, point) + ": J[" + i + "][" + k + "]: forward mode gave " + column[i] + ", reverse mode "
                            + reverse[i][k]);
                }
            }
        }
    }

    /** Asserts a Jacobian at {@code x} against the closed form (if any) and Richardson, row by row. */
    public static void assertJacobian(JacobianCase c, double[] x, double[][] j) {
        assertEquals(c.outputs(), j.length, where(c, x) + ": rows");
        double[][] exact = c.closedForm() == null ? null : c.closedForm().apply(x.clone());
        for (int i = 0; i < c.outputs(); i++) {
            int row = i;
            double[] r = GradientCheck.richardson(y -> c.value(y)[row], x);
            compare(c, x, i, "Richardson extrapolation", r, j[i], GradientCheck.RICHARDSON_TOLERANCE);
            if (exact != null) {
                compare(c, x, i, "closed form", exact[i], j[i], GradientCheck.CLOSED_FORM_TOLERANCE);
            }
        }
    }

    private static void compare(JacobianCase c, double[] x, int row, String reference, double[] expected, double[] actual,
            double relTol) {
        assertEquals(expected.length, actual.length, where(c, x) + ": row " + row + " length");
        for (int k = 0; k < expected.length; k++) {
            double err = Math.abs(expected[k] - actual[k]);
            double tol = relTol * Math.max(1, Math.abs(expected[k]));
            if (!(err <= tol)) {
                fail(where(c, x) + ": J[" + row + "][" + k + "]: expected " + expected[k] + " (" + reference + ") but was "
                        + actual[k] + " (|error| = " + err + ", tolerance " + tol + ")");
            }
        }
    }

    private static String where(JacobianCase c, double[] x) {
        return "case " + c.name() + " at x = " + Arrays.toString(x);
    }
}
