package dev.fluxion.benchmarks;

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

/** {@link ParticleSwarm}: the loss and its gradient with the particles in an array and in an {@code ArrayList}. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class ParticleSwarmBenchmark {
    double[] x;
    double[] grad;
    GradientFunction array;
    GradientFunction list;

    @Setup
    public void setUp() {
        x = ParticleSwarm.start();
        grad = new double[x.length];
        array = Fluxion.gradient(ParticleSwarm::inArray);
        list = Fluxion.gradient(ParticleSwarm::inList);
    }

    @Benchmark
    public double objectiveArray() {
        return ParticleSwarm.inArray(x);
    }

    @Benchmark
    public double objectiveList() {
        return ParticleSwarm.inList(x);
    }

    @Benchmark
    public double gradientArray() {
        return array.valueAndGradient(x, grad);
    }

    @Benchmark
    public double gradientList() {
        return list.valueAndGradient(x, grad);
    }
}
