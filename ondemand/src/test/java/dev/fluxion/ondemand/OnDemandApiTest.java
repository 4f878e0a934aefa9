package dev.fluxion.ondemand;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fluxion.Differentiable;
import dev.fluxion.Fluxion;
import dev.fluxion.FluxionException;
import dev.fluxion.GradientFunction;
import dev.fluxion.ModelGradient;
import dev.fluxion.ScalarFunction;
import dev.fluxion.testing.GradientCheck;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Every entry point on classes nobody transformed, as a user calls it with only {@code fluxion.jar}. */
class OnDemandApiTest {

    @Test
    void privateStateHelpersAndAnotherClassesDerivative() {
        Pricing pricing = new Pricing(0.03);
        double[] x = {0.05, 0.02};
        GradientFunction g = Fluxion.gradient(pricing::presentValue);
        double[] grad = new double[2];
        double value = g.valueAndGradient(x, grad);
        assertEquals(pricing.presentValue(x), value, 1e-15);
        double dc = 0;
        double ds = -5 * Math.exp(-0.03 * 5 - 0.02 * 5);
        for (int t = 1; t <= 5; t++) {
            double d = Math.exp(-0.03 * t - 0.02 * t);
            dc += d;
            ds += -t * 0.05 * d;
        }
        assertArrayEquals(new double[] {dc, ds}, grad, 1e-14);
        assertArrayEquals(GradientCheck.richardson(pricing::presentValue, x), grad, GradientCheck.RICHARDSON_TOLERANCE);
    }

    @Test
    void derivativesAreGeneratedOncePerClass() {
        Class<?> first = Fluxion.gradient(Pricing::squaredError).getClass();
        assertEquals(first, Fluxion.gradient(Pricing::squaredError).getClass());
        ScalarFunction f = Pricing::squaredError;
        assertArrayEquals(new double[] {4 * 1.5 * (1.5 * 1.5 - 2)}, Fluxion.gradient(f).gradient(new double[] {1.5}), 1e-14);
    }

    @Test
    void tangentsAndHessianVectorProducts() {
        double[] x = {1.5};
        assertEquals(4 * 1.5 * (1.5 * 1.5 - 2), Fluxion.tangent(Pricing::squaredError).jvp(x, new double[] {1}), 1e-14);
        assertArrayEquals(new double[] {12 * 1.5 * 1.5 - 8}, Fluxion.hessian(Pricing::squaredError).hvp(x, new double[] {1}),
                1e-13);
    }

    @Test
    void aLambdaThatCallsOneMethodIsThatMethod() {
        Pricing pricing = new Pricing(0.03);
        double[] x = {0.05, 0.02};
        assertArrayEquals(Fluxion.gradient(pricing::presentValue).gradient(x),
                Fluxion.gradient(p -> pricing.presentValue(p)).gradient(x), 0);
    }

    @Test
    void oneMethodsFailureIsItsOwn() {
        FluxionException e = assertThrows(FluxionException.class, () -> Fluxion.gradient(new Pricing(0.03)::quote));
        assertTrue(e.getMessage().contains("fluxion: dev.fluxion.ondemand.Pricing.quote(Pricing.java:33): active value "
                + "written to field dev.fluxion.ondemand.Pricing.lastPrice"), e.getMessage());
        assertEquals(2 * 0.5 * (0.25 - 2) * 2, Fluxion.gradient(Pricing::squaredError).gradient(new double[] {0.5})[0],
                1e-15);
    }

    /**
     * A derivative that calls {@code super.factor(2)}, which only the class itself may do: on demand
     * it goes through a method handle found from inside the class, and runs the superclass's method
     * (3), not the override (2).
     */
    @Test
    void aSuperCallGoesThroughAHandle() {
        WithSuper w = new WithSuper();
        assertArrayEquals(new double[] {3, 2}, Fluxion.gradient(w::product).gradient(new double[] {2, 3}), 0);
        assertArrayEquals(new double[] {3}, Fluxion.gradient(w::scaled).gradient(new double[] {2}), 0);
        assertArrayEquals(new double[] {2}, Fluxion.gradient(w::overridden).gradient(new double[] {2}), 0);
    }

    /** A ridge regression as a model object: its gradient comes back as a model of the same class. */
    static final class Ridge {
        final double[] w = {0.5, -0.25};
        double intercept = 0.1;
        static final double[][] X = {{1, 2}, {0, 1}, {3, -1}};
        static final double[] Y = {1, 0.5, 2};

        @Differentiable
        double loss() {
            double s = 0;
            for (int n = 0; n < X.length; n++) {
                double r = intercept + w[0] * X[n][0] + w[1] * X[n][1] - Y[n];
                s += r * r;
            }
            return s;
        }
    }

