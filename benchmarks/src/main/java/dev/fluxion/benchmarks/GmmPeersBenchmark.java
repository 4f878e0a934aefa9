package dev.fluxion.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * GMM with Hipparchus forward mode and central differences, whose cost grows with the number of
 * parameters (30 and 330 here): the small inputs only.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class GmmPeersBenchmark {
    @Param({"1k/gmm_d2_K5", "1k/gmm_d10_K5"})
    String input;

    GmmInput problem;
    Gmm gmm;
    double[] theta;
    double[] grad;
    double[] work;

    @Setup
    public void setUp() {
        problem = GmmInput.named(input);
        gmm = new Gmm(problem);
        theta = problem.theta();
        grad = new double[theta.length];
        work = new double[theta.length];
    }

    @Benchmark
    public double hipparchus() {
        return GmmHipparchus.valueAndGradient(problem, theta, grad);
    }

    @Benchmark
    public double finiteDifferences() {
        return FiniteDifferences.valueAndGradient(gmm::objective, theta, grad, work);
    }
}
