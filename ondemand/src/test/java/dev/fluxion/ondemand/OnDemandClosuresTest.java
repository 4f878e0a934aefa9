package dev.fluxion.ondemand;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fluxion.Differentiable;
import dev.fluxion.Fluxion;
import dev.fluxion.FluxionException;
import dev.fluxion.GradCheck;
import dev.fluxion.GradientFunction;
import dev.fluxion.Hessian;
import dev.fluxion.ScalarFunction;
import dev.fluxion.UnaryFunction;
import dev.fluxion.VectorFunction;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Closures given to the API, as a program fitting parameters writes them: {@code Fluxion.gradient(p
 * -> loss(xs, ys, p))} over the data of the moment, a function captured and integrated, a model
 * object captured with a weight. Each is the lambda's body differentiated with what it captured
 * fixed; each gradient is checked against its closed form, against Richardson-extrapolated central
 * differences ({@link GradCheck}) and forward mode against reverse.
 */
class OnDemandClosuresTest {
    /** Least squares of the line p[0] + p[1] x through (xs, ys). */
    @Differentiable
    static double leastSquares(double[] xs, double[] ys, double[] p) {
        double s = 0;
        for (int i = 0; i < xs.length; i++) {
            double r = p[0] + p[1] * xs[i] - ys[i];
            s += r * r;
        }
        return s;
    }

