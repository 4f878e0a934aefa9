package dev.fluxion.benchmarks;

import dev.fluxion.Fluxion;
import dev.fluxion.GradientFunction;
import dev.fluxion.ScalarFunction;
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

/** {@link ParticleSwarm}: the loss and Fluxion's gradient, with the particles in an array and in an {@code ArrayList}. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class ParticleSwarmBenchmark {
    @Param({"Particle[]", "ArrayList<Particle>"})
    String particles;

    double[] x;
    double[] grad;
    ScalarFunction objective;
    GradientFunction fluxion;

    @Setup
    public void setUp() {
        x = ParticleSwarm.start();
        grad = new double[x.length];
        objective = particles.startsWith("ArrayList") ? ParticleSwarm::inList : ParticleSwarm::inArray;
        fluxion = particles.startsWith("ArrayList") ? Fluxion.gradient(ParticleSwarm::inList)
                : Fluxion.gradient(ParticleSwarm::inArray);
    }

    @Benchmark
    public double objective() {
        return objective.apply(x);
    }

    @Benchmark
    public double fluxion() {
        return fluxion.valueAndGradient(x, grad);
    }
}
