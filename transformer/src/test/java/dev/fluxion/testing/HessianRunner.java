package dev.fluxion.testing;

import static org.junit.jupiter.api.Assertions.fail;

import dev.fluxion.Fluxion;
import dev.fluxion.GradientFunction;
import dev.fluxion.Hessian;
import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * Checks second derivatives through the public API ({@link Fluxion#hessian}, {@link Hessian#hvp},
 * {@link Fluxion#secondDerivative}): against the hand-written Hessian (1e-11 relative), against
 * Richardson-extrapolated central differences of Fluxion's reverse-mode gradient (1e-6), for
 * symmetry, and each Hessian-vector product against {@code H v}.
 */
public final class HessianRunner {
    private HessianRunner() {
    }

    /**
     * Whether a missing Hessian-vector product's message is one of Fluxion's documented limits of
     * second derivatives through calls that stay calls: a call dispatched by the object's class,
     * and a callee that both writes into an array and returns an array (directly, or in a callee
     * further down). Any other missing second derivative is a failure.
     */
    public static boolean isDocumentedLimit(String message) {
        return message != null && message.contains("no second derivative") && message.contains("not inlined")
                && (message.contains("through an interface or an overridable method")
                        || message.contains("which writes into an array it is given and returns an array"));
    }

    public static void check(HessianCase c) {
        if (c.u() != null) {
            checkUnary(c);
            return;
        }
        Hessian hessian = Fluxion.hessian(c.f());
        GradientFunction gradient = Fluxion.gradient(c.f());
        for (double[] point : c.points()) {
            double[] x = point.clone();
            double[][] h = hessian.at(x);
            if (!Arrays.equals(point, x)) {
                fail(where(c, point) + ": the input array was modified");
            }
            int n = x.length;
            double[][] exact = c.closedForm() == null ? null : c.closedForm().apply(x.clone());
            for (int j = 0; j < n; j++) {
                int column = j;
                double[] fd = new double[n];
                for (int i = 0; i < n; i++) {
                    int row = i;
                    // d/dx_j of the gradient's component i, by Richardson over reverse-mode gradients
                    fd[i] = GradientCheck.richardson(y -> gradient.gradient(y)[row], x)[column];
                }
                for (int i = 0; i < n; i++) {
                    compare(c, point, "H[" + i + "][" + j + "] (Richardson of the gradient)", fd[i], h[i][j], 1e-6);
                    compare(c, point, "H[" + i + "][" + j + "] (symmetry)", h[j][i], h[i][j], 1e-10);
                    if (exact != null) {
                        compare(c, point, "H[" + i + "][" + j + "] (closed form)", exact[i][j], h[i][j], 1e-11);
                    }
                }
            }
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = 0.75 - 0.5 * ((i * 3) % 4) + 0.1 * i;
            }
            double[] hv = hessian.hvp(x, v);
            for (int i = 0; i < n; i++) {
                double expected = 0;
                double scale = 0;
                for (int j = 0; j < n; j++) {
                    expected += h[i][j] * v[j];
                    scale += Math.abs(h[i][j] * v[j]);
                }
                compare(c, point, "(H v)[" + i + "]", expected, hv[i], 1e-12 * Math.max(1, scale));
            }
        }
    }

    private static void checkUnary(HessianCase c) {
        DoubleUnaryOperator second = Fluxion.secondDerivative(c.u());
        DoubleUnaryOperator first = Fluxion.derivative(c.u());
        for (double[] point : c.points()) {
            double d2 = second.applyAsDouble(point[0]);
            double fd = GradientCheck.richardson(first::applyAsDouble, point[0]);
            compare(c, point, "f'' (Richardson of f')", fd, d2, 1e-6);
            if (c.closedForm() != null) {
                compare(c, point, "f'' (closed form)", c.closedForm().apply(point.clone())[0][0], d2, 1e-11);
            }
        }
    }

    private static void compare(HessianCase c, double[] x, String what, double expected, double actual, double relTol) {
        double tol = relTol * Math.max(1, Math.abs(expected));
        if (!(Math.abs(expected - actual) <= tol)) {
            fail(where(c, x) + ": " + what + ": expected " + expected + " but was " + actual + " (|error| "
                    + Math.abs(expected - actual) + " > " + tol + ")");
        }
    }

    private static String where(HessianCase c, double[] x) {
        return "case " + c.name() + " at x = " + Arrays.toString(x);
    }
}