    /** The midpoint rule for the integral of f(a t) over [0, 1], times b. */
    @Differentiable
    static double area(DoubleUnaryOperator f, double[] p) {
        int n = 20;
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += f.applyAsDouble(p[0] * (i + 0.5) / n) / n;
        }
        return s * p[1];
    }

    /** A plain helper, not annotated: the closure's body calls it, and it is differentiated with the body. */
    static double penalty(double[] p, double lambda) {
        return lambda * (p[0] * p[0] + p[1] * p[1]);
    }

    /** A model a closure captures. */
    static final class Spring {
        private final double stiffness;

        Spring(double stiffness) {
            this.stiffness = stiffness;
        }

        @Differentiable
        double energy(double[] p) {
            return 0.5 * stiffness * (p[0] - p[1]) * (p[0] - p[1]);
        }
    }

    private static double[] leastSquaresGradient(double[] xs, double[] ys, double[] p) {
        double[] g = new double[2];
        for (int i = 0; i < xs.length; i++) {
            double r = p[0] + p[1] * xs[i] - ys[i];
            g[0] += 2 * r;
            g[1] += 2 * r * xs[i];
        }
        return g;
    }

    private static void checked(ScalarFunction f, double[] p, double[] expected) {
        assertArrayEquals(expected, Fluxion.gradient(f).gradient(p), 1e-10);
        assertArrayEquals(expected, Fluxion.tangent(f).gradient(p), 1e-10);
        GradCheck.gradient(f, p).assertPassed();
    }

    @Test
    void aClosureOverTheDataOfTheMoment() {
        double[][] xsOf = {{0, 1, 2, 3}, {-1, 0.5, 4}};
        double[][] ysOf = {{1.1, 2.9, 5.2, 7.1}, {0.2, -0.4, 3.3}};
        double[] p = {0.8, 1.7};
        for (int d = 0; d < xsOf.length; d++) { // the same lambda, each time with other data
            double[] xs = xsOf[d];
            double[] ys = ysOf[d];
            ScalarFunction loss = q -> leastSquares(xs, ys, q) + penalty(q, 0.1);
            double[] expected = leastSquaresGradient(xs, ys, p);
            expected[0] += 0.2 * p[0];
            expected[1] += 0.2 * p[1];
            checked(loss, p, expected);
            assertEquals(leastSquares(xs, ys, p) + penalty(p, 0.1), Fluxion.gradient(loss).valueAndGradient(p, new double[2]),
                    1e-12);
        }
    }

    @Test
    void aClosureOverAFunction() {
        double[] p = {1.3, 0.7};
        DoubleUnaryOperator f = Math::sin; // one function of this shape made here: see OnDemandLambdasTest for several
        ScalarFunction integral = q -> area(f, q);
        double da = 0;
        double value = 0;
        for (int i = 0; i < 20; i++) {
            double t = (i + 0.5) / 20;
            da += Math.cos(p[0] * t) * t / 20;
            value += Math.sin(p[0] * t) / 20;
        }
        checked(integral, p, new double[] {da * p[1], value});
    }

    @Test
    void twoClosuresOfOneShapeAreToldApart() {
        double[] w = {2, 3};
        ScalarFunction first = p -> w[0] * p[0] * p[1];
        ScalarFunction second = p -> w[1] * Math.exp(p[0]) + p[1];
        double[] p = {0.4, -0.9};
        checked(second, p, new double[] {w[1] * Math.exp(p[0]), 1});
        checked(first, p, new double[] {w[0] * p[1], w[0] * p[0]});
    }

    @Test
    void aClosureOverAModelObject() {
        Spring spring = new Spring(4);
        double weight = 0.5;
        ScalarFunction f = p -> weight * spring.energy(p) + p[0];
        double[] p = {1.5, -0.5};
        double stretch = p[0] - p[1];
        checked(f, p, new double[] {weight * 4 * stretch + 1, -weight * 4 * stretch});
    }

    @Test
    void theHessianOfAClosureIsThatOfItsBody() {
        double[] xs = {0, 1, 2, 3};
        double[] ys = {1.1, 2.9, 5.2, 7.1};
        double lambda = 0.1;
        Hessian h = Fluxion.hessian(p -> leastSquares(xs, ys, p) + lambda * (p[0] * p[0] + p[1] * p[1]));
        // least squares of a line is quadratic: 2 [[n, sum x], [sum x, sum x^2]] + 2 lambda I at every point
        double[][] expected = {{2 * 4 + 2 * lambda, 2 * 6}, {2 * 6, 2 * 14 + 2 * lambda}};
        for (double[] p : new double[][] {{0.5, 2}, {-1.3, 0.7}}) {
            double[][] at = h.at(p);
            for (int i = 0; i < 2; i++) {
                assertArrayEquals(expected[i], at[i], 1e-12);
            }
        }
        double[] w = {2, 0.5};
        Hessian curved = Fluxion.hessian(p -> w[0] * Math.exp(p[0]) * p[1] + w[1] * p[0] * p[0] * p[0]);
        double[] p = {0.3, -1.2};
        double e = w[0] * Math.exp(p[0]);
        double[][] at = curved.at(p);
        assertArrayEquals(new double[] {e * p[1] + 6 * w[1] * p[0], e}, at[0], 1e-12);
        assertArrayEquals(new double[] {e, 0}, at[1], 1e-12);
        // against differences of the gradient (forward over reverse's other half)
        double[] v = {0.7, -0.4};
        double[] hv = curved.hvp(p, v);
        GradientFunction g = Fluxion.gradient(q -> w[0] * Math.exp(q[0]) * q[1] + w[1] * q[0] * q[0] * q[0]);
        double step = 1e-5;
        double[] plus = g.gradient(new double[] {p[0] + step * v[0], p[1] + step * v[1]});
        double[] minus = g.gradient(new double[] {p[0] - step * v[0], p[1] - step * v[1]});
        for (int i = 0; i < 2; i++) {
            assertEquals((plus[i] - minus[i]) / (2 * step), hv[i], 1e-6);
        }
    }

    /** Residuals of the line p[0] + p[1] x through (xs, ys), written into out. */
    @Differentiable
    static void lineResiduals(double[] xs, double[] ys, double[] p, double[] out) {
        for (int i = 0; i < xs.length; i++) {
            out[i] = p[0] + p[1] * xs[i] - ys[i];
        }
    }

    @Test
    void theJacobianOfAClosureIsThatOfItsBody() {
        double[] xs = {0, 1, 2, 3};
        double[] ys = {1.1, 2.9, 5.2, 7.1};
        double w = 0.5;
        // more outputs than inputs (forward columns) and fewer (reverse rows): both ways of the Jacobian
        VectorFunction residuals = (p, out) -> lineResiduals(xs, ys, p, out);
        VectorFunction penalties = (p, out) -> out[0] = w * (p[0] * p[0] + Math.sin(p[1]) + p[2] * p[1]);
        double[] p = {0.5, 2, -0.3};
        double[][] j = Fluxion.jacobian(residuals, 4).at(p);
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(new double[] {1, xs[i], 0}, j[i], 0);
        }
        double[] seed = {1, -2, 0.5, 3};
        double[] vjp = Fluxion.jacobian(residuals, 4).vjp(p, seed);
        assertArrayEquals(new double[] {1 - 2 + 0.5 + 3, -2 * 1 + 0.5 * 2 + 3 * 3, 0}, vjp, 1e-12);
        double[][] one = Fluxion.jacobian(penalties, 1).at(p);
        assertArrayEquals(new double[] {w * 2 * p[0], w * (Math.cos(p[1]) + p[2]), w * p[1]}, one[0], 1e-12);
        double[] v = {0.3, -0.7, 1.1};
        assertEquals(w * (2 * p[0] * v[0] + (Math.cos(p[1]) + p[2]) * v[1] + p[1] * v[2]),
                Fluxion.jacobian(penalties, 1).jvp(p, v)[0], 1e-12);
    }

    @Test
    void theDerivativesOfAUnaryClosureAreThoseOfItsBody() {
        double[] data = {1.5, 2};
        UnaryFunction f = x -> data[0] * Math.sin(x) * x + data[1];
        for (double x : new double[] {0.3, -1.7}) {
            double d = data[0] * (Math.cos(x) * x + Math.sin(x));
            double dd = data[0] * (2 * Math.cos(x) - Math.sin(x) * x);
            assertEquals(d, Fluxion.derivative(f).applyAsDouble(x), 1e-12);
            assertEquals(d, Fluxion.reverseDerivative(f).applyAsDouble(x), 1e-12);
            assertEquals(dd, Fluxion.secondDerivative(f).applyAsDouble(x), 1e-12);
        }
    }


    /** A model a subclass could change: its method may write into the arrays it is given, as far as Fluxion can tell. */
    static class Bump {
        final double width = 0.8;

        @Differentiable
        double eval(double t, double[] w) {
            return w[0] * Math.exp(-t * t / width) + w[1] * t;
        }
    }

    /** The same model, final: Fluxion sees that {@code eval} only reads {@code w}. */
    static final class FinalBump {
        final double width = 0.8;

        @Differentiable
        double eval(double t, double[] w) {
            return w[0] * Math.exp(-t * t / width) + w[1] * t;
        }
    }

    @Test
    void aCapturedArrayGivenToAnOverridableMethodIsAClearError() {
        Bump bump = new Bump();
        FinalBump finalBump = new FinalBump();
        double[] w = {0.4, -0.3};
        double t = 0.5;
        double d = w[0] * Math.exp(-t * t / 0.8) * (-2 * t / 0.8) + w[1];
        assertEquals(d, Fluxion.derivative(s -> finalBump.eval(s, w)).applyAsDouble(t), 1e-12);
        FluxionException e = assertThrows(FluxionException.class,
                () -> Fluxion.derivative(s -> bump.eval(s, w)).applyAsDouble(t));
        assertTrue(e.getMessage().contains("differentiated values may be written into an array the lambda captured (fixed "
                + "when the lambda was made), by a call it is passed to that Fluxion cannot see only reads it (one a subclass "
                + "may override, say)"), e.getMessage());
        assertTrue(e.getMessage().contains("Make that method final, private or static (or its class final)"), e.getMessage());
    }

    /** A model holding its link function in a field, as a lambda made outside. */
    static final class Linked {
        final DoubleUnaryOperator link = Math::tanh;

        @Differentiable
        double eval(double t) {
            return link.applyAsDouble(2 * t);
        }
    }

    @Test
    void secondDerivativesThroughAFunctionHeldInAFieldSayHowToGetThem() {
        Linked linked = new Linked();
        double t = 0.3;
        double th = Math.tanh(2 * t);
        assertEquals(2 * (1 - th * th), Fluxion.derivative(s -> linked.eval(s) + 1).applyAsDouble(t), 1e-12);
        FluxionException e = assertThrows(FluxionException.class,
                () -> Fluxion.secondDerivative(s -> linked.eval(s) + 1).applyAsDouble(t));
        assertTrue(e.getMessage().contains("a call to java.util.function.DoubleUnaryOperator.applyAsDouble that was not "
                + "inlined"), e.getMessage());
        assertTrue(e.getMessage().contains("A function held in a field or a variable (a lambda made outside, Math::tanh "
                + "say) has first derivatives only: for second derivatives call the function itself (Math.tanh(z))"),
                e.getMessage());
    }
}
