package dev.fluxion.benchmarks.realistic;

import dev.fluxion.Fluxion;

/** {@link MassSpring}: the objective, Fluxion's gradient and the hand-written gradient in one fork. */
public class MassSpringBenchmark extends ProgramBenchmark {
    @Override
    protected void prepare() {
        MassSpring program = new MassSpring();
        x = MassSpring.initialParameters();
        objective = program::loss;
        fluxion = Fluxion.gradient(program::loss);
        manual = program::manualGradient;
    }
}
