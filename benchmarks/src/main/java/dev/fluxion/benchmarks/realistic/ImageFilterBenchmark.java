package dev.fluxion.benchmarks.realistic;

import dev.fluxion.Fluxion;

/** {@link ImageFilter}: the objective, Fluxion's gradient and the hand-written gradient in one fork. */
public class ImageFilterBenchmark extends ProgramBenchmark {
    @Override
    protected void prepare() {
        ImageFilter program = new ImageFilter();
        x = ImageFilter.initialParameters();
        objective = program::loss;
        fluxion = Fluxion.gradient(program::loss);
        manual = program::manualGradient;
    }
}
