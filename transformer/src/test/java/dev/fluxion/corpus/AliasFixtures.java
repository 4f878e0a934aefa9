package dev.fluxion.corpus;

import dev.fluxion.ScalarFunction;

/** A method reference made inside the transforming class loader, for AliasAtRunTimeTest. */
public final class AliasFixtures {
    private AliasFixtures() {
    }

    public static ScalarFunction sameRowTwice() {
        return RowsOfOneMatrix::sameRowTwice;
    }
}
