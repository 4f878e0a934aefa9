package dev.fluxion.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fluxion.Fluxion;
import dev.fluxion.FluxionException;
import dev.fluxion.ScalarFunction;
import org.junit.jupiter.api.Test;

/** Two rows of one matrix passed where the callee needs distinct arrays: checked when the call runs. */
class AliasAtRunTimeTest {
    @Test
    void theSameRowTwiceIsAClearErrorNotAWrongGradient() throws Exception {
        ScalarFunction f = (ScalarFunction) CorpusTest.LOADER.loadClass("dev.fluxion.corpus.AliasFixtures")
                .getMethod("sameRowTwice").invoke(null);
        FluxionException e = assertThrows(FluxionException.class, () -> Fluxion.gradient(f).gradient(new double[] {1, 2}));
        assertEquals("fluxion: dev.fluxion.corpus.RowsOfOneMatrix.sameRowTwice (line 31): arguments 0 and 1 of "
                + "dev.fluxion.corpus.ArrayHelpers.addSquares(double[], double[]) are the same array (or one is a row of the other), "
                + "and the callee writes into one of them. Pass a copy (a.clone()) as one of them, so the callee's writes "
                + "cannot change what it reads.", e.getMessage());
    }
}
