package dev.fluxion.benchmarks;

import dev.fluxion.Fluxion;
import dev.fluxion.Jacobian;
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
 * Dense Jacobians in forward mode ({@link DecayFit}: 100 residuals of {@code n} parameters, so
 * {@code Jacobian.at} pushes unit directions through the vector tangent), against the objective.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ForwardJacobianBenchmark {
    @Param({"2", "3", "8", "20", "50"})
    int n;
    double[] p;
    double[] r;
    double[][] j;
    Jacobian jacobian;

    @Setup
    public void setUp() {
        p = DecayFit.start(n);
        r = new double[DecayFit.POINTS];
        j = new double[DecayFit.POINTS][n];
        jacobian = Fluxion.jacobian(DecayFit::residuals, DecayFit.POINTS);
    }

    @Benchmark
    public double[] objective() {
        DecayFit.residuals(p, r);
        return r;
    }

    @Benchmark
    public double[][] jacobian() {
        jacobian.at(p, j);
        return j;
    }
}
