package dev.fluxion.benchmarks;

import dev.fluxion.Fluxion;
import dev.fluxion.GradientFunction;
import dev.fluxion.TangentFunction;
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

/** Extended Rosenbrock: objective, Fluxion's gradient and the hand-written one. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class RosenbrockBenchmark {
    @Param({"10", "100", "1000", "100000"})
    int n;

    double[] x;
    double[] grad;
    GradientFunction fluxion;
    TangentFunction tangent;
    double[] direction;
    double[] jvp = new double[1];

    @Setup
    public void setUp() {
        x = Rosenbrock.start(n);
        grad = new double[n];
        fluxion = Fluxion.gradient(Rosenbrock::objective);
        tangent = Fluxion.tangent(Rosenbrock::objective);
        direction = new double[x.length];
        java.util.Arrays.fill(direction, 1.0);
    }

    @Benchmark
    public double objective() {
        return Rosenbrock.objective(x);
    }

    @Benchmark
    public double fluxion() {
        return fluxion.valueAndGradient(x, grad);
    }

    /** One forward-mode directional derivative (a tangent sweep), for the cost of forward mode per direction. */
    @Benchmark
    public double fluxionJvp() {
        return tangent.valueAndJvp(x, direction, jvp);
    }

    @Benchmark
    public double manual() {
        return Rosenbrock.manual(x, grad);
    }
}
