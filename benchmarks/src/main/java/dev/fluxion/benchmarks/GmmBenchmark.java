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

/**
 * GMM: objective, Fluxion's gradient and the hand-written gradient in one fork, so the ratios
 * gradient/objective come from the same machine state. Peers that scale with the number of
 * parameters are in {@link GmmPeersBenchmark}. The classes were transformed at build time by
 * fluxion-maven-plugin: the forks need no agent.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class GmmBenchmark {
    /**
     * ADBench's 1k and 10k files, then the shapes of ADBench's published 10k rows that its data set
     * does not hold (random data of that shape, see {@link GmmInput#named}).
     */
    @Param({"1k/gmm_d2_K5", "1k/gmm_d10_K5", "1k/gmm_d20_K10", "1k/gmm_d64_K10", "10k/gmm_d2_K5", "10k/gmm_d10_K10",
        "10k/gmm_d2_K200", "10k/gmm_d10_K50", "10k/gmm_d64_K5", "10k/gmm_d64_K25"})
    String input;

    GmmInput problem;
    Gmm gmm;
    double[] theta;
    double[] grad;
    GradientFunction fluxion;
    TangentFunction tangent;
    double[] direction;
    double[] jvp = new double[1];
    GmmManual manual;

    @Setup
    public void setUp() {
        problem = GmmInput.named(input);
        gmm = new Gmm(problem);
        theta = problem.theta();
        grad = new double[theta.length];
        fluxion = Fluxion.gradient(gmm::objective);
        tangent = Fluxion.tangent(gmm::objective);
        direction = new double[theta.length];
        java.util.Arrays.fill(direction, 1.0);
        manual = new GmmManual(problem);
    }

    @Benchmark
    public double objective() {
        return gmm.objective(theta);
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
        return Gmm.objectiveGradient(theta, problem.x(), problem.d(), problem.k(), problem.gamma(), problem.m(), grad);
    }

    @Benchmark
    public double manual() {
        return manual.valueAndGradient(theta, grad);
    }
}
