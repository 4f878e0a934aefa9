package dev.fluxion.benchmarks;

import dev.fluxion.Differentiable;
import dev.fluxion.Fluxion;
import dev.fluxion.GradientFunction;
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
 * Extended Rosenbrock: the objective, Fluxion's gradient, and a hand-written gradient, in one
 * run, so the ratios gradient/objective and Fluxion/hand-written come from the same machine state.
 * The forked JVMs get the agent; run from the repository root.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-javaagent:agent/target/fluxion-agent.jar")
public class RosenbrockBenchmark {
    @Param({"10", "1000", "100000"})
    int n;

    double[] x;
    double[] grad;
    GradientFunction fluxion;

    @Setup
    public void setUp() {
        x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i % 2 == 0 ? -1.2 : 1.0;
        }
        grad = new double[n];
        fluxion = Fluxion.gradient(RosenbrockBenchmark::rosenbrock);
    }

    @Differentiable
    static double rosenbrock(double[] x) {
        double s = 0;
        for (int i = 0; i + 1 < x.length; i++) {
            double a = x[i + 1] - x[i] * x[i];
            double b = 1 - x[i];
            s += 100 * a * a + b * b;
        }
        return s;
    }

    /** The gradient as one would write it by hand. */
    static double rosenbrockGradient(double[] x, double[] g) {
        java.util.Arrays.fill(g, 0);
        double s = 0;
        for (int i = 0; i + 1 < x.length; i++) {
            double a = x[i + 1] - x[i] * x[i];
            double b = 1 - x[i];
            s += 100 * a * a + b * b;
            g[i] += -400 * a * x[i] - 2 * b;
            g[i + 1] += 200 * a;
        }
        return s;
    }

    @Benchmark
    public double objective() {
        return rosenbrock(x);
    }

    @Benchmark
    public double fluxionGradient() {
        return fluxion.valueAndGradient(x, grad);
    }

    @Benchmark
    public double handWrittenGradient() {
        return rosenbrockGradient(x, grad);
    }
}
