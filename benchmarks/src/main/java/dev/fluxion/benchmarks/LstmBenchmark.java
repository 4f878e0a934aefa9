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

/** The diagonal LSTM loss (266 parameters for l = 2): objective, Fluxion's and the hand-written gradient. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class LstmBenchmark {
    @Param({"lstm_l2_c1024"})
    String input;

    LstmInput problem;
    Lstm lstm;
    double[] theta;
    double[] grad;
    GradientFunction fluxion;
    TangentFunction tangent;
    double[] direction;
    double[] jvp = new double[1];
    LstmManual manual;

    @Setup
    public void setUp() {
        problem = LstmInput.named(input);
        lstm = new Lstm(problem);
        theta = problem.theta();
        grad = new double[theta.length];
        fluxion = Fluxion.gradient(lstm::objective);
        tangent = Fluxion.tangent(lstm::objective);
        direction = new double[theta.length];
        java.util.Arrays.fill(direction, 1.0);
        manual = new LstmManual(problem);
    }

    @Benchmark
    public double objective() {
        return lstm.objective(theta);
    }

    @Benchmark
    public double fluxion() {
        return fluxion.valueAndGradient(theta, grad);
    }

    /** One forward-mode directional derivative (a tangent sweep), for the cost of forward mode per direction. */
    @Benchmark
    public double fluxionJvp() {
        return tangent.valueAndJvp(theta, direction, jvp);
    }

    /** The declared gradient ({@code @GradientOf}, data parameters not differentiated), called directly. */
    @Benchmark
    public double fluxionGradientOf() {
        return Lstm.objectiveGradient(theta, problem.l(), problem.c(), problem.b(), problem.state(), problem.sequence(), grad);
    }

    @Benchmark
    public double manual() {
        return manual.valueAndGradient(theta, grad);
    }
}
