package dev.fluxion.transformer.diagnostics;

/**
 * Why a method cannot be differentiated, where, and what the user can do. Rendered like a
 * compiler error, with a stack-trace-style location that IDEs turn into a link:
 * <pre>
 * fluxion: com.acme.Model.loss(Model.java:42): active value passed to com.acme.Lib.solve(D)D,
 *        which is not @Differentiable. Annotate it, or give it a custom derivative.
 * </pre>
 *
 * @param owner internal name of the class
 * @param method method name
 * @param descriptor method descriptor
 * @param sourceFile source file name, or {@code null} if the class has none
 * @param line source line, or -1 if unknown
 * @param problem what construct is the problem (a sentence fragment, no final period)
 * @param advice what to do about it (one or more sentences)
 */
public record Diagnostic(String owner, String method, String descriptor, String sourceFile, int line,
        String problem, String advice) {

    public String message() {
        return "fluxion: " + located() + ". " + advice;
    }

    /** Where and what, without the advice: {@code com.acme.Lib.g(Lib.java:12): active value written to field ...}. */
    public String located() {
        return owner.replace('/', '.') + "." + method + "(" + where() + "): " + problem;
    }

    private String where() {
        return sourceFile == null ? "Unknown Source" : line >= 0 ? sourceFile + ":" + line : sourceFile;
    }

    @Override
    public String toString() {
        return message();
    }
}
