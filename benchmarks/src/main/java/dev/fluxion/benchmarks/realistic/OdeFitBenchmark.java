package dev.fluxion.benchmarks.realistic;

import dev.fluxion.Fluxion;

/** {@link OdeFit}: the objective, Fluxion's gradient and the hand-written gradient in one fork. */
public class OdeFitBenchmark extends ProgramBenchmark {
    @Override
    protected void prepare() {
        OdeFit program = new OdeFit();
        x = OdeFit.initialParameters();
        objective = program::loss;
        fluxion = Fluxion.gradient(program::loss);
        manual = program::manualGradient;
    }
}
