package dev.fluxion.benchmarks.realistic;

import dev.fluxion.Fluxion;

/**
 * {@link RayTracerRecords}: the objective and Fluxion's gradient in one fork; the hand-written gradient is
 * {@link RayTracer}'s, of the same function at the same parameters.
 */
public class RayTracerRecordsBenchmark extends ProgramBenchmark {
    @Override
    protected void prepare() {
        RayTracerRecords program = new RayTracerRecords();
        x = RayTracer.initialScene();
        objective = program::loss;
        fluxion = Fluxion.gradient(program::loss);
        manual = new RayTracer()::manualGradient;
    }
}
