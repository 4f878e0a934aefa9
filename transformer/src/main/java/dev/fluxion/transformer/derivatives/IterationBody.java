package dev.fluxion.transformer.derivatives;

import dev.fluxion.transformer.ir.Value;
import java.util.List;

/**
 * The adjoint of a loop body that the reverse mode outlined into a method of its own (see
 * {@code reverse.IndependentIterations}), which the caller's forward sweep runs in place of the
 * call, and how its seed follows from the caller's: the steps of the sum's way to the caller's
 * result, from the result back ({@code seed * c}, {@code seed / c}, {@code -seed}; {@code c} a
 * value the caller has before the loop).
 */
public record IterationBody(String adjoint, List<SeedStep> seed) {
    /** One step from a seed to the next: {@code DMUL} or {@code DDIV} by {@code operand}, or {@code DNEG}. */
    public record SeedStep(int opcode, Value operand) {
    }
}
