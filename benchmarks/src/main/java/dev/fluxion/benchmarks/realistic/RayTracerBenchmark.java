package dev.fluxion.benchmarks.realistic;

import dev.fluxion.Fluxion;

/** {@link RayTracer}: the objective, Fluxion's gradient and the hand-written gradient in one fork. */
public class RayTracerBenchmark extends ProgramBenchmark {
    @Override
    protected void prepare() {
        RayTracer program = new RayTracer();
        x = RayTracer.initialScene();
        objective = program::loss;
        fluxion = Fluxion.gradient(program::loss);
        manual = program::manualGradient;
    }
}
