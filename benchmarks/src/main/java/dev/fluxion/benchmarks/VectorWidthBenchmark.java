package dev.fluxion.benchmarks;

import dev.fluxion.VectorFunction;
import dev.fluxion.internal.AdjointLinker;
import dev.fluxion.internal.VectorForward;
import dev.fluxion.internal.VectorTangent;
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
 * The dense forward Jacobian of {@link DecayFit} by sweeps of one width only, every width: what
 * {@code VectorForward.plan} chooses between ({@link ForwardJacobianBenchmark} measures its choice).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class VectorWidthBenchmark {
    @Param({"2", "3", "8", "20", "50"})
    int n;
    @Param({"1", "2", "4", "8"})
    int width;
    double[] p;
    double[][] j;
    int[] plan;
    VectorForward.OfVector columns;

    @Setup
    public void setUp() {
        p = DecayFit.start(n);
        j = new double[DecayFit.POINTS][n];
        plan = VectorForward.uniform(n, width);
        VectorFunction f = DecayFit::residuals;
        columns = new VectorForward.OfVector(f, AdjointLinker.linkTangent(f, "([D[D)V", VectorTangent.class),
                DecayFit.POINTS);
    }

    @Benchmark
    public double[][] jacobian() {
        columns.jacobian(p, j, plan);
        return j;
    }
}
