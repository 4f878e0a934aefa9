package dev.fluxion.corpus;

import dev.fluxion.ScalarFunction;

/** Method references to a {@link DataModel}'s losses, made inside the transformed classes' loader. */
public final class DataModelReferences {
    private DataModelReferences() {
    }

    public static ScalarFunction loss(DataModel model) {
        return model::loss;
    }

    public static ScalarFunction shiftedHalfLoss(DataModel model) {
        return model::shiftedHalfLoss;
    }
}
