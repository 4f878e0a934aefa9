package dev.fluxion.dispatch;

import dev.fluxion.Differentiable;
import dev.fluxion.ScalarFunction;

/** A method calling an overridable method of its own class: the object's class decides which runs. */
public class Overrides {
    @Differentiable
    double scaled(double v) {
        return 2 * v;
    }

    @Differentiable
    double f(double[] x) {
        return scaled(x[0] * x[1]); // this.scaled: a subclass may override it
    }

    static final class Squaring extends Overrides {
        @Differentiable
        @Override
        double scaled(double v) {
            return v * v;
        }
    }

    /** {@code f} of an {@code Overrides}, or of a {@code Squaring} if {@code squaring}. */
    public static ScalarFunction f(boolean squaring) {
        Overrides o = squaring ? new Squaring() : new Overrides();
        return o::f;
    }
}
