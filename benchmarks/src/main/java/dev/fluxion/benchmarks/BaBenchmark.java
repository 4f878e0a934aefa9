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

/**
 * Bundle adjustment: the residuals of a sample of observations, and their sparse Jacobian by Fluxion
 * (reverse sweeps per observation), by hand, by Hipparchus and by central differences. Every
 * observation costs the same, so a sample of them gives ADBench's ratio.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class BaBenchmark {
    @Param({"ba1_n49_m7776_p31843"})
    String input;

    @Param({"1000"})
    int observations;

    BaInput ba;
    double[] in = new double[BaJacobian.INPUTS];
    double[] out = new double[2];
    double[] reprojection;
    double[] weightErrors;
    double[] values;
    BaJacobian fluxion;
    BaJacobian manual;
    BaJacobian hipparchus;
    BaJacobian finiteDifferences;

    @Setup
    public void setUp() {
        ba = BaInput.named(input).sample(observations);
        reprojection = new double[2 * ba.p()];
        weightErrors = new double[ba.p()];
        values = new double[BaJacobian.nonzeros(ba)];
        fluxion = BaJacobian.fluxion(ba);
        manual = BaJacobian.manual(ba);
        hipparchus = BaJacobian.hipparchus(ba);
        finiteDifferences = BaJacobian.finiteDifferences(ba);
    }

    @Benchmark
    public double[] objective() {
        Ba.objective(ba, in, out, reprojection, weightErrors);
        return reprojection;
    }

    @Benchmark
    public double[] fluxion() {
        fluxion.compute(values);
        return values;
    }

    @Benchmark
    public double[] manual() {
        manual.compute(values);
        return values;
    }

    @Benchmark
    public double[] hipparchus() {
        hipparchus.compute(values);
        return values;
    }

    @Benchmark
    public double[] finiteDifferences() {
        finiteDifferences.compute(values);
        return values;
    }
}
