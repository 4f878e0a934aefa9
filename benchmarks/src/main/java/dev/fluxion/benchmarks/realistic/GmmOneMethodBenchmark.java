package dev.fluxion.benchmarks.realistic;

import dev.fluxion.Fluxion;
import dev.fluxion.GradientFunction;
import dev.fluxion.benchmarks.GmmInput;
import dev.fluxion.benchmarks.GmmManual;
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
 * {@link GmmOneMethod} on ADBench's files that {@code GmmBenchmark} runs too, so the two ways of
 * writing the same function compare directly; {@link GmmManual} is the hand-written gradient of both.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class GmmOneMethodBenchmark {
    @Param({"1k/gmm_d2_K5", "1k/gmm_d10_K5"})
    String input;

    GmmOneMethod program;
    double[] theta;
    double[] grad;
    GradientFunction fluxion;
    GmmManual manual;

    @Setup
    public void setUp() {
        GmmInput problem = GmmInput.named(input);
        program = new GmmOneMethod(problem);
        theta = problem.theta();
        grad = new double[theta.length];
        fluxion = Fluxion.gradient(program::objective);
        manual = new GmmManual(problem);
    }

    @Benchmark
    public double objective() {
        return program.objective(theta);
    }

    @Benchmark
    public double fluxion() {
        return fluxion.valueAndGradient(theta, grad);
    }

    @Benchmark
    public double manual() {
        return manual.valueAndGradient(theta, grad);
    }
}
