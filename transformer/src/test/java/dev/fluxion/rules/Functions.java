package dev.fluxion.rules;

import dev.fluxion.ScalarFunction;

/** Method references, made inside the transforming class loader. */
public final class Functions {
    private Functions() {
    }

    public static ScalarFunction sumOfSoftplus() {
        return WithRules::sumOfSoftplus;
    }

    public static ScalarFunction sumOfScaled() {
        return WithRules::sumOfScaled;
    }
}
