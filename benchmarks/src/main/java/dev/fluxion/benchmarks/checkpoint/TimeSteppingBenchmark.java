package dev.fluxion.benchmarks.checkpoint;

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

/**
 * What binomial checkpointing costs in time: the objective, the plain gradient (the tape records
 * every step), and the gradient {@code @Checkpointed} with the default snapshots and with 100, over
 * 10^3 to 10^5 steps. {@link CheckpointReport} puts the times beside the tapes' sizes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class TimeSteppingBenchmark {
    @Param({"oscillator", "chain"})
    public String simulation;

    @Param({"1000", "10000", "100000"})
    public int steps;

    double[] input;
    double[] grad;
    ScalarFunction objective;
    GradientFunction plain;
    GradientFunction checkpointed;
    GradientFunction checkpointed100;

    @Setup
    public void setUp() {
        TimeStepping.steps = steps;
        boolean chain = simulation.equals("chain");
        input = chain ? TimeStepping.chainInput() : TimeStepping.oscillatorInput();
        grad = new double[input.length];
        objective = chain ? TimeStepping::chainPlain : TimeStepping::oscillatorPlain;
        plain = Fluxion.gradient(objective);
        checkpointed = Fluxion.gradient(chain ? TimeStepping::chainCheckpointed : TimeStepping::oscillatorCheckpointed);
        checkpointed100 = Fluxion.gradient(chain ? TimeStepping::chainCheckpointed100
                : TimeStepping::oscillatorCheckpointed100);
    }

    @Benchmark
    public double objective() {
        return objective.apply(input);
    }

    @Benchmark
    public double fluxion() {
        return plain.valueAndGradient(input, grad);
    }

    @Benchmark
    public double checkpointed() {
        return checkpointed.valueAndGradient(input, grad);
    }

    @Benchmark
    public double checkpointed100() {
        return checkpointed100.valueAndGradient(input, grad);
    }
}
