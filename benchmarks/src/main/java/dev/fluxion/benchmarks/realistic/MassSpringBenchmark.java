package dev.fluxion.benchmarks.realistic;

import dev.fluxion.Fluxion;
import dev.fluxion.GradientFunction;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** {@link MassSpring}: the objective, Fluxion's gradient and the hand-written gradient in one fork. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class MassSpringBenchmark {
    MassSpring program;
    double[] x;
    double[] grad;
    GradientFunction fluxion;

    @Setup
    public void setUp() {
        program = new MassSpring();
        x = MassSpring.initialParameters();
        grad = new double[x.length];
        fluxion = Fluxion.gradient(program::loss);
    }

    @Benchmark
    public double objective() {
        return program.loss(x);
    }

    @Benchmark
    public double fluxion() {
        return fluxion.valueAndGradient(x, grad);
    }

    @Benchmark
    public double manual() {
        return program.manualGradient(x, grad);
    }
}
