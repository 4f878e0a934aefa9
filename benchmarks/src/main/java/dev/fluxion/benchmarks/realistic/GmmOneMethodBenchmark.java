package dev.fluxion.benchmarks.realistic;

import dev.fluxion.Fluxion;
import dev.fluxion.benchmarks.GmmInput;
import dev.fluxion.benchmarks.GmmManual;
import org.openjdk.jmh.annotations.Param;

/**
 * {@link GmmOneMethod} on ADBench's files that {@code GmmBenchmark} runs too, so the two ways of
 * writing the same function compare directly; {@link GmmManual} is the hand-written gradient of both.
 */
public class GmmOneMethodBenchmark extends ProgramBenchmark {
    @Param({"1k/gmm_d2_K5", "1k/gmm_d10_K5"})
    String input;

    @Override
    protected void prepare() {
        GmmInput problem = GmmInput.named(input);
        GmmOneMethod program = new GmmOneMethod(problem);
        x = problem.theta();
        objective = program::objective;
        fluxion = Fluxion.gradient(program::objective);
        manual = new GmmManual(problem)::valueAndGradient;
    }
}
