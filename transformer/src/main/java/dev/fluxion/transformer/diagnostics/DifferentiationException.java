package dev.fluxion.transformer.diagnostics;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a class cannot be transformed because one or more of its {@code @Differentiable}
 * methods contain something Fluxion cannot differentiate. Carries every diagnostic of the class, so
 * a build reports all problems at once.
 */
public final class DifferentiationException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<Diagnostic> diagnostics;

    public DifferentiationException(List<Diagnostic> diagnostics) {
        super(diagnostics.stream().map(Diagnostic::message).collect(Collectors.joining("\n")));
        this.diagnostics = List.copyOf(diagnostics);
    }

    public DifferentiationException(Diagnostic diagnostic) {
        this(List.of(diagnostic));
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
