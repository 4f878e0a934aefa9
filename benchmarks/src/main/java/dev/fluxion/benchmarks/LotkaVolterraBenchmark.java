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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** RK4 over 4000 steps of Lotka-Volterra, six inputs: every way of computing the gradient. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class LotkaVolterraBenchmark {
    double[] theta;
    double[] grad;
    double[] work;
    GradientFunction fluxion;
    TangentFunction tangent;
    double[] direction;
    double[] jvp = new double[1];
    LotkaVolterra.Manual manual;

    @Setup
    public void setUp() {
        theta = LotkaVolterra.initialTheta();
        grad = new double[theta.length];
        work = new double[theta.length];
        fluxion = Fluxion.gradient(LotkaVolterra::loss);
        tangent = Fluxion.tangent(LotkaVolterra::loss);
        direction = new double[theta.length];
        java.util.Arrays.fill(direction, 1.0);
        manual = new LotkaVolterra.Manual();
    }

    @Benchmark
    public double objective() {
        return LotkaVolterra.loss(theta);
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

    @Benchmark
    public double manual() {
        return manual.valueAndGradient(theta, grad);
    }

    @Benchmark
    public double hipparchus() {
        return LotkaVolterra.hipparchus(theta, grad);
    }

    @Benchmark
    public double finiteDifferences() {
        return FiniteDifferences.valueAndGradient(LotkaVolterra::loss, theta, grad, work);
    }
}
