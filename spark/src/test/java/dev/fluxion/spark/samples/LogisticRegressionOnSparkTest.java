package dev.fluxion.spark.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fluxion.spark.LocalSpark;
import java.util.Arrays;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;

/** The sample in a short mode: 20 000 examples drawn on the executors in 4 partitions, fitted. */
class LogisticRegressionOnSparkTest {

    @Test
    void theFitRecoversTheWeightsAndAgreesWithMllibsOwnGradient() {
        LogisticRegressionOnSpark.Fit fit;
        try (JavaSparkContext spark = LocalSpark.start("LogisticRegressionOnSparkTest", 2)) {
            fit = LogisticRegressionOnSpark.fit(spark, 20_000, 4);
        }
        assertEquals(20_000, fit.examples());
        double[] w = fit.weights();
        for (int j = 0; j < w.length; j++) {
            assertEquals(LogisticRegressionOnSpark.TRUTH[j], w[j], 0.1, "w" + j + " of " + Arrays.toString(w));
            assertEquals(fit.mllibWeights()[j], w[j], 1e-9, "w" + j);
            assertTrue(Math.abs(fit.meanGradient()[j]) < 1e-6, "the mean gradient at the fit: " + fit.meanGradient()[j]);
        }
        double[] history = fit.lossHistory();
        assertEquals(Math.log(2), history[0], 1e-12, "the mean loss at w = 0");
        assertTrue(history[history.length - 1] < 0.3, Arrays.toString(history));
    }
}
