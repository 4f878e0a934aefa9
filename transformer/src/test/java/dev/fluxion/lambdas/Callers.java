package dev.fluxion.lambdas;

import dev.fluxion.ScalarFunction;
import java.io.Serializable;
import java.util.function.DoubleSupplier;

/**
 * A class without {@code @Differentiable} methods whose lambdas call another class's: it is
 * transformed for its lambdas alone. Lambdas of other interfaces are left alone.
 */
public final class Callers {
    private Callers() {
    }

    public static ScalarFunction cubes() {
        return x -> Lambdas.sumOfCubes(x);
    }

    /** Serializable, but not one of Fluxion's interfaces. */
    interface SerializableSupplier extends DoubleSupplier, Serializable {
    }

    public static DoubleSupplier other() {
        return (SerializableSupplier) () -> Lambdas.cube(2);
    }
}
