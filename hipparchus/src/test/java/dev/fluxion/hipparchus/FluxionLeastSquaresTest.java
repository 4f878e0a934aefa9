package dev.fluxion.hipparchus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fluxion.Differentiable;
import dev.fluxion.hipparchus.samples.Misra1a;
import dev.fluxion.hipparchus.samples.NistDataset;
import dev.fluxion.hipparchus.samples.NistFit;
import dev.fluxion.hipparchus.samples.Thurber;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer.Optimum;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.util.Pair;
import org.junit.jupiter.api.Test;

/** The adapter's contract beside the fits: its two ways in, Hipparchus's target form, copies, threads. */
class FluxionLeastSquaresTest {
    private static final double[] X = Misra1a.DATA.x();

    /** Misra1a's model itself, {@code b1 (1 - exp(-b2 x))}: its predictions, not the residuals. */
    @Differentiable
    static void misra1aPredictions(double[] b, double[] prediction) {
        for (int i = 0; i < X.length; i++) {
            prediction[i] = b[0] * (1 - Math.exp(-b[1] * X[i]));
        }
    }

    @Test
    void valueIsComputeValueAndComputeJacobianTogether() {
        FluxionLeastSquares model = FluxionLeastSquares.of(Thurber::residuals, Thurber.DATA.observations());
        double[] b = Thurber.DATA.start2();
        Pair<RealVector, RealMatrix> pair = model.value(new ArrayRealVector(b));
        assertEquals(model.computeValue(b), pair.getFirst());
        assertEquals(model.computeJacobian(b), pair.getSecond());
        assertEquals(37, model.outputs());
    }

    @Test
    void parametersAreLeftAsTheyWere() {
        FluxionLeastSquares model = FluxionLeastSquares.of(Thurber::residuals, Thurber.DATA.observations());
        double[] b = Thurber.DATA.start1().clone();
        model.computeValue(b);
        model.computeJacobian(b);
        assertArrayEquals(Thurber.DATA.start1(), b);
    }

    @Test
    void predictionsWithTheObservationsAsTargetFitAsResidualsDo() {
        NistDataset d = Misra1a.DATA;
        Optimum fromResiduals = NistFit.levenbergMarquardt(d, Misra1a::residuals, 2);
        Optimum fromPredictions = lm().optimize(FluxionLeastSquares.of(FluxionLeastSquaresTest::misra1aPredictions,
                d.observations()).builder().target(d.y()).start(d.start2()).maxEvaluations(1000).maxIterations(1000)
                .build());
        // residuals -(y - f) instead of y - f: the same steps, the same fit up to round-off
        assertArrayEquals(fromResiduals.getPoint().toArray(), fromPredictions.getPoint().toArray(),
                1e-10 * d.certified()[0]);
        NistLevenbergMarquardtTest.assertCertified(d, fromPredictions, 10.5, 10.0);
    }

    @Test
    void lazyEvaluationFitsTheSame() {
        NistDataset d = Thurber.DATA;
        Optimum lazy = lm().optimize(FluxionLeastSquares.of(Thurber::residuals, d.observations()).builder()
                .lazyEvaluation(true).start(d.start2()).maxEvaluations(1000).maxIterations(1000).build());
        NistLevenbergMarquardtTest.assertCertified(d, lazy, 8.0, 10.0);
    }

    @Test
    void oneModelServesManyThreads() throws Exception {
        FluxionLeastSquares model = FluxionLeastSquares.of(Thurber::residuals, Thurber.DATA.observations());
        List<double[]> points = IntStream.range(0, 64).mapToObj(k -> {
            double[] b = Thurber.DATA.start1().clone();
            for (int j = 0; j < b.length; j++) {
                b[j] *= 1 + 0.01 * ((k * 7 + j * 3) % 11 - 5);
            }
            return b;
        }).toList();
        List<RealMatrix> alone = points.stream().map(model::computeJacobian).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 20; round++) {
                List<Future<RealMatrix>> together = points.stream()
                        .map(b -> pool.submit(() -> model.computeJacobian(b))).toList();
                for (int k = 0; k < points.size(); k++) {
                    assertEquals(alone.get(k), together.get(k).get(), "point " + k);
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    private static LevenbergMarquardtOptimizer lm() {
        return new LevenbergMarquardtOptimizer().withCostRelativeTolerance(1e-15).withParameterRelativeTolerance(1e-15)
                .withOrthoTolerance(1e-15);
    }
}
