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

/** The LSTM gradient by Hipparchus forward mode and by central differences (266 parameters). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class LstmPeersBenchmark {
    @Param({"lstm_l2_c1024"})
    String input;

    LstmInput problem;
    Lstm lstm;
    double[] theta;
    double[] grad;
    double[] work;

    @Setup
    public void setUp() {
        problem = LstmInput.named(input);
        lstm = new Lstm(problem);
        theta = problem.theta();
        grad = new double[theta.length];
        work = new double[theta.length];
    }

    @Benchmark
    public double hipparchus() {
        return LstmHipparchus.valueAndGradient(problem, theta, grad);
    }

    @Benchmark
    public double finiteDifferences() {
        return FiniteDifferences.valueAndGradient(lstm::objective, theta, grad, work);
    }
}
