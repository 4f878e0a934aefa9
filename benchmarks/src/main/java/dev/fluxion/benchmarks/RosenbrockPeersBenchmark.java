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

/** Extended Rosenbrock with the peers whose cost is O(n^2): n up to 1000. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class RosenbrockPeersBenchmark {
    @Param({"10", "100", "1000"})
    int n;

    double[] x;
    double[] grad;
    double[] work;

    @Setup
    public void setUp() {
        x = Rosenbrock.start(n);
        grad = new double[n];
        work = new double[n];
    }

    @Benchmark
    public double hipparchus() {
        return Rosenbrock.hipparchus(x, grad);
    }

    @Benchmark
    public double finiteDifferences() {
        return FiniteDifferences.valueAndGradient(Rosenbrock::objective, x, grad, work);
    }
}
