package dev.fluxion.ondemand;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fluxion.Differentiable;
import dev.fluxion.Fluxion;
import dev.fluxion.FluxionException;
import dev.fluxion.ScalarFunction;
import dev.fluxion.dispatch.Activations;
import org.junit.jupiter.api.Test;

/**
 * A call through an interface on an object from outside, on demand: the derivative of each
 * object's class is generated when the call first meets it, in that class's hidden class; an
 * object whose method is not {@code @Differentiable} fails at the call, naming its class.
 */
class OnDemandVirtualCallsTest {
    @Test
    void eachClassIsDifferentiatedWhenTheCallFirstMeetsIt() {
        double[] x = {0.7, -0.4};
        double z = x[0] * x[1];
        double tanh = 1 - Math.tanh(z) * Math.tanh(z);
        assertArrayEquals(new double[] {tanh * x[1], tanh * x[0] + 1}, Fluxion.gradient(Activations.loss(0)).gradient(x), 1e-12);
        assertArrayEquals(new double[] {Math.cos(z) * x[1], Math.cos(z) * x[0] + 1},
                Fluxion.tangent(Activations.loss(1)).gradient(x), 1e-12);
    }

    @Test
    void anObjectWithoutDerivativeFailsAtTheCall() {
        FluxionException e = assertThrows(FluxionException.class,
                () -> Fluxion.gradient(Activations.loss(6)).gradient(new double[] {1, 2}));
        assertTrue(e.getMessage().startsWith("fluxion: dev.fluxion.dispatch.Activations$Net, line 84: the call of "
                + "dev.fluxion.dispatch.Activations$Activation.apply(double) ran on an object of "
                + "dev.fluxion.dispatch.Activations$Doubling, which runs dev.fluxion.dispatch.Activations$Doubling.apply, "
                + "not @Differentiable"), e.getMessage());
    }

    /** What a generic optimiser holds: an objective behind an interface, the class chosen elsewhere. */
    interface Objective {
        double value(double[] x);
    }

    abstract static class Penalised implements Objective {
        @Differentiable
        @Override
        public double value(double[] x) {
            return fit(x) + 0.5 * x[1] * x[1];
        }

        abstract double fit(double[] x);
    }

    static final class Bowl extends Penalised {
        @Differentiable
        @Override
        double fit(double[] x) {
            return x[0] * x[0] + 3 * x[1];
        }
    }

    static final class Plain implements Objective {
        @Override
        public double value(double[] x) {
            return x[0];
        }
    }

    @Test
    void aReferenceThroughAnInterfaceDifferentiatesTheObjectsOwnMethod() {
        Objective objective = new Bowl(); // value is Penalised's, fit Bowl's: each call site runs the receiver's code
        double[] x = {1.5, -2};
        double[] expected = {2 * x[0], 3 + x[1]};
        assertArrayEquals(expected, Fluxion.gradient(objective::value).gradient(x), 1e-12);
        ScalarFunction viaLambda = p -> objective.value(p);
        assertArrayEquals(expected, Fluxion.gradient(viaLambda).gradient(x), 1e-12);
        Objective plain = new Plain();
        FluxionException e = assertThrows(FluxionException.class, () -> Fluxion.gradient(plain::value));
        assertTrue(e.getMessage().startsWith("fluxion: dev.fluxion.ondemand.OnDemandVirtualCallsTest$Plain.value is not "
                + "annotated @Differentiable"), e.getMessage());
    }
}
