package dev.fluxion.transformer.diagnostics;

/**
 * Raised inside a pass at the first construct it cannot handle; the transformer turns it into a
 * {@link Diagnostic} with the class, method and source file filled in.
 */
public final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int line;
    private final String advice;

    public Unsupported(int line, String problem, String advice) {
        super(problem, null, false, false);
        this.line = line;
        this.advice = advice;
    }

    public int line() {
        return line;
    }

    public String problem() {
        return getMessage();
    }

    public String advice() {
        return advice;
    }
}