    @Test
    void gradientWithRespectToAModel() {
        Ridge model = new Ridge();
        ModelGradient<Ridge> g = Fluxion.modelGradient(Ridge::loss);
        Ridge grad = new Ridge();
        assertEquals(model.loss(), g.valueAndGradient(model, grad), 1e-15);
        double[] dw = new double[2];
        double db = 0;
        for (int n = 0; n < 3; n++) {
            double r = model.intercept + model.w[0] * Ridge.X[n][0] + model.w[1] * Ridge.X[n][1] - Ridge.Y[n];
            dw[0] += 2 * r * Ridge.X[n][0];
            dw[1] += 2 * r * Ridge.X[n][1];
            db += 2 * r;
        }
        assertArrayEquals(dw, grad.w, 1e-13);
        assertEquals(db, grad.intercept, 1e-13);
    }

    /** A polynomial as a list of terms, each a coefficient and a power: the gradient's list holds terms of derivatives. */
    static final class Polynomial {
        static final class Term {
            double coefficient;
            final int power;

            Term(double coefficient, int power) {
                this.coefficient = coefficient;
                this.power = power;
            }
        }

        final java.util.List<Term> terms = new java.util.ArrayList<>();

        Polynomial(double... coefficients) {
            for (int p = 0; p < coefficients.length; p++) {
                terms.add(new Term(coefficients[p], p));
            }
        }

        @Differentiable
        double loss() { // the squared error at x = 0.5, 1, 2 against 1 / x
            double s = 0;
            for (double x = 0.5; x <= 2; x *= 2) {
                double y = 0;
                for (int k = 0; k < terms.size(); k++) {
                    y += terms.get(k).coefficient * Math.pow(x, terms.get(k).power);
                }
                s += (y - 1 / x) * (y - 1 / x);
            }
            return s;
        }
    }

    @Test
    void gradientWithRespectToAListOfObjects() {
        Polynomial model = new Polynomial(0.5, -1, 0.25);
        Polynomial grad = Fluxion.modelGradient(Polynomial::loss).gradient(model);
        for (int p = 0; p < 3; p++) {
            double d = 0;
            for (double x = 0.5; x <= 2; x *= 2) {
                double y = 0.5 - x + 0.25 * x * x;
                d += 2 * (y - 1 / x) * Math.pow(x, p);
            }
            assertEquals(d, grad.terms.get(p).coefficient, 1e-12, "d/d terms[" + p + "].coefficient");
            assertEquals(p, grad.terms.get(p).power, "the power is data");
        }
    }

    @Test
    void forwardModeAndHessianWithRespectToAListOfObjects() {
        Polynomial model = new Polynomial(0.5, -1, 0.25);
        Polynomial v = new Polynomial(1, 2, -0.5); // a direction of the model's shape
        double jvp = 0;
        double[] hv = new double[3];
        for (double x = 0.5; x <= 2; x *= 2) {
            double r = 0.5 - x + 0.25 * x * x - 1 / x;
            double along = 1 + 2 * x - 0.5 * x * x;
            jvp += 2 * r * along;
            for (int p = 0; p < 3; p++) {
                hv[p] += 2 * Math.pow(x, p) * along;
            }
        }
        assertEquals(jvp, Fluxion.modelTangent(Polynomial::loss).jvp(model, v), 1e-12);
        Polynomial h = Fluxion.modelHessian(Polynomial::loss).hvp(model, v);
        for (int p = 0; p < 3; p++) {
            assertEquals(hv[p], h.terms.get(p).coefficient, 1e-12, "(H v) at terms[" + p + "]");
        }
    }

    /**
     * A class loaded by a class loader of its own, as JShell, application servers and plugin systems
     * load them: Fluxion, in another loader (another unnamed module), goes through the class's
     * package to define the hidden class.
     */
    @Test
    void aClassOfAnotherClassLoader() throws Exception {
        URL testClasses = Path.of("target/test-classes").toUri().toURL();
        String name = SeparatelyLoaded.class.getName();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {testClasses}, OnDemandApiTest.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String n, boolean resolve) throws ClassNotFoundException {
                if (!n.equals(name)) {
                    return super.loadClass(n, resolve);
                }
                synchronized (getClassLoadingLock(n)) { // child first, for the class under test only
                    Class<?> c = findLoadedClass(n);
                    return c != null ? c : findClass(n);
                }
            }
        }) {
            Class<?> c = loader.loadClass(name);
            assertTrue(c != SeparatelyLoaded.class && c.getModule() != Fluxion.class.getModule());
            double[] gradient = (double[]) c.getMethod("gradientAt", double[].class).invoke(null, new double[] {0.5, 2});
            assertArrayEquals(new double[] {4 * Math.cos(1), Math.sin(1) + Math.cos(1)}, gradient, 1e-15);
        }
    }
}
