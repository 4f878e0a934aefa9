package dev.fluxion.transformer.diagnostics;

import java.util.List;

/**
 * Raised inside a pass at the first construct it cannot handle; the transformer turns it into a
 * {@link Diagnostic} with the class, method and source file filled in.
 */
public final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int line;
    private final String advice;

    private final List<Unsupported> more;

    public Unsupported(int line, String problem, String advice) {
        this(line, problem, advice, List.of());
    }

    private Unsupported(int line, String problem, String advice, List<Unsupported> more) {
        super(problem, null, false, false);
        this.line = line;
        this.advice = advice;
        this.more = List.copyOf(more);
    }

    /** The first of {@code problems}, carrying the others ({@link #more}). */
    public static Unsupported all(List<Unsupported> problems) {
        Unsupported first = problems.get(0);
        return new Unsupported(first.line, first.problem(), first.advice, problems.subList(1, problems.size()));
    }

    /** The method's other problems, after this one, in the order of its code. */
    public List<Unsupported> more() {
        return more;
    }

    /** This problem and the {@link #more} others. */
    public List<Unsupported> each() {
        List<Unsupported> out = new java.util.ArrayList<>();
        out.add(new Unsupported(line, problem(), advice));
        out.addAll(more);
        return out;
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
