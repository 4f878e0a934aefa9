package dev.fluxion.benchmarks.realistic;

import dev.fluxion.Fluxion;

/** {@link Mlp}: the objective, Fluxion's gradient and the hand-written gradient in one fork. */
public class MlpBenchmark extends ProgramBenchmark {
    @Override
    protected void prepare() {
        Mlp program = new Mlp();
        x = Mlp.initialParameters();
        objective = program::loss;
        fluxion = Fluxion.gradient(program::loss);
        manual = program::manualGradient;
    }
}
