package dev.fluxion.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the agent did, for {@link dev.fluxion.Fluxion} to explain a missing derivative: whether an
 * agent is installed, and the diagnostic of every method whose transformation failed (the class
 * was then left untouched, so the error must resurface when the derivative is asked for).
 */
public final class TransformationLog {
    private static volatile String agentName;
    private static final Map<String, String> FAILURES = new ConcurrentHashMap<>();

    private TransformationLog() {
    }

    public static void agentInstalled(String name) {
        agentName = name;
    }

    public static boolean isAgentInstalled() {
        return agentName != null;
    }

    /** Records the diagnostic for {@code owner.name desc}; {@code owner} in internal form. */
    public static void failed(String owner, String name, String descriptor, String message) {
        FAILURES.put(key(owner, name, descriptor), message);
    }

    /** The recorded diagnostic for the method, or {@code null}. */
    public static String failure(String owner, String name, String descriptor) {
        return FAILURES.get(key(owner, name, descriptor));
    }

    /** Every recorded diagnostic of a method {@code name} of {@code owner} (any descriptor), one per line, or {@code null}. */
    public static String failuresOf(String owner, String name) {
        StringBuilder out = new StringBuilder();
        FAILURES.forEach((key, message) -> {
            if (key.startsWith(owner + '.' + name + '(')) {
                out.append(out.length() == 0 ? "" : "\n").append(message);
            }
        });
        return out.length() == 0 ? null : out.toString();
    }

    /**
     * Explains a {@link LinkageError} raised by generated code that calls the adjoint of a method
     * whose class could not be transformed, or returns {@code null} if the error is not that.
     */
    public static String explainMissingAdjoint(LinkageError error) {
        String text = String.valueOf(error.getMessage());
        int at = text.indexOf(Naming.ADJOINT_PREFIX);
        if (at < 0) {
            return null;
        }
        int nameEnd = at + Naming.ADJOINT_PREFIX.length();
        while (nameEnd < text.length() && Character.isJavaIdentifierPart(text.charAt(nameEnd))) {
            nameEnd++;
        }
        String method = text.substring(at + Naming.ADJOINT_PREFIX.length(), nameEnd);
        int ownerStart = text.lastIndexOf(' ', at) + 1;
        String owner = text.substring(ownerStart, Math.max(ownerStart, at - 1)).replace('.', '/');
        String failures = failuresOf(owner, method);
        String callee = owner.replace('/', '.') + "." + method;
        return failures != null
                ? "fluxion: cannot differentiate through " + callee + ", whose class could not be transformed:\n" + failures
                : "fluxion: the derivative of " + callee + " is missing: its class was not transformed. "
                        + AdjointLinker.AGENT_HINT;
    }

    private static String key(String owner, String name, String descriptor) {
        return owner + '.' + name + descriptor;
    }
}
