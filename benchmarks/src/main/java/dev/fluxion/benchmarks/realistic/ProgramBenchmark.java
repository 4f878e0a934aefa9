package dev.fluxion.benchmarks.realistic;

import dev.fluxion.GradientFunction;
import dev.fluxion.ScalarFunction;
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

/**
 * A realistic program's objective, Fluxion's gradient and the hand-written gradient, in one fork
 * (JMH generates the three benchmarks for each subclass, which says what to run in {@link #prepare}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public abstract class ProgramBenchmark {
    /** A hand-written gradient: the value, the gradient written into {@code grad}. */
    public interface HandWritten {
        double valueAndGradient(double[] x, double[] grad);
    }

    double[] x;
    double[] grad;
    ScalarFunction objective;
    GradientFunction fluxion;
    HandWritten manual;

    /** Sets the point {@link #x}, {@link #objective}, {@link #fluxion} (from a method reference) and {@link #manual}. */
    protected abstract void prepare();

    @Setup
    public void setUp() {
        prepare();
        grad = new double[x.length];
    }

    @Benchmark
    public double objective() {
        return objective.apply(x);
    }

    @Benchmark
    public double fluxion() {
        return fluxion.valueAndGradient(x, grad);
    }

    @Benchmark
    public double manual() {
        return manual.valueAndGradient(x, grad);
    }
}
