package dev.fluxion.benchmarks.realistic;

import dev.fluxion.Fluxion;

/** {@link BayesianLogistic}: the objective, Fluxion's gradient and the hand-written gradient in one fork. */
public class BayesianLogisticBenchmark extends ProgramBenchmark {
    @Override
    protected void prepare() {
        BayesianLogistic program = new BayesianLogistic();
        x = BayesianLogistic.initialBeta();
        objective = program::logDensity;
        fluxion = Fluxion.gradient(program::logDensity);
        manual = program::manualGradient;
    }
}
